//! The rows of the sessions pane for each view, and the cursor that moves over their sessions.

use chrono::{DateTime, Utc};

use super::{App, View};
use crate::planner::{self, PlanRow};

/// A row of the sessions pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A session, as an index into the programme.
    Session(usize),
    /// A line that groups the sessions under it (a day, a room, now and next).
    Heading(Heading),
    /// Free time between two planned sessions.
    Gap {
        /// When the earlier session ends.
        from: DateTime<Utc>,
        /// When the later session starts.
        to: DateTime<Utc>,
    },
    /// A starred session the programme no longer has (an index into the cancelled stars).
    Cancelled(usize),
}

impl Entry {
    /// The session on this row, if the row is one; the cursor stops only on those.
    pub fn session(&self) -> Option<usize> {
        match self {
            Self::Session(i) => Some(*i),
            _ => None,
        }
    }

    /// Whether the cursor stops on the row: a session, or a cancelled star (to unstar it).
    pub fn is_selectable(&self) -> bool {
        matches!(self, Self::Session(_) | Self::Cancelled(_))
    }
}

/// Which columns the sessions pane needs for the sessions it lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Columns {
    /// Some session has a time.
    pub time: bool,
    /// Some session is on now or over, so the mark for it has a column.
    pub state: bool,
    /// Some session changed since the user last looked, so the mark for it has a column.
    pub changed: bool,
}

/// A line that introduces the rows under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// A programme day (in My programme).
    Day(usize),
    /// Sessions in progress.
    OnNow,
    /// The next session in each room.
    Next,
    /// Sessions whose time is not announced.
    Untimed,
    /// Today's sessions whose time is not announced (in On now: they may be on).
    UntimedToday,
    /// Starred sessions the programme no longer has.
    Cancelled,
}

impl App {
    /// Recomputes the sessions pane's rows, keeping the selected session where it still shows.
    pub(super) fn refresh_entries(&mut self) {
        let keep = self.selected_index();
        self.entries = match self.view {
            View::Day => self.day_entries(),
            View::Room(room) => {
                let sessions = self.index.by_room.get(room).cloned().unwrap_or_default();
                self.by_day_entries(&sessions)
            }
            View::Speaker(speaker) => {
                let sessions = self
                    .index
                    .speakers()
                    .get(speaker)
                    .map(|s| s.sessions.clone());
                self.by_day_entries(&sessions.unwrap_or_default())
            }
            View::MyProgramme => self.plan_entries(),
            View::Now => self.now_entries(),
            View::Search => self.search_entries(),
        };
        self.columns = self.columns_for_entries();
        self.counts = self.count_sessions();
        let found = keep.and_then(|k| {
            let same = self.entries.iter().position(|e| *e == Entry::Session(k));
            same.or_else(|| self.row_from_start_of(k))
        });
        let row = found.unwrap_or(self.cursor.min(self.entries.len().saturating_sub(1)));
        self.cursor = self.nearest_session(row, 1);
        self.keep_description();
    }

    /// The first row starting when `session` does or later: where the list goes on from a
    /// session it no longer shows (a filter hid it), rather than from a row number.
    fn row_from_start_of(&self, session: usize) -> Option<usize> {
        let start = self.timeline.span(session)?.start;
        self.entries.iter().position(|e| {
            e.session()
                .and_then(|i| self.timeline.span(i))
                .is_some_and(|s| s.start >= start)
        })
    }

    pub(super) fn columns_for_entries(&self) -> Columns {
        let sessions = || self.entries.iter().filter_map(Entry::session);
        Columns {
            time: sessions().any(|i| self.programme.sessions[i].start.is_some()),
            state: sessions().any(|i| self.is_on(i) || self.is_past(i)),
            changed: sessions().any(|i| self.is_marked(i)),
        }
    }

    fn shows(&self, session: usize) -> bool {
        self.passes_filters(session)
    }

    /// Sessions (in programme order) under a heading for each day they are on.
    fn by_day_entries(&self, sessions: &[usize]) -> Vec<Entry> {
        let mut entries = Vec::new();
        let mut day = None;
        for &i in sessions.iter().filter(|&&i| self.shows(i)) {
            let this_day = self.programme.sessions[i].day;
            if day != Some(this_day) {
                entries.push(Entry::Heading(Heading::Day(this_day)));
                day = Some(this_day);
            }
            entries.push(Entry::Session(i));
        }
        entries
    }

    /// The search's results, best first, with the filters applied.
    fn search_entries(&self) -> Vec<Entry> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        self.index
            .search()
            .search(&search.query)
            .into_iter()
            .filter(|&i| self.shows(i))
            .map(Entry::Session)
            .collect()
    }

    fn day_entries(&self) -> Vec<Entry> {
        let Some(day) = self.programme.days.get(self.day) else {
            return Vec::new();
        };
        let mut entries = Vec::new();
        let mut timed = false;
        for i in day.sessions.clone().filter(|&i| self.shows(i)) {
            let untimed = self.programme.sessions[i].start.is_none();
            if untimed && timed {
                entries.push(Entry::Heading(Heading::Untimed));
                timed = false;
            }
            timed |= !untimed;
            entries.push(Entry::Session(i));
        }
        entries
    }

    fn plan_entries(&self) -> Vec<Entry> {
        let starred: Vec<usize> = self
            .levels
            .keys()
            .copied()
            .filter(|&i| self.shows(i))
            .collect();
        let mut entries: Vec<Entry> = planner::plan(&self.programme, &self.timeline, &starred)
            .into_iter()
            .map(|row| match row {
                PlanRow::Day(day) => Entry::Heading(Heading::Day(day)),
                PlanRow::Session(i) => Entry::Session(i),
                PlanRow::Gap { from, to } => Entry::Gap { from, to },
                PlanRow::Untimed => Entry::Heading(Heading::Untimed),
            })
            .collect();
        if !self.cancelled.is_empty() {
            entries.push(Entry::Heading(Heading::Cancelled));
            entries.extend((0..self.cancelled.len()).map(Entry::Cancelled));
        }
        entries
    }

    /// On now, today's sessions without a time, then what is next in each room (or, when
    /// nothing timed is to come, the next day's sessions without a time).
    fn now_entries(&self) -> Vec<Entry> {
        let (programme, timeline, now) = (&self.programme, &self.timeline, self.now);
        let on: Vec<usize> = planner::on_now(timeline, now)
            .into_iter()
            .filter(|&i| self.shows(i))
            .collect();
        let today = planner::untimed_today(programme, timeline, now, |i| self.shows(i));
        let next = planner::next_by_place(programme, timeline, now, |i| self.shows(i));
        let mut entries = Vec::new();
        let mut section = |heading, sessions: Vec<usize>| {
            if !sessions.is_empty() {
                entries.push(Entry::Heading(heading));
                entries.extend(sessions.into_iter().map(Entry::Session));
            }
        };
        section(Heading::OnNow, on);
        section(Heading::UntimedToday, today);
        if next.is_empty() {
            if let Some((day, later)) =
                planner::untimed_next_day(programme, timeline, now, |i| self.shows(i))
            {
                section(Heading::Day(day), later);
            }
        } else {
            section(Heading::Next, next);
        }
        entries
    }

    /// Moves the cursor by `delta` rows, landing on a session.
    pub(super) fn move_cursor(&mut self, delta: isize) {
        let last = self.entries.len().saturating_sub(1);
        let target = self.cursor.saturating_add_signed(delta).min(last);
        let direction = if delta < 0 { -1 } else { 1 };
        self.select_row(self.nearest_session(target, direction));
    }

    pub(super) fn select_row(&mut self, row: usize) {
        if row != self.cursor {
            self.details_scroll = 0;
        }
        self.cursor = row;
    }

    /// The selectable row nearest `row`, looking in `direction` first and then back.
    pub(super) fn nearest_session(&self, row: usize, direction: isize) -> usize {
        let is_session = |r: usize| self.entries.get(r).is_some_and(Entry::is_selectable);
        let len = self.entries.len();
        let forward = (row..len).find(|&r| is_session(r));
        let backward = (0..=row.min(len.saturating_sub(1)))
            .rev()
            .find(|&r| is_session(r));
        let found = if direction < 0 {
            backward.or(forward)
        } else {
            forward.or(backward)
        };
        found.unwrap_or(0)
    }
}
