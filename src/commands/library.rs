//! `programmes`, `forget` and `refresh`: the library as scripts and people see it.

use std::fmt::Write;

use serde::Serialize;

use super::{CommandError, Context, Output};
use crate::cli::resolve::{Named, named};
use crate::library::{Entry, Library, Moment, News, When, ago};
use crate::text::clean_line;
use crate::tr;

/// One programme as `programmes --json` lists it.
#[derive(Serialize)]
struct Listed {
    id: String,
    title: String,
    source: String,
    fetched: chrono::DateTime<chrono::Utc>,
    checked: chrono::DateTime<chrono::Utc>,
    age_minutes: i64,
    sessions: usize,
    stars: usize,
}

/// `programmes`: every programme kept, with its source, age and stars. Changes nothing.
pub(crate) fn list(json: bool, context: &Context) -> Result<Output, CommandError> {
    let library = context.library()?;
    let index = library.index()?;
    let now = chrono::Utc::now();
    let mut notes = Vec::new();
    let listed: Vec<Listed> = index
        .programmes
        .iter()
        .map(|entry| Listed {
            id: clean_line(&entry.id),
            title: clean_line(&entry.title),
            source: entry.shown_source(),
            fetched: entry.fetched,
            checked: entry.checked,
            age_minutes: (now - entry.fetched).num_minutes(),
            sessions: entry.sessions,
            stars: context.stars(&entry.programme, &mut notes).len(),
        })
        .collect();
    notes.dedup();
    let stdout = if json {
        let text = serde_json::to_string_pretty(&listed).unwrap_or_default();
        format!("{text}\n")
    } else if listed.is_empty() {
        notes.push(tr!("library.empty").into());
        String::new()
    } else {
        table(&listed)
    };
    Ok(Output {
        stdout,
        notes,
        exit: 0,
    })
}

/// The listing as aligned columns: id, title, age, stars, source.
fn table(listed: &[Listed]) -> String {
    let width = |f: fn(&Listed) -> usize| listed.iter().map(f).max().unwrap_or(0);
    let id_w = width(|l| l.id.chars().count());
    let title_w = width(|l| l.title.chars().count()).min(40);
    let mut out = String::new();
    for l in listed {
        let title: String = l.title.chars().take(title_w).collect();
        let age = ago(chrono::TimeDelta::minutes(l.age_minutes));
        let stars = tr!("library.stars", n = l.stars);
        let _ = writeln!(
            out,
            "{:<id_w$}  {title:<title_w$}  {age:>9}  {stars:>8}  {}",
            l.id, l.source
        );
    }
    out
}

/// `forget ID`: the programme and its copy leave the library; its stars stay.
pub(crate) fn forget(id: &str, context: &Context) -> Result<Output, CommandError> {
    let library = context.library()?;
    let mut notes = Vec::new();
    let entry = library.forget(id, &mut notes)?;
    notes.push(tr!(
        "library.forgotten",
        id = clean_line(&entry.id),
        title = clean_line(&entry.title)
    ));
    Ok(Output {
        stdout: String::new(),
        notes,
        exit: 0,
    })
}

/// `refresh [PROGRAMME]`: asks the source of one programme, or of every one kept, for a newer
/// copy now. A copy that could not be had is a note; the last good one stays (exit 0).
pub(crate) fn refresh(programme: Option<&str>, context: &Context) -> Result<Output, CommandError> {
    let library = context.library()?;
    if context.when == When::Offline {
        return Err(CommandError::BadInput(
            tr!("library.refresh_offline").into(),
        ));
    }
    let index = library.index()?;
    let ids: Vec<String> = match programme {
        None => index.programmes.iter().map(|e| e.id.clone()).collect(),
        Some(argument) => vec![id_named(argument, library, context)?],
    };
    let mut stdout = String::new();
    let mut notes = Vec::new();
    let moment = Moment::on(&context.clock);
    for id in ids {
        let mut progress = context.progress;
        let opened = library.open_id(&id, When::Now, moment, None, &mut progress, &mut notes);
        crate::cli::progress::done();
        match opened {
            Ok(opened) => {
                let _ = writeln!(stdout, "{}", outcome(&opened.entry, &opened.news));
                notes.extend(opened.note(moment.now));
            }
            Err(e) => notes.push(e.to_string()),
        }
    }
    if stdout.is_empty() && notes.is_empty() {
        notes.push(tr!("library.empty").into());
    }
    Ok(Output {
        stdout,
        notes,
        exit: 0,
    })
}

/// The library id `argument` names: an id, or a URL or file kept there (a URL not yet kept is
/// downloaded and kept).
fn id_named(argument: &str, library: &Library, context: &Context) -> Result<String, CommandError> {
    let index = library.index()?;
    match named(Some(argument), Some(&index)) {
        Named::Id(id) => Ok(id),
        Named::Url(url) => {
            if let Some(entry) = index.by_source(&url) {
                return Ok(entry.id.clone());
            }
            let mut progress = context.progress;
            let mut notes = Vec::new();
            let moment = Moment::on(&context.clock);
            let opened = library.open_url(&url, When::Now, moment, None, &mut progress, &mut notes);
            crate::cli::progress::done();
            Ok(opened?.entry.id)
        }
        Named::Source(crate::formats::Source::File(path)) => {
            let source = std::path::absolute(&path).unwrap_or(path);
            index
                .by_source(&source.to_string_lossy())
                .map(|e| e.id.clone())
                .ok_or_else(|| not_kept(argument))
        }
        Named::Source(_) => Err(not_kept(argument)),
    }
}

fn not_kept(argument: &str) -> CommandError {
    CommandError::BadInput(tr!("library.not_kept", name = clean_line(argument)))
}

/// One line on what refreshing `entry` brought.
fn outcome(entry: &Entry, news: &News) -> String {
    let id = clean_line(&entry.id);
    match news {
        News::Updated | News::First => {
            tr!("library.updated", id = id, sessions = entry.sessions)
        }
        News::UpToDate | News::NotAsked => tr!("library.up_to_date", id = id),
        News::Kept(_) => tr!("library.kept", id = id),
    }
}
