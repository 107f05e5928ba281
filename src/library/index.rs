//! The library's index: one JSON file listing the programmes kept, beside a folder of their
//! last good copies. Changes take the library's lock, re-read the index, change it and write it
//! atomically; reading changes nothing. An index that cannot be read is reported, and moved
//! aside (never overwritten) only by a change.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::LibraryError;
use crate::fetch::Validators;

/// The index layout this build writes.
const VERSION: u32 = 1;
/// The index file in the library's directory.
pub(super) const INDEX_NAME: &str = "index.json";
/// Held while a change re-reads and rewrites the index and the copies.
const LOCK_NAME: &str = "library.lock";
/// The folder of last good copies.
pub(super) const COPIES: &str = "copies";
/// The most an index may hold: thousands of programmes are well under a megabyte.
const INDEX_CAP: u64 = crate::fsread::STORE_SIZE_CAP;

/// One programme kept in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The id the user opens it by (`fosdem-2025`).
    pub id: String,
    /// The programme's title, for listings.
    pub title: String,
    /// The programme's own id, which its stars are kept under.
    pub programme: String,
    /// Where it comes from: an http(s) URL, or an absolute file path.
    pub source: String,
    /// The file in `copies/` holding the last good bytes.
    pub copy: String,
    /// When those bytes were got.
    pub fetched: DateTime<Utc>,
    /// When the source last answered (with those bytes, a 304 or the same bytes again).
    pub checked: DateTime<Utc>,
    /// What the server said the copy can be checked against.
    #[serde(flatten)]
    pub validators: Validators,
    /// Whether the server answers conditional requests.
    #[serde(default)]
    pub conditional: bool,
    /// The bytes' XXH3-128 hash, in hex: the same hash is the same programme.
    pub hash: String,
    /// How many sessions the copy holds: a new copy with none is not taken over it.
    pub sessions: usize,
    /// The conference's first day, if the programme has dates.
    #[serde(default)]
    pub first_day: Option<NaiveDate>,
    /// Its last day.
    #[serde(default)]
    pub last_day: Option<NaiveDate>,
}

impl Entry {
    /// Whether it comes from the web rather than a file.
    pub fn is_url(&self) -> bool {
        crate::fetch::url::is_url(&self.source)
    }

    /// The source as listings and messages show it: a URL without credentials, cleaned.
    pub fn shown_source(&self) -> String {
        crate::fetch::url::shown(&self.source)
    }

    /// What the refresh policy needs to know of it.
    pub fn kept(&self) -> super::policy::Kept {
        super::policy::Kept {
            checked: self.checked,
            days: self.first_day.zip(self.last_day),
            conditional: self.conditional,
        }
    }
}

/// The index file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    /// What `dagsorden` with no argument opens: a library id or a shipped name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// The programmes, in the order they were first kept.
    #[serde(default)]
    pub programmes: Vec<Entry>,
}

impl Index {
    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.programmes.iter().find(|e| e.id == id)
    }

    /// The entry kept from this source.
    pub fn by_source(&self, source: &str) -> Option<&Entry> {
        self.programmes.iter().find(|e| e.source == source)
    }

    /// Puts `entry` in place of the one with its id, or adds it.
    pub fn put(&mut self, entry: Entry) {
        match self.programmes.iter_mut().find(|e| e.id == entry.id) {
            Some(kept) => *kept = entry,
            None => self.programmes.push(entry),
        }
    }
}

/// Where the library's files are.
#[derive(Debug, Clone)]
pub(super) struct Files {
    pub dir: PathBuf,
}

impl Files {
    pub fn index(&self) -> PathBuf {
        self.dir.join(INDEX_NAME)
    }

    pub fn copy(&self, name: &str) -> PathBuf {
        self.dir.join(COPIES).join(name)
    }

    /// The index as it is; empty when there is none yet. Changes nothing.
    pub fn read(&self) -> Result<Index, LibraryError> {
        let path = self.index();
        match crate::fsread::read_capped(&path, INDEX_CAP) {
            Ok(bytes) => parse(&bytes).ok_or(LibraryError::Unreadable { path }),
            Err(e) if e.is_not_found() => Ok(Index::default()),
            Err(e) => Err(LibraryError::Io {
                path,
                source: e.into(),
            }),
        }
    }

    /// Runs `change` on the index under the lock and writes the result; an unreadable index
    /// is first moved aside, and `notes` says where.
    pub fn change<T>(
        &self,
        notes: &mut Vec<String>,
        change: impl FnOnce(&mut Index, &Files) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let _lock = self.lock()?;
        let mut index = match self.read() {
            Ok(index) => index,
            Err(LibraryError::Unreadable { path }) => {
                let aside = crate::disk::set_aside(&path).map_err(|source| LibraryError::Io {
                    path: path.clone(),
                    source,
                })?;
                notes.push(crate::tr!(
                    "library.set_aside",
                    path = crate::text::shown_path(&aside)
                ));
                Index::default()
            }
            Err(other) => return Err(other),
        };
        let result = change(&mut index, self)?;
        index.version = VERSION;
        let json = serde_json::to_vec_pretty(&index).map_err(io::Error::other);
        let path = self.index();
        json.and_then(|json| crate::disk::write_atomically(&path, &json))
            .map_err(|source| LibraryError::Io { path, source })?;
        Ok(result)
    }

    /// Writes the bytes of a good copy under a name of their own, so the index never names a
    /// half-written file; returns the name.
    pub fn write_copy(&self, id: &str, hash: &str, bytes: &[u8]) -> Result<String, LibraryError> {
        let name = format!("{id}-{hash}");
        let path = self.copy(&name);
        std::fs::create_dir_all(self.dir.join(COPIES))
            .and_then(|()| crate::disk::write_atomically(&path, bytes))
            .map_err(|source| LibraryError::Io { path, source })?;
        Ok(name)
    }

    /// Removes a copy no entry names any more; one that cannot be removed is only wasted room.
    pub fn remove_copy(&self, name: &str) {
        let _ = std::fs::remove_file(self.copy(name));
    }

    fn lock(&self) -> Result<File, LibraryError> {
        let path = self.dir.join(LOCK_NAME);
        std::fs::create_dir_all(&self.dir)
            .and_then(|()| crate::disk::lock(&path))
            .map_err(|source| LibraryError::Io { path, source })
    }
}

/// The index in `bytes`, if it is one this build can read.
fn parse(bytes: &[u8]) -> Option<Index> {
    let index: Index = serde_json::from_slice(bytes).ok()?;
    (index.version <= VERSION).then_some(index)
}

/// The hash a copy is known by.
pub(super) fn hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// The path as the library keeps it: absolute, so it means the same from any directory.
pub(super) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
