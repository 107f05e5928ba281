//! `changes`: what changed in a programme since the user last looked at it in the viewer, the
//! changes touching starred sessions first (with the clashes they make). Read-only: nothing is
//! taken as seen, nothing is written.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use super::{CommandError, Context, Output};
use crate::changes::compare::{compare, records};
use crate::changes::looked::LookedFile;
use crate::changes::report::{Reported, report};
use crate::cli::Input;
use crate::formats::Detail;
use crate::model::{Level, Programme, Stars};
use crate::text::{clean_line, symbols};
use crate::tr;

/// One change as `changes --json` gives it.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    change: &'a Reported,
    /// The starred sessions it now overlaps, by title.
    clashes: Vec<String>,
}

/// `changes [PROGRAMME] [--json]`.
pub(crate) fn run(input: &Input, json: bool, context: &Context) -> Result<Output, CommandError> {
    let mut notes = Vec::new();
    let opened = super::load(input, Detail::Brief, context, &mut notes)?;
    let programme = &opened.loaded.programme;
    let library = context.library()?;
    let library_id = opened.id.clone().or_else(|| {
        let named = input.programme.as_deref().filter(|p| Path::new(p).exists());
        named.and_then(|path| library.id_of_file(Path::new(path)))
    });
    let file = LookedFile::of(library.data_dir(), library_id.as_deref(), &programme.id);
    let Some(seen) = file
        .load()
        .map_err(|e| CommandError::BadInput(e.to_string()))?
    else {
        notes.push(tr!(
            "changes.none_recorded",
            programme = clean_line(&programme.title)
        ));
        let stdout = if json {
            "[]\n".to_string()
        } else {
            String::new()
        };
        return Ok(Output {
            stdout,
            notes,
            exit: 0,
        });
    };
    let stars = context.stars(&programme.id, &mut notes);
    let keys = crate::index::keys(programme);
    let starred = crate::changes::changes(programme, &keys, &stars);
    let reported = report(&compare(&seen, &records(programme)), &starred, &stars);
    let clashes = clashes(programme, &stars, &keys, context, &mut notes);
    let clashes_of = |r: &Reported| -> Vec<String> {
        keys.get(&r.key)
            .and_then(|i| clashes.get(i))
            .map(|others| {
                others
                    .iter()
                    .map(|&o| clean_line(&programme.sessions[o].title))
                    .collect()
            })
            .unwrap_or_default()
    };
    let stdout = if json {
        let listed: Vec<Listed> = reported
            .iter()
            .map(|change| Listed {
                change,
                clashes: clashes_of(change),
            })
            .collect();
        format!(
            "{}\n",
            serde_json::to_string_pretty(&listed).unwrap_or_default()
        )
    } else {
        text(&reported, clashes_of)
    };
    // An answer, not a warning: on standard output, as `now` says "nothing on now".
    let stdout = if reported.is_empty() && !json {
        format!("{}\n", tr!("changes.nothing"))
    } else {
        stdout
    };
    Ok(Output {
        stdout,
        notes,
        exit: 0,
    })
}

/// For each *must* session that overlaps another *must*, the ones it overlaps, as the planner
/// tells them.
fn clashes(
    programme: &Programme,
    stars: &Stars,
    keys: &HashMap<String, usize>,
    context: &Context,
    notes: &mut Vec<String>,
) -> HashMap<usize, Vec<usize>> {
    let timeline = context.clock_for(programme, notes).timeline(programme);
    let musts: Vec<usize> = stars
        .iter()
        .filter(|(_, star)| star.level == Level::Must)
        .filter_map(|(key, _)| keys.get(key).copied())
        .collect();
    crate::planner::clashes(&timeline, &musts)
}

/// The report as text: a section for starred sessions, one for the rest, a change a line.
fn text(reported: &[Reported], clashes_of: impl Fn(&Reported) -> Vec<String>) -> String {
    let mut out = String::new();
    let mut section = None;
    for change in reported {
        if section != Some(change.starred) {
            section = Some(change.starred);
            let heading = if change.starred {
                tr!("changes.mine")
            } else {
                tr!("changes.others")
            };
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(out, "{heading}");
        }
        let _ = writeln!(out, "  {} {}", mark(change), clean_line(&change.text));
        let clashes = clashes_of(change);
        if !clashes.is_empty() {
            let titles: Vec<String> = clashes.iter().map(|t| format!("«{t}»")).collect();
            let said = tr!("changes.clashes", titles = titles.join(", "));
            let _ = writeln!(out, "    {} {said}", symbols::CLASH_SYMBOL);
        }
    }
    out
}

fn mark(change: &Reported) -> &'static str {
    if change.is_cancelled() {
        symbols::CANCELLED_SYMBOL
    } else if change.is_new() {
        symbols::NEW_SYMBOL
    } else {
        symbols::CHANGED_SYMBOL
    }
}
