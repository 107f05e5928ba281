//! `dagsorden export` and `dagsorden import-favourites`: stars out to a calendar or an agenda,
//! and back in from a calendar, merged with the stars already there.

use crate::tr;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{CommandError, Context, Output};
use crate::cli::ExportFormat;
use crate::export::{self, Layout};
use crate::favourites::{Level, Notice, Seen, Star, Stars};
use crate::formats::ical::{self, CalendarEntry};
use crate::index::search::fold;
use crate::model::{Programme, Timeline};

/// What `export` was asked for.
pub struct ExportRequest {
    pub format: ExportFormat,
    pub all: bool,
    pub output: Option<PathBuf>,
}

/// The sessions an export covers: every one, or the starred ones, in programme order.
fn chosen(programme: &Programme, stars: &Stars, all: bool) -> Vec<usize> {
    (0..programme.sessions.len())
        .filter(|&i| all || stars.contains_key(&programme.sessions[i].id))
        .collect()
}

pub fn export(
    programme: &Programme,
    request: &ExportRequest,
    context: &Context,
) -> Result<Output, CommandError> {
    let mut notes = Vec::new();
    let stars = context.stars(&programme.id, &mut notes);
    let sessions = chosen(programme, &stars, request.all);
    let timeline = Timeline::new(programme, context.clock.local);
    let level = |i: usize| stars.get(&programme.sessions[i].id).map(|s| s.level);
    let (text, left_out) = match request.format {
        ExportFormat::Ics => {
            let exported = export::ics(programme, &timeline, &sessions, level, Utc::now());
            (exported.text, exported.left_out.len())
        }
        ExportFormat::Markdown | ExportFormat::Text => {
            let layout = if request.format == ExportFormat::Markdown {
                Layout::Markdown
            } else {
                Layout::Text
            };
            let shown = context.clock.shown;
            (
                export::agenda(programme, &timeline, shown, &sessions, level, layout),
                0,
            )
        }
    };
    if sessions.is_empty() {
        notes.push(if request.all {
            tr!("transfer.no_sessions").into()
        } else {
            tr!("transfer.no_stars").into()
        });
    }
    if left_out > 0 {
        notes.push(tr!("transfer.left_out", n = left_out));
    }
    let Some(path) = &request.output else {
        return Ok(Output {
            stdout: text,
            notes,
            exit: 0,
        });
    };
    write_file(path, &text)?;
    notes.push(tr!(
        "transfer.wrote_sessions",
        n = sessions.len() - left_out,
        path = path.display()
    ));
    Ok(Output {
        stdout: String::new(),
        notes,
        exit: 0,
    })
}

/// The text on standard output, or in `path` with a note saying so.
pub fn write_out(text: String, path: Option<&Path>) -> Result<Output, CommandError> {
    let Some(path) = path else {
        return Ok(text.into());
    };
    write_file(path, &text)?;
    Ok(Output {
        stdout: String::new(),
        notes: vec![tr!("transfer.wrote", path = path.display())],
        exit: 0,
    })
}

fn write_file(path: &Path, text: &str) -> Result<(), CommandError> {
    std::fs::write(path, text).map_err(|source| CommandError::File {
        path: path.to_path_buf(),
        source,
    })
}

/// How the entries of a calendar matched the programme.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Matched {
    /// Session index and the level to star it at.
    pub found: Vec<(usize, Level)>,
    /// The titles (or UIDs) of entries the programme does not have.
    pub missing: Vec<String>,
}

/// Finds each calendar entry in the programme: by the UID an export wrote, by a session key
/// used as the UID, or by title and start time (title alone if only one session has it).
pub fn match_entries(
    programme: &Programme,
    timeline: &Timeline,
    keys: &HashMap<String, usize>,
    entries: &[CalendarEntry],
) -> Matched {
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in programme.sessions.iter().enumerate() {
        by_title.entry(fold(&s.title)).or_default().push(i);
    }
    let mut matched = Matched::default();
    for entry in entries {
        let by_uid = entry.uid.as_deref().and_then(|uid| {
            let key = export::key_from_uid(&programme.id, uid).unwrap_or(uid);
            keys.get(key).copied()
        });
        let by_title_and_time = || {
            let candidates = by_title.get(&fold(entry.summary.as_deref()?))?;
            let at_time = candidates.iter().copied().find(|&i| {
                entry.start.is_some() && timeline.span(i).map(|s| s.start) == entry.start
            });
            at_time.or_else(|| (candidates.len() == 1).then(|| candidates[0]))
        };
        match by_uid.or_else(by_title_and_time) {
            Some(i) => {
                let level = match entry.star.as_deref() {
                    Some("maybe") => Level::Maybe,
                    _ => Level::Must,
                };
                matched.found.push((i, level));
            }
            None => matched.missing.push(
                entry
                    .summary
                    .clone()
                    .or_else(|| entry.uid.clone())
                    .unwrap_or_else(|| tr!("transfer.untitled").into()),
            ),
        }
    }
    matched
}

pub fn import(
    programme: &Programme,
    file: &Path,
    context: &Context,
) -> Result<Output, CommandError> {
    let bytes = std::fs::read(file).map_err(|source| CommandError::File {
        path: file.to_path_buf(),
        source,
    })?;
    let entries = ical::entries(&bytes)
        .ok_or_else(|| CommandError::BadInput(tr!("transfer.not_ical", path = file.display())))?;
    let timeline = Timeline::new(programme, context.clock.local);
    let matched = match_entries(
        programme,
        &timeline,
        &crate::index::keys(programme),
        &entries,
    );
    let store = context.store()?;
    let mut added = 0;
    let (_, notice) = store.modify(&programme.id, |stars| {
        for &(i, level) in &matched.found {
            let session = &programme.sessions[i];
            // Merge, never wipe: a star already set keeps its level.
            if !stars.contains_key(&session.id) {
                stars.insert(
                    session.id.clone(),
                    Star::new(level, Seen::of(programme, session)),
                );
                added += 1;
            }
        }
    })?;
    let mut stdout = tr!(
        "transfer.imported",
        found = matched.found.len(),
        entries = entries.len(),
        programme = programme.title,
        added = added,
        already = matched.found.len() - added
    ) + "\n";
    if !matched.missing.is_empty() {
        let _ = writeln!(
            stdout,
            "{}",
            tr!("transfer.not_found", n = matched.missing.len())
        );
        for title in &matched.missing {
            let _ = writeln!(stdout, "  {title}");
        }
    }
    Ok(Output {
        stdout,
        notes: notice.iter().map(Notice::to_string).collect(),
        exit: 0,
    })
}
