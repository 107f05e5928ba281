//! What every importer of another conference format shares: a [`Builder`] that takes sessions as
//! the file describes them ([`Draft`]) and places them on programme days in the venue's time,
//! gives each a stable key, and collects what had to be skipped as [`Warning`]s.

use std::fmt;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use chrono_tz::Tz;

use rustc_hash::FxHashMap;

use super::Detail;
use super::names::Names;
use crate::model::{Day, DayTime, Description, Kind, Link, Programme, Session, Speaker, Theme};
use crate::text::{clean_line, clean_line_cow, clean_line_owned, clean_opt_owned};

/// Something an importer skipped or guessed, for `dagsorden check` to report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    /// Where in the file (`day 2, event 6210`, `line 40`).
    pub place: String,
    /// What was skipped or guessed, and why.
    pub what: String,
}

impl fmt::Display for Warning {
    /// Both parts may quote the file (an event's id, a room's name), so both are cleaned.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            clean_line_cow(&self.place),
            clean_line_cow(&self.what)
        )
    }
}

/// When a session starts (or ends), as precisely as the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// A moment with its offset from UTC.
    Fixed(DateTime<FixedOffset>),
    /// A wall-clock time with no zone or offset ("floating").
    Local(NaiveDateTime),
}

/// A session as a file gives it, before it is placed.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// Identifiers in order of preference (guid, id, slug); the first non-empty one keys stars.
    pub ids: Vec<String>,
    /// The programme day it is listed under, if the format has days.
    pub day: Option<usize>,
    pub start: Option<When>,
    pub end: Option<When>,
    pub duration_minutes: Option<u32>,
    /// Words about when, for a session without a time ("all day").
    pub time_note: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    /// The abstract and the description, as written (HTML or plain text).
    pub summary: Option<String>,
    pub description: Option<String>,
    pub kind: Option<String>,
    pub room: Option<String>,
    pub themes: Vec<String>,
    pub speakers: Vec<String>,
    /// The role of each speaker, in the same order, where the file gives one.
    pub roles: Vec<Option<String>>,
    pub url: Option<String>,
    pub links: Vec<Link>,
    pub language: Option<String>,
}

/// A session placed on a day, its times still in minutes from that day's midnight (which may be
/// out of range until [`Builder::finish`] settles the day's date).
struct Placed {
    session: Session,
    start: Option<i64>,
    end: Option<i64>,
}

/// Builds a [`Programme`] from drafts. The importer fills in the programme's own fields directly.
pub(crate) struct Builder {
    pub programme: Programme,
    /// How much to keep: a brief programme has no descriptions.
    pub detail: Detail,
    themes: Names,
    rooms: Names,
    placed: Vec<Placed>,
    pub warnings: Vec<Warning>,
}

/// The result of an import: the programme and what was skipped on the way.
#[derive(Debug)]
pub(crate) struct Imported {
    pub programme: Programme,
    pub warnings: Vec<Warning>,
}

impl Builder {
    pub(crate) fn new(time_zone: Option<Tz>) -> Self {
        Self {
            programme: Programme {
                time_zone,
                ..Programme::default()
            },
            detail: Detail::Full,
            themes: Names::default(),
            rooms: Names::default(),
            placed: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub(crate) fn warn(&mut self, place: impl Into<String>, what: impl Into<String>) {
        self.warnings.push(Warning {
            place: place.into(),
            what: what.into(),
        });
    }

    /// A theme the file declares, even if no session carries it.
    pub(crate) fn declare_theme(&mut self, name: &str) {
        let name = clean_line(name);
        if !name.is_empty() {
            self.themes.intern(&name);
        }
    }

    /// A room the file declares, so rooms are listed in the file's order rather than in the
    /// order sessions first name them.
    pub(crate) fn declare_room(&mut self, name: &str) {
        let name = clean_line(name);
        if !name.is_empty() {
            self.rooms.intern(&name);
        }
    }

    /// A programme day; returns its index.
    pub(crate) fn add_day(&mut self, date: Option<NaiveDate>, label: Option<String>) -> usize {
        self.programme.days.push(Day {
            date,
            label,
            opens: None,
            closes: None,
            sessions: 0..0,
        });
        self.programme.days.len() - 1
    }

    /// Sets a day's hours from the file's day start and end.
    pub(crate) fn set_day_hours(&mut self, day: usize, opens: Option<When>, closes: Option<When>) {
        let date = self.programme.days.get(day).and_then(|d| d.date);
        let minutes = |when: Option<When>, b: &Self| {
            let (wall, _) = b.wall_clock(when?);
            let minutes = minutes_from(date?, wall);
            u32::try_from(minutes).ok().and_then(DayTime::from_minutes)
        };
        let (opens, closes) = (minutes(opens, self), minutes(closes, self));
        if let Some(d) = self.programme.days.get_mut(day) {
            d.opens = opens;
            d.closes = closes;
        }
    }

    /// The venue's date and time of a moment.
    pub(crate) fn wall(&self, when: When) -> NaiveDateTime {
        self.wall_clock(when).0
    }

    /// The venue's wall clock for a moment, and the offset to keep when there is no zone.
    fn wall_clock(&self, when: When) -> (NaiveDateTime, Option<FixedOffset>) {
        match (when, self.programme.time_zone) {
            (When::Fixed(at), Some(zone)) => (at.with_timezone(&zone).naive_local(), None),
            (When::Fixed(at), None) => (at.naive_local(), Some(*at.offset())),
            (When::Local(wall), _) => (wall, None),
        }
    }

    /// Places a session; `place` names it in warnings (made only when there is one).
    pub(crate) fn add(&mut self, draft: Draft, place: impl Fn() -> String) {
        let Some((day, start, end, utc_offset)) = self.place_in_time(&draft, &place) else {
            return;
        };
        let Draft {
            ids,
            title,
            subtitle,
            summary,
            description,
            kind,
            room,
            themes,
            speakers: people,
            roles,
            url,
            links,
            language,
            time_note,
            ..
        } = draft;
        let title = clean_line_owned(title);
        if title.is_empty() {
            self.warn(place(), crate::tr!("import.no_title"));
            return;
        }
        let session = Session {
            id: ids
                .into_iter()
                .map(clean_line_owned)
                .find(|id| !id.is_empty())
                .unwrap_or_default(),
            day,
            start: None,
            end: None,
            utc_offset,
            time_note: clean_opt_owned(time_note),
            title,
            subtitle: clean_opt_owned(subtitle),
            // Kept as written: made plain text when shown.
            description: match self.detail {
                Detail::Full => join(summary, description).map(Description::Markup),
                Detail::Brief => None,
            },
            kind: kind.as_deref().map_or(Kind::Session, Kind::from_word),
            room: clean_opt_owned(room).map(|r| self.rooms.intern(&r)),
            part: None,
            themes: self.theme_indexes(&themes),
            speakers: speakers(people, roles),
            streamed: false,
            open_to_press: false,
            url: clean_opt_owned(url),
            links,
            language: clean_opt_owned(language),
        };
        self.placed.push(Placed {
            session,
            start,
            end,
        });
    }

    fn theme_indexes(&mut self, names: &[String]) -> Vec<usize> {
        let mut themes = Vec::new();
        for name in names
            .iter()
            .map(|n| clean_line_cow(n))
            .filter(|n| !n.is_empty())
        {
            let index = self.themes.intern(&name);
            if !themes.contains(&index) {
                themes.push(index);
            }
        }
        themes
    }

    /// The day, start and end minutes, and offset of a draft; `None` (with a warning) when it
    /// cannot be placed on any day.
    #[allow(clippy::type_complexity)]
    fn place_in_time(
        &mut self,
        draft: &Draft,
        place: &impl Fn() -> String,
    ) -> Option<(usize, Option<i64>, Option<i64>, Option<FixedOffset>)> {
        let start = draft.start.map(|w| self.wall_clock(w));
        let day = match (draft.day, start) {
            (Some(day), _) => day,
            (None, Some((wall, _))) => self.day_for_date(wall.date()),
            (None, None) => {
                self.warn(place(), crate::tr!("import.no_day_no_time"));
                return None;
            }
        };
        let Some((wall, offset)) = start else {
            return Some((day, None, None, None));
        };
        let date = self.programme.days[day].date.unwrap_or(wall.date());
        let start_minutes = minutes_from(date, wall);
        let end_minutes = match (draft.end, draft.duration_minutes) {
            (_, Some(length)) => Some(start_minutes + i64::from(length)),
            (Some(end), None) => {
                let (end_wall, _) = self.wall_clock(end);
                Some(minutes_from(date, end_wall)).filter(|e| *e >= start_minutes)
            }
            (None, None) => None,
        };
        Some((day, Some(start_minutes), end_minutes, offset))
    }

    /// The day with this date, added at the end if there is none yet.
    fn day_for_date(&mut self, date: NaiveDate) -> usize {
        match self
            .programme
            .days
            .iter()
            .position(|d| d.date == Some(date))
        {
            Some(day) => day,
            None => self.add_day(Some(date), None),
        }
    }

    /// Settles dates and keys, and returns the programme in display order.
    pub(crate) fn finish(mut self) -> Imported {
        self.settle_day_dates();
        let mut keys = Keys::default();
        let mut sessions = Vec::with_capacity(self.placed.len());
        for placed in std::mem::take(&mut self.placed) {
            if let Some(session) = self.settle_session(placed, &mut keys) {
                sessions.push(session);
            }
        }
        self.programme.sessions = sessions;
        self.programme.themes = self
            .themes
            .into_vec()
            .into_iter()
            .map(|name| Theme {
                id: name.clone(),
                name,
                description: None,
            })
            .collect();
        self.programme.rooms = self.rooms.into_vec();
        if self.programme.id.is_empty() {
            self.programme.id = slug(&self.programme.title);
        }
        self.programme.arrange();
        Imported {
            programme: self.programme,
            warnings: self.warnings,
        }
    }

    /// A day whose date is one off its sessions (a UTC date in the file) is moved to the date its
    /// sessions are on, keeping every session's moment. Sessions only in the small hours after
    /// the date are a late night, not a wrong date.
    fn settle_day_dates(&mut self) {
        const DAY: i64 = 24 * 60;
        // Earliest and latest start of each day, in one pass.
        let mut bounds: Vec<Option<(i64, i64)>> = vec![None; self.programme.days.len()];
        for placed in &self.placed {
            if let (Some(start), Some(b)) = (placed.start, bounds.get_mut(placed.session.day)) {
                *b = Some(b.map_or((start, start), |(lo, hi)| (lo.min(start), hi.max(start))));
            }
        }
        let mut shifts = vec![0i64; self.programme.days.len()];
        for ((day, bound), shift) in self.programme.days.iter_mut().zip(&bounds).zip(&mut shifts) {
            let (Some(date), Some((earliest, latest))) = (day.date, *bound) else {
                continue;
            };
            let shift_days = earliest.div_euclid(DAY);
            let wrong_date =
                (shift_days > 0 && latest - shift_days * DAY >= 6 * 60) || shift_days < 0;
            let new_date = date.checked_add_signed(Duration::days(shift_days));
            if let (true, Some(new_date)) = (wrong_date, new_date) {
                day.date = Some(new_date);
                shift_hours(day, shift_days);
                *shift = shift_days * DAY;
            }
        }
        for placed in &mut self.placed {
            let shift = shifts.get(placed.session.day).copied().unwrap_or(0);
            if shift != 0 {
                placed.start = placed.start.map(|m| m - shift);
                placed.end = placed.end.map(|m| m - shift);
            }
        }
    }

    fn settle_session(&mut self, placed: Placed, keys: &mut Keys) -> Option<Session> {
        let Placed {
            mut session,
            start,
            end,
        } = placed;
        let place = |session: &Session| crate::tr!("place.session", title = session.title);
        if let Some(start) = start {
            let Some(time) = day_time(start) else {
                self.warn(place(&session), crate::tr!("import.too_far"));
                return None;
            };
            session.start = Some(time);
            session.end = end.and_then(day_time);
            if end.is_some() && session.end.is_none() {
                self.warn(place(&session), crate::tr!("import.too_long"));
            }
        }
        let date = self.programme.days[session.day].date;
        if let Some(key) = keys.unique(&session, date) {
            session.id = key;
        }
        Some(session)
    }
}

/// The abstract and the description, each once (a description often repeats the abstract).
fn join(summary: Option<String>, description: Option<String>) -> Option<String> {
    let given = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
    match (given(summary), given(description)) {
        (Some(a), Some(d)) if a.trim() == d.trim() => Some(a),
        (Some(a), Some(d)) => Some(format!("{}\n\n{}", a.trim(), d.trim())),
        (a, d) => a.or(d),
    }
}

/// Moves a day's opening and closing hours along with its date.
fn shift_hours(day: &mut Day, shift_days: i64) {
    let shift = |t: Option<DayTime>| {
        let minutes = i64::from(t?.minutes()) - shift_days * 24 * 60;
        u32::try_from(minutes).ok().and_then(DayTime::from_minutes)
    };
    day.opens = shift(day.opens);
    day.closes = shift(day.closes);
}

/// Minutes from `date`'s midnight to `wall` (negative before it).
fn minutes_from(date: NaiveDate, wall: NaiveDateTime) -> i64 {
    (wall - date.and_time(NaiveTime::MIN)).num_minutes()
}

fn day_time(minutes: i64) -> Option<DayTime> {
    u32::try_from(minutes).ok().and_then(DayTime::from_minutes)
}

fn speakers(names: Vec<String>, roles: Vec<Option<String>>) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::with_capacity(names.len());
    let roles = roles.into_iter().chain(std::iter::repeat(None));
    for (name, role) in names.into_iter().map(clean_line_owned).zip(roles) {
        if !name.is_empty() && !out.iter().any(|s| s.name == name) {
            let role = clean_opt_owned(role);
            out.push(Speaker { name, role });
        }
    }
    out
}

/// Session keys: the file's own id where it has one and it is unique; a repeated id (a session
/// held twice) is told apart by its date and time, which stays the same on every import.
#[derive(Default)]
struct Keys {
    used: FxHashMap<String, u32>,
}

impl Keys {
    /// The session's key, or `None` when that is its id as it is (most are).
    fn unique(&mut self, session: &Session, date: Option<NaiveDate>) -> Option<String> {
        if !session.id.is_empty() && !self.used.contains_key(&session.id) {
            self.used.insert(session.id.clone(), 1);
            return None;
        }
        let when = match (date, session.start) {
            (Some(date), Some(start)) => format!("{date}T{start}"),
            (Some(date), None) => date.to_string(),
            (None, Some(start)) => start.to_string(),
            (None, None) => String::new(),
        };
        let base = if session.id.is_empty() {
            format!("{}@{when}", slug(&session.title))
        } else {
            session.id.clone()
        };
        let mut key = base.clone();
        if self.used.contains_key(&key) && !when.is_empty() && !key.ends_with(&when) {
            key = format!("{base}@{when}");
        }
        let seen = self.used.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            key = format!("{key}#{seen}");
            self.used.insert(key.clone(), 1);
        }
        Some(key)
    }
}

/// A lower-case identifier made from a title: letters and digits, words joined by `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        "programme".into()
    } else {
        out
    }
}

/// Parses the date-times files carry: RFC 3339 with or without seconds, or without an offset
/// (floating). Surrounding white space is ignored.
pub(crate) fn parse_when(text: &str) -> Option<When> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(When::Fixed(at));
    }
    for format in [
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M:%S%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(at) = DateTime::parse_from_str(text, format) {
            return Some(When::Fixed(at));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(wall) = NaiveDateTime::parse_from_str(text, format) {
            return Some(When::Local(wall));
        }
    }
    None
}

/// `2025-02-01`, also when followed by a time.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// A clock time `HH:MM` or `HH:MM:SS` (`9:30` too).
pub(crate) fn parse_clock(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

/// Durations in every form seen: `1:30`, `00:30`, `01:30:00`, `26:00`, `1:02:30:00` (days),
/// ISO 8601 / RFC 5545 `PT1H30M`, `P1DT2H`, `P1W`, or plain minutes.
pub(crate) fn parse_duration(text: &str) -> Option<u32> {
    let text = text.trim();
    let unsigned = text.strip_prefix('+').unwrap_or(text);
    if let Some(iso) = unsigned.strip_prefix(['P', 'p']) {
        return iso_duration(iso);
    }
    let mut parts = [0u32; 4];
    let mut count = 0;
    for part in text.split(':') {
        *parts.get_mut(count)? = part.parse().ok()?;
        count += 1;
    }
    let minutes = match parts[..count] {
        [minutes] => minutes,
        [h, m] if m < 60 => h.checked_mul(60)?.checked_add(m)?,
        [h, m, s] if m < 60 && s < 60 => h.checked_mul(60)?.checked_add(m)?,
        [d, h, m, s] if h < 24 && m < 60 && s < 60 => {
            d.checked_mul(24 * 60)?.checked_add(h * 60 + m)?
        }
        _ => return None,
    };
    Some(minutes)
}

/// The part of an ISO 8601 duration after `P`: `T1H30M`, `1DT2H`, `2W`. Seconds are dropped.
fn iso_duration(text: &str) -> Option<u32> {
    let mut minutes = 0u32;
    let mut number = String::new();
    let mut in_time = false;
    for c in text.chars().map(|c| c.to_ascii_uppercase()) {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if c == 'T' && number.is_empty() && !in_time {
            in_time = true;
            continue;
        }
        let n: u32 = number.parse().ok()?;
        number.clear();
        let unit = match (in_time, c) {
            (false, 'W') => 7 * 24 * 60,
            (false, 'D') => 24 * 60,
            (true, 'H') => 60,
            (true, 'M') => 1,
            (true, 'S') => 0,
            _ => return None,
        };
        minutes = minutes.checked_add(n.checked_mul(unit)?)?;
    }
    number.is_empty().then_some(minutes)
}

/// Before this hour, a session belongs to the programme day before (a late night).
pub(crate) const NEW_DAY_HOUR: u32 = 5;

/// The programme day a session starting at `wall` (venue time) belongs to: its date, or the day
/// before for a session in the small hours.
pub(crate) fn programme_date(wall: NaiveDateTime) -> NaiveDate {
    if wall.hour() < NEW_DAY_HOUR {
        wall.date().pred_opt().unwrap_or(wall.date())
    } else {
        wall.date()
    }
}

/// The local date and time of day for `day_date` + `clock`, moved to the next calendar date when
/// the clock is before the programme day's change-over hour (a session after midnight).
pub(crate) fn local_on_day(
    day_date: NaiveDate,
    clock: NaiveTime,
    day_change: Option<NaiveTime>,
) -> NaiveDateTime {
    let date = match day_change {
        Some(change) if clock < change && change.hour() < 12 => {
            day_date.succ_opt().unwrap_or(day_date)
        }
        _ => day_date,
    };
    date.and_time(clock)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("1:30", Some(90))]
    #[case("00:30", Some(30))]
    #[case("01:30:00", Some(90))]
    #[case("26:00", Some(1560))]
    #[case("12:00", Some(720))]
    #[case("0:00", Some(0))]
    #[case("1:02:30:00", Some(1590))]
    #[case("PT1H30M", Some(90))]
    #[case("PT45M", Some(45))]
    #[case("45", Some(45))]
    #[case(" 00:25 ", Some(25))]
    #[case("1:75", None)]
    #[case("", None)]
    #[case("abc", None)]
    #[case("PT1X", None)]
    #[case("P1DT2H", Some(1560))]
    #[case("P1W", Some(10080))]
    #[case("PT90S", Some(0))]
    #[case("P1H", None)]
    #[case("99999999999:00", None)]
    fn durations_in_every_form(#[case] text: &str, #[case] minutes: Option<u32>) {
        assert_eq!(parse_duration(text), minutes);
    }

    #[rstest]
    #[case("2025-02-01T10:35:00+01:00", "2025-02-01 10:35", Some(3600))]
    #[case("2025-02-01T10:35+01:00", "2025-02-01 10:35", Some(3600))]
    #[case("2019-12-28T01:00:00Z", "2019-12-28 01:00", Some(0))]
    #[case(" 2024-02-13T09:00:00 ", "2024-02-13 09:00", None)]
    fn date_times_with_and_without_offsets(
        #[case] text: &str,
        #[case] wall: &str,
        #[case] offset: Option<i32>,
    ) {
        let (got_wall, got_offset) = match parse_when(text).expect("parses") {
            When::Fixed(at) => (at.naive_local(), Some(at.offset().local_minus_utc())),
            When::Local(wall) => (wall, None),
        };
        assert_eq!(got_wall.format("%Y-%m-%d %H:%M").to_string(), wall);
        assert_eq!(got_offset, offset);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn draft(id: &str, start: &str, minutes: u32) -> Draft {
        Draft {
            ids: vec![id.into()],
            day: Some(0),
            start: parse_when(start),
            duration_minutes: Some(minutes),
            title: format!("Talk {id}"),
            ..Draft::default()
        }
    }

    #[test]
    fn sessions_after_midnight_stay_on_their_programme_day() {
        let mut b = Builder::new(Some(chrono_tz::Europe::Berlin));
        b.add_day(Some(date(2019, 12, 27)), None);
        b.add(draft("late", "2019-12-28T01:30:00+01:00", 60), || {
            "late".into()
        });
        let p = b.finish().programme;
        let late = &p.sessions[0];
        assert_eq!(
            (late.day, late.start.map(DayTime::minutes)),
            (0, Some(25 * 60 + 30))
        );
        assert_eq!(late.start.map(|t| t.to_string()).as_deref(), Some("01:30"));
    }

    #[test]
    fn a_day_dated_in_utc_moves_to_its_local_date() {
        let mut b = Builder::new(Some(chrono_tz::Asia::Tokyo));
        b.add_day(Some(date(2024, 5, 31)), None);
        b.add(draft("a", "2024-05-31T15:30:00Z", 30), || "a".into());
        b.add(draft("b", "2024-06-01T01:00:00Z", 30), || "b".into());
        let p = b.finish().programme;
        assert_eq!(p.days[0].date, Some(date(2024, 6, 1)));
        assert_eq!(
            p.sessions[0].start.map(|t| t.to_string()).as_deref(),
            Some("00:30")
        );
    }

    #[test]
    fn repeated_ids_stay_two_sessions_with_stable_keys() {
        let build = || {
            let mut b = Builder::new(None);
            b.add_day(Some(date(2020, 2, 1)), None);
            b.add(draft("42", "2020-02-01T10:00:00+01:00", 30), || {
                "first".into()
            });
            b.add(draft("42", "2020-02-01T15:00:00+01:00", 30), || {
                "second".into()
            });
            b.add(draft("", "2020-02-01T16:00:00+01:00", 30), || {
                "no id".into()
            });
            b.finish().programme
        };
        let keys: Vec<String> = build().sessions.iter().map(|s| s.id.clone()).collect();
        assert_eq!(keys, ["42", "42@2020-02-01T15:00", "talk@2020-02-01T16:00"]);
        let again: Vec<String> = build().sessions.iter().map(|s| s.id.clone()).collect();
        assert_eq!(keys, again, "the same file gives the same keys");
    }

    #[test]
    fn offsets_are_kept_when_there_is_no_zone() {
        let mut b = Builder::new(None);
        b.add_day(Some(date(2019, 12, 27)), None);
        b.add(draft("a", "2019-12-27T11:00:00+01:00", 30), || "a".into());
        let p = b.finish().programme;
        let s = &p.sessions[0];
        assert_eq!(s.utc_offset.map(|o| o.local_minus_utc()), Some(3600));
        assert_eq!(s.end.map(|t| t.to_string()).as_deref(), Some("11:30"));
    }

    #[test]
    fn untitled_sessions_are_skipped_with_a_warning() {
        let mut b = Builder::new(None);
        b.add_day(Some(date(2020, 2, 1)), None);
        let mut untitled = draft("x", "2020-02-01T10:00:00+01:00", 30);
        untitled.title = " \u{1b}[0m ".into();
        b.add(untitled, || "event x".into());
        let imported = b.finish();
        assert!(imported.programme.sessions.is_empty());
        assert_eq!(
            imported.warnings[0].to_string(),
            "event x: skipped: a session without a title"
        );
    }

    #[rstest]
    #[case("09:30", "2020-02-01 09:30")]
    #[case("02:00", "2020-02-02 02:00")]
    fn clock_times_before_the_day_change_are_the_next_morning(
        #[case] clock: &str,
        #[case] wall: &str,
    ) {
        let change = parse_clock("09:00:00");
        let got = local_on_day(date(2020, 2, 1), parse_clock(clock).expect("clock"), change);
        assert_eq!(got.format("%Y-%m-%d %H:%M").to_string(), wall);
    }

    #[test]
    fn slugs_are_lower_case_words() {
        assert_eq!(slug("FOSDEM 2025"), "fosdem-2025");
        assert_eq!(
            slug("Kommunalpolitisk Toppmøte!"),
            "kommunalpolitisk-toppmøte"
        );
        assert_eq!(slug("  "), "programme");
    }
}
