//! How a session's time reads in words: the one home of this rule, so the viewer, the agenda
//! commands, `--json`, the printable agenda and the list of changes say the same thing. (A
//! day's name has its home in [`crate::i18n::day_name`].)

use chrono::{DateTime, Utc};

use super::{Programme, Shown, Timeline};
use crate::tr;

/// A moment as `HH:MM` on the `shown` clock.
pub fn clock(timeline: &Timeline, shown: Shown, at: DateTime<Utc>) -> String {
    timeline.wall(shown, at).format("%H:%M").to_string()
}

/// A session's time on the `shown` clock: `09:00–10:30`; `09:00` without an end or without a
/// length; `None` when no time is announced.
///
/// Times read as the file writes them where the file's times are that clock's (so a session
/// keeps the file's own offset, across a change of clock too); else each moment is read on
/// that clock (a file of moments in UTC, shown on the venue's clock). A day without a date has
/// no moments, so it shows the programme's own times.
pub fn time_range(
    timeline: &Timeline,
    shown: Shown,
    programme: &Programme,
    session: usize,
) -> Option<String> {
    let s = &programme.sessions[session];
    let lasts = s.duration_minutes().is_some_and(|m| m > 0);
    let (start, end) = match timeline
        .span(session)
        .filter(|_| !timeline.shows_as_written(shown))
    {
        Some(span) => (
            Some(clock(timeline, shown, span.start)),
            s.end.map(|_| clock(timeline, shown, span.end)),
        ),
        None => (s.start.map(|t| t.to_string()), s.end.map(|t| t.to_string())),
    };
    range(start, end, lasts)
}

/// As [`time_range`], in words: `time not announced` when there is none.
pub fn time_range_words(
    timeline: &Timeline,
    shown: Shown,
    programme: &Programme,
    session: usize,
) -> String {
    in_words(time_range(timeline, shown, programme, session))
}

/// Written times (`HH:MM`, as a record of a session keeps them) in words: `09:00–10:30`,
/// `09:00`, or `time not announced`. Equal ends read as one time.
pub fn written_range_words(start: Option<&str>, end: Option<&str>) -> String {
    in_words(range(
        start.map(str::to_string),
        end.map(str::to_string),
        false,
    ))
}

/// `start–end`; only the start when there is no end, or the two read the same and the session
/// does not last (a 24-hour session reads `10:00–10:00`).
fn range(start: Option<String>, end: Option<String>, lasts: bool) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) if start != end || lasts => Some(format!("{start}–{end}")),
        (start, _) => start,
    }
}

fn in_words(range: Option<String>) -> String {
    range.unwrap_or_else(|| tr!("details.time_not_announced").into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, DayTime, Session, Zone};
    use chrono::{FixedOffset, NaiveDate};

    fn day(date: Option<NaiveDate>, label: Option<&str>) -> Day {
        Day {
            date,
            label: label.map(str::to_string),
            opens: None,
            closes: None,
            sessions: 0..0,
        }
    }

    /// A programme of one day (dated or not) with sessions `(start, end, utc offset hours)`.
    fn programme(dated: bool, sessions: &[(Option<&str>, Option<&str>, Option<i32>)]) -> Programme {
        let mut p = Programme {
            days: vec![day(
                NaiveDate::from_ymd_opt(2024, 2, 13).filter(|_| dated),
                None,
            )],
            sessions: sessions
                .iter()
                .enumerate()
                .map(|(i, (start, end, offset))| Session {
                    id: i.to_string(),
                    title: i.to_string(),
                    start: start.and_then(DayTime::parse),
                    end: end.and_then(DayTime::parse_end),
                    utc_offset: offset.and_then(|h| FixedOffset::east_opt(h * 3600)),
                    ..Session::default()
                })
                .collect(),
            ..Programme::default()
        };
        p.arrange();
        p
    }

    fn words(p: &Programme, local: Zone, shown: Shown, session: usize) -> String {
        let timeline = Timeline::new(p, local, None);
        time_range_words(&timeline, shown, p, session)
    }

    const UTC: Zone = Zone::Iana(chrono_tz::UTC);

    #[test]
    fn a_time_reads_as_a_range_a_start_or_not_announced() {
        let p = programme(
            false,
            &[
                (Some("09:00"), Some("10:30"), None),
                (Some("11:00"), None, None),
                (Some("12:00"), Some("12:00"), None),
                (Some("13:00"), Some("37:00"), None),
                (None, None, None),
            ],
        );
        let all: Vec<String> = (0..5).map(|i| words(&p, UTC, Shown::Venue, i)).collect();
        assert_eq!(
            all,
            [
                "09:00–10:30",
                "11:00",
                "12:00",
                "13:00–13:00",
                "time not announced"
            ]
        );
    }

    #[test]
    fn moments_read_on_the_clock_shown_and_written_times_as_written() {
        // Written at UTC+1; this computer is on UTC.
        let p = programme(true, &[(Some("10:00"), Some("11:00"), Some(1))]);
        assert_eq!(words(&p, UTC, Shown::Venue, 0), "10:00–11:00");
        assert_eq!(words(&p, UTC, Shown::Local, 0), "09:00–10:00");
    }

    #[test]
    fn without_a_time_the_range_is_none_for_a_compact_column() {
        let p = programme(true, &[(None, None, None)]);
        let timeline = Timeline::new(&p, UTC, None);
        assert_eq!(time_range(&timeline, Shown::Venue, &p, 0), None);
    }

    #[test]
    fn written_times_read_the_same_way() {
        assert_eq!(
            written_range_words(Some("10:30"), Some("11:00")),
            "10:30–11:00"
        );
        assert_eq!(written_range_words(Some("10:30"), Some("10:30")), "10:30");
        assert_eq!(written_range_words(Some("10:30"), None), "10:30");
        assert_eq!(written_range_words(None, None), "time not announced");
    }
}
