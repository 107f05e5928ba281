//! Sessionize's API feeds: bytes → [`Programme`].
//!
//! "All data" (`view/All`) is `{sessions, speakers, categories, rooms, questions}`, each a list,
//! sessions naming speakers, rooms and category items by id. `view/Sessions` (groups of sessions)
//! and `view/GridSmart` (days → rooms → sessions) hold the same sessions with speakers and
//! categories written into each. Times have no zone: they are the venue's wall clock. The feed
//! has no title, so the programme is named after the file.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, de::value::MapAccessDeserializer, de::value::SeqAccessDeserializer};

use super::import::{Builder, Draft, Imported, When, parse_when, programme_date};
use super::lenient::{Items, List, Text, TextOr};
use super::{Detail, LoadError};
use crate::model::Link;
use crate::text::clean_line;

/// What the file holds: "All data", a list of sessions in groups or days, or something else.
enum Feed {
    All(AllData),
    Views(List<View>),
    Other,
}

impl<'de> Deserialize<'de> for Feed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Feed;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Sessionize feed")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Feed, A::Error> {
                AllData::deserialize(MapAccessDeserializer::new(map)).map(Feed::All)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Feed, A::Error> {
                List::deserialize(SeqAccessDeserializer::new(seq)).map(Feed::Views)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Feed, E> {
                Ok(Feed::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Feed, E> {
                Ok(Feed::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Feed, E> {
                Ok(Feed::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Feed, E> {
                Ok(Feed::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Feed, E> {
                Ok(Feed::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Feed, E> {
                Ok(Feed::Other)
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AllData {
    sessions: List<Session>,
    speakers: List<Speaker>,
    categories: List<Category>,
    rooms: List<Room>,
}

/// An entry of `view/Sessions` (a group of sessions) or `view/GridSmart` (a day of rooms); the
/// names of other views' entries tell which view it is.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct View {
    sessions: List<Session>,
    rooms: List<GridRoom>,
    first_name: Text,
    full_name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct GridRoom {
    name: Text,
    sessions: List<Session>,
}

// The file's own field names.
#[allow(clippy::struct_field_names)]
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Session {
    id: Text,
    title: Text,
    description: Text,
    starts_at: Text,
    ends_at: Text,
    room_id: Text,
    /// The room's name, in the views.
    room: Text,
    /// Speaker ids in "All data"; `{id, name}` in the views.
    speakers: Items<TextOr<SpeakerRef>>,
    category_items: Items<Text>,
    /// Categories with their chosen items, in the views.
    categories: List<Category>,
    is_service_session: Text,
    is_plenum_session: Text,
    status: Text,
    live_url: Text,
    recording_url: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SpeakerRef {
    id: Text,
    name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Speaker {
    id: Text,
    first_name: Text,
    last_name: Text,
    full_name: Text,
    bio: Text,
    tag_line: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Room {
    id: Text,
    name: Text,
    sort: Text,
}

/// A category: `{id, title, items}` in "All data", `{id, name, categoryItems}` in the views.
#[allow(clippy::struct_field_names)]
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Category {
    title: Text,
    name: Text,
    items: List<Item>,
    category_items: List<Item>,
    sort: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Item {
    id: Text,
    name: Text,
    sort: Text,
}

/// What a category's items mean for a session, from the category's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// "Track": the session's primary theme.
    Track,
    /// "Language": the language it is held in.
    Language,
    /// "Level": a theme named with its category, so "Beginner" reads as a level.
    Level,
    /// Anything else ("Topics", "Session format"): a theme.
    Theme,
}

impl Role {
    fn of(title: &str) -> Self {
        let title = title.to_lowercase();
        if title.contains("track") {
            Self::Track
        } else if title.contains("language") || title.contains("sprache") {
            Self::Language
        } else if title.contains("level") {
            Self::Level
        } else {
            Self::Theme
        }
    }
}

/// A category item as a session shows it.
struct Choice {
    role: Role,
    /// The theme's name (or the language).
    name: String,
}

/// Speakers, rooms and categories by id, as "All data" lists them or the views imply them.
#[derive(Default)]
struct Lookup {
    /// Name, tagline and bio by speaker id.
    speakers: FxHashMap<String, (String, Option<String>, Option<String>)>,
    rooms: FxHashMap<String, String>,
    /// Room names in the file's order.
    room_order: Vec<String>,
    items: FxHashMap<String, Choice>,
    /// Theme names, tracks first, in the organiser's order.
    themes: Vec<String>,
    /// Entries of the session lists that are not sessions.
    skipped: usize,
}

/// Parses a Sessionize feed. `origin` names the source in errors and gives the title.
pub(crate) fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let feed: Feed = super::error::read_json(bytes, origin)?;
    let refused = |what: &str| LoadError::whole_file(origin, what);
    let (sessions, lookup) = match feed {
        Feed::All(all) => from_all_data(all),
        Feed::Views(views) => {
            if views
                .items
                .iter()
                .any(|v| v.first_name.0.is_some() || v.full_name.0.is_some())
            {
                return Err(refused(crate::tr!("import.sessionize_speakers")));
            }
            from_views(views.items)
        }
        Feed::Other => return Err(refused(crate::tr!("import.sessionize_not"))),
    };
    Ok(build(sessions, &lookup, origin, detail))
}

fn from_all_data(all: AllData) -> (Vec<Session>, Lookup) {
    let mut lookup = Lookup::default();
    for speaker in all.speakers.items {
        let Some(id) = speaker.id.0 else { continue };
        let name = speaker.full_name.0.or_else(|| {
            let parts: Vec<String> = [speaker.first_name.0, speaker.last_name.0]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        let name = name.unwrap_or_default();
        lookup
            .speakers
            .insert(id, (name, speaker.tag_line.0, speaker.bio.0));
    }
    let mut rooms = all.rooms.items;
    rooms.sort_by_key(|r| sort_key(&r.sort));
    for room in rooms {
        if let (Some(id), Some(name)) = (room.id.0, room.name.0) {
            lookup.room_order.push(name.clone());
            lookup.rooms.insert(id, name);
        }
    }
    add_categories(&mut lookup, all.categories.items, |c| c.title.0.take());
    lookup.skipped = all.sessions.skipped;
    (all.sessions.items, lookup)
}

/// The sessions of `view/Sessions` or `view/GridSmart`, each once, with what they name.
fn from_views(views: Vec<View>) -> (Vec<Session>, Lookup) {
    let mut lookup = Lookup::default();
    let mut seen = FxHashSet::default();
    let mut sessions = Vec::new();
    let mut categories = Vec::new();
    let mut keep = |mut session: Session, lookup: &mut Lookup| {
        if let Some(id) = &session.id.0
            && !seen.insert(id.clone())
        {
            return;
        }
        for speaker in &mut session.speakers.0 {
            if let TextOr::Object(SpeakerRef { id, name }) = speaker
                && let (Some(id), Some(name)) = (id.0.take(), name.0.take())
            {
                lookup.speakers.insert(id.clone(), (name, None, None));
                *speaker = TextOr::Text(id);
            }
        }
        for category in &mut session.categories.items {
            for item in &category.category_items.items {
                session.category_items.0.push(item.id.clone());
            }
        }
        categories.append(&mut session.categories.items);
        if let Some(room) = session.room.as_deref().map(str::to_string) {
            if !lookup.room_order.contains(&room) {
                lookup.room_order.push(room.clone());
            }
            session.room_id = Text(Some(room.clone()));
            lookup.rooms.insert(room.clone(), room);
        }
        sessions.push(session);
    };
    let mut skipped = 0;
    for view in views {
        skipped += view.sessions.skipped;
        for room in view.rooms.items {
            if let Some(name) = room.name.0
                && !lookup.room_order.contains(&name)
            {
                lookup.room_order.push(name);
            }
            skipped += room.sessions.skipped;
            for session in room.sessions.items {
                keep(session, &mut lookup);
            }
        }
        for session in view.sessions.items {
            keep(session, &mut lookup);
        }
    }
    for category in &mut categories {
        category.items = std::mem::take(&mut category.category_items);
    }
    add_categories(&mut lookup, categories, |c| c.name.0.take());
    lookup.skipped = skipped;
    (sessions, lookup)
}

/// Category items by id, and the themes they make in order: tracks first, then the others, each
/// category's items in its own order.
fn add_categories(
    lookup: &mut Lookup,
    mut categories: Vec<Category>,
    mut title: impl FnMut(&mut Category) -> Option<String>,
) {
    categories.sort_by_key(|c| sort_key(&c.sort));
    let mut declared = Vec::new();
    for mut category in categories {
        let title = title(&mut category).unwrap_or_default();
        let role = Role::of(&title);
        let mut items = category.items.items;
        items.sort_by_key(|i| sort_key(&i.sort));
        for item in items {
            let (Some(id), Some(name)) = (item.id.0, item.name.0) else {
                continue;
            };
            let name = match role {
                Role::Level => format!("{}: {}", clean_line(&title), clean_line(&name)),
                _ => name,
            };
            if role != Role::Language && !declared.iter().any(|(_, n)| *n == name) {
                declared.push((role != Role::Track, name.clone()));
            }
            lookup.items.entry(id).or_insert(Choice { role, name });
        }
    }
    declared.sort_by_key(|(not_track, _)| *not_track);
    lookup.themes = declared.into_iter().map(|(_, name)| name).collect();
}

/// A `sort` number; entries without one go last, in file order.
fn sort_key(sort: &Text) -> i64 {
    sort.as_deref()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(i64::MAX)
}

fn build(sessions: Vec<Session>, lookup: &Lookup, origin: &str, detail: Detail) -> Imported {
    let mut builder = Builder::new(None);
    builder.detail = detail;
    builder.programme.title = title_from(origin);
    for theme in &lookup.themes {
        builder.declare_theme(theme);
    }
    // Rooms in the file's order, those that hold a session.
    let used: FxHashSet<&str> = sessions
        .iter()
        .filter_map(|s| lookup.rooms.get(s.room_id.as_deref()?))
        .map(String::as_str)
        .collect();
    for room in lookup
        .room_order
        .iter()
        .filter(|r| used.contains(r.as_str()))
    {
        builder.declare_room(room);
    }
    let days = add_days(&mut builder, &sessions);
    if lookup.skipped > 0 {
        builder.warn(
            crate::tr!("place.file"),
            crate::tr!("import.not_events", n = lookup.skipped),
        );
    }
    if sessions.is_empty() {
        builder.warn(crate::tr!("place.file"), crate::tr!("import.no_events"));
    }
    for session in sessions {
        add_session(&mut builder, session, lookup, &days);
    }
    builder.finish()
}

/// Programme days, one per date sessions start on (the evening before for the small hours), and
/// one without a date at the end for sessions not yet given a time.
struct Days {
    dated: FxHashMap<NaiveDate, usize>,
    undated: Option<usize>,
}

fn add_days(builder: &mut Builder, sessions: &[Session]) -> Days {
    let starts: Vec<Option<When>> = sessions.iter().map(start_of).collect();
    let dates: BTreeSet<NaiveDate> = starts
        .iter()
        .flatten()
        .map(|&when| programme_date(builder.wall(when)))
        .collect();
    let by_date = dates
        .into_iter()
        .map(|date| (date, builder.add_day(Some(date), None)))
        .collect();
    let undated = starts
        .iter()
        .any(Option::is_none)
        .then(|| builder.add_day(None, None));
    Days {
        dated: by_date,
        undated,
    }
}

fn start_of(session: &Session) -> Option<When> {
    session.starts_at.as_deref().and_then(parse_when)
}

fn add_session(builder: &mut Builder, session: Session, lookup: &Lookup, days: &Days) {
    let id = session.id.0.clone().unwrap_or_default();
    let place = || crate::tr!("place.session_id", id = id);
    let start = start_of(&session);
    let day = if let Some(when) = start {
        days.dated.get(&programme_date(builder.wall(when))).copied()
    } else {
        builder.warn(place(), crate::tr!("import.no_start"));
        days.undated
    };
    let mut draft = Draft {
        ids: session.id.0.into_iter().collect(),
        day,
        start,
        end: session.ends_at.as_deref().and_then(parse_when),
        title: session.title.0.unwrap_or_default(),
        summary: session.description.0,
        kind: kind(&session.is_service_session, &session.is_plenum_session),
        links: links(session.live_url, session.recording_url),
        ..Draft::default()
    };
    if let Some(status) = session.status.0.filter(|s| !is_accepted(s)) {
        builder.warn(
            place(),
            crate::tr!("import.status", status = clean_line(&status)),
        );
        draft.subtitle = Some(status);
    }
    if let Some(room_id) = session.room_id.0 {
        match lookup.rooms.get(&room_id) {
            Some(room) => draft.room = Some(room.clone()),
            None => builder.warn(place(), crate::tr!("import.unknown_room", id = room_id)),
        }
    }
    let mut themes: Vec<(bool, String)> = Vec::new();
    for item in session.category_items.0.into_iter().filter_map(|t| t.0) {
        match lookup.items.get(&item) {
            Some(Choice {
                role: Role::Language,
                name,
            }) => draft.language = Some(name.clone()),
            Some(Choice { role, name }) => themes.push((*role != Role::Track, name.clone())),
            None => builder.warn(place(), crate::tr!("import.unknown_category", id = item)),
        }
    }
    themes.sort_by_key(|(not_track, _)| *not_track);
    draft.themes = themes.into_iter().map(|(_, name)| name).collect();
    let mut bios = Vec::new();
    for speaker in session.speakers.0 {
        let id = match speaker {
            TextOr::Text(id) => id,
            TextOr::Object(SpeakerRef { id, .. }) => id.0.unwrap_or_default(),
            TextOr::Neither => continue,
        };
        let Some((name, tagline, bio)) = lookup.speakers.get(&id) else {
            builder.warn(place(), crate::tr!("import.unknown_speaker", id = id));
            continue;
        };
        draft.speakers.push(name.clone());
        draft.roles.push(tagline.clone());
        if let Some(bio) = bio.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            bios.push(format!("{}: {bio}", name.trim()));
        }
    }
    draft.description = (!bios.is_empty()).then(|| bios.join("\n\n"));
    builder.add(draft, place);
}

fn is_accepted(status: &str) -> bool {
    let status = status.trim();
    status.is_empty() || status.eq_ignore_ascii_case("accepted")
}

/// Service sessions (breaks, lunch) are breaks; plenum sessions (for everyone) are marked so.
fn kind(service: &Text, plenum: &Text) -> Option<String> {
    let yes = |flag: &Text| flag.as_deref() == Some("true");
    if yes(service) {
        Some("break".into())
    } else if yes(plenum) {
        Some("plenum".into())
    } else {
        None
    }
}

fn links(live: Text, recording: Text) -> Vec<Link> {
    [
        (live, crate::tr!("import.live_link")),
        (recording, crate::tr!("import.recording_link")),
    ]
    .into_iter()
    .filter_map(|(url, title)| {
        Some(Link {
            url: crate::text::clean_opt(url.as_deref())?,
            title: Some(title.to_string()),
        })
    })
    .collect()
}

/// The feed has no title: the file's name, or the event's part of a Sessionize address
/// (`…/api/v2/<event>/view/All`).
fn title_from(origin: &str) -> String {
    let path = std::path::Path::new(origin);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let views = ["all", "sessions", "gridsmart", "grid"];
    let name = if views.contains(&stem.to_lowercase().as_str()) {
        let mut parts = origin.rsplit('/').skip(1);
        match (parts.next(), parts.next()) {
            (Some("view"), Some(event)) if !event.is_empty() => event,
            _ => stem,
        }
    } else {
        stem
    };
    let name = clean_line(name);
    if name.is_empty() {
        "Sessionize".into()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_file_or_the_address() {
        assert_eq!(title_from("/tmp/devfest-2024.json"), "devfest-2024");
        assert_eq!(
            title_from("https://sessionize.com/api/v2/abcd1234/view/All"),
            "abcd1234"
        );
        assert_eq!(title_from("All"), "All");
        assert_eq!(title_from(""), "Sessionize");
    }

    #[test]
    fn categories_take_their_role_from_their_title() {
        assert_eq!(Role::of("Track"), Role::Track);
        assert_eq!(Role::of("Tracks"), Role::Track);
        assert_eq!(Role::of("Session language"), Role::Language);
        assert_eq!(Role::of("Level"), Role::Level);
        assert_eq!(Role::of("Session format"), Role::Theme);
    }

    #[test]
    fn scalars_are_not_a_feed() {
        let error = parse(b"42", "x.json", Detail::Full)
            .err()
            .map(|e| e.to_string());
        assert!(
            error.is_some_and(|e| e.contains("Sessionize")),
            "a clear refusal"
        );
    }
}
