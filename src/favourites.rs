//! The favourites store: which sessions the user starred, per programme, in one JSON file.
//!
//! Every change re-reads the file, applies just that change and writes the result atomically
//! (temporary file in the same directory, then rename), so a second instance's stars are kept
//! and a crash leaves the old file or the new one, never half of one. A file that cannot be
//! understood is moved aside under a timestamped name, never overwritten.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The file layout this build writes.
const VERSION: u32 = 1;
const FILE_NAME: &str = "favourites.json";

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot save {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("{path} is from a newer dagsorden (version {version}); stars are not saved")]
    Newer { path: PathBuf, version: u32 },
    #[error("cannot move unreadable {path} aside: {source}")]
    SetAside { path: PathBuf, source: io::Error },
}

/// What loading found that the user should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be understood and was moved to this path.
    SetAside(PathBuf),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct FavouritesFile {
    version: u32,
    #[serde(default)]
    programmes: BTreeMap<String, ProgrammeStars>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ProgrammeStars {
    #[serde(default)]
    starred: BTreeSet<String>,
}

/// Where the favourites live; every method works on the file as it is on disk now.
#[derive(Debug, Clone)]
pub struct FavouritesStore {
    path: PathBuf,
}

impl FavouritesStore {
    /// A store in `dir` (created on the first save).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
        }
    }

    /// The user's config directory for dagsorden (honours `XDG_CONFIG_HOME` on Linux).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dagsorden").map(|d| d.config_dir().to_path_buf())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The programme's stars. A missing file means none yet; an unreadable one is set aside.
    pub fn load(&self, programme: &str) -> Result<(BTreeSet<String>, Option<Notice>), StoreError> {
        let (mut file, notice) = self.read_or_set_aside()?;
        let stars = file
            .programmes
            .remove(programme)
            .unwrap_or_default()
            .starred;
        Ok((stars, notice))
    }

    /// Stars or unstars one session and saves at once; returns the programme's stars as now
    /// saved, which include any another instance saved meanwhile.
    pub fn set(
        &self,
        programme: &str,
        session: &str,
        starred: bool,
    ) -> Result<(BTreeSet<String>, Option<Notice>), StoreError> {
        let (mut file, notice) = self.read_or_set_aside()?;
        let stars = &mut file
            .programmes
            .entry(programme.to_string())
            .or_default()
            .starred;
        if starred {
            stars.insert(session.to_string());
        } else {
            stars.remove(session);
        }
        file.version = VERSION;
        self.write_atomically(&file)?;
        let stars = file
            .programmes
            .remove(programme)
            .unwrap_or_default()
            .starred;
        Ok((stars, notice))
    }

    fn read_or_set_aside(&self) -> Result<(FavouritesFile, Option<Notice>), StoreError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((FavouritesFile::default(), None));
            }
            Err(source) => {
                return Err(StoreError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        match serde_json::from_slice::<FavouritesFile>(&bytes) {
            Ok(file) if file.version > VERSION => Err(StoreError::Newer {
                path: self.path.clone(),
                version: file.version,
            }),
            Ok(file) => Ok((file, None)),
            Err(_) => {
                let aside = self.set_aside()?;
                Ok((FavouritesFile::default(), Some(Notice::SetAside(aside))))
            }
        }
    }

    /// Renames the unreadable file to `favourites.json.unreadable-<timestamp>` beside it.
    fn set_aside(&self) -> Result<PathBuf, StoreError> {
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
        let base = format!("{FILE_NAME}.unreadable-{stamp}");
        let mut aside = self.path.with_file_name(&base);
        let mut n = 1;
        while aside.exists() {
            n += 1;
            aside = self.path.with_file_name(format!("{base}-{n}"));
        }
        std::fs::rename(&self.path, &aside).map_err(|source| StoreError::SetAside {
            path: self.path.clone(),
            source,
        })?;
        Ok(aside)
    }

    fn write_atomically(&self, file: &FavouritesFile) -> Result<(), StoreError> {
        let error = |source| StoreError::Write {
            path: self.path.clone(),
            source,
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(error)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".favourites.")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(error)?;
        let mut json = serde_json::to_vec_pretty(file).map_err(|e| error(e.into()))?;
        json.push(b'\n');
        temp.write_all(&json).map_err(error)?;
        temp.as_file().sync_all().map_err(error)?;
        temp.persist(&self.path).map_err(|e| error(e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, FavouritesStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = FavouritesStore::in_dir(&dir.path().join("dagsorden"));
        (dir, store)
    }

    fn names(set: &BTreeSet<String>) -> Vec<&str> {
        set.iter().map(String::as_str).collect()
    }

    #[test]
    fn missing_file_means_no_stars_yet() {
        let (_dir, store) = store();
        let (stars, notice) = store.load("p").expect("load");
        assert!(stars.is_empty());
        assert_eq!(notice, None);
    }

    #[test]
    fn stars_round_trip_and_programmes_never_mix() {
        let (_dir, store) = store();
        store.set("p", "a", true).expect("save");
        store.set("p", "b", true).expect("save");
        store.set("q", "a", true).expect("save");
        store.set("p", "a", false).expect("save");
        assert_eq!(names(&store.load("p").expect("load").0), ["b"]);
        assert_eq!(names(&store.load("q").expect("load").0), ["a"]);
        let text = std::fs::read_to_string(store.path()).expect("file");
        assert!(text.contains("\"version\": 1"), "{text}");
    }

    #[test]
    fn a_save_keeps_what_another_instance_saved() {
        let (_dir, store) = store();
        let other = store.clone();
        store.set("p", "mine", true).expect("save");
        let (stars, _) = other.set("p", "theirs", true).expect("save");
        assert_eq!(names(&stars), ["mine", "theirs"]);
    }

    #[test]
    fn unreadable_file_is_set_aside_not_overwritten() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.path().parent().expect("dir")).expect("mkdir");
        std::fs::write(store.path(), b"{ not json").expect("write");
        let (stars, notice) = store.load("p").expect("load");
        assert!(stars.is_empty());
        let Some(Notice::SetAside(aside)) = notice else {
            panic!("expected the file to be set aside, got {notice:?}");
        };
        assert_eq!(std::fs::read(&aside).expect("aside kept"), b"{ not json");
        assert!(!store.path().exists());
        store.set("p", "a", true).expect("save after set-aside");
        assert_eq!(names(&store.load("p").expect("load").0), ["a"]);
    }

    #[test]
    fn newer_file_is_left_alone() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.path().parent().expect("dir")).expect("mkdir");
        let newer = br#"{"version": 99, "programmes": {}}"#;
        std::fs::write(store.path(), newer).expect("write");
        assert!(matches!(
            store.set("p", "a", true),
            Err(StoreError::Newer { version: 99, .. })
        ));
        assert_eq!(std::fs::read(store.path()).expect("kept"), newer);
    }

    #[test]
    fn failed_save_is_an_error_and_leaves_the_old_file() {
        let (dir, store) = store();
        store.set("p", "a", true).expect("save");
        // A directory where the temporary file should go makes the rename fail, even as root.
        let blocked = FavouritesStore::in_dir(&dir.path().join("blocked"));
        std::fs::create_dir_all(blocked.path()).expect("a directory in the file's place");
        let result = blocked.set("p", "b", true);
        assert!(
            matches!(
                result,
                Err(StoreError::Read { .. } | StoreError::Write { .. })
            ),
            "{result:?}"
        );
        assert_eq!(names(&store.load("p").expect("load").0), ["a"]);
    }

    #[test]
    fn no_temporary_files_are_left_behind() {
        let (_dir, store) = store();
        for i in 0..5 {
            store.set("p", &format!("s{i}"), true).expect("save");
        }
        let dir = store.path().parent().expect("dir");
        let entries: Vec<_> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(entries, [FILE_NAME]);
    }
}
