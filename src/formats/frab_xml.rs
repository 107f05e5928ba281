//! frab / Pentabarf `schedule.xml` (FOSDEM, CCC, pretalx exports): bytes → [`Programme`].
//!
//! A pull walk over the XML that keeps only the path of open elements and the text of the one
//! being read, so a large file costs little more than reading it. Unknown elements are ignored;
//! an event that cannot be placed is skipped with a warning; only broken XML is an error.

use chrono::NaiveTime;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::import::{
    Builder, Draft, Imported, When, local_on_day, parse_clock, parse_date, parse_duration,
    parse_when, slug,
};
use super::{Detail, LoadError, line_column};
use crate::model::Link;
use crate::text::{clean_line, clean_opt};

/// Parses a frab/Pentabarf schedule. `origin` names the source in errors.
pub fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let text = super::decode_utf8(bytes);
    let mut walk = Walk::new();
    walk.builder.detail = detail;
    let mut reader = Reader::from_str(&text);
    reader.config_mut().expand_empty_elements = true;
    loop {
        let event = reader.read_event().map_err(|e| {
            let position = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            syntax_error(origin, text.as_bytes(), position, &e.to_string())
        })?;
        match event {
            Event::Start(element) => walk.open(&element),
            Event::End(_) => walk.close(),
            Event::Text(t) if walk.keeps_text => walk.text.push_str(&t.xml10_content()),
            Event::CData(t) if walk.keeps_text => walk.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if walk.keeps_text => {
                walk.text.push_str(&resolve_reference(&r));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !walk.saw_schedule {
        return Err(LoadError::Parse {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            what: crate::tr!("import.no_schedule").into(),
        });
    }
    if matches!(text, std::borrow::Cow::Owned(_)) {
        walk.builder.warn("file", crate::tr!("import.not_utf8"));
    }
    Ok(walk.finish())
}

fn syntax_error(origin: &str, bytes: &[u8], position: usize, what: &str) -> LoadError {
    let (line, column) = line_column(bytes, position);
    LoadError::Parse {
        origin: origin.to_string(),
        line,
        column,
        what: crate::tr!("import.not_xml", error = clean_line(what)),
    }
}

/// `&lt;` and friends, and `&#233;`; an unknown entity is kept as written.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name)
        .map_or_else(|| format!("&{name};"), str::to_string)
}

/// The conference's own fields, read as they come.
#[derive(Default)]
struct Conference {
    title: Option<String>,
    subtitle: Option<String>,
    acronym: Option<String>,
    venue: Option<String>,
    city: Option<String>,
    url: Option<String>,
    day_change: Option<NaiveTime>,
}

/// A day being read: its index in the builder and its date.
struct OpenDay {
    index: usize,
    date: Option<chrono::NaiveDate>,
}

struct Walk {
    builder: Builder,
    conference: Conference,
    /// Names of the open elements, outermost first (as [`known_name`] gives them).
    path: Vec<&'static str>,
    /// Text of the element being read.
    text: String,
    /// Whether that text is wanted (descriptions are not, for a brief programme).
    keeps_text: bool,
    day: Option<OpenDay>,
    /// The `<room name>` the events being read are in.
    room: Option<String>,
    event: Option<Draft>,
    /// `day.event` for warnings.
    place: String,
    link_href: Option<String>,
    events_seen: usize,
    saw_schedule: bool,
    /// Start and end attributes of days, applied once the zone is known.
    day_hours: Vec<(usize, Option<String>, Option<String>)>,
}

impl Walk {
    fn new() -> Self {
        Self {
            builder: Builder::new(None),
            conference: Conference::default(),
            path: Vec::new(),
            text: String::new(),
            keeps_text: true,
            day: None,
            room: None,
            event: None,
            place: String::new(),
            link_href: None,
            events_seen: 0,
            saw_schedule: false,
            day_hours: Vec::new(),
        }
    }

    fn open(&mut self, element: &BytesStart<'_>) {
        let name = known_name(element.local_name().as_ref().as_bytes());
        self.text.clear();
        self.keeps_text =
            self.builder.detail == Detail::Full || !matches!(name, "abstract" | "description");
        match (self.parent(), name) {
            (None, "schedule") => self.saw_schedule = true,
            (Some("schedule"), "day") => self.open_day(element),
            (Some("day"), "room") => self.room = attribute(element, "name"),
            (Some("room" | "day"), "event") => self.open_event(element),
            (Some("links"), "link") => self.link_href = attribute(element, "href"),
            _ => {}
        }
        self.path.push(name);
    }

    fn parent(&self) -> Option<&'static str> {
        self.path.last().copied()
    }

    fn open_day(&mut self, element: &BytesStart<'_>) {
        let date = attribute(element, "date").and_then(|d| parse_date(&d));
        let start = attribute(element, "start");
        // The day's own start names its local date best (the date attribute may be UTC's).
        let date = start
            .as_deref()
            .and_then(parse_when)
            .map(|when| self.builder.wall(when).date())
            .or(date);
        let index = self.builder.add_day(date, None);
        self.day_hours
            .push((index, start, attribute(element, "end")));
        self.day = Some(OpenDay { index, date });
    }

    fn open_event(&mut self, element: &BytesStart<'_>) {
        self.events_seen += 1;
        let id = attribute(element, "id").unwrap_or_default();
        let guid = attribute(element, "guid").unwrap_or_default();
        self.place = match &self.day {
            Some(day) => format!("day {}, event {}", day.index + 1, id),
            None => format!("event {id}"),
        };
        self.event = Some(Draft {
            ids: vec![guid, id],
            day: self.day.as_ref().map(|d| d.index),
            room: self.room.clone(),
            ..Draft::default()
        });
    }

    fn close(&mut self) {
        let Some(name) = self.path.pop() else { return };
        match (self.parent(), name) {
            (Some("schedule"), "day") => self.day = None,
            (Some("day"), "room") => self.room = None,
            (_, "event") => self.close_event(),
            (Some("conference"), field) => {
                let text = std::mem::take(&mut self.text);
                self.conference_field(field, &text);
            }
            (Some("tracks"), "track") => {
                let text = std::mem::take(&mut self.text);
                self.builder.declare_theme(&text);
            }
            (Some("persons"), "person") => {
                let text = std::mem::take(&mut self.text);
                if let Some(event) = &mut self.event {
                    event.speakers.push(text);
                }
            }
            (Some("links"), "link") => {
                let text = std::mem::take(&mut self.text);
                self.close_link(&text);
            }
            (Some("event"), field) if field != OTHER => {
                let text = std::mem::take(&mut self.text);
                self.event_field(field, text);
            }
            _ => {}
        }
    }

    fn conference_field(&mut self, field: &str, text: &str) {
        let value = clean_opt(Some(text));
        let c = &mut self.conference;
        match field {
            "title" => c.title = value,
            "subtitle" => c.subtitle = value,
            "acronym" => c.acronym = value,
            "venue" => c.venue = value,
            "city" => c.city = value,
            "base_url" | "url" => c.url = value,
            "day_change" => c.day_change = parse_clock(text),
            "time_zone_name" => {
                self.builder.programme.time_zone = value.and_then(|z| z.parse().ok());
            }
            _ => {}
        }
    }

    fn event_field(&mut self, field: &str, text: String) {
        let day_date = self.day.as_ref().and_then(|d| d.date);
        let day_change = self.conference.day_change;
        let Some(event) = &mut self.event else { return };
        match field {
            "title" => event.title = text,
            "subtitle" => event.subtitle = Some(text),
            "type" => event.kind = Some(text),
            "track" => event.themes.push(text),
            "language" => event.language = Some(text),
            "abstract" => event.summary = Some(text),
            "description" => event.description = Some(text),
            "url" => event.url = Some(text),
            "slug" => event.ids.push(text),
            "duration" => event.duration_minutes = parse_duration(&text),
            // The full date-time, when given, is better than the day's date plus a clock time.
            "date" => event.start = parse_when(&text).or(event.start),
            "start" if event.start.is_none() => {
                event.start = day_date
                    .zip(parse_clock(&text))
                    .map(|(date, clock)| When::Local(local_on_day(date, clock, day_change)));
            }
            // The parent <room name> is the rule; an event's own room is a fallback.
            "room" if event.room.is_none() => event.room = Some(text),
            _ => {}
        }
    }

    fn close_link(&mut self, text: &str) {
        let Some(url) = self.link_href.take().and_then(|h| clean_opt(Some(&h))) else {
            return;
        };
        if let Some(event) = &mut self.event {
            event.links.push(Link {
                title: clean_opt(Some(text)),
                url,
            });
        }
    }

    fn close_event(&mut self) {
        let Some(event) = self.event.take() else {
            return;
        };
        if event.start.is_none() {
            self.builder
                .warn(self.place.clone(), crate::tr!("import.no_start"));
        }
        let place = std::mem::take(&mut self.place);
        self.builder.add(event, &place);
    }

    fn finish(mut self) -> Imported {
        let hours = std::mem::take(&mut self.day_hours);
        for (day, start, end) in hours {
            let when = |t: Option<String>| t.as_deref().and_then(parse_when);
            self.builder.set_day_hours(day, when(start), when(end));
        }
        let c = self.conference;
        let p = &mut self.builder.programme;
        p.title = c
            .title
            .clone()
            .unwrap_or_else(|| "Untitled programme".into());
        p.id = c.acronym.map(|a| slug(&a)).unwrap_or_default();
        p.subtitle = c.subtitle;
        p.venue.name = c.venue;
        p.venue.city = c.city;
        p.url = c.url;
        if self.events_seen == 0 {
            self.builder.warn("file", crate::tr!("import.no_events"));
        }
        self.builder.finish()
    }
}

/// An element the walk does not read.
const OTHER: &str = "";

/// The elements the walk reads, by name, as written (files use lower case); any other case is
/// tried again in lower case. No string is made of any element's name.
fn known_name(name: &[u8]) -> &'static str {
    exact_name(name).unwrap_or_else(|| {
        let mut lower = [0u8; 16];
        match lower.get_mut(..name.len()) {
            Some(buffer) => {
                buffer.copy_from_slice(name);
                buffer.make_ascii_lowercase();
                exact_name(buffer).unwrap_or(OTHER)
            }
            None => OTHER,
        }
    })
}

fn exact_name(name: &[u8]) -> Option<&'static str> {
    Some(match name {
        b"schedule" => "schedule",
        b"conference" => "conference",
        b"day" => "day",
        b"room" => "room",
        b"event" => "event",
        b"tracks" => "tracks",
        b"track" => "track",
        b"persons" => "persons",
        b"person" => "person",
        b"links" => "links",
        b"link" => "link",
        b"title" => "title",
        b"subtitle" => "subtitle",
        b"type" => "type",
        b"language" => "language",
        b"abstract" => "abstract",
        b"description" => "description",
        b"url" => "url",
        b"slug" => "slug",
        b"duration" => "duration",
        b"date" => "date",
        b"start" => "start",
        b"acronym" => "acronym",
        b"venue" => "venue",
        b"city" => "city",
        b"base_url" => "base_url",
        b"time_zone_name" => "time_zone_name",
        b"day_change" => "day_change",
        _ => return None,
    })
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}
