//! iCalendar (RFC 5545) as conferences publish it: one VEVENT per session → [`Programme`].
//!
//! Lines are unfolded on the bytes before they are decoded, because a fold may split a UTF-8
//! character. TZID names are resolved through the IANA database (no VTIMEZONE is needed), UTC
//! and floating times are kept as such, and CATEGORIES become themes. Programme days are the
//! local dates of the sessions; a session in the small hours belongs to the evening before.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::import::{Builder, Draft, Imported, When, parse_duration, slug};
use super::{Detail, LoadError};
use crate::text::{clean_line, clean_opt};

/// One content line: `NAME;PARAM=VALUE:value`. The value is borrowed from the file unless the
/// line was folded (or not UTF-8), so the file's text is not held twice while it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Property<'a> {
    name: String,
    params: Vec<(String, String)>,
    value: Cow<'a, str>,
    /// The line of the file it starts on.
    line: usize,
}

impl Property<'_> {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The same property, borrowing nothing: kept beyond the event it came in.
    fn into_owned(self) -> Property<'static> {
        Property {
            name: self.name,
            params: self.params,
            value: Cow::Owned(self.value.into_owned()),
            line: self.line,
        }
    }
}

/// Parses an iCalendar file. `origin` names the source in errors.
pub(crate) fn parse(bytes: &[u8], origin: &str, detail: Detail) -> Result<Imported, LoadError> {
    let mut events = Vec::new();
    let mut tzids: HashMap<String, usize> = HashMap::new();
    let calendar = read_calendar(bytes, |event| {
        if let Some(tzid) = event.get("DTSTART").and_then(|p| p.param("TZID")) {
            *tzids.entry(tzid.to_string()).or_default() += 1;
        }
        events.push(Pending::of(event, detail));
    })
    .map_err(|unread| unread.error(bytes, origin))?;
    let not_utf8 = calendar.not_utf8;
    let mut imported = build(&calendar, events, &tzids, origin, detail);
    if not_utf8 {
        imported.warnings.push(super::Warning {
            place: crate::tr!("place.file").into(),
            what: crate::tr!("import.not_utf8").into(),
        });
    }
    Ok(imported)
}

/// Why a calendar could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unread {
    /// No `BEGIN:VCALENDAR`.
    NotCalendar,
    /// The file ends before `END:VCALENDAR`.
    CutOff,
}

impl Unread {
    fn error(self, bytes: &[u8], origin: &str) -> LoadError {
        match self {
            Self::NotCalendar => LoadError::Parse {
                origin: origin.to_string(),
                line: 1,
                column: 1,
                what: crate::tr!("import.no_vcalendar").into(),
            },
            Self::CutOff => LoadError::cut_off(origin, bytes, bytes.len()),
        }
    }
}

/// An event of an iCalendar file, as much as matching it to a programme needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CalendarEntry {
    pub uid: Option<String>,
    pub summary: Option<String>,
    /// When it starts, if the file says so unambiguously (a zone, an offset or UTC).
    pub start: Option<DateTime<Utc>>,
    /// `must` or `maybe`, in a file dagsorden exported.
    pub star: Option<String>,
}

/// The events of an iCalendar file; `None` if it is not one. A file cut off before its end is
/// an error, as for a programme: what it would star is not all the calendar says.
pub(crate) fn entries(bytes: &[u8], origin: &str) -> Result<Option<Vec<CalendarEntry>>, LoadError> {
    let mut zones = Zones {
        unresolved: BTreeSet::new(),
    };
    let mut entries = Vec::new();
    let read = read_calendar(bytes, |event| {
        let start = event.get("DTSTART").and_then(|p| zones.moment(p));
        entries.push(CalendarEntry {
            uid: event.get("UID").map(|p| p.value.trim().to_string()),
            summary: event.text("SUMMARY").map(|t| clean_line(&t)),
            start: match start {
                Some(Moment::At(When::Fixed(at))) => Some(at.with_timezone(&Utc)),
                _ => None,
            },
            star: event
                .get("X-DAGSORDEN-STAR")
                .map(|p| p.value.trim().to_lowercase()),
        });
    });
    match read {
        Err(Unread::NotCalendar) => Ok(None),
        Err(cut @ Unread::CutOff) => Err(cut.error(bytes, origin)),
        Ok(_) => Ok(Some(entries)),
    }
}

/// The content lines of the bytes, folds joined, each with the number of the line of the file
/// it starts on; borrowed from the bytes unless the line was folded. A fold is a line break
/// (CRLF or LF) followed by a space or a tab; it may fall inside a UTF-8 character.
fn logical_lines(bytes: &[u8]) -> impl Iterator<Item = (usize, Cow<'_, [u8]>)> {
    let mut at = 0;
    let mut line = 1;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let first_line = line;
        let mut joined: Option<Vec<u8>> = None;
        let mut piece_start = at;
        let piece_end = loop {
            let Some(newline) = bytes[at..].iter().position(|&b| b == b'\n').map(|n| at + n) else {
                at = bytes.len();
                break bytes.len();
            };
            line += 1;
            let end = if newline > piece_start && bytes[newline - 1] == b'\r' {
                newline - 1
            } else {
                newline
            };
            if matches!(bytes.get(newline + 1), Some(b' ' | b'\t')) {
                joined
                    .get_or_insert_with(Vec::new)
                    .extend_from_slice(&bytes[piece_start..end]);
                piece_start = newline + 2;
                at = piece_start;
                continue;
            }
            at = newline + 1;
            break end;
        };
        let piece = &bytes[piece_start..piece_end.max(piece_start)];
        Some((
            first_line,
            match joined {
                None => Cow::Borrowed(piece),
                Some(mut whole) => {
                    whole.extend_from_slice(piece);
                    Cow::Owned(whole)
                }
            },
        ))
    })
}

/// A content line as text; `false` when bytes that are not UTF-8 had to be replaced.
fn decode_line(line: Cow<'_, [u8]>) -> (Cow<'_, str>, bool) {
    match line {
        Cow::Borrowed(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), true),
            Err(_) => (String::from_utf8_lossy(bytes).into_owned().into(), false),
        },
        Cow::Owned(bytes) => match String::from_utf8(bytes) {
            Ok(text) => (Cow::Owned(text), true),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned().into(),
                false,
            ),
        },
    }
}

/// The calendar's own properties, and what else was learnt reading it.
#[derive(Default)]
struct Calendar<'a> {
    properties: Vec<Property<'a>>,
    /// TZIDs declared by VTIMEZONE blocks.
    declared_zones: Vec<String>,
    /// Whether bytes that are not UTF-8 were replaced.
    not_utf8: bool,
}

/// Reads the calendar in `bytes`, handing each event to `on_event` as soon as it is read whole
/// (and then dropping it), so only what is kept of the events stays in memory.
fn read_calendar<'a>(
    bytes: &'a [u8],
    mut on_event: impl FnMut(Event<'_>),
) -> Result<Calendar<'a>, Unread> {
    let mut calendar = Calendar::default();
    let mut in_calendar = false;
    // The components open inside the calendar, innermost last.
    let mut open: Vec<String> = Vec::new();
    let mut event: Vec<Property<'a>> = Vec::new();
    for (number, raw) in logical_lines(bytes) {
        let (text, utf8) = decode_line(raw);
        calendar.not_utf8 |= !utf8;
        let Some(property) = content_line(text, number) else {
            continue;
        };
        let component = || property.value.trim().to_ascii_uppercase();
        match property.name.as_str() {
            "BEGIN" if !in_calendar => in_calendar = component() == "VCALENDAR",
            "BEGIN" => {
                let component = component();
                if component == "VEVENT" && open.is_empty() {
                    event.clear();
                }
                open.push(component);
            }
            "END" if !in_calendar => {}
            "END" if component() == "VCALENDAR" => return Ok(calendar),
            "END" if open.last() == Some(&component()) => {
                if open.pop().as_deref() == Some("VEVENT") && open.is_empty() {
                    on_event(Event {
                        properties: std::mem::take(&mut event),
                    });
                }
            }
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
    Err(if in_calendar {
        Unread::CutOff
    } else {
        Unread::NotCalendar
    })
}

/// Splits a content line; a line without a name and a colon is not one and is skipped.
fn content_line(raw: Cow<'_, str>, line: usize) -> Option<Property<'_>> {
    let trimmed = raw.trim_end_matches('\r');
    let name_end = trimmed.find([';', ':'])?;
    let name = trimmed[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &trimmed[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let (param, remaining) = one_param(after)?;
        params.push(param);
        rest = remaining;
    }
    let value_start = trimmed.len() - rest.strip_prefix(':')?.len();
    let value_end = trimmed.len();
    let value = match raw {
        Cow::Borrowed(text) => Cow::Borrowed(&text[value_start..value_end]),
        Cow::Owned(mut text) => {
            text.truncate(value_end);
            text.replace_range(..value_start, "");
            Cow::Owned(text)
        }
    };
    Some(Property {
        name,
        params,
        value,
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
struct Event<'a> {
    properties: Vec<Property<'a>>,
}

impl Event<'_> {
    fn get(&self, name: &str) -> Option<&Property<'_>> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Takes a property out (the first of its name), to keep it without a copy.
    fn take(&mut self, name: &str) -> Option<Property<'static>> {
        let at = self.properties.iter().position(|p| p.name == name)?;
        Some(self.properties.swap_remove(at).into_owned())
    }

    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|p| unescape_text(&p.value))
    }

    fn all(&self, name: &str) -> impl Iterator<Item = &Property<'_>> {
        self.properties.iter().filter(move |p| p.name == name)
    }
}

/// An event as read, waiting for the calendar's zone (known only once every event is read)
/// to be given its time and day.
struct Pending {
    draft: Draft,
    start: Option<Property<'static>>,
    end: Option<Property<'static>>,
    duration: Option<u32>,
    repeats: bool,
    /// The line it starts on and its UID, to name it in warnings.
    line: usize,
    uid: Option<String>,
}

impl Pending {
    fn of(mut event: Event<'_>, detail: Detail) -> Self {
        let line = event.properties.iter().map(|p| p.line).min().unwrap_or(0);
        let uid = event.get("UID").map(|p| p.value.to_string());
        let draft = Draft {
            ids: uid.iter().cloned().collect(),
            title: event.text("SUMMARY").unwrap_or_default(),
            description: match detail {
                Detail::Full => event.text("DESCRIPTION"),
                Detail::Brief => None,
            },
            room: event.text("LOCATION"),
            themes: event
                .all("CATEGORIES")
                .flat_map(|p| split_list(&p.value))
                .collect(),
            speakers: speakers(&event),
            url: event.get("URL").map(|p| p.value.trim().to_string()),
            ..Draft::default()
        };
        Self {
            draft,
            duration: event
                .get("DURATION")
                .and_then(|p| parse_duration(p.value.trim())),
            repeats: event.get("RRULE").is_some(),
            start: event.take("DTSTART"),
            end: event.take("DTEND"),
            line,
            uid,
        }
    }

    fn place(&self) -> String {
        place(self.line, self.uid.as_deref())
    }
}

/// How a warning names an event: its line, and its UID when it has one.
fn place(line: usize, uid: Option<&str>) -> String {
    match uid {
        Some(uid) => crate::tr!("place.line_event", line = line, id = clean_line(uid)),
        None => crate::tr!("place.line", line = line),
    }
}

fn build(
    calendar: &Calendar<'_>,
    events: Vec<Pending>,
    tzids: &HashMap<String, usize>,
    origin: &str,
    detail: Detail,
) -> Imported {
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
    let zone = calendar_property("X-WR-TIMEZONE")
        .and_then(|z| zones.resolve(&z))
        .or_else(|| most_used_zone(tzids, &calendar.declared_zones, &mut zones));
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
    let mut placed = Vec::with_capacity(events.len());
    for event in events {
        match timing(&event, &mut zones) {
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
fn most_used_zone(
    tzids: &HashMap<String, usize>,
    declared: &[String],
    zones: &mut Zones,
) -> Option<Tz> {
    let named = tzids.iter().max_by_key(|(name, n)| (**n, (*name).clone()));
    let name = named
        .map(|(n, _)| n.clone())
        .or_else(|| declared.first().cloned())?;
    zones.resolve(&name)
}

/// When an event is, as read.
struct Timing {
    start: Moment,
    end: Option<Moment>,
    duration: Option<u32>,
}

fn timing(event: &Pending, zones: &mut Zones) -> Option<Timing> {
    let start = zones.moment(event.start.as_ref()?)?;
    let end = event.end.as_ref().and_then(|p| zones.moment(p));
    Some(Timing {
        start,
        end,
        duration: event.duration,
    })
}

/// The programme day a session belongs to: its date, or the day before for a session in the
/// small hours.
fn programme_day(builder: &Builder, timing: &Timing) -> NaiveDate {
    match timing.start {
        Moment::Date(date) => date,
        Moment::At(when) => super::import::programme_date(builder.wall(when)),
    }
}

/// The dates that become programme days, in order.
fn programme_days(builder: &Builder, placed: &[(Pending, Timing)]) -> Vec<NaiveDate> {
    let dates: BTreeSet<NaiveDate> = placed
        .iter()
        .map(|(_, timing)| programme_day(builder, timing))
        .collect();
    dates.into_iter().collect()
}

fn add_event(builder: &mut Builder, event: Pending, timing: &Timing, day: Option<usize>) {
    let (start, end, all_day) = match (timing.start, timing.end) {
        (Moment::At(start), Some(Moment::At(end))) => (Some(start), Some(end), false),
        (Moment::At(start), _) => (Some(start), None, false),
        (Moment::Date(_), _) => (None, None, true),
    };
    if event.repeats {
        builder.warn(event.place(), crate::tr!("import.rrule"));
    }
    let Pending {
        draft, line, uid, ..
    } = event;
    let draft = Draft {
        day,
        start,
        end,
        duration_minutes: timing.duration.filter(|_| end.is_none()),
        time_note: all_day.then(|| "all day".into()),
        ..draft
    };
    builder.add(draft, || place(line, uid.as_deref()));
}

/// Speakers have no standard place in iCalendar; ORGANIZER and ATTENDEE names are the ones
/// that are structured.
fn speakers(event: &Event<'_>) -> Vec<String> {
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

    fn lines(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
        logical_lines(bytes)
            .map(|(n, l)| (n, l.into_owned()))
            .collect()
    }

    #[test]
    fn folds_are_joined_on_bytes_even_inside_a_character() {
        // "ø" is C3 B8; the fold falls between its two bytes.
        let folded = b"SUMMARY:Toppm\xc3\r\n \xb8te\r\nUID:1\r\n";
        assert_eq!(
            lines(folded),
            [
                (1, b"SUMMARY:Toppm\xc3\xb8te".to_vec()),
                (3, b"UID:1".to_vec())
            ]
        );
        assert_eq!(
            lines(b"A:b\n\tc\nD:e"),
            [(1, b"A:bc".to_vec()), (3, b"D:e".to_vec())]
        );
    }

    #[test]
    fn content_lines_with_params_and_quoted_colons() {
        let p = content_line("DTSTART;TZID=\"Europe/Oslo\";X=1:20240213T090000".into(), 3)
            .expect("a property");
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.param("tzid"), Some("Europe/Oslo"));
        assert_eq!(p.value, "20240213T090000");
        let p = content_line(
            String::from("ORGANIZER;CN=\"Doe: Jane\":mailto:j@x\r").into(),
            1,
        )
        .expect("a property");
        assert_eq!(
            (p.param("CN"), p.value.as_ref()),
            (Some("Doe: Jane"), "mailto:j@x")
        );
        assert_eq!(content_line("just text".into(), 1), None);
        assert_eq!(content_line(":no name".into(), 1), None);
    }

    #[test]
    fn a_calendar_without_its_end_is_cut_off() {
        let whole = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nEND:VCALENDAR\n";
        assert!(read_calendar(whole.as_bytes(), |_| {}).is_ok());
        for cut in [whole.len() - 5, whole.len() - 20, 20] {
            let result = read_calendar(&whole.as_bytes()[..cut], |_| {});
            assert_eq!(result.err(), Some(Unread::CutOff), "cut at {cut}");
        }
        assert_eq!(
            read_calendar(b"BEGIN:VCALENDARX\n", |_| {}).err(),
            Some(Unread::NotCalendar)
        );
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
