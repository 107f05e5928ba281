//! The c3voc `schedule.json` that frab and pretalx publish: bytes → [`Programme`].
//!
//! `{"schedule": {"conference": {…, "days": [{"date", "day_start", "rooms": {room: [events]}}]}}}`.
//! Every field is optional and may be null, a number where a string is expected, or missing;
//! an event that is not an object is skipped with a warning.

use serde::Deserialize;

use super::import::{
    Builder, Draft, Imported, When, local_on_day, parse_clock, parse_date, parse_duration,
    parse_when, slug,
};
use super::lenient::{List, Maybe, Named, Text};
use super::{Detail, LoadError};
use crate::model::Link;
use crate::text::{clean_line, clean_opt};

#[derive(Deserialize, Default)]
#[serde(default)]
struct File {
    schedule: Maybe<Schedule>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Schedule {
    url: Text,
    base_url: Text,
    conference: Maybe<Conference>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Conference {
    acronym: Text,
    title: Text,
    url: Text,
    time_zone_name: Text,
    day_change: Text,
    tracks: List<Track>,
    days: List<Day>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Track {
    name: Text,
}

// The file's own field names, day_start and day_end among them.
#[allow(clippy::struct_field_names)]
#[derive(Deserialize, Default)]
#[serde(default)]
struct Day {
    index: Text,
    date: Text,
    day_start: Text,
    day_end: Text,
    rooms: Named<List<Event>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Event {
    guid: Text,
    id: Text,
    code: Text,
    slug: Text,
    date: Text,
    start: Text,
    duration: Text,
    end: Text,
    room: Text,
    title: Text,
    subtitle: Text,
    track: Text,
    #[serde(rename = "type")]
    kind: Text,
    language: Text,
    #[serde(rename = "abstract")]
    summary: Text,
    description: Text,
    url: Text,
    persons: List<Person>,
    links: List<LinkEntry>,
}

/// frab: `{id, public_name}`; pretalx: `{code, name, public_name, biography}`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Person {
    public_name: Text,
    name: Text,
    full_name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LinkEntry {
    url: Text,
    title: Text,
}

/// Parses a schedule.json. `origin` names the source in errors.
pub(crate) fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let file: File = super::error::read_json(bytes, origin)?;
    let missing = |object: &str| {
        LoadError::whole_file(origin, crate::tr!("import.no_object", object = object))
    };
    let schedule = file.schedule.0.ok_or_else(|| missing("schedule"))?;
    let conference = schedule.conference.0.ok_or_else(|| missing("conference"))?;
    let url = schedule.url.0.or(schedule.base_url.0);
    Ok(build(conference, url.as_deref(), detail))
}

fn build(conference: Conference, url: Option<&str>, detail: Detail) -> Imported {
    let zone = conference
        .time_zone_name
        .as_deref()
        .and_then(|z| z.trim().parse().ok());
    let mut builder = Builder::new(zone);
    builder.detail = detail;
    let p = &mut builder.programme;
    p.title = clean_opt(conference.title.as_deref()).unwrap_or_else(|| "Untitled programme".into());
    p.id = conference.acronym.as_deref().map(slug).unwrap_or_default();
    p.url = clean_opt(conference.url.as_deref().or(url));
    for track in &conference.tracks.items {
        if let Some(name) = track.name.as_deref() {
            builder.declare_theme(name);
        }
    }
    let day_change = conference.day_change.as_deref().and_then(parse_clock);
    if conference.days.skipped > 0 {
        builder.warn(
            crate::tr!("place.days"),
            crate::tr!("import.not_days", n = conference.days.skipped),
        );
    }
    let mut events = 0;
    for (number, day) in conference.days.items.into_iter().enumerate() {
        events += add_day(&mut builder, day, number + 1, day_change);
    }
    if events == 0 {
        builder.warn(crate::tr!("place.file"), crate::tr!("import.no_events"));
    }
    builder.finish()
}

/// Adds a day and its events; returns how many events it had.
fn add_day(
    builder: &mut Builder,
    day: Day,
    number: usize,
    day_change: Option<chrono::NaiveTime>,
) -> usize {
    let start = day.day_start.as_deref().and_then(parse_when);
    // The day's own start names its local date best; the date field is the fallback.
    let date = start
        .map(|when| builder.wall(when).date())
        .or_else(|| day.date.as_deref().and_then(parse_date));
    let index = builder.add_day(date, None);
    builder.set_day_hours(index, start, day.day_end.as_deref().and_then(parse_when));
    let name = day
        .index
        .as_deref()
        .map_or(number.to_string(), str::to_string);
    let mut count = 0;
    for (room, events) in day.rooms.0 {
        if events.skipped > 0 {
            builder.warn(
                crate::tr!("place.day_room", day = name, room = clean_line(&room)),
                crate::tr!("import.not_events", n = events.skipped),
            );
        }
        for event in events.items {
            count += 1;
            let id = event.id.0.clone().or_else(|| event.guid.0.clone());
            let place = || {
                crate::tr!(
                    "place.day_event",
                    day = name,
                    id = id.as_deref().unwrap_or("?")
                )
            };
            let draft = draft(event, index, date, &room, day_change);
            if draft.start.is_none() {
                builder.warn(place(), crate::tr!("import.no_start"));
            }
            builder.add(draft, place);
        }
    }
    count
}

fn draft(
    event: Event,
    day: usize,
    date: Option<chrono::NaiveDate>,
    room: &str,
    day_change: Option<chrono::NaiveTime>,
) -> Draft {
    // The full date-time, when given, is better than the day's date plus a clock time.
    let start = event.date.as_deref().and_then(parse_when).or_else(|| {
        let clock = event.start.as_deref().and_then(parse_clock)?;
        Some(When::Local(local_on_day(date?, clock, day_change)))
    });
    Draft {
        ids: [event.guid, event.id, event.code, event.slug]
            .into_iter()
            .filter_map(|t| t.0)
            .collect(),
        day: Some(day),
        start,
        end: event.end.as_deref().and_then(parse_when),
        duration_minutes: event.duration.as_deref().and_then(parse_duration),
        title: event.title.0.unwrap_or_default(),
        subtitle: event.subtitle.0,
        summary: event.summary.0,
        description: event.description.0,
        kind: event.kind.0,
        // The key in `rooms` is the rule; the event's own room is a fallback.
        room: clean_opt(Some(room)).or(event.room.0),
        themes: event.track.0.into_iter().collect(),
        speakers: event
            .persons
            .items
            .into_iter()
            .filter_map(|p| p.public_name.0.or(p.name.0).or(p.full_name.0))
            .collect(),
        url: event.url.0,
        links: event
            .links
            .items
            .into_iter()
            .filter_map(|l| {
                Some(Link {
                    url: clean_opt(l.url.as_deref())?,
                    title: clean_opt(l.title.as_deref()),
                })
            })
            .collect(),
        language: event.language.0,
        ..Draft::default()
    }
}
