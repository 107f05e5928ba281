//! Filters that combine: a theme, a part, a room, starred only, hide past. They apply to every
//! list of sessions; the filters pane chooses the first three.

use super::{App, info_status};
use crate::index::Index;
use crate::model::Programme;
use crate::tr;

/// The filters in force. Each narrows what every list of sessions shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filters {
    /// Only sessions of this theme (an index into the programme's themes).
    pub theme: Option<usize>,
    /// Only sessions of this part of the programme.
    pub part: Option<usize>,
    /// Only sessions in this room.
    pub room: Option<usize>,
    /// Only starred sessions.
    pub starred_only: bool,
    /// Sessions that are over are left out (one in progress never is).
    pub hide_past: bool,
}

impl Filters {
    /// Whether anything is narrowed, so the screen says the lists are not whole.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }
}

/// How many sessions each day, room, theme and part shows with the filters in force. A room,
/// theme or part counts with the other filters only, so each says what choosing it would show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sessions shown on each day.
    pub days: Vec<usize>,
    /// Sessions each room would show.
    pub rooms: Vec<usize>,
    /// Sessions each theme would show.
    pub themes: Vec<usize>,
    /// Sessions each part would show.
    pub parts: Vec<usize>,
}

/// A filter that a count for one of its own choices leaves aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Theme,
    Part,
    Room,
}

/// A row of the filters pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterRow {
    /// A section title: themes, parts, rooms.
    Heading(FilterKind),
    /// The first row: no theme filter.
    AllThemes,
    /// One theme, as an index into the programme's themes.
    Theme(usize),
    /// One part of the programme.
    Part(usize),
    /// One room.
    Room(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Themes,
    Parts,
    Rooms,
}

impl FilterRow {
    /// Whether the row can be chosen (headings cannot).
    pub fn is_choice(&self) -> bool {
        !matches!(self, Self::Heading(_))
    }
}

/// The rows of the filters pane for a programme: all themes and each theme, then each part and
/// each room under their headings. A theme or part no session has is not offered (a file may
/// declare one and never use it); sections a programme does not have are left out.
pub(crate) fn rows(programme: &Programme, index: &Index) -> Vec<FilterRow> {
    let used = |counts: &[usize], i: usize| counts.get(i).is_some_and(|&n| n > 0);
    let mut rows = vec![FilterRow::Heading(FilterKind::Themes), FilterRow::AllThemes];
    rows.extend(
        (0..programme.themes.len())
            .filter(|&t| used(&index.theme_counts, t))
            .map(FilterRow::Theme),
    );
    let parts: Vec<FilterRow> = (0..programme.parts.len())
        .filter(|&p| used(&index.part_counts, p))
        .map(FilterRow::Part)
        .collect();
    if !parts.is_empty() {
        rows.push(FilterRow::Heading(FilterKind::Parts));
        rows.extend(parts);
    }
    if !programme.rooms.is_empty() {
        rows.push(FilterRow::Heading(FilterKind::Rooms));
        rows.extend((0..programme.rooms.len()).map(FilterRow::Room));
    }
    rows
}

/// The first row that can be chosen.
pub(crate) fn first_choice(rows: &[FilterRow]) -> usize {
    rows.iter().position(FilterRow::is_choice).unwrap_or(0)
}

impl App {
    /// Whether the filters let a session show.
    pub(super) fn passes_filters(&self, session: usize) -> bool {
        self.passes_filters_but(session, None)
    }

    /// Whether the filters, leaving `aside` out, let a session show.
    fn passes_filters_but(&self, session: usize, aside: Option<Facet>) -> bool {
        let s = &self.programme.sessions[session];
        let f = &self.filters;
        let applies = |facet| aside != Some(facet);
        (!applies(Facet::Theme) || f.theme.is_none_or(|t| s.themes.contains(&t)))
            && (!applies(Facet::Part) || f.part.is_none_or(|p| s.part == Some(p)))
            && (!applies(Facet::Room) || f.room.is_none_or(|r| s.room == Some(r)))
            && (!f.starred_only || self.levels.contains_key(&session))
            && (!f.hide_past || !self.is_past(session))
    }

    /// The counts of the browse and filters panes with the filters in force, in one pass.
    pub(super) fn count_sessions(&self) -> Counts {
        let p = &self.programme;
        let mut counts = Counts {
            days: vec![0; p.days.len()],
            rooms: vec![0; p.rooms.len()],
            themes: vec![0; p.themes.len()],
            parts: vec![0; p.parts.len()],
        };
        let bump = |list: &mut Vec<usize>, at: usize| {
            if let Some(n) = list.get_mut(at) {
                *n += 1;
            }
        };
        for (i, s) in p.sessions.iter().enumerate() {
            if self.passes_filters(i) {
                bump(&mut counts.days, s.day);
            }
            if let Some(room) = s
                .room
                .filter(|_| self.passes_filters_but(i, Some(Facet::Room)))
            {
                bump(&mut counts.rooms, room);
            }
            if let Some(part) = s
                .part
                .filter(|_| self.passes_filters_but(i, Some(Facet::Part)))
            {
                bump(&mut counts.parts, part);
            }
            if self.passes_filters_but(i, Some(Facet::Theme)) {
                for &theme in &s.themes {
                    bump(&mut counts.themes, theme);
                }
            }
        }
        counts
    }

    /// Whether a filters pane row is a filter in force.
    pub(crate) fn filter_row_active(&self, row: FilterRow) -> bool {
        let f = &self.filters;
        match row {
            FilterRow::AllThemes => f.theme.is_none(),
            FilterRow::Theme(t) => f.theme == Some(t),
            FilterRow::Part(p) => f.part == Some(p),
            FilterRow::Room(r) => f.room == Some(r),
            FilterRow::Heading(_) => false,
        }
    }

    pub(super) fn step_filters(&mut self, delta: isize) {
        let last = self.filter_rows.len().saturating_sub(1);
        let target = super::offset_by(self.filter_cursor, delta, last);
        let is_choice = |r: usize| self.filter_rows.get(r).is_some_and(FilterRow::is_choice);
        let forward = (target..=last).find(|&r| is_choice(r));
        let backward = (0..=target).rev().find(|&r| is_choice(r));
        let found = if delta < 0 {
            backward.or(forward)
        } else {
            forward.or(backward)
        };
        self.filter_cursor = found.unwrap_or(0);
    }

    /// Enter on a filter row: filter by it, or stop filtering by it if it already is.
    pub(super) fn toggle_filter_row(&mut self) {
        let Some(row) = self.filter_rows.get(self.filter_cursor).copied() else {
            return;
        };
        let toggle =
            |current: Option<usize>, chosen: usize| (current != Some(chosen)).then_some(chosen);
        match row {
            FilterRow::AllThemes => self.filters.theme = None,
            FilterRow::Theme(t) => self.filters.theme = toggle(self.filters.theme, t),
            FilterRow::Part(p) => self.filters.part = toggle(self.filters.part, p),
            FilterRow::Room(r) => self.filters.room = toggle(self.filters.room, r),
            FilterRow::Heading(_) => return,
        }
        self.refresh_entries();
    }

    pub(super) fn toggle_past(&mut self) {
        self.filters.hide_past = !self.filters.hide_past;
        self.refresh_entries();
        self.status = Some(info_status(if self.filters.hide_past {
            tr!("status.past_hidden").into()
        } else {
            tr!("status.past_shown").into()
        }));
    }

    pub(super) fn toggle_starred_only(&mut self) {
        self.filters.starred_only = !self.filters.starred_only;
        self.refresh_entries();
        self.status = Some(info_status(if self.filters.starred_only {
            tr!("status.starred_only").into()
        } else {
            tr!("status.all_shown").into()
        }));
    }

    pub(super) fn clear_filters(&mut self) {
        let had = self.filters.is_active();
        self.filters = Filters::default();
        self.filter_cursor = first_choice(&self.filter_rows);
        self.refresh_entries();
        if had {
            self.status = Some(info_status(tr!("status.filters_cleared").into()));
        }
    }
}
