//! Where each pane goes at a given terminal size. Pure geometry, kept by the app (it knows the
//! size) and shared by drawing and by mouse hit-testing, so a click lands on what is drawn there
//! and a page is as long as the pane shows.

use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use unicode_width::UnicodeWidthStr;

use crate::action::Pane;
use crate::index::Index;
use crate::model::Programme;

/// Narrower than this, one pane at a time.
const MEDIUM_WIDTH: u16 = 64;
/// From this width, sessions and details sit side by side (narrower, they share the right
/// column, one over the other, so titles have room).
const WIDE_WIDTH: u16 = 120;
/// The days and themes column is never narrower than this.
const MIN_LEFT_WIDTH: u16 = 22;
/// An overlay (the help, the changes) is never wider than this.
const MAX_OVERLAY_WIDTH: u16 = 76;
/// Nor taller than this share of the screen.
const OVERLAY_HEIGHT_PERCENT: u16 = 90;

/// The screen cut into named rectangles at one size and focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The top line: the programme's title, the day and the clock.
    pub header: Rect,
    /// The pane tabs, shown when only one pane fits.
    pub tabs: Option<Rect>,
    /// The browse pane (days, rooms or speakers), when it is on screen.
    pub days: Option<Rect>,
    /// The sessions pane, when it is on screen.
    pub sessions: Option<Rect>,
    /// The details pane, when it is on screen.
    pub details: Option<Rect>,
    /// The filters pane, when it is on screen.
    pub themes: Option<Rect>,
    /// The bottom line: messages and key hints.
    pub status: Rect,
    /// Where an overlay goes: centred over everything.
    pub overlay: Rect,
}

impl Areas {
    /// `left_width` is the width the days and themes would like (their longest row); they get
    /// it as far as the sessions and details leave room.
    pub fn compute(area: Rect, focus: Pane, left_width: u16) -> Self {
        let header_rows = match area.height {
            12.. => 2,
            6.. => 1,
            _ => 0,
        };
        let status_rows = u16::from(area.height >= 2);
        let [header, body, status] = area.layout(&Layout::vertical([
            Constraint::Length(header_rows),
            Constraint::Fill(1),
            Constraint::Length(status_rows),
        ]));
        let mut areas = Self {
            header,
            status,
            overlay: overlay(area),
            ..Self::default()
        };
        if body.width >= WIDE_WIDTH && body.height >= 8 {
            areas.place_wide(body, left_column(left_width, body.width / 4));
        } else if body.width >= MEDIUM_WIDTH && body.height >= 12 {
            areas.place_medium(body, left_column(left_width, body.width * 3 / 10));
        } else {
            areas.place_single(body, focus);
        }
        areas
    }

    /// Days over themes on the left; sessions and details side by side.
    fn place_wide(&mut self, body: Rect, left_width: u16) {
        let [left, sessions, details] = body.layout(&Layout::horizontal([
            Constraint::Length(left_width),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ]));
        self.place_left_column(left);
        self.sessions = Some(sessions);
        self.details = Some(details);
    }

    /// Days over themes on the left; sessions over details on the right.
    fn place_medium(&mut self, body: Rect, left_width: u16) {
        let [left, right] = body.layout(&Layout::horizontal([
            Constraint::Length(left_width),
            Constraint::Fill(1),
        ]));
        let [sessions, details] = right.layout(&Layout::vertical([
            Constraint::Percentage(50),
            Constraint::Fill(1),
        ]));
        self.place_left_column(left);
        self.sessions = Some(sessions);
        self.details = Some(details);
    }

    fn place_left_column(&mut self, left: Rect) {
        let [days, themes] = left.layout(&Layout::vertical([
            Constraint::Percentage(45),
            Constraint::Fill(1),
        ]));
        self.days = Some(days);
        self.themes = Some(themes);
    }

    /// Too small for more: a line of pane tabs and the focused pane.
    fn place_single(&mut self, body: Rect, focus: Pane) {
        let tab_rows = u16::from(body.height >= 4);
        let [tabs, pane] = body.layout(&Layout::vertical([
            Constraint::Length(tab_rows),
            Constraint::Fill(1),
        ]));
        self.tabs = (tab_rows > 0).then_some(tabs);
        *self.slot(focus) = Some(pane);
    }

    fn slot(&mut self, pane: Pane) -> &mut Option<Rect> {
        match pane {
            Pane::Browse => &mut self.days,
            Pane::Sessions => &mut self.sessions,
            Pane::Details => &mut self.details,
            Pane::Filters => &mut self.themes,
        }
    }

    /// Where the pane is drawn, if it is shown at this size.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Browse => self.days,
            Pane::Sessions => self.sessions,
            Pane::Details => self.details,
            Pane::Filters => self.themes,
        }
        .filter(|r| !r.is_empty())
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, position: Position) -> Option<(Pane, Rect)> {
        Pane::ALL
            .into_iter()
            .filter_map(|p| Some((p, self.pane(p)?)))
            .find(|(_, r)| r.contains(position))
    }
}

/// The inside of a bordered pane or overlay: what its text has.
pub(crate) fn inside_border(rect: Rect) -> Rect {
    rect.inner(ratatui::layout::Margin::new(1, 1))
}

/// A centred window over `area`.
fn overlay(area: Rect) -> Rect {
    let [popup] = Layout::horizontal([Constraint::Max(MAX_OVERLAY_WIDTH)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Percentage(OVERLAY_HEIGHT_PERCENT)])
        .flex(Flex::Center)
        .areas(popup);
    popup
}

/// The width the left column needs to show its longest day, room, theme or part whole (long
/// speaker names may be cut).
pub(crate) fn left_column_width(programme: &Programme, index: &Index) -> u16 {
    let digits = |n: usize| n.to_string().len();
    let days = programme
        .days
        .iter()
        .enumerate()
        .map(|(i, day)| crate::i18n::day_name(day, i).width() + digits(day.sessions.len()));
    let themes = programme
        .themes
        .iter()
        .zip(&index.theme_counts)
        .map(|(theme, &count)| theme.name.width() + 1 + digits(count));
    let rooms = programme
        .rooms
        .iter()
        .zip(&index.by_room)
        .map(|(room, sessions)| room.width() + 1 + digits(sessions.len()));
    let parts = programme.parts.iter().map(|p| p.name.width() + 4);
    // Cursor, a space before and after the name and after the count, and the two borders.
    let widest = days
        .chain(themes)
        .chain(rooms)
        .chain(parts)
        .max()
        .unwrap_or(0)
        + 6;
    u16::try_from(widest.max(30)).unwrap_or(u16::MAX)
}

/// The left column's width: what it wants, within `MIN_LEFT_WIDTH..=most`.
fn left_column(wanted: u16, most: u16) -> u16 {
    wanted.min(most).max(MIN_LEFT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pane_shows_at_80_by_24() {
        let areas = Areas::compute(Rect::new(0, 0, 80, 24), Pane::Browse, 30);
        for pane in Pane::ALL {
            let rect = areas.pane(pane).expect("shown");
            assert!(rect.width >= 20 && rect.height >= 5, "{pane:?} {rect:?}");
        }
    }

    #[test]
    fn narrow_terminal_shows_the_focused_pane_only() {
        let areas = Areas::compute(Rect::new(0, 0, 40, 20), Pane::Details, 30);
        assert!(areas.tabs.is_some());
        assert_eq!(areas.pane(Pane::Sessions), None);
        assert_eq!(areas.pane(Pane::Details).map(|r| r.width), Some(40));
    }

    #[test]
    fn panes_never_overlap() {
        for (w, h) in [(80, 24), (120, 40), (200, 60), (64, 12), (100, 8)] {
            let areas = Areas::compute(Rect::new(0, 0, w, h), Pane::Sessions, 40);
            let rects: Vec<Rect> = Pane::ALL.iter().filter_map(|p| areas.pane(*p)).collect();
            for (i, a) in rects.iter().enumerate() {
                for b in &rects[i + 1..] {
                    assert!(!a.intersects(*b), "{w}x{h}: {a:?} overlaps {b:?}");
                }
            }
        }
    }
}
