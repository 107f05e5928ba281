//! Jumps in the sessions list: to what is on now (on opening during the conference, and `t`),
//! to a time of the day, and to the next starred session. Each puts its session near the top
//! of the pane so that what comes after it shows too.

use chrono::{DateTime, Timelike, Utc};

use super::{App, Pane, View, info_status};
use crate::tr;

/// Rows kept above a jumped-to session, so the user sees where it sits.
const ROWS_ABOVE: usize = 1;

impl App {
    /// On opening: when the programme is on today and the day is shown, at what is on now
    /// rather than at the day's first session.
    pub(super) fn start_at_now(&mut self) {
        if self.view == View::Day && self.today() == Some(self.day) {
            self.select_now_row();
        }
    }

    /// Selects the day's first session not yet over, near the top of the pane.
    pub(super) fn select_now_row(&mut self) {
        let now = self.now;
        let first_not_over = self.entries.iter().position(|e| {
            e.session()
                .and_then(|i| self.timeline.span(i))
                .is_some_and(|s| !s.is_past(now))
        });
        if let Some(row) = first_not_over {
            self.select_near_top(row);
        }
    }

    /// Selects `row` and scrolls the list so it is near the top.
    fn select_near_top(&mut self, row: usize) {
        self.select_row(row);
        self.tops.sessions = row.saturating_sub(ROWS_ABOVE);
    }

    /// The selected day's first session starting at or after `minutes` past its midnight (on
    /// the clock shown), or its last when all start earlier.
    pub(super) fn go_to_time(&mut self, minutes: i64) {
        if self.view != View::Day {
            self.select_day(self.day);
        }
        let starts: Vec<(usize, i64)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(row, e)| Some((row, self.minutes_into_day(e.session()?)?)))
            .collect();
        let found = starts.iter().find(|(_, start)| *start >= minutes);
        if let Some((row, _)) = found.or(starts.last()) {
            self.select_near_top(*row);
        }
        self.focus = Pane::Sessions;
    }

    /// When a session starts, in minutes from the midnight that begins its programme day, on
    /// the clock shown (after midnight counts on: 00:30 the next morning is 24:30).
    fn minutes_into_day(&self, session: usize) -> Option<i64> {
        let start = self
            .timeline
            .wall(self.shown, self.timeline.span(session)?.start);
        let day = self.programme.sessions[session].day;
        let date = self.programme.days.get(day)?.date.unwrap_or(start.date());
        let days = (start.date() - date).num_days();
        Some(days * 24 * 60 + i64::from(start.hour() * 60 + start.minute()))
    }

    /// The next starred session still to come (or on now), after the selected one when that is
    /// one of them; shown where it is listed now, else on its day. Sessions without a time
    /// count as still to come, after the timed ones of their day.
    pub(super) fn next_starred(&mut self) {
        let coming = self.starred_to_come();
        let after = self
            .selected_index()
            .and_then(|s| coming.iter().position(|&i| i == s));
        let pick = match after {
            Some(at) => coming.get((at + 1) % coming.len()),
            None => coming.first(),
        };
        let Some(&session) = pick else {
            self.status = Some(info_status(tr!("status.no_next_star").into()));
            return;
        };
        if self.row_of(session).is_none() || self.view == View::Search {
            self.select_day(self.programme.sessions[session].day);
        }
        if let Some(row) = self.row_of(session) {
            self.select_row(row);
        }
        self.focus = Pane::Sessions;
    }
}

impl App {
    /// The starred sessions not yet over, in the order they come.
    fn starred_to_come(&self) -> Vec<usize> {
        let now = self.now;
        let mut coming: Vec<(usize, bool, Option<DateTime<Utc>>, usize)> = self
            .levels
            .keys()
            .map(|&i| (i, self.timeline.span(i)))
            .filter(|(_, span)| span.is_none_or(|s| !s.is_past(now)))
            .map(|(i, span)| {
                let start = span.map(|s| s.start);
                (self.programme.sessions[i].day, start.is_none(), start, i)
            })
            .collect();
        coming.sort_unstable();
        coming.into_iter().map(|(.., i)| i).collect()
    }
}

/// `14:30`, `1430`, `14.30`, `14` or `9:05` as minutes past midnight; `None` for anything else.
pub(super) fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    let (hours, minutes) = match text.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if text.len() > 2 => text.split_at(text.len() - 2),
        None => (text, "0"),
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn times_are_read_as_people_type_them() {
        assert_eq!(parse_time("14:30"), Some(870));
        assert_eq!(parse_time("1430"), Some(870));
        assert_eq!(parse_time("14.30"), Some(870));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("930"), Some(570));
        assert_eq!(parse_time("14"), Some(840));
        assert_eq!(parse_time(" 8 "), Some(480));
        for bad in ["", "25:00", "12:60", "noon", "1:2:3", "12345", ":30"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
