//! What the user last looked at: for each programme, a compact record of every session as the
//! user last saw it (key → title, date, start, end, room, speakers), kept in the data
//! directory (`seen/`), so the viewer and `dagsorden changes` can tell what changed since.
//!
//! A programme kept in the library goes by its library id; any other (a shipped programme, a
//! file opened by a command) by its own id, as its zone and stars are. The viewer writes the
//! record (atomically, under a lock); commands only read it. A file that cannot be read is
//! reported and left as it is, never overwritten.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::compare::Records;
use crate::text::shown_path;
use crate::tr;

/// The folder of records in the data directory.
pub const DIR_NAME: &str = "seen";
const LOCK_NAME: &str = "seen.lock";
const TEMP_PREFIX: &str = ".seen.";
/// The layout this build writes.
const VERSION: u32 = 1;

/// Why a record could not be read or written.
#[derive(Debug, Error)]
pub enum LookedError {
    /// The file is not one this build can read; it is left as it is.
    #[error("{}", tr!("looked.unreadable", path = shown_path(.path)))]
    Unreadable {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be read or written.
    #[error("{}", tr!("looked.io", path = shown_path(.path), error = .source))]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The file's content.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Contents {
    version: u32,
    #[serde(default)]
    sessions: Records,
}

/// The record of one programme, on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookedFile {
    path: PathBuf,
}

impl LookedFile {
    /// The record in `data_dir` of the programme kept in the library as `library_id`, or (not
    /// kept there) of the programme whose own id is `programme_id`.
    pub fn of(data_dir: &Path, library_id: Option<&str>, programme_id: &str) -> Self {
        let name = match library_id {
            Some(id) => format!("library-{}.json", safe(id)),
            None => format!("programme-{}.json", safe(programme_id)),
        };
        Self {
            path: data_dir.join(DIR_NAME).join(name),
        }
    }

    /// Where the record is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The sessions as last seen; `None` when the programme was never looked at.
    pub fn load(&self) -> Result<Option<Records>, LookedError> {
        let bytes = match crate::fsread::read_capped(&self.path, crate::fsread::STORE_SIZE_CAP)
            .map_err(std::io::Error::from)
        {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(LookedError::Io {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let contents: Contents = serde_json::from_slice(&bytes).map_err(|_| self.unreadable())?;
        if contents.version != VERSION {
            return Err(self.unreadable());
        }
        let sessions = contents
            .sessions
            .into_iter()
            .map(|(key, record)| (crate::text::clean_line_owned(key), record.cleaned()))
            .collect();
        Ok(Some(sessions))
    }

    /// Writes `sessions` as the record, whole or not at all.
    pub fn save(&self, sessions: &Records) -> Result<(), LookedError> {
        let error = |source| LookedError::Io {
            path: self.path.clone(),
            source,
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(error)?;
        let _lock = crate::disk::lock(&dir.join(LOCK_NAME)).map_err(error)?;
        let contents = ContentsRef {
            version: VERSION,
            sessions,
        };
        let mut json = serde_json::to_vec(&contents).map_err(|e| error(e.into()))?;
        json.push(b'\n');
        crate::disk::write_atomically_as(&self.path, TEMP_PREFIX, &json).map_err(error)
    }

    fn unreadable(&self) -> LookedError {
        LookedError::Unreadable {
            path: self.path.clone(),
        }
    }
}

/// The file's content, borrowed for writing.
#[derive(Serialize)]
struct ContentsRef<'a> {
    version: u32,
    sessions: &'a Records,
}

/// A name made only of letters, digits and `-`, whatever the programme calls itself.
fn safe(id: &str) -> String {
    let slug = crate::library::slug::slugify(id);
    if slug.is_empty() {
        "unnamed".to_string()
    } else {
        slug
    }
}

/// What the viewer opens with: where the record is, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastLooked {
    /// The record's file, written when the user has seen something new.
    pub file: LookedFile,
    /// The sessions as last seen; `None` on the first look (nothing is marked, all is
    /// recorded).
    pub sessions: Option<Records>,
}

impl LastLooked {
    /// The record of a programme for the viewer; a record that cannot be read is a problem to
    /// tell, and then none is kept (so it is never overwritten).
    pub fn load(file: LookedFile, problems: &mut Vec<String>) -> Option<Self> {
        match file.load() {
            Ok(sessions) => Some(Self { file, sessions }),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::compare::Record;

    fn records() -> Records {
        let mut record = Record::default();
        record.seen.title = "Rust".into();
        record.speakers = vec!["Ada".into()];
        [("k".to_string(), record)].into()
    }

    #[test]
    fn a_record_is_kept_and_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let file = LookedFile::of(dir.path(), Some("fosdem-2025"), "fosdem");
        assert_eq!(file.load().expect("none yet"), None);
        file.save(&records()).expect("saved");
        assert_eq!(file.load().expect("read"), Some(records()));
        assert!(file.path().ends_with("seen/library-fosdem-2025.json"));
    }

    #[test]
    fn programmes_outside_the_library_go_by_their_own_id_made_safe() {
        let dir = Path::new("/data");
        let file = LookedFile::of(dir, None, "../KS 2024");
        assert_eq!(file.path(), Path::new("/data/seen/programme-ks-2024.json"));
    }

    #[test]
    fn an_unreadable_record_is_reported_and_left_alone() {
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let dir = tempfile::tempdir().expect("dir");
        let file = LookedFile::of(dir.path(), None, "p");
        std::fs::create_dir_all(file.path().parent().expect("dir")).expect("mkdir");
        std::fs::write(file.path(), b"{ not json").expect("write");
        let mut problems = Vec::new();
        assert_eq!(LastLooked::load(file.clone(), &mut problems), None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("programme-p.json"), "{problems:?}");
        assert_eq!(std::fs::read(file.path()).expect("kept"), b"{ not json");
    }
}
