//! The c3voc schedule v2 (the CCC hub's): bytes → [`Programme`].
//!
//! `{"schedule": {"conference": {…, "tracks", "rooms", "days"}, "events": [...]}}`: a flat list
//! of events with full `start`/`end` date-times, `room {name, guid}`, `track {slug}` (named in
//! `conference.tracks`) and `participants [{name, role}]`. Texts may be localised objects
//! (`{"en": …, "de": …}`). An event belongs to the programme day whose hours hold its start, so
//! one at 00:15 after an evening stays on that evening's day.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::import::{
    Builder, Draft, Imported, When, parse_date, parse_duration, parse_when, programme_date, slug,
};
use super::lenient::{List, Localised, Maybe, Text, TextOr};
use super::{Detail, LoadError};
use crate::model::Link;
use crate::text::clean_opt;

/// The longest span of days taken from a conference's start and end when it lists no days.
const MOST_DAYS: usize = 62;

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
    events: List<Event>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Conference {
    acronym: Text,
    title: Localised,
    url: Text,
    time_zone_name: Text,
    start: Text,
    end: Text,
    tracks: List<Track>,
    rooms: List<Room>,
    days: List<Day>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Track {
    name: Localised,
    slug: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Room {
    name: Localised,
    guid: Text,
    slug: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Day {
    date: Text,
    start: Text,
    end: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Event {
    guid: Text,
    id: Text,
    code: Text,
    slug: Text,
    start: Text,
    end: Text,
    duration: Text,
    /// `{name, guid}`, or a name.
    room: TextOr<Room>,
    title: Localised,
    subtitle: Localised,
    /// `{slug}`, or a slug or name.
    track: TextOr<Track>,
    #[serde(rename = "type")]
    kind: Text,
    language: Text,
    #[serde(rename = "abstract")]
    summary: Localised,
    description: Localised,
    url: Text,
    participants: List<Participant>,
    links: List<Reference>,
    attachments: List<Reference>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Participant {
    name: Text,
    public_name: Text,
    role: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Reference {
    url: Text,
    title: Localised,
    #[serde(rename = "type")]
    kind: Text,
}

/// Parses a schedule v2. `origin` names the source in errors.
pub(crate) fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let file: File = super::error::read_json(bytes, origin)?;
    let schedule = file
        .schedule
        .0
        .ok_or_else(|| LoadError::whole_file(origin, crate::tr!("import.no_schedule_object")))?;
    Ok(build(schedule, detail))
}

fn build(schedule: Schedule, detail: Detail) -> Imported {
    let conference = schedule.conference.0.unwrap_or_default();
    let zone = conference
        .time_zone_name
        .as_deref()
        .and_then(|z| z.trim().parse().ok());
    let mut builder = Builder::new(zone);
    builder.detail = detail;
    let p = &mut builder.programme;
    p.title = clean_opt(conference.title.into_text().as_deref())
        .unwrap_or_else(|| "Untitled programme".into());
    p.id = conference.acronym.as_deref().map(slug).unwrap_or_default();
    p.url = clean_opt(
        conference
            .url
            .as_deref()
            .or(schedule.url.as_deref())
            .or(schedule.base_url.as_deref()),
    );
    let tracks = tracks(&mut builder, conference.tracks.items);
    let rooms = rooms(&mut builder, conference.rooms.items, &schedule.events.items);
    let days = Days::new(
        &mut builder,
        conference.days.items,
        [conference.start, conference.end],
        &schedule.events.items,
    );
    if schedule.events.skipped > 0 {
        builder.warn(
            crate::tr!("place.file"),
            crate::tr!("import.not_events", n = schedule.events.skipped),
        );
    }
    if schedule.events.items.is_empty() {
        builder.warn(crate::tr!("place.file"), crate::tr!("import.no_events"));
    }
    for event in schedule.events.items {
        let id = [&event.guid, &event.id, &event.code]
            .into_iter()
            .find_map(|t| t.0.clone())
            .unwrap_or_else(|| "?".into());
        let draft = draft(event, &builder, &days, &tracks, &rooms);
        builder.add(draft, || crate::tr!("place.event", id = id));
    }
    builder.finish()
}

/// Declares the tracks as themes, in the file's order; returns their names by slug.
fn tracks(builder: &mut Builder, tracks: Vec<Track>) -> FxHashMap<String, String> {
    let mut names = FxHashMap::default();
    for track in tracks {
        let slug = track.slug.0;
        let Some(name) = track.name.into_text().or_else(|| slug.clone()) else {
            continue;
        };
        builder.declare_theme(&name);
        if let Some(slug) = slug {
            names.insert(slug, name);
        }
    }
    names
}

/// Declares the rooms events use, in the conference's order; returns room names by guid and
/// slug.
fn rooms(builder: &mut Builder, rooms: Vec<Room>, events: &[Event]) -> FxHashMap<String, String> {
    let mut names = FxHashMap::default();
    let mut order = Vec::new();
    for room in rooms {
        let Some(name) = room.name.into_text() else {
            continue;
        };
        for key in [room.guid.0, room.slug.0].into_iter().flatten() {
            names.insert(key, name.clone());
        }
        order.push(name);
    }
    let used: FxHashSet<String> = events
        .iter()
        .filter_map(|e| room_name(&e.room, &names))
        .collect();
    for name in order.iter().filter(|n| used.contains(*n)) {
        builder.declare_room(name);
    }
    names
}

/// An event's room: its own name, else the conference's name for its guid or slug.
fn room_name(room: &TextOr<Room>, names: &FxHashMap<String, String>) -> Option<String> {
    match room {
        TextOr::Text(name) => Some(name.clone()),
        TextOr::Object(room) => room.name.pick().map(str::to_string).or_else(|| {
            [&room.guid, &room.slug]
                .into_iter()
                .find_map(|key| names.get(key.as_deref()?).cloned())
        }),
        TextOr::Neither => None,
    }
}

/// When a day opens and closes, in venue time, where the file says.
type Hours = Option<(NaiveDateTime, NaiveDateTime)>;

/// The programme days: the file's own (with their hours), else the dates from the conference's
/// start to its end, and any date an event needs besides.
struct Days {
    /// Each listed day's index, date and hours.
    listed: Vec<(usize, NaiveDate, Hours)>,
}

impl Days {
    fn new(builder: &mut Builder, days: Vec<Day>, span: [Text; 2], events: &[Event]) -> Self {
        let mut dates: BTreeMap<NaiveDate, Option<(When, When)>> = BTreeMap::new();
        for day in days {
            let (start, end) = (when(&day.start), when(&day.end));
            let date = day
                .date
                .as_deref()
                .and_then(parse_date)
                .or_else(|| start.map(|s| builder.wall(s).date()));
            if let Some(date) = date {
                dates.insert(date, start.zip(end));
            }
        }
        if dates.is_empty()
            && let [Some(first), Some(last)] = span.map(|t| when(&t))
        {
            let first = builder.wall(first).date();
            let last = programme_date(builder.wall(last));
            for date in first.iter_days().take_while(|d| *d <= last).take(MOST_DAYS) {
                dates.insert(date, None);
            }
        }
        let mut listed: Vec<(NaiveDate, Hours)> = dates
            .into_iter()
            .map(|(date, hours)| (date, hours.map(|(s, e)| (builder.wall(s), builder.wall(e)))))
            .collect();
        // Events outside every listed day make days of their own.
        for start in events.iter().filter_map(|e| when(&e.start)) {
            let wall = builder.wall(start);
            if listed.iter().all(|(_, hours)| !holds(*hours, wall)) {
                let date = programme_date(wall);
                if listed.iter().all(|(d, _)| *d != date) {
                    listed.push((date, None));
                }
            }
        }
        listed.sort_by_key(|(date, _)| *date);
        let listed = listed
            .into_iter()
            .map(|(date, hours)| {
                let index = builder.add_day(Some(date), None);
                if let Some((opens, closes)) = hours {
                    builder.set_day_hours(
                        index,
                        Some(When::Local(opens)),
                        Some(When::Local(closes)),
                    );
                }
                (index, date, hours)
            })
            .collect();
        Self { listed }
    }

    /// The day an event starting at `wall` (venue time) belongs to: the one whose hours hold it,
    /// else the one of its programme date.
    fn of(&self, wall: NaiveDateTime) -> Option<usize> {
        let by_hours = self.listed.iter().find(|(_, _, hours)| holds(*hours, wall));
        let date = programme_date(wall);
        by_hours
            .or_else(|| self.listed.iter().find(|(_, d, _)| *d == date))
            .map(|(index, _, _)| *index)
    }
}

fn holds(hours: Hours, wall: NaiveDateTime) -> bool {
    hours.is_some_and(|(opens, closes)| opens <= wall && wall < closes)
}

fn when(text: &Text) -> Option<When> {
    text.as_deref().and_then(parse_when)
}

fn draft(
    event: Event,
    builder: &Builder,
    days: &Days,
    tracks: &FxHashMap<String, String>,
    rooms: &FxHashMap<String, String>,
) -> Draft {
    let start = when(&event.start);
    let end = when(&event.end);
    let (speakers, roles) = event
        .participants
        .items
        .into_iter()
        .filter_map(|p| {
            let name = p.name.0.or(p.public_name.0)?;
            Some((name, role(p.role.as_deref())))
        })
        .unzip();
    Draft {
        ids: [event.guid, event.id, event.code, event.slug]
            .into_iter()
            .filter_map(|t| t.0)
            .collect(),
        day: start.and_then(|s| days.of(builder.wall(s))),
        start,
        end,
        duration_minutes: event
            .duration
            .as_deref()
            .and_then(parse_duration)
            .filter(|_| end.is_none()),
        title: event.title.into_text().unwrap_or_default(),
        subtitle: event.subtitle.into_text(),
        summary: event.summary.into_text(),
        description: event.description.into_text(),
        kind: event
            .kind
            .0
            .map(|k| k.trim().to_lowercase())
            .filter(|k| k != "other"),
        room: room_name(&event.room, rooms),
        themes: track_name(event.track, tracks).into_iter().collect(),
        speakers,
        roles,
        url: event.url.0,
        links: event
            .links
            .items
            .into_iter()
            .chain(event.attachments.items)
            .filter_map(|l| {
                Some(Link {
                    url: clean_opt(l.url.as_deref())?,
                    // A link without a title is named by its type (`FEEDBACK`, `SLIDES`).
                    title: clean_opt(l.title.pick())
                        .or_else(|| clean_opt(l.kind.as_deref()).map(|k| k.to_lowercase())),
                })
            })
            .collect(),
        language: event.language.0,
        ..Draft::default()
    }
}

/// A participant's role, when it is something other than speaking.
fn role(role: Option<&str>) -> Option<String> {
    let role = role?.trim().to_lowercase();
    (!role.is_empty() && role != "speaker").then_some(role)
}

/// A track's name: the conference's name for its slug, else what the event gives.
fn track_name(track: TextOr<Track>, tracks: &FxHashMap<String, String>) -> Option<String> {
    let (slug, name) = match track {
        TextOr::Text(text) => (Some(text), None),
        TextOr::Object(track) => (track.slug.0, track.name.into_text()),
        TextOr::Neither => return None,
    };
    slug.as_ref()
        .and_then(|s| tracks.get(s).cloned())
        .or(name)
        .or(slug)
}
