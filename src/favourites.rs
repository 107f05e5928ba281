//! The favourites store: which sessions the user starred, per programme, in one JSON file.
//!
//! Every change takes a lock, re-reads the file, applies just that change and writes the result
//! atomically (temporary file in the same directory, flushed to disk, then renamed), so a second
//! instance's stars are kept and a crash leaves the old file or the new one, never half of one.
//! Reading changes nothing: a file that cannot be understood is reported and left where it is.
//! Only a save moves it aside (under a timestamped name, never overwritten) before writing anew.
//! A favourites file that is a symbolic link stays one: saves replace the file it leads to.
//! An older layout is migrated when read; the texts a star remembers are cleaned when read, as
//! they may reach the screen.

use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{Level, Seen, Star, Stars};

/// The file layout this build writes.
pub const VERSION: u32 = 2;
const FILE_NAME: &str = "favourites.json";
/// Held while a save re-reads and rewrites the file; never renamed, so every instance locks the
/// same file.
const LOCK_NAME: &str = "favourites.lock";
/// A save writes `.favourites.<random>.tmp` and renames it over the file.
const TEMP_PREFIX: &str = ".favourites.";
const TEMP_SUFFIX: &str = ".tmp";

/// Why the favourites could not be read or saved; each names the file (or directory) at fault.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The file is there but could not be read.
    #[error("{}", crate::tr!("favourites.cannot_read", path = shown(.path), error = .source))]
    Read {
        /// The favourites file.
        path: PathBuf,
        /// Why reading failed.
        source: io::Error,
    },
    /// The new file could not be written or put in place; the old one is as it was.
    #[error("{}", crate::tr!("favourites.cannot_save", path = shown(.path), error = .source))]
    Write {
        /// The favourites file.
        path: PathBuf,
        /// Why writing failed.
        source: io::Error,
    },
    /// A newer dagsorden wrote the file; it is left alone rather than rewritten in an older form.
    #[error("{}", crate::tr!("favourites.newer", path = shown(.path), version = .version))]
    Newer {
        /// The favourites file.
        path: PathBuf,
        /// The format version the file says it has.
        version: u32,
    },
    /// An unreadable file could not be moved aside, so nothing is written over it.
    #[error("{}", crate::tr!("favourites.cannot_move", path = shown(.path), error = .source))]
    SetAside {
        /// The unreadable file.
        path: PathBuf,
        /// Why it could not be moved.
        source: io::Error,
    },
    /// The file is there but is not favourites this build can read; reading left it as it is.
    #[error("{}", crate::tr!("favourites.unreadable", path = shown(.path)))]
    Unreadable {
        /// The favourites file.
        path: PathBuf,
    },
    /// Another save's lock could not be taken, so this one did not start.
    #[error("{}", crate::tr!("favourites.cannot_lock", path = shown(.path), error = .source))]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why it could not be locked.
        source: io::Error,
    },
    /// The directory the favourites live in cannot be made or used (a file in its place, say).
    #[error("{}", crate::tr!("favourites.config_dir", path = shown(.path), error = .source))]
    ConfigDir {
        /// The directory.
        path: PathBuf,
        /// Why it cannot be used.
        source: io::Error,
    },
}

/// A path as it may be printed: file names come from outside too.
fn shown(path: &Path) -> String {
    crate::text::clean_line(&path.display().to_string())
}

/// What a save found that the user should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be understood and was moved to this path.
    SetAside(PathBuf),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::SetAside(aside) => {
                f.write_str(&crate::tr!("favourites.moved_aside", path = shown(aside)))
            }
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct FavouritesFile {
    version: u32,
    #[serde(default)]
    programmes: BTreeMap<String, ProgrammeStars>,
}

impl FavouritesFile {
    /// Every remembered text cleaned (see [`Seen::cleaned`]).
    fn cleaned(mut self) -> Self {
        for star in self
            .programmes
            .values_mut()
            .flat_map(|p| p.stars.values_mut())
        {
            star.seen = star.seen.take().map(Seen::cleaned);
        }
        self
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ProgrammeStars {
    #[serde(default)]
    stars: Stars,
}

/// Version 1: a set of starred keys per programme, all of one level.
#[derive(Deserialize)]
struct FileV1 {
    #[serde(default)]
    programmes: BTreeMap<String, ProgrammeV1>,
}

#[derive(Deserialize)]
struct ProgrammeV1 {
    #[serde(default)]
    starred: Vec<String>,
}

/// Just the version, read before the rest.
#[derive(Deserialize)]
struct Versioned {
    version: u32,
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

    /// The favourites file, to name it in messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The programme's stars, changing nothing on disk. A missing file means none yet; one that
    /// cannot be understood is [`StoreError::Unreadable`] and stays where it is.
    pub fn load(&self, programme: &str) -> Result<Stars, StoreError> {
        let mut file = self.read()?.ok_or_else(|| StoreError::Unreadable {
            path: self.path.clone(),
        })?;
        Ok(file.programmes.remove(programme).unwrap_or_default().stars)
    }

    /// Sets or removes one star and saves at once; returns the programme's stars as now saved,
    /// which include any another instance saved meanwhile.
    pub fn set(
        &self,
        programme: &str,
        session: &str,
        star: Option<Star>,
    ) -> Result<(Stars, Option<Notice>), StoreError> {
        self.modify(programme, |stars| {
            match star {
                Some(star) => stars.insert(session.to_string(), star),
                None => stars.remove(session),
            };
        })
    }

    /// Applies `change` to the programme's stars under the lock, on the file as it is now, and
    /// saves; returns the stars as saved. A file that cannot be understood is first moved aside,
    /// and the notice says where.
    pub fn modify(
        &self,
        programme: &str,
        change: impl FnOnce(&mut Stars),
    ) -> Result<(Stars, Option<Notice>), StoreError> {
        let _lock = self.lock()?;
        let target = self.target()?;
        remove_stale_temporaries(target.parent().unwrap_or(Path::new(".")));
        let (mut file, notice) = if let Some(file) = self.read()? {
            (file, None)
        } else {
            let aside = set_aside(&target)?;
            (FavouritesFile::default(), Some(Notice::SetAside(aside)))
        };
        let entry = file.programmes.entry(programme.to_string()).or_default();
        change(&mut entry.stars);
        let stars = entry.stars.clone();
        if stars.is_empty() {
            file.programmes.remove(programme);
        }
        file.version = VERSION;
        self.write_atomically(&file, &target)?;
        Ok((stars, notice))
    }

    /// An exclusive lock on the lock file beside the favourites; released when dropped.
    fn lock(&self) -> Result<File, StoreError> {
        let dir = self.dir();
        if dir.exists() && !dir.is_dir() {
            return Err(self.dir_error(io::ErrorKind::NotADirectory.into()));
        }
        std::fs::create_dir_all(dir).map_err(|source| self.dir_error(source))?;
        let path = dir.join(LOCK_NAME);
        let error = |source| StoreError::Lock {
            path: path.clone(),
            source,
        };
        crate::disk::lock(&path).map_err(error)
    }

    fn dir_error(&self, source: io::Error) -> StoreError {
        StoreError::ConfigDir {
            path: self.dir().to_path_buf(),
            source,
        }
    }

    /// The file a save replaces: the favourites file, or the file a symbolic link there leads
    /// to (so the link stays a link and what it points at is what changes).
    fn target(&self) -> Result<PathBuf, StoreError> {
        crate::disk::through_links(&self.path).map_err(|source| StoreError::Write {
            path: self.path.clone(),
            source,
        })
    }

    /// The file as it is on disk (following a link): `None` if it cannot be understood.
    fn read(&self) -> Result<Option<FavouritesFile>, StoreError> {
        let bytes = match crate::fsread::read_capped(&self.path, crate::fsread::STORE_SIZE_CAP)
            .map_err(std::io::Error::from)
        {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Some(FavouritesFile::default()));
            }
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => return Err(self.dir_error(e)),
            Err(source) => {
                return Err(StoreError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        match parse(&bytes) {
            Some(Ok(file)) => Ok(Some(file.cleaned())),
            Some(Err(version)) => Err(StoreError::Newer {
                path: self.path.clone(),
                version,
            }),
            None => Ok(None),
        }
    }

    /// Writes `file` to `target` through a temporary file in the same directory (so the rename
    /// is atomic), flushed to disk before it is renamed.
    fn write_atomically(&self, file: &FavouritesFile, target: &Path) -> Result<(), StoreError> {
        let error = |source| StoreError::Write {
            path: self.path.clone(),
            source,
        };
        let mut json = serde_json::to_vec_pretty(file).map_err(|e| error(e.into()))?;
        json.push(b'\n');
        crate::disk::write_atomically_as(target, TEMP_PREFIX, &json).map_err(error)
    }
}

/// Temporary files of saves that never finished (a crash between writing and renaming) in
/// `dir`. Only called under the lock, when no save of another instance can be under way.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Moves the unreadable `file` aside (see [`crate::disk::set_aside`]).
fn set_aside(file: &Path) -> Result<PathBuf, StoreError> {
    crate::disk::set_aside(file).map_err(|source| StoreError::SetAside {
        path: file.to_path_buf(),
        source,
    })
}

/// The file in the current layout; `Err(version)` for a newer one, `None` if unreadable.
fn parse(bytes: &[u8]) -> Option<Result<FavouritesFile, u32>> {
    let version = serde_json::from_slice::<Versioned>(bytes).ok()?.version;
    match version {
        1 => Some(Ok(migrate_v1(serde_json::from_slice(bytes).ok()?))),
        VERSION => serde_json::from_slice(bytes).ok().map(Ok),
        newer if newer > VERSION => Some(Err(newer)),
        _ => None,
    }
}

/// Version 1 starred sessions become *must* stars, without what they looked like.
fn migrate_v1(old: FileV1) -> FavouritesFile {
    let programmes = old
        .programmes
        .into_iter()
        .map(|(id, p)| {
            let stars = p
                .starred
                .into_iter()
                .map(|key| {
                    let star = Star {
                        level: Level::Must,
                        seen: None,
                        cancelled: false,
                    };
                    (key, star)
                })
                .collect();
            (id, ProgrammeStars { stars })
        })
        .collect();
    FavouritesFile {
        version: VERSION,
        programmes,
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

    #[allow(clippy::unnecessary_wraps)] // `set` takes an Option: Some sets, None unstars.
    fn must() -> Option<Star> {
        Some(Star {
            level: Level::Must,
            seen: None,
            cancelled: false,
        })
    }

    fn keys(stars: &Stars) -> Vec<&str> {
        stars.keys().map(String::as_str).collect()
    }

    fn entries(store: &FavouritesStore) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(store.dir())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn write(store: &FavouritesStore, bytes: &[u8]) {
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::fs::write(store.path(), bytes).expect("write");
    }

    fn is_link(path: &Path) -> bool {
        std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    }

    #[test]
    fn missing_file_means_no_stars_yet() {
        let (_dir, store) = store();
        let stars = store.load("p").expect("load");
        assert!(stars.is_empty());
        assert!(!store.dir().exists(), "reading creates nothing");
    }

    #[test]
    fn stars_round_trip_with_their_level_and_programmes_never_mix() {
        let (_dir, store) = store();
        let maybe = Star {
            level: Level::Maybe,
            cancelled: false,
            seen: Some(Seen {
                title: "B".into(),
                date: Some("2024-02-13".into()),
                start: Some("10:30".into()),
                end: None,
                room: Some("Nidaros".into()),
            }),
        };
        store.set("p", "a", must()).expect("save");
        store.set("p", "b", Some(maybe.clone())).expect("save");
        store.set("q", "a", must()).expect("save");
        store.set("p", "a", None).expect("save");
        let p = store.load("p").expect("load");
        assert_eq!(keys(&p), ["b"]);
        assert_eq!(p["b"], maybe);
        assert_eq!(keys(&store.load("q").expect("load")), ["a"]);
        let text = std::fs::read_to_string(store.path()).expect("file");
        assert!(text.contains("\"version\": 2"), "{text}");
        assert!(text.contains("\"level\": \"maybe\""), "{text}");
    }

    #[test]
    fn a_save_keeps_what_another_instance_saved() {
        let (_dir, store) = store();
        let other = store.clone();
        store.set("p", "mine", must()).expect("save");
        let (stars, _) = other.set("p", "theirs", must()).expect("save");
        assert_eq!(keys(&stars), ["mine", "theirs"]);
    }

    #[test]
    fn version_1_files_are_migrated() {
        let (_dir, store) = store();
        write(
            &store,
            br#"{"version": 1, "programmes": {"p": {"starred": ["a", "b"]}}}"#,
        );
        let stars = store.load("p").expect("load");
        assert_eq!(keys(&stars), ["a", "b"]);
        assert!(
            stars
                .values()
                .all(|s| s.level == Level::Must && s.seen.is_none())
        );
        store.set("p", "c", must()).expect("save");
        let text = std::fs::read_to_string(store.path()).expect("file");
        assert!(
            text.contains("\"version\": 2") && text.contains("\"a\""),
            "{text}"
        );
    }

    #[test]
    fn reading_an_unreadable_file_leaves_it_where_it_is() {
        let (_dir, store) = store();
        write(&store, b"{ not json");
        let result = store.load("p");
        assert!(
            matches!(&result, Err(StoreError::Unreadable { path }) if path == store.path()),
            "{result:?}"
        );
        let message = result.expect_err("unreadable").to_string();
        assert!(message.contains("favourites.json"), "{message}");
        assert_eq!(std::fs::read(store.path()).expect("kept"), b"{ not json");
        assert_eq!(entries(&store), [FILE_NAME], "nothing moved, nothing made");
    }

    #[test]
    fn a_save_sets_an_unreadable_file_aside_and_says_so() {
        let (_dir, store) = store();
        write(&store, b"{ not json");
        let (stars, notice) = store.set("p", "a", must()).expect("save");
        assert_eq!(keys(&stars), ["a"]);
        let Some(Notice::SetAside(aside)) = notice else {
            panic!("expected the file to be set aside, got {notice:?}");
        };
        assert_eq!(std::fs::read(&aside).expect("aside kept"), b"{ not json");
        assert!(
            Notice::SetAside(aside.clone())
                .to_string()
                .contains(&aside.display().to_string())
        );
        assert_eq!(keys(&store.load("p").expect("load")), ["a"]);
        let (_, again) = store.set("p", "b", must()).expect("save");
        assert_eq!(again, None, "told once");
    }

    #[test]
    fn newer_file_is_left_alone() {
        let (_dir, store) = store();
        let newer = br#"{"version": 99, "programmes": {}}"#;
        write(&store, newer);
        assert!(matches!(
            store.set("p", "a", must()),
            Err(StoreError::Newer { version: 99, .. })
        ));
        assert_eq!(std::fs::read(store.path()).expect("kept"), newer);
    }

    #[test]
    fn failed_save_is_an_error_and_leaves_the_old_file() {
        let (dir, store) = store();
        store.set("p", "a", must()).expect("save");
        // A directory where the file should go makes the read fail, even as root.
        let blocked = FavouritesStore::in_dir(&dir.path().join("blocked"));
        std::fs::create_dir_all(blocked.path()).expect("a directory in the file's place");
        let result = blocked.set("p", "b", must());
        assert!(
            matches!(
                result,
                Err(StoreError::Read { .. } | StoreError::Write { .. })
            ),
            "{result:?}"
        );
        assert_eq!(keys(&store.load("p").expect("load")), ["a"]);
    }

    #[test]
    fn a_save_interrupted_at_any_byte_leaves_the_old_file_whole() {
        let (_dir, store) = store();
        store.set("p", "old", must()).expect("save");
        let old = std::fs::read(store.path()).expect("file");
        let new = br#"{"version": 2, "programmes": {"p": {"stars": {"new": {"level": "must"}}}}}"#;
        // A crash between writing the temporary file and renaming it: whatever part of the
        // new content reached the disk, the file itself is the old one.
        for cut in 0..=new.len() {
            let temp = store
                .dir()
                .join(format!("{TEMP_PREFIX}crash{cut}{TEMP_SUFFIX}"));
            std::fs::write(&temp, &new[..cut]).expect("partial write");
            assert_eq!(std::fs::read(store.path()).expect("file"), old);
            assert_eq!(keys(&store.load("p").expect("load")), ["old"]);
        }
        // The next save clears what the crashes left.
        store.set("p", "newer", must()).expect("save");
        let left: Vec<String> = std::fs::read_dir(store.dir())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(TEMP_SUFFIX))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        assert_eq!(keys(&store.load("p").expect("load")), ["newer", "old"]);
    }

    #[test]
    fn many_threads_saving_at_once_lose_no_star() {
        let (_dir, store) = store();
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for i in 0..40 {
                        let key = format!("t{t}-s{i}");
                        store.set("p", &key, must()).expect("save");
                        // Every other one is unstarred again, so removals race too.
                        if i % 2 == 1 {
                            store.set("p", &key, None).expect("save");
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().expect("thread");
        }
        let stars = store.load("p").expect("load");
        assert_eq!(stars.len(), 8 * 20);
        assert!(
            stars
                .keys()
                .all(|k| k.ends_with(&['0', '2', '4', '6', '8'][..]))
        );
    }

    #[test]
    fn no_temporary_files_are_left_behind() {
        let (_dir, store) = store();
        for i in 0..5 {
            store.set("p", &format!("s{i}"), must()).expect("save");
        }
        assert_eq!(entries(&store), [FILE_NAME, LOCK_NAME]);
    }

    #[test]
    fn a_newer_file_is_not_read_either() {
        let (_dir, store) = store();
        write(&store, br#"{"version": 99, "programmes": {}}"#);
        assert!(matches!(
            store.load("p"),
            Err(StoreError::Newer { version: 99, .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_favourites_file_that_is_a_link_stays_one_and_its_target_changes() {
        let (dir, store) = store();
        let elsewhere = dir.path().join("synced");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        let target = elsewhere.join("stars.json");
        store.set("p", "old", must()).expect("save");
        std::fs::rename(store.path(), &target).expect("move");
        // A relative link, as dotfile managers make them.
        std::os::unix::fs::symlink("../synced/stars.json", store.path()).expect("link");
        store
            .set("p", "new", must())
            .expect("save through the link");
        let meta = std::fs::symlink_metadata(store.path()).expect("still there");
        assert!(meta.file_type().is_symlink(), "the link was replaced");
        let text = std::fs::read_to_string(&target).expect("target");
        assert!(
            text.contains("\"old\"") && text.contains("\"new\""),
            "{text}"
        );
        assert_eq!(keys(&store.load("p").expect("load")), ["new", "old"]);
        let left: Vec<_> = std::fs::read_dir(&elsewhere)
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(
            left,
            ["stars.json"],
            "no temporary file left beside the target"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nothing_yet_is_saved_through_and_an_unreadable_target_set_aside_there() {
        let (dir, store) = store();
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        let target = dir.path().join("stars.json");
        std::os::unix::fs::symlink(&target, store.path()).expect("link");
        store
            .set("p", "a", must())
            .expect("save through a dangling link");
        assert!(is_link(store.path()), "still a link");
        assert_eq!(keys(&store.load("p").expect("load")), ["a"]);
        std::fs::write(&target, b"garbage").expect("spoil");
        let (_, notice) = store.set("p", "b", must()).expect("save");
        let Some(Notice::SetAside(aside)) = notice else {
            panic!("expected a set-aside, got {notice:?}");
        };
        assert_eq!(
            aside.parent(),
            target.parent(),
            "set aside beside the target"
        );
        assert_eq!(std::fs::read(&aside).expect("kept"), b"garbage");
        assert!(is_link(store.path()), "still a link");
        assert_eq!(keys(&store.load("p").expect("load")), ["b"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_an_error_naming_the_file() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::os::unix::fs::symlink(FILE_NAME, store.path()).expect("link to itself");
        let result = store.set("p", "a", must());
        let message = result.expect_err("a loop").to_string();
        assert!(message.contains("favourites.json"), "{message}");
    }

    #[test]
    fn a_lock_file_that_is_a_directory_is_named_in_the_error() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.dir().join(LOCK_NAME)).expect("a directory");
        let result = store.set("p", "a", must());
        assert!(matches!(result, Err(StoreError::Lock { .. })), "{result:?}");
        let message = result.expect_err("lock").to_string();
        assert!(message.contains(LOCK_NAME), "{message}");
        assert!(!message.contains(FILE_NAME), "{message}");
    }

    #[test]
    fn a_config_dir_that_is_a_file_is_named_in_the_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("dagsorden");
        std::fs::write(&file, b"not a directory").expect("write");
        let store = FavouritesStore::in_dir(&file);
        for message in [
            store.load("p").expect_err("read").to_string(),
            store.set("p", "a", must()).expect_err("save").to_string(),
        ] {
            assert!(message.contains("config directory"), "{message}");
            assert!(!message.contains(FILE_NAME), "{message}");
        }
        assert_eq!(std::fs::read(&file).expect("kept"), b"not a directory");
    }

    #[test]
    fn remembered_texts_are_cleaned_when_read() {
        let (_dir, store) = store();
        write(
            &store,
            "{\"version\": 2, \"programmes\": {\"p\": {\"stars\": {\"a\": {\"level\": \"must\",
              \"title\": \"Evil \\u202e\\u001b[2Jtitle\\u001b]0;pwned\\u0007\\nend\",
              \"date\": \"2024-02-13\\u009b\", \"start\": \"10:30\", \"room\": \"\\u001b[31mRed\\u202e\"}}}}}"
                .as_bytes(),
        );
        let stars = store.load("p").expect("load");
        let seen = stars["a"].seen.clone().expect("seen");
        for text in [Some(&seen.title), seen.date.as_ref(), seen.room.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(
                !text.chars().any(|c| c.is_control() || c == '\u{202e}'),
                "{text:?}"
            );
        }
        assert!(
            seen.title.starts_with("Evil") && seen.title.ends_with("end"),
            "{:?}",
            seen.title
        );
        assert_eq!(seen.date.as_deref(), Some("2024-02-13"));
        assert_eq!(seen.room.as_deref(), Some("Red"));
    }
}
