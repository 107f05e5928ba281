//! dagsorden's own programme JSON (see `docs/programme-format.md`): bytes → [`Programme`].
//!
//! Deserialisation is typed (no `serde_json::Value`), so shape errors carry the JSON path and the
//! line and column; references between parts of the file are checked afterwards.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use chrono::{FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::Detail;
use super::names::Names;
use super::{LoadError, line_column};
use crate::model::{
    Day, DayTime, Description, Group, Kind, Link, Part, Programme, Session, Speaker, Theme, Venue,
};
use crate::text::{clean_block_opt, clean_line, clean_line_owned, clean_opt_owned};

/// Parses a programme in dagsorden's JSON format. `origin` names the source in errors.
pub fn parse(bytes: &[u8], origin: &str) -> Result<Programme, LoadError> {
    parse_with(bytes, origin, Detail::Full)
}

/// As [`parse`], keeping only what `detail` asks for.
pub fn parse_with(bytes: &[u8], origin: &str, detail: Detail) -> Result<Programme, LoadError> {
    reject_non_object(bytes, origin)?;
    // The plain reader is quicker; only a file it refuses is read again to say where.
    let file: FileProgramme = match serde_json::from_slice(bytes) {
        Ok(file) => file,
        Err(_) => return Err(locate_error(bytes, origin)),
    };
    build(file, detail).map_err(|(json_path, what)| LoadError::Invalid {
        origin: origin.to_string(),
        json_path,
        what,
    })
}

/// Serde would read a struct from an array too, and then talk about `[0]`; a programme is an
/// object, so anything else is named for what it is.
fn reject_non_object(bytes: &[u8], origin: &str) -> Result<(), LoadError> {
    let Some(offset) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Ok(());
    };
    let found = match bytes[offset] {
        b'[' => "an array",
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        // An object, or not JSON at all: serde says which.
        _ => return Ok(()),
    };
    if found != "an array" {
        // Text that merely starts with `n`, `t` or a digit is not JSON, whatever serde would
        // make of its first word.
        if let Err(e) = serde_json::from_slice::<de::IgnoredAny>(bytes) {
            return Err(LoadError::from_json(&e, origin, |message| {
                crate::tr!("import.not_json", error = message)
            }));
        }
    }
    let (line, column) = line_column(bytes, offset);
    Err(LoadError::Parse {
        origin: origin.to_string(),
        line,
        column,
        what: crate::tr!("import.not_object", found = found),
    })
}

/// The error of a file serde refused, with the JSON path to the place.
fn locate_error(bytes: &[u8], origin: &str) -> LoadError {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        // Nothing at all is not a programme cut off, but no programme.
        return LoadError::Parse {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            what: crate::tr!("import.not_json", error = crate::tr!("format.looks_empty")),
        };
    }
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, FileProgramme>(&mut reader) {
        Err(e) => parse_error(e.inner(), &e.path().to_string(), origin),
        Ok(_) => match reader.end() {
            Err(e) => parse_error(&e, ".", origin),
            Ok(()) => LoadError::Parse {
                origin: origin.to_string(),
                line: 1,
                column: 1,
                what: crate::tr!("import.not_programme").into(),
            },
        },
    }
}

fn parse_error(inner: &serde_json::Error, json_path: &str, origin: &str) -> LoadError {
    LoadError::from_json(inner, origin, |message| match inner.classify() {
        serde_json::error::Category::Data => match json_path {
            "." => format!("{}: {message}", crate::tr!("import.not_programme")),
            path => format!("{path}: {message}"),
        },
        _ => crate::tr!("import.not_json", error = message),
    })
}

#[derive(Deserialize)]
struct FileProgramme<'a> {
    id: String,
    title: String,
    subtitle: Option<String>,
    organiser: Option<String>,
    venue: Option<FileVenue>,
    time_zone: Option<Zone>,
    url: Option<String>,
    registration: Option<String>,
    streaming: Option<String>,
    press: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    hosts: Vec<FileSpeaker>,
    #[serde(default, deserialize_with = "null_as_empty")]
    parts: Vec<FileNamed>,
    #[serde(default, deserialize_with = "null_as_empty")]
    themes: Vec<FileNamed>,
    #[serde(borrow)]
    days: Vec<FileDay<'a>>,
}

#[derive(Deserialize)]
struct FileVenue {
    name: Option<String>,
    address: Option<String>,
    city: Option<String>,
}

/// A part or a theme: both are an id, a name and a description.
#[derive(Deserialize)]
struct FileNamed {
    id: String,
    name: String,
    description: Option<String>,
}

#[derive(Deserialize)]
struct FileDay<'a> {
    date: Option<Date>,
    label: Option<String>,
    opens: Option<Clock>,
    closes: Option<Clock>,
    #[serde(default, borrow, deserialize_with = "null_as_empty")]
    sessions: Vec<FileSession<'a>>,
}

#[derive(Deserialize)]
struct FileSession<'a> {
    id: String,
    start: Option<Clock>,
    end: Option<EndClock>,
    /// For a programme without a time zone: the offset from UTC its times are in.
    utc_offset: Option<Offset>,
    time_note: Option<String>,
    title: String,
    subtitle: Option<String>,
    /// Borrowed from the file where it can be: the bulk of a programme, and a listing
    /// never reads it.
    #[serde(borrow)]
    description: Option<Cow<'a, str>>,
    kind: Option<String>,
    room: Option<String>,
    part: Option<String>,
    language: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    links: Vec<FileLink>,
    #[serde(default, deserialize_with = "null_as_empty")]
    themes: Vec<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    speakers: Vec<FileSpeaker>,
    #[serde(default)]
    streamed: Option<bool>,
    #[serde(default)]
    open_to_press: Option<bool>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct FileLink {
    title: Option<String>,
    url: String,
}

#[derive(Deserialize)]
struct FileSpeaker {
    name: String,
    role: Option<String>,
}

fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// Declares a string newtype that validates while deserialising, so a bad value is reported
/// with its line and column.
macro_rules! checked_string {
    ($name:ident, $inner:ty, $expected:literal, $parse:expr) => {
        struct $name($inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expected)
                    }
                    fn visit_str<E: de::Error>(self, text: &str) -> Result<$name, E> {
                        let parse: fn(&str) -> Option<$inner> = $parse;
                        parse(text).map($name).ok_or_else(|| {
                            E::custom(format_args!(
                                "invalid value {:?}, expected {}",
                                crate::text::clean_line(text),
                                $expected
                            ))
                        })
                    }
                }
                deserializer.deserialize_str(V)
            }
        }
    };
}

checked_string!(Clock, DayTime, "a time HH:MM (up to 48:00)", DayTime::parse);
checked_string!(
    EndClock,
    DayTime,
    "a time HH:MM (up to 168:00)",
    DayTime::parse_end
);
checked_string!(
    Offset,
    FixedOffset,
    "an offset from UTC such as +01:00",
    parse_offset
);
checked_string!(Date, NaiveDate, "a date YYYY-MM-DD", |t| {
    NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok()
});
checked_string!(Zone, Tz, "an IANA time zone such as Europe/Oslo", |t| {
    t.trim().parse().ok()
});

type Invalid = (String, String);

fn build(file: FileProgramme<'_>, detail: Detail) -> Result<Programme, Invalid> {
    let id = required(file.id, || "id".into())?;
    let title = required(file.title, || "title".into())?;
    let themes = named_list(&file.themes, "themes")?;
    let parts = named_list(&file.parts, "parts")?;
    let theme_ids = index_by_id(&themes, |t: &Theme| &t.id);
    let part_ids = index_by_id(&parts, |p: &Part| &p.id);
    check_unique_sessions(&file.days)?;
    let references = References {
        themes: &theme_ids,
        parts: &part_ids,
    };
    let mut rooms = Names::default();
    let mut days = Vec::with_capacity(file.days.len());
    let mut sessions = Vec::new();
    for (d, day) in file.days.into_iter().enumerate() {
        days.push(Day {
            date: day.date.map(|x| x.0),
            label: clean_opt_owned(day.label),
            opens: day.opens.map(|x| x.0),
            closes: day.closes.map(|x| x.0),
            sessions: 0..0,
        });
        for (s, raw) in day.sessions.into_iter().enumerate() {
            let place = Place { day: d, session: s };
            let description = match detail {
                Detail::Full => raw
                    .description
                    .clone()
                    .map(|d| Description::Text(d.into_owned())),
                Detail::Brief => None,
            };
            let mut session = build_session(raw, place, &references, &mut rooms)?;
            session.description = description;
            sessions.push(session);
        }
    }
    let venue = file.venue.map_or_else(Venue::default, |v| Venue {
        name: clean_opt_owned(v.name),
        address: clean_opt_owned(v.address),
        city: clean_opt_owned(v.city),
    });
    let mut programme = Programme {
        id,
        title,
        subtitle: clean_opt_owned(file.subtitle),
        organiser: clean_opt_owned(file.organiser),
        venue,
        time_zone: file.time_zone.map(|z| z.0),
        url: clean_opt_owned(file.url),
        registration: clean_block_opt(file.registration.as_deref()),
        streaming: clean_block_opt(file.streaming.as_deref()),
        press: clean_block_opt(file.press.as_deref()),
        hosts: speakers(file.hosts, || "hosts".into())?,
        parts,
        themes,
        rooms: rooms.into_vec(),
        days,
        sessions,
    };
    programme.arrange();
    Ok(programme)
}

/// Where a session is in the file, for the JSON path of an error (made only if there is one).
#[derive(Clone, Copy)]
struct Place {
    day: usize,
    session: usize,
}

impl Place {
    fn path(self, field: &str) -> String {
        format!("days[{}].sessions[{}]{field}", self.day, self.session)
    }
}

/// Two sessions with one id are an error: stars would not know which is meant.
fn check_unique_sessions(days: &[FileDay<'_>]) -> Result<(), Invalid> {
    let mut seen: HashMap<&str, Place> = HashMap::new();
    for (d, day) in days.iter().enumerate() {
        for (s, session) in day.sessions.iter().enumerate() {
            let place = Place { day: d, session: s };
            if let Some(first) = seen.insert(session.id.trim(), place) {
                return Err((
                    place.path(".id"),
                    format!(
                        "session id {:?} is used twice (first at {})",
                        clean_line(&session.id),
                        first.path("")
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The ids a session may refer to.
struct References<'a> {
    themes: &'a HashMap<String, usize>,
    parts: &'a HashMap<String, usize>,
}

fn build_session(
    raw: FileSession<'_>,
    place: Place,
    references: &References<'_>,
    rooms: &mut Names,
) -> Result<Session, Invalid> {
    let start = raw.start.map(|c| c.0);
    let end = raw.end.map(|c| c.0);
    let end = match (start, end) {
        (None, Some(_)) => {
            return Err((place.path(".end"), "an end needs a start".into()));
        }
        (Some(start), Some(end)) if end < start => {
            Some(past_midnight(end, start, &place.path(".end"))?)
        }
        _ => end,
    };
    let themes = raw
        .themes
        .iter()
        .enumerate()
        .map(|(i, id)| {
            lookup(references.themes, id, crate::tr!("import.a_theme"), || {
                place.path(&format!(".themes[{i}]"))
            })
        })
        .collect::<Result<_, _>>()?;
    let part = raw
        .part
        .as_deref()
        .map(|id| {
            lookup(references.parts, id, crate::tr!("import.a_part"), || {
                place.path(".part")
            })
        })
        .transpose()?;
    Ok(Session {
        id: required(raw.id, || place.path(".id"))?,
        day: place.day,
        start,
        end,
        time_note: clean_opt_owned(raw.time_note),
        title: required(raw.title, || place.path(".title"))?,
        subtitle: clean_opt_owned(raw.subtitle),
        description: None,
        kind: raw.kind.as_deref().map_or(Kind::Session, Kind::from_word),
        room: raw
            .room
            .and_then(|room| clean_opt_owned(Some(room)))
            .map(|room| rooms.intern(&room)),
        part,
        themes,
        speakers: speakers(raw.speakers, || place.path(".speakers"))?,
        streamed: raw.streamed.unwrap_or(false),
        open_to_press: raw.open_to_press.unwrap_or(false),
        url: clean_opt_owned(raw.url),
        links: links(raw.links, || place.path(".links"))?,
        language: clean_opt_owned(raw.language),
        utc_offset: raw.utc_offset.map(|o| o.0),
    })
}

/// `+01:00`, `-04:30`, `Z`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let seconds = h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60;
    FixedOffset::east_opt(sign * seconds)
}

fn links(raw: Vec<FileLink>, path: impl Fn() -> String) -> Result<Vec<Link>, Invalid> {
    raw.into_iter()
        .enumerate()
        .map(|(i, link)| {
            Ok(Link {
                title: clean_opt_owned(link.title),
                url: required(link.url, || format!("{}[{i}].url", path()))?,
            })
        })
        .collect()
}

/// An end before its start is read as the next morning (`23:00`–`01:00`).
fn past_midnight(end: DayTime, start: DayTime, path: &str) -> Result<DayTime, Invalid> {
    let next_morning = DayTime::from_minutes(end.minutes() + 24 * 60)
        .filter(|e| *e >= start)
        .ok_or_else(|| {
            (
                format!("{path}.end"),
                format!("ends ({end}) before it starts ({start})"),
            )
        })?;
    Ok(next_morning)
}

/// A text that must have something visible in it; `path` names the place if it has not.
fn required(raw: String, path: impl FnOnce() -> String) -> Result<String, Invalid> {
    let clean = clean_line_owned(raw);
    if clean.is_empty() {
        return Err((path(), "must not be empty".into()));
    }
    Ok(clean)
}

fn speakers(raw: Vec<FileSpeaker>, path: impl Fn() -> String) -> Result<Vec<Speaker>, Invalid> {
    raw.into_iter()
        .enumerate()
        .map(|(i, s)| {
            Ok(Speaker {
                name: required(s.name, || format!("{}[{i}].name", path()))?,
                role: clean_opt_owned(s.role),
            })
        })
        .collect()
}

/// Parts and themes share a shape; both become the model's named types.
fn named_list<T: From<(String, String, Option<String>)>>(
    raw: &[FileNamed],
    list: &str,
) -> Result<Vec<T>, Invalid> {
    let mut seen = HashMap::new();
    raw.iter()
        .enumerate()
        .map(|(i, item)| {
            let id = required(item.id.clone(), || format!("{list}[{i}].id"))?;
            if let Some(first) = seen.insert(id.clone(), i) {
                return Err((
                    format!("{list}[{i}].id"),
                    format!("id {id:?} is used twice (first at {list}[{first}])"),
                ));
            }
            let name = required(item.name.clone(), || format!("{list}[{i}].name"))?;
            Ok(T::from((
                id,
                name,
                clean_block_opt(item.description.as_deref()),
            )))
        })
        .collect()
}

impl From<(String, String, Option<String>)> for Group {
    fn from((id, name, description): (String, String, Option<String>)) -> Self {
        Self {
            id,
            name,
            description,
        }
    }
}

fn index_by_id<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, t)| (id(t).clone(), i))
        .collect()
}

fn lookup(
    ids: &HashMap<String, usize>,
    id: &str,
    what: &str,
    path: impl FnOnce() -> String,
) -> Result<usize, Invalid> {
    ids.get(id.trim()).copied().ok_or_else(|| {
        let mut known: Vec<&str> = ids.keys().map(String::as_str).collect();
        known.sort_unstable();
        (
            path(),
            crate::tr!(
                "import.unknown_id",
                what = what,
                id = format!("{:?}", clean_line(id)),
                known = known.join(", ")
            ),
        )
    })
}
