//! A [`Programme`] written in dagsorden's own JSON: the same format [`super::native`] reads, so
//! any programme, however it was imported, can be kept, edited or shared as one.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::{Programme, Session, Speaker};

#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organiser: Option<&'a str>,
    venue: Venue<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registration: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    streaming: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    press: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    hosts: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<Named<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    themes: Vec<Named<'a>>,
    days: Vec<Day<'a>>,
}

#[derive(Serialize)]
struct Venue<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
}

#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct Person<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct Day<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    opens: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closes: Option<String>,
    sessions: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    utc_offset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_note: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Cow<'a, str>>,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    themes: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    speakers: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    streamed: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    open_to_press: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

/// The programme as dagsorden JSON, compact.
pub fn write(programme: &Programme) -> String {
    serde_json::to_string(&out(programme)).unwrap_or_default()
}

fn out(p: &Programme) -> Out<'_> {
    Out {
        id: &p.id,
        title: &p.title,
        subtitle: p.subtitle.as_deref(),
        organiser: p.organiser.as_deref(),
        venue: Venue {
            name: p.venue.name.as_deref(),
            address: p.venue.address.as_deref(),
            city: p.venue.city.as_deref(),
        },
        time_zone: p.time_zone.map(chrono_tz::Tz::name),
        url: p.url.as_deref(),
        registration: p.registration.as_deref(),
        streaming: p.streaming.as_deref(),
        press: p.press.as_deref(),
        hosts: people(&p.hosts),
        parts: p
            .parts
            .iter()
            .map(|x| named(&x.id, &x.name, x.description.as_deref()))
            .collect(),
        themes: p
            .themes
            .iter()
            .map(|x| named(&x.id, &x.name, x.description.as_deref()))
            .collect(),
        days: p
            .days
            .iter()
            .enumerate()
            .map(|(d, day)| Day {
                date: day.date.map(|x| x.to_string()),
                label: day.label.as_deref(),
                opens: day.opens.map(|t| clock(t.minutes())),
                closes: day.closes.map(|t| clock(t.minutes())),
                sessions: p.day_sessions(d).iter().map(|s| item(p, s)).collect(),
            })
            .collect(),
    }
}

fn named<'a>(id: &'a str, name: &'a str, description: Option<&'a str>) -> Named<'a> {
    Named {
        id,
        name,
        description,
    }
}

fn people(speakers: &[Speaker]) -> Vec<Person<'_>> {
    speakers
        .iter()
        .map(|s| Person {
            name: &s.name,
            role: s.role.as_deref(),
        })
        .collect()
}

/// `HH:MM`, hours past 24 for times after midnight.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn item<'a>(p: &'a Programme, s: &'a Session) -> Item<'a> {
    Item {
        id: &s.id,
        start: s.start.map(|t| clock(t.minutes())),
        end: s.end.map(|t| clock(t.minutes())),
        utc_offset: s
            .utc_offset
            .filter(|_| p.time_zone.is_none())
            .map(|o| o.to_string()),
        time_note: s.time_note.as_deref(),
        title: &s.title,
        subtitle: s.subtitle.as_deref(),
        description: s.description_text(),
        kind: s.kind.label(),
        room: p.room_name(s),
        part: s.part.and_then(|i| p.parts.get(i)).map(|x| x.id.as_str()),
        themes: s.themes.iter().map(|&t| p.themes[t].id.as_str()).collect(),
        speakers: people(&s.speakers),
        streamed: s.streamed,
        open_to_press: s.open_to_press,
        url: s.url.as_deref(),
        language: s.language.as_deref(),
        links: s
            .links
            .iter()
            .map(|l| Link {
                url: &l.url,
                title: l.title.as_deref(),
            })
            .collect(),
    }
}
