//! iCalendar (RFC 5545) as conferences publish it: one VEVENT per session → [`Programme`].
//!
//! Lines are unfolded on the bytes before they are decoded, because a fold may split a UTF-8
//! character. TZID names are resolved through the IANA database (no VTIMEZONE is needed), UTC
//! and floating times are kept as such, and CATEGORIES become themes. Programme days are the
//! local dates of the sessions; a session in the small hours belongs to the evening before.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use super::import::{Builder, Draft, Imported, When, parse_duration, slug};
use super::{Detail, LoadError};
use crate::text::{clean_line, clean_opt};

/// Before this hour, a session belongs to the programme day before (a late night).
const NEW_DAY_HOUR: u32 = 5;

/// One content line: `NAME;PARAM=VALUE:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
    line: usize,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parses an iCalendar file. `origin` names the source in errors.
pub fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let unfolded = unfold(bytes);
    let text = super::decode_utf8(&unfolded);
    let calendar = read_calendar(&text).ok_or_else(|| LoadError::Parse {
        origin: origin.to_string(),
        line: 1,
        column: 1,
        what: crate::tr!("import.no_vcalendar").into(),
    })?;
    let mut imported = build(calendar, origin, detail);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        imported.warnings.push(super::Warning {
            place: crate::tr!("place.file").into(),
            what: crate::tr!("import.not_utf8").into(),
        });
    }
    Ok(imported)
}

/// An event of an iCalendar file, as much as matching it to a programme needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    pub uid: Option<String>,
    pub summary: Option<String>,
    /// When it starts, if the file says so unambiguously (a zone, an offset or UTC).
    pub start: Option<DateTime<Utc>>,
    /// `must` or `maybe`, in a file dagsorden exported.
    pub star: Option<String>,
}

/// The events of an iCalendar file; `None` if it is not one.
pub fn entries(bytes: &[u8]) -> Option<Vec<CalendarEntry>> {
    let unfolded = unfold(bytes);
    let calendar = read_calendar(&super::decode_utf8(&unfolded))?;
    let mut zones = Zones {
        unresolved: BTreeSet::new(),
    };
    let entries = calendar
        .events
        .into_iter()
        .map(|properties| {
            let event = Event { properties };
            let start = event.get("DTSTART").and_then(|p| zones.moment(p));
            CalendarEntry {
                uid: event.get("UID").map(|p| p.value.trim().to_string()),
                summary: event.text("SUMMARY").map(|t| clean_line(&t)),
                start: match start {
                    Some(Moment::At(When::Fixed(at))) => Some(at.with_timezone(&Utc)),
                    _ => None,
                },
                star: event
                    .get("X-DAGSORDEN-STAR")
                    .map(|p| p.value.trim().to_lowercase()),
            }
        })
        .collect();
    Some(entries)
}

/// Joins folded lines: a line break followed by a space or tab continues the line. Done on the
/// bytes, so a character split by the fold is whole again before decoding.
pub fn unfold(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let break_len = match (bytes[i], bytes.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\n', _) => 1,
            _ => 0,
        };
        if break_len > 0 && matches!(bytes.get(i + break_len), Some(b' ' | b'\t')) {
            i += break_len + 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The calendar's own properties and its events' properties.
#[derive(Default)]
struct Calendar {
    properties: Vec<Property>,
    events: Vec<Vec<Property>>,
    /// TZIDs declared by VTIMEZONE blocks.
    declared_zones: Vec<String>,
}

fn read_calendar(text: &str) -> Option<Calendar> {
    let mut calendar = Calendar::default();
    let mut in_calendar = false;
    // The components open inside the calendar, innermost last.
    let mut open: Vec<String> = Vec::new();
    let mut event: Vec<Property> = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let Some(property) = content_line(raw, number + 1) else {
            continue;
        };
        let component = property.value.trim().to_ascii_uppercase();
        match property.name.as_str() {
            "BEGIN" if component == "VCALENDAR" && !in_calendar => in_calendar = true,
            "BEGIN" if in_calendar => {
                if component == "VEVENT" && open.is_empty() {
                    event.clear();
                }
                open.push(component);
            }
            "END" if in_calendar && open.last() == Some(&component) => {
                open.pop();
                if component == "VEVENT" && open.is_empty() {
                    calendar.events.push(std::mem::take(&mut event));
                }
            }
            "END" if component == "VCALENDAR" && open.is_empty() => break,
            _ if !in_calendar => {}
            _ => match open.as_slice() {
                [] => calendar.properties.push(property),
                [only] if only == "VEVENT" => event.push(property),
                [only] if only == "VTIMEZONE" && property.name == "TZID" => {
                    calendar
                        .declared_zones
                        .push(property.value.trim().to_string());
                }
                _ => {}
            },
        }
    }
    in_calendar.then_some(calendar)
}

/// Splits a content line; a line without a name and a colon is not one and is skipped.
fn content_line(raw: &str, line: usize) -> Option<Property> {
    let raw = raw.trim_end_matches('\r');
    let name_end = raw.find([';', ':'])?;
    let name = raw[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &raw[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let (param, remaining) = one_param(after)?;
        params.push(param);
        rest = remaining;
    }
    let value = rest.strip_prefix(':')?;
    Some(Property {
        name,
        params,
        value: value.to_string(),
        line,
    })
}

/// `KEY=value` or `KEY="quoted;value:"`, and what follows it.
fn one_param(text: &str) -> Option<((String, String), &str)> {
    let eq = text.find('=')?;
    let key = text[..eq].trim().to_ascii_uppercase();
    let after = &text[eq + 1..];
    if let Some(quoted) = after.strip_prefix('"') {
        let close = quoted.find('"')?;
        return Some(((key, quoted[..close].to_string()), &quoted[close + 1..]));
    }
    let end = after.find([';', ':']).unwrap_or(after.len());
    Some(((key, after[..end].to_string()), &after[end..]))
}

/// TEXT values: `\n` is a line break, `\,` `\;` `\\` are the characters themselves.
fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// CATEGORIES: a comma-separated list, where `\,` is a comma inside a name.
fn split_list(value: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(item)) = (chars.next(), items.last_mut()) {
                    item.push(if next == 'n' { ' ' } else { next });
                }
            }
            ',' => items.push(String::new()),
            c => {
                if let Some(item) = items.last_mut() {
                    item.push(c);
                }
            }
        }
    }
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// What a DTSTART or DTEND says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Moment {
    At(When),
    /// A whole day (`VALUE=DATE`).
    Date(NaiveDate),
}

/// Resolves zone names to the IANA database; remembers what it could not resolve.
struct Zones {
    unresolved: BTreeSet<String>,
}

impl Zones {
    fn resolve(&mut self, tzid: &str) -> Option<Tz> {
        let tzid = tzid.trim().trim_matches('"');
        if let Some(zone) = iana_zone(tzid) {
            return Some(zone);
        }
        self.unresolved.insert(tzid.to_string());
        None
    }

    fn moment(&mut self, property: &Property) -> Option<Moment> {
        let value = property.value.trim();
        let is_date = property
            .param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
            || value.len() == 8;
        if is_date {
            return NaiveDate::parse_from_str(value, "%Y%m%d")
                .ok()
                .map(Moment::Date);
        }
        if let Some(utc) = value.strip_suffix(['Z', 'z']) {
            let wall = basic_date_time(utc)?;
            return Some(Moment::At(When::Fixed(
                Utc.from_utc_datetime(&wall).fixed_offset(),
            )));
        }
        let wall = basic_date_time(value)?;
        let zone = property.param("TZID").and_then(|id| self.resolve(id));
        Some(Moment::At(match zone {
            Some(zone) => When::Fixed(in_zone(zone, wall)),
            None => When::Local(wall),
        }))
    }
}

/// A zone name as IANA knows it, also inside longer names such as
/// `/mozilla.org/20050126_1/Europe/Berlin`.
fn iana_zone(tzid: &str) -> Option<Tz> {
    if let Ok(zone) = tzid.parse() {
        return Some(zone);
    }
    let parts: Vec<&str> = tzid.split('/').collect();
    (1..parts.len()).find_map(|i| parts[i..].join("/").parse().ok())
}

/// A wall-clock time in a zone; in a DST gap, the time after it, and in a repeated hour, the
/// first.
fn in_zone(zone: Tz, wall: NaiveDateTime) -> DateTime<chrono::FixedOffset> {
    let local = zone.from_local_datetime(&wall).earliest().or_else(|| {
        let later = wall.checked_add_signed(chrono::Duration::hours(1))?;
        zone.from_local_datetime(&later).earliest()
    });
    local.map_or_else(
        || Utc.from_utc_datetime(&wall).fixed_offset(),
        |at| at.fixed_offset(),
    )
}

/// `20190821T110000` (seconds optional).
fn basic_date_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M"))
        .ok()
}

/// An event's properties by name (the first of each; CATEGORIES and ATTENDEE may repeat).
struct Event {
    properties: Vec<Property>,
}

impl Event {
    fn get(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|p| unescape_text(&p.value))
    }

    fn all(&self, name: &str) -> impl Iterator<Item = &Property> {
        self.properties.iter().filter(move |p| p.name == name)
    }

    fn place(&self) -> String {
        let line = self.properties.first().map_or(0, |p| p.line);
        match self.get("UID") {
            Some(uid) => crate::tr!("place.line_event", line = line, id = clean_line(&uid.value)),
            None => crate::tr!("place.line", line = line),
        }
    }
}

fn build(calendar: Calendar, origin: &str, detail: Detail) -> Imported {
    let mut zones = Zones {
        unresolved: BTreeSet::new(),
    };
    let calendar_property = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| unescape_text(&p.value))
    };
    let title = calendar_property("X-WR-CALNAME").and_then(|t| clean_opt(Some(&t)));
    let events: Vec<Event> = calendar
        .events
        .into_iter()
        .map(|properties| Event { properties })
        .collect();
    let zone = calendar_property("X-WR-TIMEZONE")
        .and_then(|z| zones.resolve(&z))
        .or_else(|| most_used_zone(&events, &calendar.declared_zones, &mut zones));
    let mut builder = Builder::new(zone);
    builder.detail = detail;
    builder.programme.id = title.as_deref().map_or_else(|| file_slug(origin), slug);
    // Without a name, the calendar's description names it, else the file.
    let description = calendar_property("X-WR-CALDESC").and_then(|d| clean_opt(Some(&d)));
    (builder.programme.title, builder.programme.subtitle) = match (title, description) {
        (Some(title), description) => (title, description),
        (None, Some(description)) => (description, None),
        (None, None) => (file_title(origin), None),
    };
    let mut placed = Vec::new();
    for event in &events {
        match timing(event, &mut zones) {
            Some(timing) => placed.push((event, timing)),
            None => builder.warn(event.place(), crate::tr!("import.no_dtstart")),
        }
    }
    let days = programme_days(&builder, &placed);
    let day_index: HashMap<NaiveDate, usize> = days
        .iter()
        .map(|&date| (date, builder.add_day(Some(date), None)))
        .collect();
    for (event, timing) in placed {
        let day = day_index.get(&programme_day(&builder, &timing)).copied();
        add_event(&mut builder, event, &timing, day);
    }
    for tzid in std::mem::take(&mut zones.unresolved) {
        builder.warn(
            format!("TZID {:?}", clean_line(&tzid)),
            crate::tr!("import.unknown_zone"),
        );
    }
    builder.finish()
}

/// The zone most events name, when the calendar does not name one itself.
fn most_used_zone(events: &[Event], declared: &[String], zones: &mut Zones) -> Option<Tz> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for event in events {
        if let Some(tzid) = event.get("DTSTART").and_then(|p| p.param("TZID")) {
            *counts.entry(tzid.to_string()).or_default() += 1;
        }
    }
    let named = counts
        .into_iter()
        .max_by_key(|(name, n)| (*n, name.clone()));
    let name = named
        .map(|(n, _)| n)
        .or_else(|| declared.first().cloned())?;
    zones.resolve(&name)
}

/// When an event is, as read.
struct Timing {
    start: Moment,
    end: Option<Moment>,
    duration: Option<u32>,
}

fn timing(event: &Event, zones: &mut Zones) -> Option<Timing> {
    let start = zones.moment(event.get("DTSTART")?)?;
    let end = event.get("DTEND").and_then(|p| zones.moment(p));
    let duration = event
        .get("DURATION")
        .and_then(|p| parse_duration(p.value.trim()));
    Some(Timing {
        start,
        end,
        duration,
    })
}

/// The programme day a session belongs to: its date, or the day before for a session in the
/// small hours.
fn programme_day(builder: &Builder, timing: &Timing) -> NaiveDate {
    match timing.start {
        Moment::Date(date) => date,
        Moment::At(when) => {
            let at = builder.wall(when);
            if at.hour() < NEW_DAY_HOUR {
                at.date().pred_opt().unwrap_or(at.date())
            } else {
                at.date()
            }
        }
    }
}

/// The dates that become programme days, in order.
fn programme_days(builder: &Builder, placed: &[(&Event, Timing)]) -> Vec<NaiveDate> {
    let dates: BTreeSet<NaiveDate> = placed
        .iter()
        .map(|(_, timing)| programme_day(builder, timing))
        .collect();
    dates.into_iter().collect()
}

fn add_event(builder: &mut Builder, event: &Event, timing: &Timing, day: Option<usize>) {
    let (start, end, all_day) = match (timing.start, timing.end) {
        (Moment::At(start), Some(Moment::At(end))) => (Some(start), Some(end), false),
        (Moment::At(start), _) => (Some(start), None, false),
        (Moment::Date(_), _) => (None, None, true),
    };
    let mut draft = Draft {
        ids: event
            .get("UID")
            .map(|p| p.value.clone())
            .into_iter()
            .collect(),
        day,
        start,
        end,
        duration_minutes: timing.duration.filter(|_| end.is_none()),
        title: event.text("SUMMARY").unwrap_or_default(),
        description: event.text("DESCRIPTION"),
        room: event.text("LOCATION"),
        themes: event
            .all("CATEGORIES")
            .flat_map(|p| split_list(&p.value))
            .collect(),
        speakers: speakers(event),
        url: event.get("URL").map(|p| p.value.trim().to_string()),
        ..Draft::default()
    };
    if all_day {
        draft.time_note = Some("all day".into());
    }
    if event.get("RRULE").is_some() {
        builder.warn(event.place(), crate::tr!("import.rrule"));
    }
    builder.add(draft, || event.place());
}

/// Speakers have no standard place in iCalendar; ORGANIZER and ATTENDEE names are the ones
/// that are structured.
fn speakers(event: &Event) -> Vec<String> {
    event
        .all("ORGANIZER")
        .chain(event.all("ATTENDEE"))
        .filter_map(|p| p.param("CN"))
        .map(str::to_string)
        .collect()
}

/// A programme id from the file's name when the calendar has no name.
/// The file's name without its extension, as a title.
fn file_title(origin: &str) -> String {
    let path = std::path::Path::new(origin);
    let name = path.file_stem().unwrap_or(path.as_os_str());
    clean_opt(Some(&name.to_string_lossy())).unwrap_or_else(|| "Calendar".into())
}

fn file_slug(origin: &str) -> String {
    let name = std::path::Path::new(origin)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("calendar");
    slug(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_joined_on_bytes_even_inside_a_character() {
        // "ø" is C3 B8; the fold falls between its two bytes.
        let folded = b"SUMMARY:Toppm\xc3\r\n \xb8te\r\nUID:1\r\n";
        assert_eq!(unfold(folded), b"SUMMARY:Toppm\xc3\xb8te\r\nUID:1\r\n");
        assert_eq!(unfold(b"A:b\n\tc\nD:e"), b"A:bc\nD:e");
    }

    #[test]
    fn content_lines_with_params_and_quoted_colons() {
        let p = content_line("DTSTART;TZID=\"Europe/Oslo\";X=1:20240213T090000", 3)
            .expect("a property");
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.param("tzid"), Some("Europe/Oslo"));
        assert_eq!(p.value, "20240213T090000");
        let p = content_line("ORGANIZER;CN=\"Doe: Jane\":mailto:j@x", 1).expect("a property");
        assert_eq!(
            (p.param("CN"), p.value.as_str()),
            (Some("Doe: Jane"), "mailto:j@x")
        );
        assert_eq!(content_line("just text", 1), None);
        assert_eq!(content_line(":no name", 1), None);
    }

    #[test]
    fn text_escapes_and_lists() {
        assert_eq!(unescape_text(r"a\, b\; c\\d\nnext"), "a, b; c\\d\nnext");
        assert_eq!(
            split_list(r"Security, Art \, Culture,,"),
            ["Security", "Art , Culture"]
        );
    }

    #[test]
    fn zone_names_inside_longer_tzids() {
        assert_eq!(iana_zone("Europe/Oslo"), Some(chrono_tz::Europe::Oslo));
        assert_eq!(
            iana_zone("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(iana_zone("W. Europe Standard Time"), None);
    }

    #[test]
    fn a_wall_time_in_a_dst_gap_moves_past_it() {
        let wall =
            NaiveDateTime::parse_from_str("2024-03-31 02:30", "%Y-%m-%d %H:%M").expect("wall time");
        let at = in_zone(chrono_tz::Europe::Oslo, wall);
        assert_eq!(at.to_rfc3339(), "2024-03-31T03:30:00+02:00");
    }

    #[test]
    fn small_hours_belong_to_the_evening_before() {
        let builder = Builder::new(Some(chrono_tz::Europe::Berlin));
        let at = |text: &str| Timing {
            start: Moment::At(When::Local(
                NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("time"),
            )),
            end: None,
            duration: None,
        };
        let day = |text| programme_day(&builder, &at(text)).to_string();
        assert_eq!(day("2019-08-22 01:30"), "2019-08-21");
        assert_eq!(day("2019-08-22 09:00"), "2019-08-22");
    }
}
