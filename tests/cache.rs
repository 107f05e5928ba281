//! The cache of parsed programmes, through the binary: whatever happens to the programme file or
//! to the cache, every run prints what parsing the file as it is now gives.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const CAMP: &str = "camp2019-schedule.json";

/// A way to damage an entry's bytes.
type Break = fn(&[u8]) -> Vec<u8>;

/// A programme file, a config directory and a cache directory of their own.
struct Setup {
    _root: tempfile::TempDir,
    config: PathBuf,
    cache: PathBuf,
    file: PathBuf,
}

fn setup() -> Setup {
    let root = tempfile::tempdir().expect("temp dir");
    let config = root.path().join("config");
    let cache = root.path().join("cache");
    fs::create_dir(&config).expect("config dir");
    let file = root.path().join("programme.json");
    fs::copy(common::real(CAMP), &file).expect("copy");
    Setup {
        _root: root,
        config,
        cache,
        file,
    }
}

impl Setup {
    /// Stdout of `args` on the programme with the cache, checking it succeeded quietly.
    fn run(&self, args: &[&str]) -> String {
        self.run_with_cache(args, &self.cache)
    }

    /// The same with no cache at all: what a fresh parse gives.
    fn fresh(&self, args: &[&str]) -> String {
        self.run_with_cache(args, Path::new(""))
    }

    fn run_with_cache(&self, args: &[&str], cache: &Path) -> String {
        let output = common::dagsorden(&self.config)
            .env("DAGSORDEN_CACHE_DIR", cache)
            .args(args)
            .arg(&self.file)
            .output()
            .expect("run dagsorden");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        assert!(stderr.is_empty(), "{stderr}");
        String::from_utf8(output.stdout).expect("utf-8")
    }

    /// The entries in the cache directory.
    fn entries(&self) -> Vec<PathBuf> {
        fs::read_dir(&self.cache)
            .map(|dir| {
                dir.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "programme"))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Lists and checks the programme, with the cache and without; both must agree.
    fn assert_fresh(&self) -> String {
        for args in [&["list", "--json"][..], &["check"], &["list"]] {
            assert_eq!(self.run(args), self.fresh(args), "{args:?}");
        }
        self.run(&["list", "--json"])
    }

    fn modified(&self) -> SystemTime {
        fs::metadata(&self.file)
            .and_then(|m| m.modified())
            .expect("mtime")
    }

    fn set_modified(&self, when: SystemTime) {
        fs::File::options()
            .write(true)
            .open(&self.file)
            .and_then(|f| f.set_modified(when))
            .expect("set mtime");
    }
}

#[test]
fn the_second_run_reads_the_cache_and_prints_the_same() {
    let setup = setup();
    assert!(setup.entries().is_empty());
    let first = setup.run(&["list", "--json"]);
    assert!(first.contains("Opening Ceremony"));
    assert_eq!(setup.entries().len(), 1);
    assert_eq!(setup.run(&["list", "--json"]), first);
    setup.assert_fresh();
}

#[test]
fn a_file_changed_by_one_byte_gives_the_fresh_programme() {
    let setup = setup();
    let before = setup.assert_fresh();
    let mtime = setup.modified();
    let text = fs::read_to_string(&setup.file).expect("read");
    fs::write(
        &setup.file,
        text.replacen("Opening Ceremony", "Opening Ceremonx", 1),
    )
    .expect("write");
    // Even with the old modification time, as a quick edit within the same tick leaves it.
    setup.set_modified(mtime);
    let after = setup.assert_fresh();
    assert_ne!(after, before);
    assert!(after.contains("Opening Ceremonx"));
}

#[test]
fn a_touched_file_gives_the_same_programme() {
    let setup = setup();
    let before = setup.assert_fresh();
    setup.set_modified(SystemTime::now() + Duration::from_secs(3600));
    assert_eq!(setup.assert_fresh(), before);
}

#[test]
fn a_file_replaced_by_another_of_the_same_size_and_time_gives_the_fresh_programme() {
    let setup = setup();
    let before = setup.assert_fresh();
    let mtime = setup.modified();
    let text = fs::read_to_string(&setup.file).expect("read");
    let other = text.replacen("card10 Badge", "card11 Badge", 1);
    assert_eq!(other.len(), text.len());
    // A new file renamed over the old one, as editors and downloads do.
    let replacement = setup.file.with_extension("new");
    fs::write(&replacement, other).expect("write");
    fs::rename(&replacement, &setup.file).expect("rename");
    setup.set_modified(mtime);
    let after = setup.assert_fresh();
    assert_ne!(after, before);
    assert!(after.contains("card11 Badge"));
}

#[test]
fn a_cache_cut_short_or_garbled_is_ignored_and_rebuilt() {
    let setup = setup();
    let expected = setup.assert_fresh();
    let entries = setup.entries();
    assert!(!entries.is_empty());
    let whole: Vec<Vec<u8>> = entries
        .iter()
        .map(|e| fs::read(e).expect("entry"))
        .collect();
    let breaks: [(&str, Break); 5] = [
        ("empty", |_| Vec::new()),
        ("cut in half", |b| b[..b.len() / 2].to_vec()),
        ("cut by a byte", |b| b[..b.len() - 1].to_vec()),
        ("a byte flipped", |b| {
            let mut b = b.to_vec();
            let middle = b.len() / 2;
            b[middle] ^= 0x20;
            b
        }),
        ("noise", |b| {
            (0..b.len())
                .map(|i| u8::try_from(i * 7 % 256).unwrap_or(0))
                .collect()
        }),
    ];
    for (what, broken) in breaks {
        for (entry, bytes) in entries.iter().zip(&whole) {
            fs::write(entry, broken(bytes)).expect("write");
        }
        assert_eq!(setup.assert_fresh(), expected, "{what}");
        // Rebuilt: the entries are whole again.
        for (entry, bytes) in entries.iter().zip(&whole) {
            assert!(
                &fs::read(entry).expect("entry") == bytes,
                "{what}: not rebuilt"
            );
        }
    }
}

#[test]
fn an_entry_made_from_another_file_is_not_read() {
    let setup = setup();
    let expected = setup.run(&["list", "--json"]);
    let ours = setup.entries();
    // The entry of another programme (or of an older version of this one), put in its place.
    let other = self::setup();
    let text = fs::read_to_string(&other.file).expect("read");
    fs::write(
        &other.file,
        text.replace("Opening Ceremony", "Something Else"),
    )
    .expect("write");
    other.run(&["list", "--json"]);
    let theirs = other.entries();
    fs::copy(&theirs[0], &ours[0]).expect("copy");
    assert_eq!(setup.run(&["list", "--json"]), expected);
}

#[test]
fn a_cache_that_cannot_be_written_is_no_cache_and_no_error() {
    let setup = setup();
    fs::write(&setup.cache, "a file where the cache directory should be").expect("write");
    setup.assert_fresh();
    let nested = setup.cache.join("below");
    let output = common::dagsorden(&setup.config)
        .env("DAGSORDEN_CACHE_DIR", &nested)
        .args(["list", "--json"])
        .arg(&setup.file)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
}

#[test]
fn each_language_and_detail_has_its_own_entry() {
    let setup = setup();
    setup.run(&["check"]);
    setup.run(&["list"]);
    setup.run(&["--lang", "nb", "check"]);
    assert_eq!(setup.entries().len(), 3);
    for args in [&["check"][..], &["--lang", "nb", "check"], &["list"]] {
        assert_eq!(setup.run(args), setup.fresh(args), "{args:?}");
    }
}
