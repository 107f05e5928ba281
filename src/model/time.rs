//! Sessions on the world's clock: the moment each starts and ends ([`Span`]), the zone its
//! wall-clock times are in ([`Zone`]), and how a moment reads on the venue's clock or the user's
//! ([`Timeline`]).

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::{DayTime, Programme, Session};

/// A time zone that turns moments into wall-clock times and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A named zone (Europe/Oslo), which knows its summer time.
    Iana(Tz),
    /// A fixed offset from UTC, for files that give offsets and no zone name.
    Fixed(FixedOffset),
}

impl Zone {
    /// The wall-clock time of a moment.
    pub fn wall(self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Self::Iana(tz) => at.with_timezone(&tz).naive_local(),
            Self::Fixed(offset) => at.with_timezone(&offset).naive_local(),
        }
    }

    /// The moment a wall-clock time names. A time in a daylight-saving gap is read as the
    /// moment just after the gap; a time that happens twice, as the first.
    pub fn moment(self, wall: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Self::Iana(tz) => tz
                .from_local_datetime(&wall)
                .earliest()
                .or_else(|| {
                    let later = wall.checked_add_signed(Duration::hours(1))?;
                    tz.from_local_datetime(&later).earliest()
                })
                .map_or_else(|| wall.and_utc(), |at| at.with_timezone(&Utc)),
            Self::Fixed(offset) => offset
                .from_local_datetime(&wall)
                .single()
                .map_or_else(|| wall.and_utc(), |at| at.with_timezone(&Utc)),
        }
    }

    /// `Europe/Oslo`, or `UTC+01:00` for a bare offset.
    pub fn name(self) -> String {
        match self {
            Self::Iana(tz) => tz.name().to_string(),
            Self::Fixed(offset) => utc_offset_name(offset.local_minus_utc()),
        }
    }

    /// The zone of this machine: `TZ` when it names an IANA zone (as a name or as a path into
    /// a zoneinfo directory), the current offset when `TZ` is something else (a POSIX rule such
    /// as `JST-9`, which the system's clock follows), else the system's setting.
    pub fn local() -> Self {
        let current_offset = || Self::Fixed(chrono::Local::now().offset().fix());
        if let Ok(tz) = std::env::var("TZ") {
            return iana_in_tz(&tz).map_or_else(current_offset, Self::Iana);
        }
        iana_time_zone::get_timezone()
            .ok()
            .and_then(|name| name.parse::<Tz>().ok())
            .map_or_else(current_offset, Self::Iana)
    }
}

/// The IANA zone a `TZ` value names: `Europe/Oslo`, `:Europe/Oslo` or
/// `/usr/share/zoneinfo/Europe/Oslo`.
fn iana_in_tz(tz: &str) -> Option<Tz> {
    let name = tz.trim_start_matches(':');
    let name = name.rsplit_once("zoneinfo/").map_or(name, |(_, zone)| zone);
    name.parse().ok()
}

/// `UTC+01:00`, `UTC-04:30`.
pub fn utc_offset_name(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// When a session runs, as moments. A session whose end is not known lasts no time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends; the start again when the end is not known.
    pub end: DateTime<Utc>,
}

impl Span {
    /// Whether it is on at `now` (from its start, up to but not including its end).
    pub fn is_on(&self, now: DateTime<Utc>) -> bool {
        self.start <= now && now < self.end
    }

    /// Whether it is over at `now`.
    pub fn is_past(&self, now: DateTime<Utc>) -> bool {
        self.end <= now && !self.is_on(now)
    }

    /// Whole minutes until its end, rounded up (a session ending in 30 s has 1 min left).
    pub fn minutes_left(&self, now: DateTime<Utc>) -> i64 {
        let seconds = (self.end - now).num_seconds();
        (seconds + 59).div_euclid(60)
    }

    /// Whether the two share any time. A session of no length takes its starting minute, so it
    /// clashes with what runs then.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.busy_until() && other.start < self.busy_until()
    }

    /// Until when it takes time: its end, or its starting minute for a session of no length.
    pub fn busy_until(&self) -> DateTime<Utc> {
        self.end.max(self.start + Duration::minutes(1))
    }
}

/// Which clock times are shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    /// The venue's zone (the programme's), as the programme is printed.
    #[default]
    Venue,
    /// The zone of the machine dagsorden runs on.
    Local,
}

impl Shown {
    /// The other clock, for the key that switches between them.
    pub fn toggled(self) -> Self {
        match self {
            Self::Venue => Self::Local,
            Self::Local => Self::Venue,
        }
    }
}

/// A venue zone the user set, which beats the file's and this computer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen {
    /// The zone.
    pub zone: Tz,
    /// Set earlier for this programme and remembered, rather than given on this command line.
    pub remembered: bool,
}

/// Why the venue's clock is the one it is: said by `check`, the header and `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSource {
    /// `--zone` on this command line.
    Given,
    /// `--zone` given earlier for this programme, and remembered.
    Remembered,
    /// The programme file names the zone.
    File,
    /// The file gives offsets from UTC, but no zone name.
    FileOffsets,
    /// The file's times are wall-clock times with no zone: read on this computer's clock.
    NoneInFile,
    /// The file gives moments in UTC only, which say nothing of the venue: shown on this
    /// computer's clock.
    UtcOnly,
}

impl ZoneSource {
    /// Whether the venue's clock is this computer's because nothing else said otherwise.
    pub fn is_this_computer(self) -> bool {
        matches!(self, Self::NoneInFile | Self::UtcOnly)
    }

    /// A word for scripts (`--json`'s `zone_source`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Given => "given",
            Self::Remembered => "remembered",
            Self::File => "file",
            Self::FileOffsets => "file-offsets",
            Self::NoneInFile => "this-computer",
            Self::UtcOnly => "this-computer-utc-file",
        }
    }
}

/// The venue's zone and why it is that one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VenueZone {
    /// The zone the venue's times are read in.
    pub zone: Zone,
    /// Which rule chose it, for `check` and the about sheet to say.
    pub source: ZoneSource,
}

/// The one rule for the venue's clock, in order: the zone the user gave (`--zone`), the one
/// they gave earlier for this programme, the file's zone name, the file's offsets from UTC,
/// else this computer's zone (for floating times, and for moments given only in UTC, which
/// name no venue).
pub fn venue_zone(programme: &Programme, local: Zone, chosen: Option<Chosen>) -> VenueZone {
    let venue = |zone, source| VenueZone { zone, source };
    if let Some(chosen) = chosen {
        let source = if chosen.remembered {
            ZoneSource::Remembered
        } else {
            ZoneSource::Given
        };
        return venue(Zone::Iana(chosen.zone), source);
    }
    if let Some(tz) = programme.time_zone {
        return venue(Zone::Iana(tz), ZoneSource::File);
    }
    let mut offsets = programme.sessions.iter().filter_map(|s| s.utc_offset);
    match offsets.next() {
        None => venue(local, ZoneSource::NoneInFile),
        Some(first) if first.local_minus_utc() == 0 && offsets.all(|o| o == first) => {
            venue(local, ZoneSource::UtcOnly)
        }
        Some(first) => venue(Zone::Fixed(first), ZoneSource::FileOffsets),
    }
}

/// A programme's sessions placed on the world's clock, computed once when it is opened.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The venue's zone, as [`venue_zone`] decides it.
    pub venue: Zone,
    /// Why the venue's zone is that one.
    pub source: ZoneSource,
    /// This computer's zone, the other clock times can be shown in.
    pub local: Zone,
    /// Each session's span, by session index; `None` without a date and a time.
    spans: Vec<Option<Span>>,
    /// Whether the venue's clock and this computer's read the same at every session (true of
    /// a programme without times).
    same_clock: bool,
    /// Whether the file's written times are the venue's clock times: not when it gives moments
    /// (offsets) that are shown on another zone's clock.
    written_at_venue: bool,
}

impl Timeline {
    /// The programme on the venue's clock as [`venue_zone`] decides it from `chosen`, the
    /// file and `local`. Everything that compares with the clock or writes times out builds
    /// its timeline here.
    pub fn new(programme: &Programme, local: Zone, chosen: Option<Chosen>) -> Self {
        let VenueZone {
            zone: venue,
            source,
        } = venue_zone(programme, local, chosen);
        let spans: Vec<Option<Span>> = programme
            .sessions
            .iter()
            .map(|s| span_of(programme, s, venue))
            .collect();
        let same_clock = venue == local
            || spans
                .iter()
                .flatten()
                .flat_map(|s| [s.start, s.end])
                .all(|at| venue.wall(at) == local.wall(at));
        let written_at_venue = match programme.time_zone {
            Some(tz) => venue == Zone::Iana(tz),
            None if programme.sessions.iter().any(|s| s.utc_offset.is_some()) => {
                source == ZoneSource::FileOffsets
            }
            None => true,
        };
        Self {
            venue,
            source,
            local,
            spans,
            same_clock,
            written_at_venue,
        }
    }

    /// The venue's zone and why.
    pub fn venue_zone(&self) -> VenueZone {
        VenueZone {
            zone: self.venue,
            source: self.source,
        }
    }

    /// Whether the venue's clock and this computer's differ, so switching between them shows
    /// something else.
    pub fn clocks_differ(&self) -> bool {
        !self.same_clock
    }

    /// Whether times on the `shown` clock read as the file writes them (so a session keeps the
    /// file's own offset, across a change of clock too); else each moment is read on that clock.
    pub fn shows_as_written(&self, shown: Shown) -> bool {
        shown == Shown::Venue && self.written_at_venue
    }

    /// When a session runs; `None` without a date and a time.
    pub fn span(&self, session: usize) -> Option<Span> {
        self.spans.get(session).copied().flatten()
    }

    /// Every session's span, by session index, for the planner's passes over all of them.
    pub fn spans(&self) -> &[Option<Span>] {
        &self.spans
    }

    /// The zone of the `shown` clock.
    pub fn zone(&self, shown: Shown) -> Zone {
        match shown {
            Shown::Venue => self.venue,
            Shown::Local => self.local,
        }
    }

    /// A moment as a wall-clock time in the zone shown.
    pub fn wall(&self, shown: Shown, at: DateTime<Utc>) -> NaiveDateTime {
        self.zone(shown).wall(at)
    }

    /// A wall-clock time at the venue as a moment (for `--now 2024-02-13T10:30`).
    pub fn venue_moment(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        self.venue.moment(wall)
    }
}

/// A session's moments: its day's date plus its wall-clock minutes, in its own offset when the
/// file gave one (an exact moment), else in the venue's zone.
fn span_of(programme: &Programme, session: &Session, venue: Zone) -> Option<Span> {
    let date = programme.days.get(session.day)?.date?;
    // Times the file pins (its zone, or the session's offset) keep their moment whatever
    // clock the venue is shown on; only times written without either are read on the venue's.
    let zone = match (programme.time_zone, session.utc_offset) {
        (Some(tz), _) => Zone::Iana(tz),
        (None, Some(offset)) => Zone::Fixed(offset),
        (None, None) => venue,
    };
    let at = |t: DayTime| {
        let midnight = date.and_time(NaiveTime::MIN);
        let wall = midnight.checked_add_signed(Duration::minutes(i64::from(t.minutes())))?;
        Some(zone.moment(wall))
    };
    let start = at(session.start?)?;
    let end = session.end.and_then(at).unwrap_or(start).max(start);
    Some(Span { start, end })
}

/// A clock set by hand (`--now`): a wall-clock time at the venue, or a moment with an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetClock {
    /// `2024-02-13T10:30`: read in the venue's zone.
    Venue(NaiveDateTime),
    /// `2024-02-13T10:30:00+01:00` (RFC 3339, any offset).
    Moment(DateTime<Utc>),
}

impl SetClock {
    /// The moment meant, once the venue's zone is known.
    pub fn moment(self, timeline: &Timeline) -> DateTime<Utc> {
        match self {
            Self::Venue(wall) => timeline.venue_moment(wall),
            Self::Moment(at) => at,
        }
    }
}

impl std::str::FromStr for SetClock {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Ok(Self::Moment(at.with_timezone(&Utc)));
        }
        if let Ok(at) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z") {
            return Ok(Self::Moment(at.with_timezone(&Utc)));
        }
        let wall = |text: &str| {
            ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
                .iter()
                .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        };
        if let Some(utc) = text.strip_suffix(['Z', 'z']).and_then(wall) {
            return Ok(Self::Moment(utc.and_utc()));
        }
        wall(text).map(Self::Venue).ok_or_else(|| {
            crate::tr!(
                "cli.mistake.bad_time",
                text = crate::text::shorten_for_message(text)
            )
        })
    }
}

/// Where a run's clock and zones come from: the viewer's when it starts, a command's when it
/// asks what is on.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// A time set by hand, which then stands still; `None` follows the system clock.
    pub set: Option<SetClock>,
    /// This machine's zone, for showing times locally.
    pub local: Zone,
    /// Which clock times are shown on at first.
    pub shown: Shown,
    /// The venue zone the user set (`--zone`, or remembered for the programme), if any.
    pub venue: Option<Chosen>,
}

impl Clock {
    /// The programme on the world's clock, its venue's zone decided by the one rule
    /// ([`venue_zone`]) from this clock's choice.
    pub fn timeline(&self, programme: &Programme) -> Timeline {
        Timeline::new(programme, self.local, self.venue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("wall time")
    }

    fn utc(text: &str) -> DateTime<Utc> {
        wall(text).and_utc()
    }

    #[test]
    fn daylight_saving_gaps_and_repeats() {
        let oslo = Zone::Iana(chrono_tz::Europe::Oslo);
        // 31 March 2024: 02:00 → 03:00. 02:30 does not exist; it is read as 03:30 CEST.
        assert_eq!(
            oslo.moment(wall("2024-03-31 02:30")),
            utc("2024-03-31 01:30")
        );
        // 27 October 2024: 03:00 → 02:00. 02:30 happens twice; the first is CEST.
        assert_eq!(
            oslo.moment(wall("2024-10-27 02:30")),
            utc("2024-10-27 00:30")
        );
        assert_eq!(oslo.wall(utc("2024-10-27 01:30")), wall("2024-10-27 02:30"));
    }

    #[test]
    fn spans_and_overlaps() {
        let span = |a: &str, b: &str| Span {
            start: utc(a),
            end: utc(b),
        };
        let talk = span("2025-02-01 10:00", "2025-02-01 10:30");
        assert!(talk.is_on(utc("2025-02-01 10:00")));
        assert!(!talk.is_on(utc("2025-02-01 10:30")));
        assert!(talk.is_past(utc("2025-02-01 10:30")));
        assert_eq!(talk.minutes_left(utc("2025-02-01 10:12")), 18);
        let next = span("2025-02-01 10:30", "2025-02-01 11:00");
        assert!(!talk.overlaps(&next), "back to back is no clash");
        let point = span("2025-02-01 10:15", "2025-02-01 10:15");
        assert!(talk.overlaps(&point) && point.overlaps(&talk));
        assert!(!point.is_on(utc("2025-02-01 10:15")), "no length, never on");
        assert!(point.overlaps(&point));
    }

    fn programme_with(zone: Option<Tz>, offset: Option<i32>, start: &str, end: &str) -> Programme {
        let mut p = Programme {
            time_zone: zone,
            days: vec![super::super::Day {
                date: NaiveDate::from_ymd_opt(2019, 12, 27),
                label: None,
                opens: None,
                closes: None,
                sessions: 0..0,
            }],
            sessions: vec![Session {
                id: "a".into(),
                start: DayTime::parse(start),
                end: DayTime::parse(end),
                utc_offset: offset.and_then(FixedOffset::east_opt),
                title: "A".into(),
                ..Session::default()
            }],
            ..Programme::default()
        };
        p.arrange();
        p
    }

    #[test]
    fn a_session_after_midnight_is_the_next_morning() {
        let p = programme_with(Some(chrono_tz::Europe::Berlin), None, "23:30", "25:00");
        let timeline = Timeline::new(
            &p,
            Zone::Fixed(FixedOffset::east_opt(0).expect("utc")),
            None,
        );
        let span = timeline.span(0).expect("timed");
        assert_eq!(span.start, utc("2019-12-27 22:30"));
        assert_eq!(span.end, utc("2019-12-28 00:00"));
        assert_eq!(
            timeline.wall(Shown::Local, span.end),
            wall("2019-12-28 00:00")
        );
    }

    #[test]
    fn offsets_from_the_file_and_floating_times() {
        let local = Zone::Iana(chrono_tz::America::New_York);
        let with_offset = programme_with(None, Some(3600), "11:00", "11:30");
        let timeline = Timeline::new(&with_offset, local, None);
        assert_eq!(
            timeline.venue,
            Zone::Fixed(FixedOffset::east_opt(3600).expect("+1"))
        );
        assert_eq!(
            timeline.span(0).map(|s| s.start),
            Some(utc("2019-12-27 10:00"))
        );
        let floating = programme_with(None, None, "11:00", "11:30");
        let timeline = Timeline::new(&floating, local, None);
        assert_eq!(
            timeline.venue, local,
            "floating times are read where they are read"
        );
        assert_eq!(
            timeline.span(0).map(|s| s.start),
            Some(utc("2019-12-27 16:00"))
        );
    }

    fn given(zone: Tz) -> Chosen {
        Chosen {
            zone,
            remembered: false,
        }
    }

    #[test]
    fn the_venue_zone_is_decided_in_one_order() {
        let local = Zone::Iana(chrono_tz::Europe::Oslo);
        let brussels = chrono_tz::Europe::Brussels;
        let decided = |p: &Programme, chosen| {
            let v = venue_zone(p, local, chosen);
            (v.zone, v.source)
        };
        let named = programme_with(Some(chrono_tz::Europe::Berlin), None, "10:00", "11:00");
        let offsets = programme_with(None, Some(3600), "10:00", "11:00");
        let floating = programme_with(None, None, "10:00", "11:00");
        let utc_only = programme_with(None, Some(0), "10:00", "11:00");
        for p in [&named, &offsets, &floating, &utc_only] {
            assert_eq!(
                decided(p, Some(given(brussels))),
                (Zone::Iana(brussels), ZoneSource::Given),
                "--zone beats everything"
            );
            let remembered = Some(Chosen {
                zone: brussels,
                remembered: true,
            });
            assert_eq!(
                decided(p, remembered),
                (Zone::Iana(brussels), ZoneSource::Remembered)
            );
        }
        assert_eq!(
            decided(&named, None),
            (Zone::Iana(chrono_tz::Europe::Berlin), ZoneSource::File)
        );
        assert_eq!(
            decided(&offsets, None),
            (
                Zone::Fixed(FixedOffset::east_opt(3600).expect("+1")),
                ZoneSource::FileOffsets
            )
        );
        assert_eq!(decided(&floating, None), (local, ZoneSource::NoneInFile));
        assert_eq!(decided(&utc_only, None), (local, ZoneSource::UtcOnly));
    }

    #[test]
    fn a_zone_given_reads_floating_times_at_the_venue() {
        // FOSDEM 2020 on a machine in UTC: "10:00" is 10:00 in Brussels, 09:00Z.
        let machine = Zone::Iana(chrono_tz::UTC);
        let mut p = programme_with(None, None, "10:00", "10:30");
        p.days[0].date = NaiveDate::from_ymd_opt(2020, 2, 1);
        let timeline = Timeline::new(&p, machine, Some(given(chrono_tz::Europe::Brussels)));
        assert_eq!(
            timeline.span(0).map(|s| s.start),
            Some(utc("2020-02-01 09:00"))
        );
        assert!(timeline.clocks_differ());
        let unset = Timeline::new(&p, machine, None);
        assert_eq!(
            unset.span(0).map(|s| s.start),
            Some(utc("2020-02-01 10:00"))
        );
        assert!(!unset.clocks_differ(), "one clock: nothing to switch");
    }

    #[test]
    fn a_zone_given_shows_pinned_times_on_its_clock_and_keeps_their_moments() {
        // FOSDEM 2025 names Europe/Brussels; `--zone Asia/Tokyo` shows it on Tokyo's clock.
        let machine = Zone::Iana(chrono_tz::UTC);
        let tokyo = Some(given(chrono_tz::Asia::Tokyo));
        for offset in [None, Some(3600)] {
            let mut p = programme_with(Some(chrono_tz::Europe::Brussels), offset, "09:00", "09:30");
            p.days[0].date = NaiveDate::from_ymd_opt(2025, 2, 1);
            let timeline = Timeline::new(&p, machine, tokyo);
            let span = timeline.span(0).expect("timed");
            assert_eq!(
                span.start,
                utc("2025-02-01 08:00"),
                "the moment is the file's"
            );
            assert!(!timeline.shows_as_written(Shown::Venue));
            assert_eq!(
                timeline.wall(Shown::Venue, span.start),
                wall("2025-02-01 17:00")
            );
        }
        // Offsets without a zone name are pinned too.
        let mut p = programme_with(None, Some(3600), "09:00", "09:30");
        p.days[0].date = NaiveDate::from_ymd_opt(2025, 2, 1);
        let timeline = Timeline::new(&p, machine, tokyo);
        assert_eq!(
            timeline.span(0).map(|s| s.start),
            Some(utc("2025-02-01 08:00"))
        );
    }

    #[test]
    fn moments_in_utc_are_shown_on_this_computers_clock() {
        let oslo = Zone::Iana(chrono_tz::Europe::Oslo);
        let p = programme_with(None, Some(0), "10:00", "10:30");
        let timeline = Timeline::new(&p, oslo, None);
        let span = timeline.span(0).expect("timed");
        assert_eq!(span.start, utc("2019-12-27 10:00"), "the moment is kept");
        assert_eq!(timeline.venue, oslo);
        assert_eq!(
            timeline.wall(Shown::Venue, span.start),
            wall("2019-12-27 11:00")
        );
        assert!(!timeline.clocks_differ());
        assert!(
            !timeline.shows_as_written(Shown::Venue),
            "written in UTC, shown on the venue's clock"
        );
        assert!(
            Timeline::new(
                &programme_with(None, Some(3600), "10:00", "11:00"),
                oslo,
                None
            )
            .shows_as_written(Shown::Venue),
            "the file's own offsets are the venue's"
        );
        let elsewhere = Timeline::new(&p, oslo, Some(given(chrono_tz::America::New_York)));
        assert_eq!(
            elsewhere.span(0),
            Some(span),
            "a zone given moves no moment"
        );
        assert_eq!(
            elsewhere.wall(Shown::Venue, span.start),
            wall("2019-12-27 05:00")
        );
    }

    #[test]
    fn clocks_set_by_hand() {
        let p = programme_with(Some(chrono_tz::Europe::Oslo), None, "10:00", "11:00");
        let timeline = Timeline::new(&p, Zone::Iana(chrono_tz::America::New_York), None);
        let venue: SetClock = "2024-02-13T10:30".parse().expect("venue time");
        assert_eq!(venue.moment(&timeline), utc("2024-02-13 09:30"));
        let moment: SetClock = "2024-02-13T10:30:00+01:00".parse().expect("moment");
        assert_eq!(moment.moment(&timeline), utc("2024-02-13 09:30"));
        let z: SetClock = "2024-02-13T09:30Z".parse().expect("utc");
        assert_eq!(z.moment(&timeline), utc("2024-02-13 09:30"));
        assert!(
            "13.02.2024"
                .parse::<SetClock>()
                .is_err_and(|e| e.contains("2024-02-13T10:30"))
        );
    }

    #[test]
    fn tz_names_a_zone_by_name_or_by_its_file() {
        let tokyo = Some(chrono_tz::Asia::Tokyo);
        assert_eq!(iana_in_tz("Asia/Tokyo"), tokyo);
        assert_eq!(iana_in_tz(":Asia/Tokyo"), tokyo);
        assert_eq!(iana_in_tz("/usr/share/zoneinfo/Asia/Tokyo"), tokyo);
        assert_eq!(iana_in_tz(":/usr/share/zoneinfo/Asia/Tokyo"), tokyo);
        assert_eq!(
            iana_in_tz("JST-9"),
            None,
            "a POSIX rule: the current offset"
        );
    }

    #[test]
    fn offsets_are_named() {
        assert_eq!(utc_offset_name(3600), "UTC+01:00");
        assert_eq!(utc_offset_name(-16_200), "UTC-04:30");
    }
}
