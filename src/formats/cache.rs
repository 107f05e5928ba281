//! A cache of parsed programmes, so that opening a file a second time reads a compact binary
//! copy of what parsing it gave instead of parsing it again.
//!
//! An entry is valid only for the exact bytes it was made from: it records a 128-bit hash of
//! the whole programme file (and its length), and it is used only when the file read now has
//! the same hash. It is also tied to what else shapes the result — the format asked for, how
//! much detail, the language warnings are written in, the layout of the entry, dagsorden's
//! version and the very binary that wrote it — and its own bytes carry a hash of their own,
//! so an entry that was cut short, garbled or written by another build is never read. Anything
//! wrong with an entry (missing, unreadable, corrupt, another version's) means "parse the file",
//! never an error; writing one never fails a command (a read-only cache directory just means
//! no cache).

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use super::{Detail, Format, Loaded, Warning};
use crate::model::Programme;

/// Where the cache lives instead of the user's cache directory; set and empty, no cache.
pub const CACHE_DIR_VAR: &str = "DAGSORDEN_CACHE_DIR";

/// The layout of an entry. Raise it whenever the header, the encoding or any type in the
/// payload changes shape (the `layout_is_pinned` test fails until it is).
const LAYOUT: u32 = 1;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"dgsrdn\x00\x01";

/// Magic, key hash, payload length, payload hash.
const HEADER_LEN: usize = 8 + 16 + 8 + 16;

/// Entries up to this size are read whole, then decoded; larger ones as they are read. (The
/// unit tests stream every entry; the tests of the binary read theirs whole.)
const WHOLE_READ_MAX: u64 = 16 << 20;

/// The longest single text a streamed entry may hold.
const STREAMING_SCRATCH: usize = 16 << 20;

/// At most this many entries are kept; the oldest go first.
const MAX_ENTRIES: usize = 32;

/// At most this many bytes of entries are kept (a 100 000-session programme is about 150 MB).
const MAX_BYTES: u64 = 1 << 30;

/// The cache directory of one user (or of one test).
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// What an entry must match: the programme file's bytes and what shaped its parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// Names the entry: one per file, format, detail and language.
    name: u64,
    /// The whole of what the entry is valid for.
    validity: u128,
}

/// What an entry holds.
#[derive(Deserialize)]
struct Payload {
    format: Format,
    warnings: Vec<Warning>,
    programme: Programme,
}

/// [`Payload`] borrowed, for writing: the same fields in the same order.
#[derive(Serialize)]
struct PayloadRef<'a> {
    format: Format,
    warnings: &'a [Warning],
    programme: &'a Programme,
}

/// The cache this process loads through, once [`use_user_cache`] has chosen it.
static USER_CACHE: OnceLock<Option<Cache>> = OnceLock::new();

/// Lets this process keep parsed programmes in the user's cache ([`Cache::from_env`]). The
/// binary does; a program using the library, and its tests, load without a cache unless they
/// ask for one.
pub fn use_user_cache() {
    let _ = USER_CACHE.set(Cache::from_env());
}

/// The cache [`use_user_cache`] chose, if any.
pub fn user_cache() -> Option<Cache> {
    USER_CACHE.get().cloned().flatten()
}

impl Cache {
    /// The cache in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `DAGSORDEN_CACHE_DIR` if set (no cache if it is set and empty), else the user's cache
    /// directory for dagsorden (`~/.cache/dagsorden` on Linux); `None` when there is none.
    pub fn from_env() -> Option<Self> {
        match std::env::var_os(CACHE_DIR_VAR) {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(Self::in_dir(dir)),
            None => Self::default_dir().map(Self::in_dir),
        }
    }

    /// The user's cache directory for dagsorden.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dagsorden").map(|d| d.cache_dir().to_path_buf())
    }

    /// Where this cache keeps its entries.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The programme parsed from `bytes` before, if an entry valid for exactly them is here.
    pub fn get(&self, key: &Key) -> Option<Loaded> {
        let mut file = fs::File::open(self.entry_path(key)).ok()?;
        let mut header = [0; HEADER_LEN];
        file.read_exact(&mut header).ok()?;
        let (len, hash) = header_fits(&header, key)?;
        let on_disk = file.metadata().ok()?.len();
        (on_disk == HEADER_LEN as u64 + len).then_some(())?;
        if len <= WHOLE_READ_MAX && !cfg!(test) {
            let mut payload = Vec::with_capacity(usize::try_from(len).ok()?);
            file.take(len).read_to_end(&mut payload).ok()?;
            (xxh3_128(&payload) == hash).then_some(())?;
            decode(&payload)
        } else {
            decode_streaming(file.take(len), len, hash)
        }
    }

    /// Keeps `loaded` for the next time the same bytes are read. Failing to is not an error:
    /// the next open parses again.
    pub fn put(&self, key: &Key, loaded: &Loaded) {
        let _ = self.try_put(key, loaded);
    }

    fn try_put(&self, key: &Key, loaded: &Loaded) -> io::Result<()> {
        let entry = encode(key, loaded).ok_or_else(|| io::Error::other("not encodable"))?;
        fs::create_dir_all(&self.dir)?;
        // Not synced to disk: an entry a crash leaves half-written fails its hash and is redone.
        crate::disk::write_atomically_unsynced(&self.entry_path(key), &entry)?;
        self.prune();
        Ok(())
    }

    fn entry_path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{:016x}.programme", key.name))
    }

    /// Removes the oldest entries beyond [`MAX_ENTRIES`] or [`MAX_BYTES`], and leftovers of
    /// writes that were cut off.
    fn prune(&self) {
        let Ok(listing) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> = listing
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".programme"))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((meta.modified().ok()?, meta.len(), e.path()))
            })
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.0));
        let mut total = 0u64;
        for (index, (_, len, path)) in entries.iter().enumerate() {
            total = total.saturating_add(*len);
            if index >= MAX_ENTRIES || total > MAX_BYTES {
                let _ = fs::remove_file(path);
            }
        }
    }
}

/// What a file holds, as far as the cache needs to know: its length and a 128-bit hash of
/// all its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Content {
    hash: u128,
    len: u64,
}

impl Content {
    /// The content of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            hash: xxh3_128(bytes),
            len: bytes.len() as u64,
        }
    }

    /// The content of the regular file at `path`, read a piece at a time (the file is not held
    /// in memory); `None` if it cannot be read or holds more than `cap` bytes.
    pub fn of_file(path: &Path, cap: u64) -> Option<Self> {
        let (file, _) = crate::fsread::open_capped(path, cap).ok()?;
        let mut reader = file.take(cap.saturating_add(1));
        let mut hasher = Xxh3::new();
        let mut buffer = vec![0; 64 << 10];
        let mut len = 0u64;
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        (len <= cap).then(|| Self {
            hash: hasher.digest128(),
            len,
        })
    }
}

impl Key {
    /// The key for the file at `path` holding `content`, parsed in `format` (or the one its
    /// content shows) keeping `detail`. `None` if the path cannot be made absolute.
    pub fn new(
        path: &Path,
        content: Content,
        format: Option<Format>,
        detail: Detail,
    ) -> Option<Self> {
        let path = fs::canonicalize(path).ok()?;
        Some(Self::made(
            &path,
            content,
            &asked(format, detail),
            build_identity(),
        ))
    }

    /// The key for a file at the absolute `path`, for what was `asked` of a `build`.
    fn made(path: &Path, content: Content, asked: &str, build: &str) -> Self {
        let mut name = Xxh3::new();
        name.update(path.as_os_str().as_encoded_bytes());
        name.update(&[0]);
        name.update(asked.as_bytes());
        let mut validity = Xxh3::new();
        validity.update(&LAYOUT.to_le_bytes());
        validity.update(build.as_bytes());
        validity.update(&[0]);
        validity.update(asked.as_bytes());
        validity.update(&content.len.to_le_bytes());
        validity.update(&content.hash.to_le_bytes());
        Self {
            name: name.digest(),
            validity: validity.digest128(),
        }
    }
}

/// What was asked of the parser, and the language its warnings are written in.
fn asked(format: Option<Format>, detail: Detail) -> String {
    let format = format.map_or("detect", Format::name);
    let lang = crate::i18n::lang().code();
    format!("{format}/{detail:?}/{lang}")
}

/// dagsorden's version and the binary running (its size, change time and inode): an entry
/// written by any other build is not read, even one whose version number is the same.
fn build_identity() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(fs::metadata)
            .map(|meta| file_identity(&meta))
            .unwrap_or_default();
        format!("{} {exe}", env!("CARGO_PKG_VERSION"))
    })
}

#[cfg(unix)]
fn file_identity(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!(
        "{} {}.{} {}.{} {}",
        meta.len(),
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
        meta.ino()
    )
}

#[cfg(not(unix))]
fn file_identity(meta: &fs::Metadata) -> String {
    format!("{} {:?}", meta.len(), meta.modified().ok())
}

/// The payload's length and hash, if `header` is an entry's header made for `key`.
fn header_fits(header: &[u8; HEADER_LEN], key: &Key) -> Option<(u64, u128)> {
    let (magic, rest) = header.split_at(8);
    let (validity, rest) = rest.split_at(16);
    let (len, hash) = rest.split_at(8);
    let fits = magic == MAGIC && u128::from_le_bytes(validity.try_into().ok()?) == key.validity;
    fits.then_some((
        u64::from_le_bytes(len.try_into().ok()?),
        u128::from_le_bytes(hash.try_into().ok()?),
    ))
}

/// A large payload, decoded as it is read so that the entry and the programme are never in
/// memory together, and thrown away unless all its `len` bytes hash to `hash` (decoding
/// bytes not yet checked is safe: at worst it fails, or makes a programme that is dropped).
fn decode_streaming(file: io::Take<fs::File>, len: u64, hash: u128) -> Option<Loaded> {
    let hashing = Hashing {
        inner: file,
        hasher: Xxh3::new(),
        read: 0,
    };
    let mut reader = io::BufReader::with_capacity(256 << 10, hashing);
    // Room for the longest single text; a longer one fails the decode (and the file is parsed).
    let mut scratch = vec![0; STREAMING_SCRATCH];
    let (payload, _): (Payload, _) = postcard::from_io((&mut reader, &mut scratch)).ok()?;
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).ok()?;
    let hashing = reader.into_inner();
    let whole = rest.is_empty() && hashing.read == len && hashing.hasher.digest128() == hash;
    whole.then_some(Loaded {
        programme: payload.programme,
        format: payload.format,
        warnings: payload.warnings,
    })
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Xxh3,
    read: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buffer)?;
        self.hasher.update(&buffer[..n]);
        self.read += n as u64;
        Ok(n)
    }
}

/// A whole entry: header, then the encoded programme.
fn encode(key: &Key, loaded: &Loaded) -> Option<Vec<u8>> {
    let payload = PayloadRef {
        format: loaded.format,
        warnings: &loaded.warnings,
        programme: &loaded.programme,
    };
    let entry = postcard::to_extend(&payload, vec![0; HEADER_LEN]).ok()?;
    let mut entry = entry;
    let hash = xxh3_128(&entry[HEADER_LEN..]);
    let len = (entry.len() - HEADER_LEN) as u64;
    entry[..8].copy_from_slice(MAGIC);
    entry[8..24].copy_from_slice(&key.validity.to_le_bytes());
    entry[24..32].copy_from_slice(&len.to_le_bytes());
    entry[32..48].copy_from_slice(&hash.to_le_bytes());
    Some(entry)
}

/// The programme an entry's payload holds; `None` unless the payload is exactly one.
fn decode(bytes: &[u8]) -> Option<Loaded> {
    let (payload, rest): (Payload, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    rest.is_empty().then_some(Loaded {
        programme: payload.programme,
        format: payload.format,
        warnings: payload.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{Source, parse};

    const JSON: &str = include_str!("../../tests/fixtures/real/camp2019-schedule.json");

    struct Setup {
        dir: tempfile::TempDir,
        file: PathBuf,
    }

    fn setup(content: &[u8]) -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("programme.json");
        fs::write(&file, content).expect("write");
        Setup { dir, file }
    }

    impl Setup {
        fn cache(&self) -> Cache {
            Cache::in_dir(self.dir.path().join("cache"))
        }

        fn load(&self) -> Loaded {
            Source::File(self.file.clone())
                .load_cached(None, Detail::Full, Some(self.cache()))
                .expect("loads")
        }

        fn key(&self) -> Key {
            let bytes = fs::read(&self.file).expect("read");
            Key::new(&self.file, Content::of(&bytes), None, Detail::Full).expect("key")
        }

        fn entry(&self) -> PathBuf {
            self.cache().entry_path(&self.key())
        }
    }

    fn parsed(bytes: &[u8]) -> Programme {
        parse(bytes, "test", None).expect("parses").programme
    }

    #[test]
    fn the_second_load_is_read_from_the_cache_and_equals_a_parse() {
        let setup = setup(JSON.as_bytes());
        let first = setup.load();
        let cached = setup.cache().get(&setup.key()).expect("an entry");
        assert_eq!(cached.programme, first.programme);
        assert_eq!(cached.format, first.format);
        assert_eq!(cached.warnings, first.warnings);
        assert_eq!(setup.load().programme, parsed(JSON.as_bytes()));
    }

    #[test]
    fn hashing_a_file_in_pieces_equals_hashing_its_bytes() {
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let setup = setup(&bytes);
        assert_eq!(
            Content::of_file(&setup.file, u64::MAX),
            Some(Content::of(&bytes))
        );
        assert_eq!(Content::of_file(&setup.file, 1000), None);
    }

    #[test]
    fn one_byte_changed_in_place_gives_the_fresh_programme() {
        let setup = setup(JSON.as_bytes());
        setup.load();
        let changed = JSON.replacen("Chaos", "Khaos", 1);
        assert_eq!(changed.len(), JSON.len());
        fs::write(&setup.file, &changed).expect("write");
        let loaded = setup.load();
        assert_eq!(loaded.programme, parsed(changed.as_bytes()));
        assert_ne!(loaded.programme, parsed(JSON.as_bytes()));
    }

    #[test]
    fn an_entry_cut_short_or_garbled_is_not_read() {
        let setup = setup(JSON.as_bytes());
        setup.load();
        let whole = fs::read(setup.entry()).expect("entry");
        let mut garbled_payload = whole.clone();
        let last = garbled_payload.len() - 1;
        garbled_payload[last] ^= 1;
        let mut garbled_header = whole.clone();
        garbled_header[10] ^= 1;
        for broken in [
            whole[..whole.len() / 2].to_vec(),
            whole[..HEADER_LEN].to_vec(),
            whole[..3].to_vec(),
            Vec::new(),
            garbled_payload,
            garbled_header,
            vec![0xff; whole.len()],
        ] {
            fs::write(setup.entry(), &broken).expect("write");
            assert!(setup.cache().get(&setup.key()).is_none());
            assert_eq!(setup.load().programme, parsed(JSON.as_bytes()));
        }
    }

    #[test]
    fn an_entry_another_build_wrote_is_not_read() {
        let setup = setup(JSON.as_bytes());
        let path = fs::canonicalize(&setup.file).expect("path");
        let content = Content::of(JSON.as_bytes());
        let asked = asked(None, Detail::Full);
        let other = Key::made(&path, content, &asked, "0.0.1 another binary");
        let ours = Key::made(&path, content, &asked, build_identity());
        assert_eq!(other.name, ours.name);
        assert_ne!(other.validity, ours.validity);
        let mut loaded = parse(JSON.as_bytes(), "test", None).expect("parses");
        loaded.programme.title = "From another build".into();
        setup.cache().put(&other, &loaded);
        assert!(setup.cache().get(&other).is_some());
        assert!(setup.cache().get(&ours).is_none());
        assert_eq!(setup.load().programme, parsed(JSON.as_bytes()));
    }

    #[test]
    fn what_was_asked_keys_its_own_entry() {
        let full = asked(None, Detail::Full);
        let brief = asked(None, Detail::Brief);
        let xml = asked(Some(Format::FrabXml), Detail::Full);
        assert_ne!(full, brief);
        assert_ne!(full, xml);
        let setup = setup(JSON.as_bytes());
        let brief = Source::File(setup.file.clone())
            .load_cached(None, Detail::Brief, Some(setup.cache()))
            .expect("loads");
        let full = setup.load();
        let again = setup.load();
        assert_eq!(full.programme, again.programme);
        assert_eq!(
            brief.programme,
            crate::formats::parse_with(JSON.as_bytes(), "t", None, Detail::Brief)
                .expect("parses")
                .programme
        );
    }

    #[test]
    fn a_cache_that_cannot_be_written_is_no_cache() {
        let setup = setup(JSON.as_bytes());
        // A file where the directory should be: nothing can be made there.
        fs::write(setup.dir.path().join("cache"), "not a directory").expect("write");
        assert_eq!(setup.load().programme, parsed(JSON.as_bytes()));
        assert!(setup.cache().get(&setup.key()).is_none());
    }

    #[test]
    fn old_entries_are_pruned() {
        let setup = setup(JSON.as_bytes());
        let cache = setup.cache();
        fs::create_dir_all(cache.dir()).expect("dir");
        for n in 0..MAX_ENTRIES + 5 {
            fs::write(cache.dir().join(format!("{n:016x}.programme")), "x").expect("write");
        }
        setup.load();
        let left = fs::read_dir(cache.dir()).expect("dir").count();
        assert_eq!(left, MAX_ENTRIES);
        assert!(cache.get(&setup.key()).is_some());
    }

    /// A change to the entry's layout or to any type in it must raise [`LAYOUT`]: this
    /// programme, every field filled, encodes to bytes whose hash is pinned here.
    #[test]
    fn layout_is_pinned() {
        let programme = sample();
        let loaded = Loaded {
            programme,
            format: Format::Sessionize,
            warnings: vec![Warning {
                place: "line 1".into(),
                what: "odd".into(),
            }],
        };
        let key = Key {
            name: 0,
            validity: 0,
        };
        let entry = encode(&key, &loaded).expect("encodes");
        let decoded = decode(&entry[HEADER_LEN..]).expect("decodes");
        assert_eq!(decoded.programme, loaded.programme);
        assert_eq!(
            (LAYOUT, xxhash_rust::xxh3::xxh3_64(&entry)),
            (1, 14_410_750_990_553_843_473),
            "the entry's layout changed: raise LAYOUT and pin the new hash"
        );
    }

    fn sample() -> Programme {
        use crate::model::{
            Day, DayTime, Description, Kind, Link, Part, Session, Speaker, Theme, Venue,
        };
        let text = |s: &str| Some(s.to_string());
        Programme {
            id: "id".into(),
            title: "title".into(),
            subtitle: text("subtitle"),
            organiser: text("organiser"),
            venue: Venue {
                name: text("venue"),
                address: text("address"),
                city: text("city"),
            },
            time_zone: Some(chrono_tz::Europe::Oslo),
            url: text("url"),
            registration: text("registration"),
            streaming: text("streaming"),
            press: text("press"),
            hosts: vec![Speaker {
                name: "host".into(),
                role: text("role"),
            }],
            parts: vec![Part {
                id: "part".into(),
                name: "Part".into(),
                description: text("part description"),
            }],
            themes: vec![Theme {
                id: "theme".into(),
                name: "Theme".into(),
                description: text("theme description"),
            }],
            rooms: vec!["room".into()],
            days: vec![Day {
                date: chrono::NaiveDate::from_ymd_opt(2025, 2, 1),
                label: text("Saturday"),
                opens: DayTime::from_hm(9, 0),
                closes: DayTime::from_hm(18, 0),
                sessions: 0..2,
            }],
            sessions: vec![
                Session {
                    id: "s1".into(),
                    day: 0,
                    start: DayTime::from_hm(9, 30),
                    end: DayTime::from_hm(10, 0),
                    utc_offset: chrono::FixedOffset::east_opt(3600),
                    time_note: text("morning"),
                    title: "Session".into(),
                    subtitle: text("sub"),
                    description: Some(Description::Markup("<p>hi</p>".into())),
                    kind: Kind::Other("lightning".into()),
                    room: Some(0),
                    part: Some(0),
                    themes: vec![0],
                    speakers: vec![Speaker {
                        name: "speaker".into(),
                        role: None,
                    }],
                    streamed: true,
                    open_to_press: true,
                    url: text("session url"),
                    links: vec![Link {
                        title: text("slides"),
                        url: "link".into(),
                    }],
                    language: text("en"),
                },
                Session {
                    id: "s2".into(),
                    description: Some(Description::Text("plain".into())),
                    kind: Kind::Workshop,
                    ..Session::default()
                },
            ],
        }
    }
}
