//! `dagsorden export` and `dagsorden import-favourites`: stars out to a calendar or an agenda,
//! and back in from a calendar, merged with the stars already there.

use crate::tr;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{CommandError, Context, Output};
use crate::cli::{ExportFormat, Input};
use crate::export::{self, Layout};
use crate::favourites::Notice;
use crate::formats::ical::{self, CalendarEntry};
use crate::formats::{Detail, SHIPPED};
use crate::index::search::fold;
use crate::model::{Level, Programme, Seen, Star, Stars, Timeline};
use crate::text::{clean_line, clean_opt, shown_path};

/// What `export` was asked for.
pub(crate) struct ExportRequest {
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

/// Writes the chosen sessions as a calendar or an agenda. With none to write (nothing starred,
/// or none with a time for a calendar) it writes nothing, not even an empty file, says so and
/// exits 1.
pub(crate) fn export(
    programme: &Programme,
    request: &ExportRequest,
    context: &Context,
) -> Result<Output, CommandError> {
    let mut notes = Vec::new();
    let stars = context.stars(&programme.id, &mut notes);
    let sessions = chosen(programme, &stars, request.all);
    if sessions.is_empty() {
        notes.push(if request.all {
            tr!("transfer.no_sessions").into()
        } else {
            tr!("transfer.no_stars").into()
        });
        return Ok(nothing_written(notes));
    }
    let clock = context.clock_for(programme, &mut notes);
    let timeline = clock.timeline(programme);
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
            let shown = clock.shown;
            (
                export::agenda(programme, &timeline, shown, &sessions, level, layout),
                0,
            )
        }
    };
    if left_out == sessions.len() {
        notes.push(tr!("transfer.none_timed", n = left_out));
        return Ok(nothing_written(notes));
    }
    if left_out > 0 {
        notes.push(tr!("transfer.left_out", n = left_out));
    }
    let Some(path) = named_file(request.output.as_deref()) else {
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
        path = shown_path(path)
    ));
    Ok(Output {
        stdout: String::new(),
        notes,
        exit: 0,
    })
}

/// Nothing on standard output and no file: only the notes saying why, and exit 1.
fn nothing_written(notes: Vec<String>) -> Output {
    Output {
        stdout: String::new(),
        notes,
        exit: 1,
    }
}

/// The text on standard output, or in `path` with a note saying so.
pub(crate) fn write_out(text: String, path: Option<&Path>) -> Result<Output, CommandError> {
    let Some(path) = named_file(path) else {
        return Ok(text.into());
    };
    write_file(path, &text)?;
    Ok(Output {
        stdout: String::new(),
        notes: vec![tr!("transfer.wrote", path = shown_path(path))],
        exit: 0,
    })
}

/// The file `-o` names; none for standard output (no `-o`, or `-o -` as most tools read it).
fn named_file(path: Option<&Path>) -> Option<&Path> {
    path.filter(|p| p.as_os_str() != "-")
}

/// Writes the whole file or, failing, leaves what was there.
fn write_file(path: &Path, text: &str) -> Result<(), CommandError> {
    crate::disk::write_atomically(path, text.as_bytes()).map_err(|source| CommandError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// How the entries of a calendar matched the programme.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Matched {
    /// Session index and the level to star it at.
    pub found: Vec<(usize, Level)>,
    /// The titles (or UIDs) of entries the programme does not have.
    pub missing: Vec<String>,
}

/// Finds each calendar entry in the programme: by the UID an export wrote, by a session key
/// used as the UID, or by title and start time (title alone if only one session has it).
pub(crate) fn match_entries(
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
            // A UID is the file's text as much as a title is.
            None => matched.missing.push(
                entry
                    .summary
                    .clone()
                    .or_else(|| clean_opt(entry.uid.as_deref()))
                    .unwrap_or_else(|| tr!("transfer.untitled").into()),
            ),
        }
    }
    matched
}

/// Stars what the calendar `file` names, in the programme `input` names or, when it names none,
/// in the one the calendar was exported from (its UIDs say which); never in a programme the
/// user did not name or the calendar does not say.
pub(crate) fn import_into(
    input: &Input,
    file: &Path,
    context: &Context,
) -> Result<Output, CommandError> {
    let entries = read_calendar(file)?;
    let exported_from = export::programmes_in(entries.iter().filter_map(|e| e.uid.as_deref()));
    let mut notes = Vec::new();
    let input = match &input.programme {
        Some(_) => input.clone(),
        None => Input {
            programme: Some(shipped_from(&exported_from, file)?),
            format: input.format,
        },
    };
    let programme = super::load(&input, Detail::Brief, context, &mut notes)?
        .loaded
        .programme;
    if let Some(other) = exported_from.iter().find(|&&id| id != programme.id) {
        notes.push(tr!(
            "transfer.other_programme",
            path = shown_path(file),
            other = clean_line(other),
            programme = programme.title
        ));
    }
    let mut output = import(&programme, &entries, context)?;
    output.notes.splice(0..0, notes);
    Ok(output)
}

/// The events of the calendar file.
fn read_calendar(file: &Path) -> Result<Vec<CalendarEntry>, CommandError> {
    let bytes =
        crate::fsread::read_capped(file, crate::formats::PROGRAMME_SIZE_CAP).map_err(|source| {
            CommandError::File {
                path: file.to_path_buf(),
                source: source.into(),
            }
        })?;
    ical::entries(&bytes, &shown_path(file))?
        .ok_or_else(|| CommandError::BadInput(tr!("transfer.not_ical", path = shown_path(file))))
}

/// The shipped programme a calendar was exported from, or why it cannot be told.
fn shipped_from(exported_from: &[&str], file: &Path) -> Result<String, CommandError> {
    let path = shown_path(file);
    match exported_from {
        [] => Err(CommandError::BadInput(tr!(
            "transfer.which_programme",
            path = path
        ))),
        [id] if SHIPPED.iter().any(|(name, _)| name == id) => Ok((*id).to_string()),
        [id] => Err(CommandError::BadInput(tr!(
            "transfer.programme_not_shipped",
            path = path,
            id = clean_line(id)
        ))),
        several => Err(CommandError::BadInput(tr!(
            "transfer.several_programmes",
            path = path,
            ids = clean_line(&several.join(", "))
        ))),
    }
}

/// Stars the calendar's entries in the programme, keeping the stars already there.
pub(crate) fn import(
    programme: &Programme,
    entries: &[CalendarEntry],
    context: &Context,
) -> Result<Output, CommandError> {
    let mut notes = Vec::new();
    let timeline = context.clock_for(programme, &mut notes).timeline(programme);
    let matched = match_entries(
        programme,
        &timeline,
        &crate::index::keys(programme),
        entries,
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
        notes: notes
            .into_iter()
            .chain(notice.iter().map(Notice::to_string))
            .collect(),
        exit: 0,
    })
}
