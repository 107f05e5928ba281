//! Reading programmes: where they come from and how their bytes become a [`Programme`].

pub mod cache;
mod detect;
mod error;
pub(crate) mod frab_xml;
pub(crate) mod ical;
pub(crate) mod import;
mod lenient;
mod names;
pub mod native;
pub mod native_write;
pub(crate) mod schedule_json;
pub(crate) mod schedule_v2;
pub(crate) mod sessionize;
mod shipped;
mod sniff;

use std::path::{Path, PathBuf};

pub use detect::Format;
pub use error::{LoadError, decode_utf8, line_column};
pub use import::Warning;
pub use shipped::{DEFAULT_PROGRAMME, SHIPPED};

use crate::model::Programme;
pub use cache::Cache;
use cache::{Content, Key};

/// Where a programme comes from: compiled into the binary, or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A programme built into the binary, by its name.
    Shipped(&'static str),
    /// A file the user named.
    File(PathBuf),
}

impl Source {
    /// Resolves the one positional argument: an existing file wins, then a shipped name
    /// (with or without `.json`); anything else is taken as a path, which then fails to read
    /// with a message that lists the shipped names.
    pub fn from_argument(argument: Option<&str>) -> Self {
        let Some(argument) = argument else {
            return Self::Shipped(DEFAULT_PROGRAMME);
        };
        let path = Path::new(argument);
        if path.exists() {
            return Self::File(path.to_path_buf());
        }
        let name = argument.strip_suffix(".json").unwrap_or(argument);
        match shipped::find(name) {
            Some((name, _)) => Self::Shipped(name),
            None => Self::File(path.to_path_buf()),
        }
    }

    /// How messages name this source.
    pub fn display_name(&self) -> String {
        match self {
            Self::Shipped(name) => crate::tr!("format.shipped", name = name),
            Self::File(path) => crate::text::shown_path(path),
        }
    }

    /// Reads and parses the programme, in `format` or else the format its content shows.
    pub fn load(&self, format: Option<Format>) -> Result<Loaded, LoadError> {
        self.load_with(format, Detail::Full)
    }

    /// As [`Self::load`], keeping only what `detail` asks for.
    pub fn load_with(&self, format: Option<Format>, detail: Detail) -> Result<Loaded, LoadError> {
        let origin = self.display_name();
        match self {
            Self::Shipped(name) => {
                let (_, text) = shipped::find(name).ok_or_else(|| LoadError::NotFound {
                    origin: origin.clone(),
                    hint: shipped::names_hint(),
                })?;
                parse_with(text.as_bytes(), &origin, format, detail)
            }
            Self::File(path) => load_file(path, &origin, format, detail, cache::user_cache()),
        }
    }

    /// As [`Self::load_with`], with `cache` rather than the user's (none: always parse).
    pub fn load_cached(
        &self,
        format: Option<Format>,
        detail: Detail,
        cache: Option<Cache>,
    ) -> Result<Loaded, LoadError> {
        match self {
            Self::Shipped(_) => self.load_with(format, detail),
            Self::File(path) => load_file(path, &self.display_name(), format, detail, cache),
        }
    }
}

/// Reads the file at `path`; parses it unless `cache` holds what parsing these very bytes gave,
/// and keeps what parsing gives there for next time.
fn load_file(
    path: &Path,
    origin: &str,
    format: Option<Format>,
    detail: Detail,
    cache: Option<Cache>,
) -> Result<Loaded, LoadError> {
    let Some(cache) = cache else {
        return parse_with(&read_file(path, origin)?, origin, format, detail);
    };
    let cached = Content::of_file(path, PROGRAMME_SIZE_CAP)
        .and_then(|content| Key::new(path, content, format, detail))
        .and_then(|key| cache.get(&key));
    if let Some(loaded) = cached {
        return Ok(loaded);
    }
    let bytes = read_file(path, origin)?;
    // Keyed by the bytes parsed, not those hashed above: the file may have changed between.
    let key = Key::new(path, Content::of(&bytes), format, detail);
    let loaded = parse_with(&bytes, origin, format, detail)?;
    drop(bytes);
    if let Some(key) = key {
        cache.put(&key, &loaded);
    }
    Ok(loaded)
}

/// How much of a programme to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Everything, for the viewer.
    #[default]
    Full,
    /// No descriptions: for listings, which never show them and open faster without them.
    Brief,
}

/// A programme as read, with the format it was in and what had to be skipped.
#[derive(Debug)]
pub struct Loaded {
    /// The programme, cleaned and checked.
    pub programme: Programme,
    /// The format it was read as, for `check` to name.
    pub format: Format,
    /// What was skipped or guessed on the way, for `check` to report.
    pub warnings: Vec<Warning>,
}

/// Parses a programme in `format`, or in the format its content shows.
pub fn parse(bytes: &[u8], origin: &str, format: Option<Format>) -> Result<Loaded, LoadError> {
    parse_with(bytes, origin, format, Detail::Full)
}

/// As [`parse`], keeping only what `detail` asks for.
pub fn parse_with(
    bytes: &[u8],
    origin: &str,
    format: Option<Format>,
    detail: Detail,
) -> Result<Loaded, LoadError> {
    let Some(format) = format.or_else(|| Format::detect(bytes)) else {
        return Err(detect::unrecognised(bytes, origin, &Format::ALL));
    };
    let imported = match format {
        Format::Native => import::Imported {
            programme: native::parse_with(bytes, origin, detail)?,
            warnings: Vec::new(),
        },
        Format::FrabXml => frab_xml::parse(bytes, origin, detail)?,
        Format::ScheduleJson => schedule_json::parse(bytes, origin, detail)?,
        Format::ICalendar => ical::parse(bytes, origin, detail)?,
        Format::Sessionize => sessionize::parse(bytes, origin, detail)?,
        Format::ScheduleV2 => schedule_v2::parse(bytes, origin, detail)?,
    };
    if format != Format::Native && imported.programme.sessions.is_empty() {
        return Err(match imported.warnings.first() {
            // Only this format took the file, and it found nothing in it.
            _ if holds_nothing_it_understood(&imported) => {
                detect::unrecognised(bytes, origin, &[format])
            }
            first => LoadError::NoSession {
                origin: origin.to_string(),
                format,
                skipped: imported.warnings.len(),
                first: first.map(ToString::to_string).unwrap_or_default(),
            },
        });
    }
    Ok(Loaded {
        programme: imported.programme,
        format,
        warnings: imported.warnings,
    })
}

/// Never an empty programme from a file with content: an imported file with no session and
/// no warning about a session it skipped holds something other than what its format reads
/// (`<schedule>` with `<entry>` elements, a `schedule.json` with a flat `events` list).
/// dagsorden's own format may be empty on purpose (a programme being written).
fn holds_nothing_it_understood(imported: &import::Imported) -> bool {
    let file = crate::tr!("place.file");
    imported.warnings.iter().all(|w| w.place == file)
}

/// The most a programme file may hold. The largest real programmes are a few MB (FOSDEM's XML
/// is 2 MB) and a synthetic one of 100 000 sessions is 166 MB; reading stays within memory
/// (about three times the file) up to this, and `/dev/zero` or a runaway file stop here.
pub const PROGRAMME_SIZE_CAP: u64 = 256 << 20;

fn read_file(path: &Path, origin: &str) -> Result<Vec<u8>, LoadError> {
    crate::fsread::read_capped(path, PROGRAMME_SIZE_CAP).map_err(|source| {
        if source.is_not_found() {
            LoadError::NotFound {
                origin: origin.to_string(),
                hint: shipped::names_hint(),
            }
        } else {
            LoadError::Read {
                origin: origin.to_string(),
                source,
            }
        }
    })
}
