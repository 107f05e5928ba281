//! Where each pane goes at a given terminal size. Pure geometry, kept by the app (it knows the
//! size) and shared by drawing and by mouse hit-testing, so a click lands on what is drawn there
//! and a page is as long as the pane shows.

use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::App;
use crate::action::{Action, Pane};
use crate::index::Index;
use crate::model::Programme;

/// Narrower than this, one pane at a time.
const MEDIUM_WIDTH: u16 = 64;
/// From this width, sessions and details sit side by side; narrower, the details go under the
/// sessions, so three columns never starve the titles.
const WIDE_WIDTH: u16 = 160;
/// The days and themes column is never narrower than this…
const MIN_LEFT_WIDTH: u16 = 20;
/// …nor wider than this (long theme names are cut rather than taking the titles' room)…
const MAX_LEFT_WIDTH: u16 = 34;
/// …nor wider than this share of the screen (1/n).
const LEFT_SHARE: u16 = 4;
/// Side by side, the details are as wide as a third of the screen, within these bounds: wide
/// enough to read, narrow enough to leave the titles their room.
const MIN_DETAILS_WIDTH: u16 = 48;
const MAX_DETAILS_WIDTH: u16 = 72;
/// The status bar never takes more than this share of the screen's rows (1/n).
const STATUS_SHARE: u16 = 4;
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

/// What the content asks of the layout: widths set once from the programme, and the status
/// bar's rows from the message it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// The width the days and themes column would like: its longest row, borders included.
    pub left: u16,
    /// The width the sessions pane would like: its longest row, borders included.
    pub sessions: u16,
    /// The status bar's rows: more than one when a message must wrap to be read whole.
    pub status: u16,
}

impl Default for Needs {
    fn default() -> Self {
        Self {
            left: MIN_LEFT_WIDTH,
            sessions: u16::MAX,
            status: 1,
        }
    }
}

impl Areas {
    /// The screen cut for `needs`: the left column and the details get what they need within
    /// their bounds, the sessions (the titles) all the rest.
    pub fn compute(area: Rect, focus: Pane, needs: Needs) -> Self {
        let header_rows = match area.height {
            12.. => 2,
            6.. => 1,
            _ => 0,
        };
        let status_rows = if area.height >= 2 {
            needs.status.clamp(1, (area.height / STATUS_SHARE).max(1))
        } else {
            0
        };
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
        let left = left_column(needs.left, body.width);
        if body.width >= WIDE_WIDTH && body.height >= 8 {
            let details = details_width(body.width - left, needs.sessions);
            areas.place_wide(body, left, details);
        } else if body.width >= MEDIUM_WIDTH && body.height >= 12 {
            areas.place_medium(body, left);
        } else {
            areas.place_single(body, focus);
        }
        areas
    }

    /// Days over themes on the left; sessions and details side by side.
    fn place_wide(&mut self, body: Rect, left_width: u16, details_width: u16) {
        let [left, sessions, details] = body.layout(&Layout::horizontal([
            Constraint::Length(left_width),
            Constraint::Fill(1),
            Constraint::Length(details_width),
        ]));
        self.place_left_column(left);
        self.sessions = Some(sessions);
        self.details = Some(details);
    }

    /// Days over themes on the left; sessions over details on the right, the sessions taller.
    fn place_medium(&mut self, body: Rect, left_width: u16) {
        let [left, right] = body.layout(&Layout::horizontal([
            Constraint::Length(left_width),
            Constraint::Fill(1),
        ]));
        let [sessions, details] = right.layout(&Layout::vertical([
            Constraint::Fill(3),
            Constraint::Fill(2),
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
    u16::try_from(widest).unwrap_or(u16::MAX)
}

/// The width the sessions pane needs to show its longest row whole: the marks and times before
/// the title, the title, and the room after it.
pub(crate) fn sessions_width(programme: &Programme) -> u16 {
    // Borders, cursor, star, clash; `09:00–10:30 `; the on-now mark and its space.
    const BEFORE_TITLE: usize = 2 + 3 + 12 + 2;
    let widest = programme
        .sessions
        .iter()
        .map(|s| s.title.width() + programme.room_name(s).map_or(0, |r| r.width() + 3))
        .max()
        .unwrap_or(0);
    u16::try_from(widest + BEFORE_TITLE).unwrap_or(u16::MAX)
}

/// The left column's width on a body `width` wide: what it wants, within its bounds.
fn left_column(wanted: u16, width: u16) -> u16 {
    wanted
        .min(MAX_LEFT_WIDTH)
        .min(width / LEFT_SHARE)
        .max(MIN_LEFT_WIDTH)
}

/// The details' width beside sessions that would like `sessions_wanted` of the `room` the left
/// column leaves: a third of the screen within bounds, and whatever the sessions do not need.
fn details_width(room: u16, sessions_wanted: u16) -> u16 {
    let share = (room * 2 / 5).clamp(MIN_DETAILS_WIDTH, MAX_DETAILS_WIDTH);
    share.max(room.saturating_sub(sessions_wanted)).min(room)
}

/// The status message in rows of `width`: it is wrapped, never cut.
pub(crate) fn status_lines(message: &str, width: usize) -> Vec<String> {
    textwrap::wrap(message, width.max(1))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The rows the status bar needs at `width`: the message whole, then the kept hints
/// (`kept_width` wide) on its last row where there is room, else on a row of their own.
pub(crate) fn status_rows(message: Option<&str>, kept_width: usize, width: u16) -> u16 {
    let Some(message) = message else {
        return 1;
    };
    let width = usize::from(width);
    let lines = status_lines(message, width);
    let last = lines.last().map_or(0, |line| line.width());
    let own_row = usize::from(last + HINT_GAP + kept_width > width);
    u16::try_from(lines.len().max(1) + own_row).unwrap_or(u16::MAX)
}

/// Columns between two hints, and between a message and the hints.
pub(crate) const HINT_GAP: usize = 2;

/// A key and what it does: `? help`.
pub(crate) type Hint = (String, &'static str);

/// The status bar's hints for the keys in force: those always shown (help and quit), and the
/// rest, most important first, shown as far as they fit.
pub(crate) fn status_hints(app: &App) -> (Vec<Hint>, Vec<Hint>) {
    let context = app.context();
    let keymap = app.keymap();
    let kept = [Action::ToggleHelp, Action::Quit].map(|a| keymap.keys_in(&a, context));
    keymap
        .hints_offered(context, |action| app.offers(action))
        .into_iter()
        .partition(|(keys, _)| kept.contains(keys))
}

/// How wide hints are drawn: `keys word`, two spaces apart.
pub(crate) fn hints_width(hints: &[Hint]) -> usize {
    hints
        .iter()
        .map(|(keys, word)| keys.width() + 1 + word.width())
        .sum::<usize>()
        + HINT_GAP * hints.len().saturating_sub(1)
}

impl App {
    /// What the content asks of the layout now.
    pub(super) fn needs(&self) -> Needs {
        let (kept, _) = status_hints(self);
        Needs {
            left: self.left_width,
            sessions: self.sessions_width,
            status: status_rows(
                self.status.as_ref().map(|s| s.text.as_str()),
                hints_width(&kept),
                self.size.0,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(left: u16) -> Needs {
        Needs {
            left,
            ..Needs::default()
        }
    }

    #[test]
    fn every_pane_shows_at_80_by_24() {
        let areas = Areas::compute(Rect::new(0, 0, 80, 24), Pane::Browse, needs(30));
        for pane in Pane::ALL {
            let rect = areas.pane(pane).expect("shown");
            assert!(rect.width >= 20 && rect.height >= 5, "{pane:?} {rect:?}");
        }
    }

    #[test]
    fn narrow_terminal_shows_the_focused_pane_only() {
        let areas = Areas::compute(Rect::new(0, 0, 40, 20), Pane::Details, needs(30));
        assert!(areas.tabs.is_some());
        assert_eq!(areas.pane(Pane::Sessions), None);
        assert_eq!(areas.pane(Pane::Details).map(|r| r.width), Some(40));
    }

    #[test]
    fn panes_never_overlap() {
        for (w, h) in [(80, 24), (120, 40), (200, 60), (64, 12), (100, 8)] {
            let areas = Areas::compute(Rect::new(0, 0, w, h), Pane::Sessions, needs(40));
            let rects: Vec<Rect> = Pane::ALL.iter().filter_map(|p| areas.pane(*p)).collect();
            for (i, a) in rects.iter().enumerate() {
                for b in &rects[i + 1..] {
                    assert!(!a.intersects(*b), "{w}x{h}: {a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn details_go_under_the_sessions_until_three_columns_leave_titles_room() {
        let at = |w, h| Areas::compute(Rect::new(0, 0, w, h), Pane::Sessions, needs(30));
        for (w, h) in [(80, 24), (120, 40), (159, 40)] {
            let areas = at(w, h);
            let (sessions, details) = (
                areas.sessions.expect("sessions"),
                areas.details.expect("details"),
            );
            assert_eq!((sessions.x, sessions.width), (details.x, details.width));
            assert!(
                sessions.height > details.height,
                "{w}x{h}: the list is taller"
            );
        }
        let areas = at(200, 60);
        let (sessions, details) = (
            areas.sessions.expect("sessions"),
            areas.details.expect("details"),
        );
        assert_eq!(sessions.y, details.y, "side by side");
        assert!(
            sessions.width > details.width,
            "the titles get the most width"
        );
    }

    #[test]
    fn the_left_column_is_as_wide_as_its_longest_row_within_bounds() {
        let left = |wanted, w| {
            Areas::compute(Rect::new(0, 0, w, 40), Pane::Sessions, needs(wanted))
                .days
                .expect("days")
                .width
        };
        assert_eq!(left(24, 200), 24);
        assert_eq!(left(80, 200), MAX_LEFT_WIDTH);
        assert_eq!(left(80, 120), 30);
        assert_eq!(left(10, 120), MIN_LEFT_WIDTH);
    }

    #[test]
    fn sessions_that_need_little_leave_the_rest_to_the_details() {
        let needs = Needs {
            left: 24,
            sessions: 70,
            status: 1,
        };
        let areas = Areas::compute(Rect::new(0, 0, 200, 60), Pane::Sessions, needs);
        assert_eq!(areas.sessions.expect("sessions").width, 70);
        assert_eq!(areas.details.expect("details").width, 200 - 24 - 70);
    }

    #[test]
    fn a_long_message_gets_the_rows_it_needs_and_help_keeps_its_place() {
        assert_eq!(status_rows(None, 20, 80), 1);
        assert_eq!(status_rows(Some("saved"), 20, 80), 1);
        assert_eq!(
            status_rows(Some(&"word ".repeat(13)), 20, 80),
            2,
            "65 + 22 > 80"
        );
        assert_eq!(
            status_rows(Some(&"word ".repeat(30)), 20, 80),
            3,
            "79, 69 + 22"
        );
        let areas = Areas::compute(
            Rect::new(0, 0, 80, 24),
            Pane::Sessions,
            Needs {
                status: 3,
                ..needs(30)
            },
        );
        assert_eq!(areas.status.height, 3);
        assert_eq!(areas.status.bottom(), 24);
    }
}
