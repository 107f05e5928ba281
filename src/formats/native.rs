//! dagsorden's own programme JSON (see `docs/programme-format.md`): bytes → [`Programme`].
//!
//! Deserialisation is typed (no `serde_json::Value`), so shape errors carry the JSON path and the
//! line and column; references between parts of the file are checked afterwards.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::names::Names;
use super::{LoadError, line_column};
use crate::model::{Day, DayTime, Kind, Link, Part, Programme, Session, Speaker, Theme, Venue};
use crate::text::{clean_block_opt, clean_line, clean_opt};

/// Parses a programme in dagsorden's JSON format. `origin` names the source in errors.
pub fn parse(bytes: &[u8], origin: &str) -> Result<Programme, LoadError> {
    reject_non_object(bytes, origin)?;
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let file: FileProgramme = serde_path_to_error::deserialize(&mut reader)
        .map_err(|e| parse_error(e.inner(), &e.path().to_string(), origin))?;
    reader.end().map_err(|e| parse_error(&e, ".", origin))?;
    build(file).map_err(|(json_path, what)| LoadError::Invalid {
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
    let (line, column) = line_column(bytes, offset);
    Err(LoadError::Parse {
        origin: origin.to_string(),
        line,
        column,
        what: format!("not a programme: expected a JSON object, found {found}"),
    })
}

fn parse_error(inner: &serde_json::Error, json_path: &str, origin: &str) -> LoadError {
    let full = inner.to_string();
    let position = format!(" at line {} column {}", inner.line(), inner.column());
    let message = full.strip_suffix(&position).unwrap_or(&full);
    let what = match inner.classify() {
        serde_json::error::Category::Data => match json_path {
            "." => format!("not a programme: {message}"),
            path => format!("{path}: {message}"),
        },
        serde_json::error::Category::Eof => {
            format!("not valid JSON: file ends too early ({message})")
        }
        _ => format!("not valid JSON: {message}"),
    };
    LoadError::Parse {
        origin: origin.to_string(),
        line: inner.line().max(1),
        column: inner.column().max(1),
        what,
    }
}

#[derive(Deserialize)]
struct FileProgramme {
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
    days: Vec<FileDay>,
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
struct FileDay {
    date: Option<Date>,
    label: Option<String>,
    opens: Option<Clock>,
    closes: Option<Clock>,
    #[serde(default, deserialize_with = "null_as_empty")]
    sessions: Vec<FileSession>,
}

#[derive(Deserialize)]
struct FileSession {
    id: String,
    start: Option<Clock>,
    end: Option<Clock>,
    time_note: Option<String>,
    title: String,
    subtitle: Option<String>,
    description: Option<String>,
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
checked_string!(Date, NaiveDate, "a date YYYY-MM-DD", |t| {
    NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok()
});
checked_string!(Zone, Tz, "an IANA time zone such as Europe/Oslo", |t| {
    t.trim().parse().ok()
});

type Invalid = (String, String);

fn build(file: FileProgramme) -> Result<Programme, Invalid> {
    let id = required(&file.id, "id")?;
    let title = required(&file.title, "title")?;
    let themes = named_list(&file.themes, "themes")?;
    let parts = named_list(&file.parts, "parts")?;
    let theme_ids = index_by_id(&themes, |t: &Theme| &t.id);
    let part_ids = index_by_id(&parts, |p: &Part| &p.id);
    let mut seen_sessions: HashMap<String, String> = HashMap::new();
    let mut rooms = Names::default();
    let mut days = Vec::with_capacity(file.days.len());
    let mut sessions = Vec::new();
    for (d, day) in file.days.iter().enumerate() {
        days.push(Day {
            date: day.date.as_ref().map(|x| x.0),
            label: clean_opt(day.label.as_deref()),
            opens: day.opens.as_ref().map(|x| x.0),
            closes: day.closes.as_ref().map(|x| x.0),
            sessions: 0..0,
        });
        for (s, raw) in day.sessions.iter().enumerate() {
            let path = format!("days[{d}].sessions[{s}]");
            let references = References {
                themes: &theme_ids,
                parts: &part_ids,
            };
            let session = build_session(raw, d, &path, &references, &mut rooms)?;
            if let Some(first) = seen_sessions.insert(session.id.clone(), path.clone()) {
                return Err((
                    format!("{path}.id"),
                    format!(
                        "session id {:?} is used twice (first at {first})",
                        session.id
                    ),
                ));
            }
            sessions.push(session);
        }
    }
    let venue = file.venue.map_or_else(Venue::default, |v| Venue {
        name: clean_opt(v.name.as_deref()),
        address: clean_opt(v.address.as_deref()),
        city: clean_opt(v.city.as_deref()),
    });
    let mut programme = Programme {
        id,
        title,
        subtitle: clean_opt(file.subtitle.as_deref()),
        organiser: clean_opt(file.organiser.as_deref()),
        venue,
        time_zone: file.time_zone.map(|z| z.0),
        url: clean_opt(file.url.as_deref()),
        registration: clean_block_opt(file.registration.as_deref()),
        streaming: clean_block_opt(file.streaming.as_deref()),
        press: clean_block_opt(file.press.as_deref()),
        hosts: speakers(&file.hosts, "hosts")?,
        parts,
        themes,
        rooms: rooms.into_vec(),
        days,
        sessions,
    };
    programme.arrange();
    Ok(programme)
}

/// The ids a session may refer to.
struct References<'a> {
    themes: &'a HashMap<String, usize>,
    parts: &'a HashMap<String, usize>,
}

fn build_session(
    raw: &FileSession,
    day: usize,
    path: &str,
    references: &References<'_>,
    rooms: &mut Names,
) -> Result<Session, Invalid> {
    let start = raw.start.as_ref().map(|c| c.0);
    let end = raw.end.as_ref().map(|c| c.0);
    let end = match (start, end) {
        (None, Some(_)) => {
            return Err((format!("{path}.end"), "an end needs a start".into()));
        }
        (Some(start), Some(end)) if end < start => Some(past_midnight(end, start, path)?),
        _ => end,
    };
    let themes = raw
        .themes
        .iter()
        .enumerate()
        .map(|(i, id)| {
            lookup(
                references.themes,
                id,
                &format!("{path}.themes[{i}]"),
                "theme",
            )
        })
        .collect::<Result<_, _>>()?;
    let part = raw
        .part
        .as_deref()
        .map(|id| lookup(references.parts, id, &format!("{path}.part"), "part"))
        .transpose()?;
    Ok(Session {
        id: required(&raw.id, &format!("{path}.id"))?,
        day,
        start,
        end,
        time_note: clean_opt(raw.time_note.as_deref()),
        title: required(&raw.title, &format!("{path}.title"))?,
        subtitle: clean_opt(raw.subtitle.as_deref()),
        description: clean_block_opt(raw.description.as_deref()),
        kind: raw.kind.as_deref().map_or(Kind::Session, Kind::from_word),
        room: clean_opt(raw.room.as_deref()).map(|room| rooms.intern(&room)),
        part,
        themes,
        speakers: speakers(&raw.speakers, &format!("{path}.speakers"))?,
        streamed: raw.streamed.unwrap_or(false),
        open_to_press: raw.open_to_press.unwrap_or(false),
        url: clean_opt(raw.url.as_deref()),
        links: links(&raw.links, &format!("{path}.links"))?,
        language: clean_opt(raw.language.as_deref()),
        utc_offset: None,
    })
}

fn links(raw: &[FileLink], path: &str) -> Result<Vec<Link>, Invalid> {
    raw.iter()
        .enumerate()
        .map(|(i, link)| {
            Ok(Link {
                title: clean_opt(link.title.as_deref()),
                url: required(&link.url, &format!("{path}[{i}].url"))?,
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

fn required(raw: &str, path: &str) -> Result<String, Invalid> {
    let clean = clean_line(raw);
    if clean.is_empty() {
        return Err((path.to_string(), "must not be empty".into()));
    }
    Ok(clean)
}

fn speakers(raw: &[FileSpeaker], path: &str) -> Result<Vec<Speaker>, Invalid> {
    raw.iter()
        .enumerate()
        .map(|(i, s)| {
            Ok(Speaker {
                name: required(&s.name, &format!("{path}[{i}].name"))?,
                role: clean_opt(s.role.as_deref()),
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
            let id = required(&item.id, &format!("{list}[{i}].id"))?;
            if let Some(first) = seen.insert(id.clone(), i) {
                return Err((
                    format!("{list}[{i}].id"),
                    format!("id {id:?} is used twice (first at {list}[{first}])"),
                ));
            }
            let name = required(&item.name, &format!("{list}[{i}].name"))?;
            Ok(T::from((
                id,
                name,
                clean_block_opt(item.description.as_deref()),
            )))
        })
        .collect()
}

impl From<(String, String, Option<String>)> for Theme {
    fn from((id, name, description): (String, String, Option<String>)) -> Self {
        Self {
            id,
            name,
            description,
        }
    }
}

impl From<(String, String, Option<String>)> for Part {
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
    path: &str,
    what: &str,
) -> Result<usize, Invalid> {
    ids.get(id.trim()).copied().ok_or_else(|| {
        let mut known: Vec<&str> = ids.keys().map(String::as_str).collect();
        known.sort_unstable();
        (
            path.to_string(),
            format!(
                "unknown {what} {:?} (known: {})",
                clean_line(id),
                known.join(", ")
            ),
        )
    })
}
