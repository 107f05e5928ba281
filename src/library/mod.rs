//! The programme library: every programme opened from a URL (and in the viewer from a file)
//! kept with its source, its last good bytes, when they were got, the server's validators and
//! a content hash, under a short id (`fosdem-2025`) to open it by, offline.
//!
//! A new copy replaces the last good one only when it is a programme and not an empty one where
//! the last had sessions; the replacement is atomic (the copy is written whole under a name of
//! its own, then the index is rewritten to name it). A download that fails leaves everything as
//! it was and says why. Nothing here knows about the terminal: progress goes to a callback.

mod index;
pub mod policy;
pub mod slug;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use thiserror::Error;

pub use index::{Entry, Index};
use index::{Files, absolute, hash};
pub use policy::Policy;

use crate::fetch::{self, FetchError, Fetched, Limits, Progress, Validators};
use crate::formats::{Detail, Format, LoadError};
use crate::fsread::ReadError;
use crate::model::{Clock, Programme, SetClock};
use crate::text::shown_path;
use crate::tr;

/// The environment variable that moves the data directory (as `--data-dir` does).
pub const DATA_DIR_VAR: &str = "DAGSORDEN_DATA_DIR";
/// The library's folder in the data directory.
const DIR_NAME: &str = "library";

/// Why the library could not do what was asked.
#[derive(Debug, Error)]
pub enum LibraryError {
    /// A file of the library could not be read or written.
    #[error("{}", tr!("library.io", path = shown_path(.path), error = .source))]
    Io {
        /// The file at fault.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The index is not one this build can read; it is left as it is.
    #[error("{}", tr!("library.unreadable", path = shown_path(.path)))]
    Unreadable {
        /// The index file.
        path: PathBuf,
    },
    /// No programme has this id.
    #[error("{}", tr!("library.no_such_id", id = crate::text::clean_line(.0)))]
    NoSuchId(String),
    /// A programme never downloaded, asked for without the network.
    #[error("{}", tr!("library.offline_new", url = fetch::url::shown(.0)))]
    OfflineNew(String),
    /// The first download of a programme failed, so there is no copy to fall back on.
    #[error("{}", tr!("library.first_failed", source = .from, why = .why))]
    FirstFailed {
        /// The source, as shown.
        from: String,
        /// Why.
        why: Why,
    },
}

/// Why a new copy was not taken.
#[derive(Debug, Error)]
pub enum Why {
    /// The download failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// What came is not a programme dagsorden can read.
    #[error("{}", tr!("library.not_a_programme", error = .0))]
    NotAProgramme(Box<LoadError>),
    /// What came has no sessions where the copy kept has some.
    #[error("{}", tr!("library.emptied", sessions = .0))]
    Emptied(usize),
}

/// When to ask the source for a newer copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// When the refresh policy says the copy is due (or there is none).
    IfDue,
    /// Now, whatever the policy says.
    Now,
    /// Never: the network (and the file) is not touched; only copies kept are opened.
    Offline,
}

/// The time, for deciding whether a copy is due: the real time it is (copies age by it), and
/// the day it is for the programme (by the clock in force, which may be set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The world's time now.
    pub now: DateTime<Utc>,
    /// Today, as the clock in force has it.
    pub today: NaiveDate,
}

impl Moment {
    /// Now, on `clock` (a set clock gives the day; copies still age by the real time).
    pub fn on(clock: &Clock) -> Self {
        let now = Utc::now();
        let today = match clock.set {
            Some(SetClock::Venue(wall)) => wall.date(),
            Some(SetClock::Moment(at)) => clock.local.wall(at).date(),
            None => clock.local.wall(now).date(),
        };
        Self { now, today }
    }
}

/// What became of asking the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum News {
    /// Not asked: the copy is current, or the network is off.
    NotAsked,
    /// Downloaded for the first time.
    First,
    /// Asked: nothing has changed (a 304, or the same bytes again).
    UpToDate,
    /// A new copy was taken.
    Updated,
    /// The copy kept is used, because the new one could not be had; why, in words.
    Kept(String),
}

/// A programme opened from the library: its entry, its bytes and what asking brought.
#[derive(Debug)]
pub struct Opened {
    /// The entry as it now stands.
    pub entry: Entry,
    /// The last good bytes.
    pub bytes: Vec<u8>,
    /// What asking the source brought.
    pub news: News,
}

impl Opened {
    /// The one note to give the user: when a new copy could not be had, why, and how old the
    /// copy used is.
    pub fn note(&self, now: DateTime<Utc>) -> Option<String> {
        let News::Kept(why) = &self.news else {
            return None;
        };
        Some(tr!(
            "library.kept_copy",
            title = crate::text::clean_line(&self.entry.title),
            why = why,
            time = self
                .entry
                .fetched
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M"),
            age = ago(now - self.entry.fetched)
        ))
    }
}

/// An age in the largest whole unit: "5 min", "3 h", "2 days".
pub fn ago(age: TimeDelta) -> String {
    let minutes = age.num_minutes().max(0);
    if minutes < 60 {
        tr!("library.minutes", n = minutes)
    } else if minutes < 48 * 60 {
        tr!("library.hours", n = minutes / 60)
    } else {
        tr!("library.days", n = minutes / (24 * 60))
    }
}

/// The library in a data directory, with the limits its downloads keep to and the policy for
/// when to ask again.
#[derive(Debug, Clone)]
pub struct Library {
    files: Files,
    /// The bounds on each download.
    pub limits: Limits,
    /// When a kept copy is due to be asked for again.
    pub policy: Policy,
}

/// What the programme in a new copy says about itself.
struct Facts {
    title: String,
    programme: String,
    sessions: usize,
    days: Option<(NaiveDate, NaiveDate)>,
}

impl Facts {
    fn of(programme: &Programme) -> Self {
        let mut dates = programme.days.iter().filter_map(|d| d.date);
        let first = dates.next();
        let last = dates.next_back().or(first);
        Self {
            title: programme.title.clone(),
            programme: programme.id.clone(),
            sessions: programme.sessions.len(),
            days: first.zip(last),
        }
    }
}

impl Library {
    /// The library in the data directory `data_dir`.
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            files: Files {
                dir: data_dir.join(DIR_NAME),
            },
            limits: Limits::default(),
            policy: Policy::default(),
        }
    }

    /// The user's data directory for dagsorden (`~/.local/share/dagsorden` on Linux).
    pub fn default_data_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dagsorden").map(|d| d.data_dir().to_path_buf())
    }

    /// Where the library keeps its files.
    pub fn dir(&self) -> &Path {
        &self.files.dir
    }

    /// The data directory the library is in, beside the other data dagsorden keeps.
    pub fn data_dir(&self) -> &Path {
        self.files.dir.parent().unwrap_or(&self.files.dir)
    }

    /// The index as it is. Changes nothing: an unreadable one is an error, left in place.
    pub fn index(&self) -> Result<Index, LibraryError> {
        self.files.read()
    }

    /// The index for a change: an unreadable one is as good as empty (the change moves it
    /// aside and says so).
    fn index_to_change(&self) -> Result<Index, LibraryError> {
        match self.index() {
            Err(LibraryError::Unreadable { .. }) => Ok(Index::default()),
            other => other,
        }
    }

    /// The programme kept from `url`, asked for again as `when` says; downloaded and kept
    /// under a new id if the library has none from it.
    pub fn open_url(
        &self,
        url: &str,
        when: When,
        at: Moment,
        format: Option<Format>,
        progress: &mut dyn FnMut(Progress),
        notes: &mut Vec<String>,
    ) -> Result<Opened, LibraryError> {
        match self.index_to_change()?.by_source(url).cloned() {
            Some(entry) => self.renew(entry, when, at, format, progress, notes),
            None if when == When::Offline => Err(LibraryError::OfflineNew(url.to_string())),
            None => self.first(url, at, format, progress, notes),
        }
    }

    /// The programme kept under `id`, asked for again as `when` says.
    pub fn open_id(
        &self,
        id: &str,
        when: When,
        at: Moment,
        format: Option<Format>,
        progress: &mut dyn FnMut(Progress),
        notes: &mut Vec<String>,
    ) -> Result<Opened, LibraryError> {
        let entry = self
            .index_to_change()?
            .by_id(id)
            .cloned()
            .ok_or_else(|| LibraryError::NoSuchId(id.to_string()))?;
        self.renew(entry, when, at, format, progress, notes)
    }

    /// Keeps the programme just read from the file at `path` (its `bytes`), as the viewer
    /// opened it; a copy the library has of the same bytes is left as it is.
    pub fn remember_file(
        &self,
        path: &Path,
        bytes: &[u8],
        programme: &Programme,
        at: Moment,
        notes: &mut Vec<String>,
    ) -> Result<Entry, LibraryError> {
        let source = absolute(path).to_string_lossy().into_owned();
        let facts = Facts::of(programme);
        self.files.change(notes, |index, files| {
            let kept = index.by_source(&source).cloned();
            if let Some(kept) = kept.as_ref().filter(|k| k.hash == hash(bytes)) {
                return Ok(kept.clone());
            }
            record(index, files, kept, &source, bytes, &facts, at.now)
        })
    }

    /// The id of the programme kept from the file at `path`, if the library keeps one.
    /// Changes nothing.
    pub fn id_of_file(&self, path: &Path) -> Option<String> {
        let source = absolute(path).to_string_lossy().into_owned();
        Some(self.index().ok()?.by_source(&source)?.id.clone())
    }

    /// Remembers what `dagsorden` with no argument opens next time: a library id or a shipped
    /// name. Written only when it changes.
    pub fn set_last(&self, what: &str, notes: &mut Vec<String>) -> Result<(), LibraryError> {
        if self.index().ok().and_then(|i| i.last).as_deref() == Some(what) {
            return Ok(());
        }
        self.files.change(notes, |index, _| {
            index.last = Some(what.to_string());
            Ok(())
        })
    }

    /// Removes the programme `id` and its copy; its stars stay where they are.
    pub fn forget(&self, id: &str, notes: &mut Vec<String>) -> Result<Entry, LibraryError> {
        let entry = self.files.change(notes, |index, _| {
            let at = index
                .programmes
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| LibraryError::NoSuchId(id.to_string()))?;
            if index.last.as_deref() == Some(id) {
                index.last = None;
            }
            Ok(index.programmes.remove(at))
        })?;
        self.files.remove_copy(&entry.copy);
        Ok(entry)
    }

    /// The last good bytes of `entry`.
    pub fn copy_of(&self, entry: &Entry) -> Result<Vec<u8>, LibraryError> {
        let path = self.files.copy(&entry.copy);
        crate::fsread::read_capped(&path, crate::formats::PROGRAMME_SIZE_CAP).map_err(|e| {
            LibraryError::Io {
                path,
                source: e.into(),
            }
        })
    }

    /// The first download from `url`: kept under a new id if it is a programme.
    fn first(
        &self,
        url: &str,
        at: Moment,
        format: Option<Format>,
        progress: &mut dyn FnMut(Progress),
        notes: &mut Vec<String>,
    ) -> Result<Opened, LibraryError> {
        let failed = |why: Why| LibraryError::FirstFailed {
            from: fetch::url::shown(url),
            why,
        };
        let Fetched::Body { bytes, validators } =
            fetch::get(url, &Validators::default(), &self.limits, progress)
                .map_err(|e| failed(e.into()))?
        else {
            return Err(failed(FetchError::Status(304).into()));
        };
        let facts = check(&bytes, url, format, 0).map_err(failed)?;
        let entry = self.files.change(notes, |index, files| {
            let kept = index.by_source(url).cloned();
            let entry = record(index, files, kept, url, &bytes, &facts, at.now)?;
            let entry = entry.with_validators(validators.clone());
            index.put(entry.clone());
            Ok(entry)
        })?;
        Ok(Opened {
            entry,
            bytes,
            news: News::First,
        })
    }

    /// `entry`'s copy, asked for again first if `when` says so; a failure keeps the copy.
    fn renew(
        &self,
        entry: Entry,
        when: When,
        at: Moment,
        format: Option<Format>,
        progress: &mut dyn FnMut(Progress),
        notes: &mut Vec<String>,
    ) -> Result<Opened, LibraryError> {
        let copy = self.copy_of(&entry);
        let due = match when {
            When::Now => true,
            When::IfDue => self.policy.is_due(&entry.kept(), at.now, at.today),
            When::Offline => false,
        };
        let bytes = match copy {
            Ok(bytes) if !due => {
                return Ok(Opened {
                    entry,
                    bytes,
                    news: News::NotAsked,
                });
            }
            Ok(bytes) => bytes,
            // Without a copy there is nothing to fall back on, and nothing to validate.
            Err(e) if when == When::Offline => return Err(e),
            Err(_) => return self.refetch(entry, at, format, progress, notes),
        };
        let validators = if entry.is_url() {
            entry.validators.clone()
        } else {
            Validators::default()
        };
        let answer = self.ask(&entry.source, &validators, progress);
        self.take(entry, bytes, answer, at, format, notes)
    }

    /// A kept entry whose copy has gone: fetched again as if new, under the same id.
    fn refetch(
        &self,
        entry: Entry,
        at: Moment,
        format: Option<Format>,
        progress: &mut dyn FnMut(Progress),
        notes: &mut Vec<String>,
    ) -> Result<Opened, LibraryError> {
        let failed = |why: Why| LibraryError::FirstFailed {
            from: entry.shown_source(),
            why,
        };
        let (bytes, validators) = match self.ask(&entry.source, &Validators::default(), progress) {
            Ok(Fetched::Body { bytes, validators }) => (bytes, validators),
            Ok(Fetched::NotModified) => return Err(failed(FetchError::Status(304).into())),
            Err(why) => return Err(failed(why)),
        };
        let facts = check(&bytes, &entry.source, format, 0).map_err(failed)?;
        let source = entry.source.clone();
        let entry = self.files.change(notes, |index, files| {
            let entry = record(index, files, Some(entry), &source, &bytes, &facts, at.now)?;
            let entry = entry.with_validators(validators.clone());
            index.put(entry.clone());
            Ok(entry)
        })?;
        Ok(Opened {
            entry,
            bytes,
            news: News::Updated,
        })
    }

    /// Asks the source for a newer copy: a download, or a file read whole.
    fn ask(
        &self,
        source: &str,
        validators: &Validators,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Fetched, Why> {
        if fetch::url::is_url(source) {
            return Ok(fetch::get(source, validators, &self.limits, progress)?);
        }
        let bytes = crate::fsread::read_capped(Path::new(source), self.limits.cap)?;
        Ok(Fetched::Body {
            bytes,
            validators: Validators::default(),
        })
    }

    /// What to make of the source's answer: the same copy checked again, a new copy taken,
    /// or the copy kept and why.
    fn take(
        &self,
        entry: Entry,
        kept: Vec<u8>,
        answer: Result<Fetched, Why>,
        at: Moment,
        format: Option<Format>,
        notes: &mut Vec<String>,
    ) -> Result<Opened, LibraryError> {
        let (bytes, validators, conditional) = match answer {
            Ok(Fetched::NotModified) => (None, entry.validators.clone(), true),
            Ok(Fetched::Body { bytes, validators }) => {
                let conditional = validators.any();
                (Some(bytes), validators, conditional)
            }
            Err(why) => return Ok(keeping(entry, kept, &why)),
        };
        let Some(bytes) = bytes.filter(|b| hash(b) != entry.hash) else {
            let entry = self.checked(entry, validators, conditional, at.now, notes)?;
            return Ok(Opened {
                entry,
                bytes: kept,
                news: News::UpToDate,
            });
        };
        let facts = match check(&bytes, &entry.source, format, entry.sessions) {
            Ok(facts) => facts,
            Err(why) => return Ok(keeping(entry, kept, &why)),
        };
        let source = entry.source.clone();
        let entry = self.files.change(notes, |index, files| {
            let entry = record(index, files, Some(entry), &source, &bytes, &facts, at.now)?;
            let entry = Entry {
                conditional,
                ..entry.with_validators(validators.clone())
            };
            index.put(entry.clone());
            Ok(entry)
        })?;
        Ok(Opened {
            entry,
            bytes,
            news: News::Updated,
        })
    }

    /// Notes that the source answered with the copy kept.
    fn checked(
        &self,
        entry: Entry,
        validators: Validators,
        conditional: bool,
        now: DateTime<Utc>,
        notes: &mut Vec<String>,
    ) -> Result<Entry, LibraryError> {
        let entry = Entry {
            checked: now,
            conditional,
            ..entry.with_validators(validators)
        };
        self.files.change(notes, |index, _| {
            index.put(entry.clone());
            Ok(entry.clone())
        })
    }
}

impl Entry {
    fn with_validators(self, validators: Validators) -> Self {
        Self { validators, ..self }
    }
}

/// Writes `bytes` as the copy of the programme from `source` (replacing `kept`'s, or under
/// a new id), and puts the entry in the index; returns it.
#[allow(clippy::too_many_arguments)]
fn record(
    index: &mut Index,
    files: &Files,
    kept: Option<Entry>,
    source: &str,
    bytes: &[u8],
    facts: &Facts,
    now: DateTime<Utc>,
) -> Result<Entry, LibraryError> {
    let id = kept
        .as_ref()
        .map_or_else(|| new_id(index, &facts.title, source), |k| k.id.clone());
    let hash = hash(bytes);
    let copy = files.write_copy(&id, &hash, bytes)?;
    let entry = Entry {
        id,
        title: facts.title.clone(),
        programme: facts.programme.clone(),
        source: source.to_string(),
        copy,
        fetched: now,
        checked: now,
        validators: kept
            .as_ref()
            .map(|k| k.validators.clone())
            .unwrap_or_default(),
        conditional: kept.as_ref().is_some_and(|k| k.conditional),
        hash,
        sessions: facts.sessions,
        first_day: facts.days.map(|d| d.0),
        last_day: facts.days.map(|d| d.1),
    };
    index.put(entry.clone());
    if let Some(old) = kept.filter(|k| k.copy != entry.copy) {
        files.remove_copy(&old.copy);
    }
    Ok(entry)
}

/// The copy kept, and why the new one was not taken.
fn keeping(entry: Entry, bytes: Vec<u8>, why: &Why) -> Opened {
    Opened {
        entry,
        bytes,
        news: News::Kept(why.to_string()),
    }
}

/// What a new copy holds, if it is a programme worth taking over one with `sessions_before`
/// sessions.
fn check(
    bytes: &[u8],
    source: &str,
    format: Option<Format>,
    sessions_before: usize,
) -> Result<Facts, Why> {
    let origin = fetch::url::shown(source);
    let loaded = crate::formats::parse_with(bytes, &origin, format, Detail::Brief)
        .map_err(|e| Why::NotAProgramme(Box::new(e)))?;
    let facts = Facts::of(&loaded.programme);
    if facts.sessions == 0 && sessions_before > 0 {
        return Err(Why::Emptied(sessions_before));
    }
    Ok(facts)
}

/// An id for a new programme: its slug, made unique among the library's ids, the commands and
/// the shipped programmes (so that typing it always opens it).
fn new_id(index: &Index, title: &str, source: &str) -> String {
    let base = slug::of(title, source);
    slug::unique(&base, |candidate| {
        index.by_id(candidate).is_some()
            || crate::cli::is_command_name(candidate)
            || crate::formats::SHIPPED
                .iter()
                .any(|(name, _)| *name == candidate)
    })
}
