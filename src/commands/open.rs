//! Opening the programme a command line names, for a command or the viewer: a URL or an id
//! through the library (downloaded, or its last good copy with one note on why), a file or a
//! shipped programme as ever. The viewer also keeps the files it opens in the library and
//! remembers what it opened last; commands keep only what they download.

use crate::cli::resolve::{Named, named};
use crate::fetch::Progress;
use crate::formats::{Detail, Format, Loaded, Source};
use crate::library::{Library, Moment, News, When};

use super::CommandError;

/// Who opens the programme, and so what the library keeps of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// The viewer: files are kept too, and what it opens is what opens next time.
    Viewer,
    /// A command: only downloads are kept.
    Command,
}

/// How to open a programme: the library (none when the system has no data directory), when
/// to ask sources again, the time, and who asks.
pub struct Opening<'a> {
    /// The library, if there is a data directory.
    pub library: Option<&'a Library>,
    /// When to ask a source for a newer copy.
    pub when: When,
    /// The time, for the refresh policy.
    pub moment: Moment,
    /// Who opens.
    pub opener: Opener,
    /// Told as a download comes in.
    pub progress: &'a mut dyn FnMut(Progress),
}

/// A programme opened, with how to name it and what the user should be told.
#[derive(Debug)]
pub struct Opened {
    /// The programme as read.
    pub loaded: Loaded,
    /// How messages name where it came from.
    pub origin: String,
    /// The library's id for it, when it is kept there.
    pub id: Option<String>,
    /// Notes for standard error (or the viewer's status): a copy kept, a library problem.
    pub notes: Vec<String>,
    /// What asking the source brought, when it came through the library.
    pub news: Option<News>,
}

/// Opens what `argument` names, in `format` or the one its content shows.
pub fn open(
    argument: Option<&str>,
    format: Option<Format>,
    detail: Detail,
    opening: &mut Opening<'_>,
) -> Result<Opened, CommandError> {
    let index = opening.library.and_then(|l| l.index().ok());
    match named(argument, index.as_ref()) {
        Named::Url(url) => through_library(&url, true, format, detail, opening),
        Named::Id(id) => through_library(&id, false, format, detail, opening),
        Named::Source(source) => from_source(&source, format, detail, opening),
    }
}

/// A URL or an id, through the library.
fn through_library(
    name: &str,
    is_url: bool,
    format: Option<Format>,
    detail: Detail,
    opening: &mut Opening<'_>,
) -> Result<Opened, CommandError> {
    let library = opening.library.ok_or(CommandError::NoDataDir)?;
    let mut notes = Vec::new();
    let opened = if is_url {
        let (when, at) = (opening.when, opening.moment);
        library.open_url(name, when, at, format, opening.progress, &mut notes)
    } else {
        let when = when_for_id(library, name, opening.when);
        library.open_id(
            name,
            when,
            opening.moment,
            format,
            opening.progress,
            &mut notes,
        )
    }?;
    notes.extend(opened.note(opening.moment.now));
    if opening.opener == Opener::Viewer
        && let Err(e) = library.set_last(&opened.entry.id, &mut notes)
    {
        notes.push(e.to_string());
    }
    let origin = opened.entry.shown_source();
    let loaded = crate::formats::parse_with(&opened.bytes, &origin, format, detail)?;
    Ok(Opened {
        loaded,
        origin,
        id: Some(opened.entry.id),
        notes,
        news: Some(opened.news),
    })
}

/// A programme kept from a file is read again whenever it is opened (reading a file costs
/// nothing); one from the web as the policy says.
fn when_for_id(library: &Library, id: &str, when: When) -> When {
    let from_file = library
        .index()
        .ok()
        .and_then(|i| i.by_id(id).map(|e| !e.is_url()))
        .unwrap_or(false);
    if from_file && when == When::IfDue {
        When::Now
    } else {
        when
    }
}

/// A file or a shipped programme, read as ever; the viewer keeps it in the library.
fn from_source(
    source: &Source,
    format: Option<Format>,
    detail: Detail,
    opening: &Opening<'_>,
) -> Result<Opened, CommandError> {
    let loaded = source.load_with(format, detail)?;
    let mut notes = Vec::new();
    let mut id = None;
    if opening.opener == Opener::Viewer
        && let Some(library) = opening.library
    {
        id = keep(library, source, &loaded, opening.moment, &mut notes);
    }
    Ok(Opened {
        loaded,
        origin: source.display_name(),
        id,
        notes,
        news: None,
    })
}

/// Keeps what the viewer opened: a file's bytes in the library, and what to open next time.
/// A failure is a note; the programme is open all the same.
fn keep(
    library: &Library,
    source: &Source,
    loaded: &Loaded,
    moment: Moment,
    notes: &mut Vec<String>,
) -> Option<String> {
    let kept = match source {
        // Remembered only once the library holds something: opening the shipped programme
        // on a first run writes nothing.
        Source::Shipped(_) if library_is_empty(library) => Ok(None),
        Source::Shipped(name) => library.set_last(name, notes).map(|()| None),
        Source::File(path) => crate::fsread::read_capped(path, crate::formats::PROGRAMME_SIZE_CAP)
            .map_err(|e| crate::library::LibraryError::Io {
                path: path.clone(),
                source: e.into(),
            })
            .and_then(|bytes| library.remember_file(path, &bytes, &loaded.programme, moment, notes))
            .and_then(|entry| library.set_last(&entry.id, notes).map(|()| Some(entry.id))),
    };
    kept.unwrap_or_else(|e| {
        notes.push(e.to_string());
        None
    })
}

/// Whether the library has nothing in it (no index yet, or an empty one).
fn library_is_empty(library: &Library) -> bool {
    library
        .index()
        .is_ok_and(|i| i.programmes.is_empty() && i.last.is_none())
}
