//! The favourites store: which sessions the user starred, per programme, in one JSON file.
//!
//! Every change takes a lock, re-reads the file, applies just that change and writes the result
//! atomically (temporary file in the same directory, flushed to disk, then renamed), so a second
//! instance's stars are kept and a crash leaves the old file or the new one, never half of one.
//! A file that cannot be understood is moved aside under a timestamped name, never overwritten;
//! an older layout is migrated when read.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The file layout this build writes.
pub const VERSION: u32 = 2;
const FILE_NAME: &str = "favourites.json";
/// Held while a save re-reads and rewrites the file; never renamed, so every instance locks the
/// same file.
const LOCK_NAME: &str = "favourites.lock";
/// A save writes `.favourites.<random>.tmp` and renames it over the file.
const TEMP_PREFIX: &str = ".favourites.";
const TEMP_SUFFIX: &str = ".tmp";

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{}", crate::tr!("favourites.cannot_read", path = .path.display(), error = .source))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}", crate::tr!("favourites.cannot_save", path = .path.display(), error = .source))]
    Write { path: PathBuf, source: io::Error },
    #[error("{}", crate::tr!("favourites.newer", path = .path.display(), version = .version))]
    Newer { path: PathBuf, version: u32 },
    #[error("{}", crate::tr!("favourites.cannot_move", path = .path.display(), error = .source))]
    SetAside { path: PathBuf, source: io::Error },
}

/// What loading found that the user should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be understood and was moved to this path.
    SetAside(PathBuf),
}

/// How much the user wants to be at a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Planned: two that overlap are a clash.
    Must,
    /// Of interest, if there is time.
    Maybe,
}

impl Level {
    /// The next level as the star key cycles: none → must → maybe → none.
    pub fn cycle(current: Option<Level>) -> Option<Level> {
        match current {
            None => Some(Level::Must),
            Some(Level::Must) => Some(Level::Maybe),
            Some(Level::Maybe) => None,
        }
    }
}

/// What a starred session looked like when it was starred (or its changes last seen): enough to
/// tell the user what moved, was renamed or was cancelled in a newer programme.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Seen {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
}

impl Seen {
    /// What the session looks like now, in the programme's own words and times.
    pub fn of(programme: &crate::model::Programme, session: &crate::model::Session) -> Self {
        let day = programme.days.get(session.day);
        Self {
            title: session.title.clone(),
            date: day.and_then(|d| d.date).map(|d| d.to_string()),
            start: session.start.map(|t| t.to_string()),
            end: session.end.map(|t| t.to_string()),
            room: programme.room_name(session).map(str::to_string),
        }
    }
}

/// One star.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Star {
    pub level: Level,
    /// Missing for stars saved before dagsorden kept it.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Seen>,
    /// The session is gone from the programme and the user has been told; the star is kept in
    /// case it comes back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
}

impl Star {
    /// A star at `level` on a session that looks like `seen`.
    pub fn new(level: Level, seen: Seen) -> Self {
        Self {
            level,
            seen: Some(seen),
            cancelled: false,
        }
    }
}

/// A programme's stars by session key.
pub type Stars = BTreeMap<String, Star>;

#[derive(Debug, Default, Serialize, Deserialize)]
struct FavouritesFile {
    version: u32,
    #[serde(default)]
    programmes: BTreeMap<String, ProgrammeStars>,
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

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The programme's stars. A missing file means none yet; an unreadable one is set aside.
    pub fn load(&self, programme: &str) -> Result<(Stars, Option<Notice>), StoreError> {
        let (mut file, notice) = self.read_or_set_aside()?;
        let stars = file.programmes.remove(programme).unwrap_or_default().stars;
        Ok((stars, notice))
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
    /// saves; returns the stars as saved.
    pub fn modify(
        &self,
        programme: &str,
        change: impl FnOnce(&mut Stars),
    ) -> Result<(Stars, Option<Notice>), StoreError> {
        let _lock = self.lock()?;
        self.remove_stale_temporaries();
        let (mut file, notice) = self.read_or_set_aside()?;
        let entry = file.programmes.entry(programme.to_string()).or_default();
        change(&mut entry.stars);
        let stars = entry.stars.clone();
        if stars.is_empty() {
            file.programmes.remove(programme);
        }
        file.version = VERSION;
        self.write_atomically(&file)?;
        Ok((stars, notice))
    }

    /// Temporary files of saves that never finished (a crash between writing and renaming).
    /// Only called under the lock, when no save of another instance can be under way.
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = std::fs::read_dir(self.dir()) else {
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

    /// An exclusive lock on the lock file beside the favourites; released when dropped.
    fn lock(&self) -> Result<File, StoreError> {
        let error = |source| StoreError::Write {
            path: self.path.clone(),
            source,
        };
        lock_in(self.dir(), LOCK_NAME).map_err(error)
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
        match parse(&bytes) {
            Some(Ok(file)) => Ok((file, None)),
            Some(Err(version)) => Err(StoreError::Newer {
                path: self.path.clone(),
                version,
            }),
            None => {
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
        let mut json = serde_json::to_vec_pretty(file).map_err(|e| error(e.into()))?;
        json.push(b'\n');
        write_atomically(&self.path, TEMP_PREFIX, &json).map_err(error)
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new one: a temporary
/// file (`<prefix><random>.tmp`) in the same directory, flushed to disk, renamed over it.
pub(crate) fn write_atomically(path: &Path, prefix: &str, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the directory is synced.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// An exclusive lock on the file `name` in `dir` (both made if missing); released when dropped.
pub(crate) fn lock_in(dir: &Path, name: &str) -> io::Result<File> {
    std::fs::create_dir_all(dir)?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(name))?;
    lock.lock()?;
    Ok(lock)
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

    fn write(store: &FavouritesStore, bytes: &[u8]) {
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::fs::write(store.path(), bytes).expect("write");
    }

    #[test]
    fn missing_file_means_no_stars_yet() {
        let (_dir, store) = store();
        let (stars, notice) = store.load("p").expect("load");
        assert!(stars.is_empty());
        assert_eq!(notice, None);
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
        let (p, _) = store.load("p").expect("load");
        assert_eq!(keys(&p), ["b"]);
        assert_eq!(p["b"], maybe);
        assert_eq!(keys(&store.load("q").expect("load").0), ["a"]);
        let text = std::fs::read_to_string(store.path()).expect("file");
        assert!(text.contains("\"version\": 2"), "{text}");
        assert!(text.contains("\"level\": \"maybe\""), "{text}");
    }

    #[test]
    fn the_star_key_cycles_through_the_levels() {
        let mut level = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            level = Level::cycle(level);
            seen.push(level);
        }
        assert_eq!(
            seen,
            [
                Some(Level::Must),
                Some(Level::Maybe),
                None,
                Some(Level::Must)
            ]
        );
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
        let (stars, notice) = store.load("p").expect("load");
        assert_eq!(notice, None);
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
    fn unreadable_file_is_set_aside_not_overwritten() {
        let (_dir, store) = store();
        write(&store, b"{ not json");
        let (stars, notice) = store.load("p").expect("load");
        assert!(stars.is_empty());
        let Some(Notice::SetAside(aside)) = notice else {
            panic!("expected the file to be set aside, got {notice:?}");
        };
        assert_eq!(std::fs::read(&aside).expect("aside kept"), b"{ not json");
        assert!(!store.path().exists());
        store.set("p", "a", must()).expect("save after set-aside");
        assert_eq!(keys(&store.load("p").expect("load").0), ["a"]);
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
        assert_eq!(keys(&store.load("p").expect("load").0), ["a"]);
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
            assert_eq!(keys(&store.load("p").expect("load").0), ["old"]);
        }
        // The next save clears what the crashes left.
        store.set("p", "newer", must()).expect("save");
        let left: Vec<String> = std::fs::read_dir(store.dir())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(TEMP_SUFFIX))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        assert_eq!(keys(&store.load("p").expect("load").0), ["newer", "old"]);
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
        let (stars, _) = store.load("p").expect("load");
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
        let mut entries: Vec<_> = std::fs::read_dir(store.dir())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        entries.sort();
        assert_eq!(entries, [FILE_NAME, LOCK_NAME]);
    }
}
