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
pub(crate) fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let text = super::decode_utf8(bytes);
    let mut walk = Walk::new();
    walk.builder.detail = detail;
    let mut reader = Reader::from_str(&text);
    reader.config_mut().expand_empty_elements = true;
    loop {
        let event = reader.read_event().map_err(|e| {
            let position = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            if ends_inside_markup(&e, &text.as_bytes()[position.min(text.len())..]) {
                return LoadError::cut_off(origin, text.as_bytes(), text.len());
            }
            syntax_error(origin, text.as_bytes(), position, &e.to_string())
        })?;
        match event {
            Event::Start(element) => walk.open(&element),
            Event::End(_) => walk.close(),
            Event::Text(t) if walk.keeps_text => walk.text.push_str(&t.xml10_content()),
            Event::CData(t) if walk.keeps_text => walk.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if walk.keeps_text => push_reference(&mut walk.text, &r),
            Event::Eof => break,
            _ => {}
        }
    }
    if !walk.path.is_empty() {
        // Elements still open at the end: the file stops part-way (a partial programme would
        // look whole, and its missing sessions would look cancelled).
        return Err(LoadError::cut_off(origin, text.as_bytes(), text.len()));
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
        walk.builder
            .warn(crate::tr!("place.file"), crate::tr!("import.not_utf8"));
    }
    Ok(walk.finish())
}

/// Whether a reader error means the input ended inside markup (a tag, a comment, an
/// attribute value, a reference) rather than that the markup is wrong. `rest` is the text
/// from where the error was found.
fn ends_inside_markup(error: &quick_xml::Error, rest: &[u8]) -> bool {
    use quick_xml::errors::IllFormedError;
    match error {
        // Every syntax error is the input ending before something closes.
        quick_xml::Error::Syntax(_)
        | quick_xml::Error::IllFormed(IllFormedError::MissingEndTag(_)) => true,
        quick_xml::Error::IllFormed(IllFormedError::UnclosedReference) => {
            !rest.iter().skip(1).any(|&b| b == b';' || b == b'<')
        }
        _ => false,
    }
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

/// `&lt;` and friends, and `&#233;`, added to `text`; an unknown entity is kept as written.
/// Descriptions hold thousands of these, so none of them makes a string of its own.
fn push_reference(text: &mut String, reference: &quick_xml::events::BytesRef<'_>) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        text.push(c);
        return;
    }
    let name = reference.xml10_content();
    if let Some(resolved) = quick_xml::escape::resolve_predefined_entity(&name) {
        text.push_str(resolved);
    } else {
        text.push('&');
        text.push_str(&name);
        text.push(';');
    }
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
    /// The open elements, outermost first.
    path: Vec<Tag>,
    /// Text of the element being read.
    text: String,
    /// Whether that text is wanted (descriptions are not, for a brief programme).
    keeps_text: bool,
    day: Option<OpenDay>,
    /// The `<room name>` the events being read are in.
    room: Option<String>,
    event: Option<Draft>,
    /// The `id` of the event being read, to name it in warnings.
    event_id: String,
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
            event_id: String::new(),
            link_href: None,
            events_seen: 0,
            saw_schedule: false,
            day_hours: Vec::new(),
        }
    }

    fn open(&mut self, element: &BytesStart<'_>) {
        let tag = Tag::of(element.local_name().as_ref().as_bytes());
        self.text.clear();
        self.keeps_text =
            self.builder.detail == Detail::Full || !matches!(tag, Tag::Abstract | Tag::Description);
        match (self.parent(), tag) {
            (None, Tag::Schedule) => self.saw_schedule = true,
            (Some(Tag::Schedule), Tag::Day) => self.open_day(element),
            (Some(Tag::Day), Tag::Room) => self.room = attribute(element, "name"),
            (Some(Tag::Room | Tag::Day), Tag::Event) => self.open_event(element),
            (Some(Tag::Links), Tag::Link) => self.link_href = attribute(element, "href"),
            _ => {}
        }
        self.path.push(tag);
    }

    fn parent(&self) -> Option<Tag> {
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
        self.event_id.clone_from(&id);
        self.event = Some(Draft {
            ids: vec![guid, id],
            day: self.day.as_ref().map(|d| d.index),
            room: self.room.clone(),
            ..Draft::default()
        });
    }

    fn close(&mut self) {
        // Text after an element closes is the indentation before the next one.
        self.keeps_text = false;
        let Some(tag) = self.path.pop() else { return };
        match (self.parent(), tag) {
            (Some(Tag::Schedule), Tag::Day) => self.day = None,
            (Some(Tag::Day), Tag::Room) => self.room = None,
            (_, Tag::Event) => self.close_event(),
            (Some(Tag::Conference), field) => {
                let text = std::mem::take(&mut self.text);
                self.conference_field(field, &text);
            }
            (Some(Tag::Tracks), Tag::Track) => {
                let text = std::mem::take(&mut self.text);
                self.builder.declare_theme(&text);
            }
            (Some(Tag::Persons), Tag::Person) => {
                let text = std::mem::take(&mut self.text);
                if let Some(event) = &mut self.event {
                    event.speakers.push(text);
                }
            }
            // Files made by hand or by site generators put the people straight in the event,
            // as one list: `<person>Ada Lovelace, Charles Babbage</person>`.
            (Some(Tag::Event), Tag::Person) => {
                let text = std::mem::take(&mut self.text);
                if let Some(event) = &mut self.event {
                    event.speakers.extend(text.split(',').map(str::to_string));
                }
            }
            (Some(Tag::Links), Tag::Link) => {
                let text = std::mem::take(&mut self.text);
                self.close_link(&text);
            }
            (Some(Tag::Event), field) if field != Tag::Other => {
                let text = std::mem::take(&mut self.text);
                self.event_field(field, text);
            }
            _ => {}
        }
    }

    fn conference_field(&mut self, field: Tag, text: &str) {
        let value = clean_opt(Some(text));
        let c = &mut self.conference;
        match field {
            Tag::Title => c.title = value,
            Tag::Subtitle => c.subtitle = value,
            Tag::Acronym => c.acronym = value,
            Tag::Venue => c.venue = value,
            Tag::City => c.city = value,
            Tag::BaseUrl | Tag::Url => c.url = value,
            Tag::DayChange => c.day_change = parse_clock(text),
            Tag::TimeZoneName => {
                self.builder.programme.time_zone = value.and_then(|z| z.parse().ok());
            }
            _ => {}
        }
    }

    fn event_field(&mut self, field: Tag, text: String) {
        let day_date = self.day.as_ref().and_then(|d| d.date);
        let day_change = self.conference.day_change;
        let Some(event) = &mut self.event else { return };
        match field {
            Tag::Title => event.title = text,
            Tag::Subtitle => event.subtitle = Some(text),
            Tag::Type => event.kind = Some(text),
            Tag::Track => event.themes.push(text),
            Tag::Language => event.language = Some(text),
            Tag::Abstract => event.summary = Some(text),
            Tag::Description => event.description = Some(text),
            Tag::Url => event.url = Some(text),
            Tag::Slug => event.ids.push(text),
            Tag::Duration => event.duration_minutes = parse_duration(&text),
            // The full date-time, when given, is better than the day's date plus a clock time.
            Tag::Date => event.start = parse_when(&text).or(event.start),
            Tag::Start if event.start.is_none() => {
                event.start = day_date
                    .zip(parse_clock(&text))
                    .map(|(date, clock)| When::Local(local_on_day(date, clock, day_change)));
            }
            // The parent <room name> is the rule; an event's own room is a fallback.
            Tag::Room if event.room.is_none() => event.room = Some(text),
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
        let day = self.day.as_ref().map(|d| d.index + 1);
        let id = &self.event_id;
        let place = || match day {
            Some(day) => crate::tr!("place.day_event", day = day, id = id),
            None => crate::tr!("place.event", id = id),
        };
        if event.start.is_none() {
            self.builder.warn(place(), crate::tr!("import.no_start"));
        }
        self.builder.add(event, place);
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
            self.builder
                .warn(crate::tr!("place.file"), crate::tr!("import.no_events"));
        }
        self.builder.finish()
    }
}

/// The elements the walk reads; any other is `Other`. Matched as small numbers, not strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Schedule,
    Conference,
    Day,
    Room,
    Event,
    Tracks,
    Track,
    Persons,
    Person,
    Links,
    Link,
    Title,
    Subtitle,
    Type,
    Language,
    Abstract,
    Description,
    Url,
    Slug,
    Duration,
    Date,
    Start,
    Acronym,
    Venue,
    City,
    BaseUrl,
    TimeZoneName,
    DayChange,
    Other,
}

impl Tag {
    /// The tag of an element name as written (files use lower case); any other case is tried
    /// again in lower case. No string is made of any element's name.
    fn of(name: &[u8]) -> Self {
        Self::exact(name).unwrap_or_else(|| {
            let mut lower = [0u8; 16];
            match lower.get_mut(..name.len()) {
                Some(buffer) => {
                    buffer.copy_from_slice(name);
                    buffer.make_ascii_lowercase();
                    Self::exact(buffer).unwrap_or(Self::Other)
                }
                None => Self::Other,
            }
        })
    }

    fn exact(name: &[u8]) -> Option<Self> {
        Some(match name {
            b"schedule" => Self::Schedule,
            b"conference" => Self::Conference,
            b"day" => Self::Day,
            b"room" => Self::Room,
            b"event" => Self::Event,
            b"tracks" => Self::Tracks,
            b"track" => Self::Track,
            b"persons" => Self::Persons,
            b"person" => Self::Person,
            b"links" => Self::Links,
            b"link" => Self::Link,
            b"title" => Self::Title,
            b"subtitle" => Self::Subtitle,
            b"type" => Self::Type,
            b"language" => Self::Language,
            b"abstract" => Self::Abstract,
            b"description" => Self::Description,
            b"url" => Self::Url,
            b"slug" => Self::Slug,
            b"duration" => Self::Duration,
            b"date" => Self::Date,
            b"start" => Self::Start,
            b"acronym" => Self::Acronym,
            b"venue" => Self::Venue,
            b"city" => Self::City,
            b"base_url" => Self::BaseUrl,
            b"time_zone_name" => Self::TimeZoneName,
            b"day_change" => Self::DayChange,
            _ => return None,
        })
    }
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    // Attributes are read once each; the check for repeated ones would cost a scan per read.
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}
