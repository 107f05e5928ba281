//! The application state and [`App::update`], the only place it changes.

use std::cell::Cell;
use std::collections::BTreeSet;

use ratatui::layout::{Position, Rect};

use crate::action::{Action, Pane};
use crate::favourites::{FavouritesStore, Notice};
use crate::keymap::Context;
use crate::model::{Programme, Session};
use crate::ui::layout::Areas;

/// What the sessions pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The sessions of the selected day.
    Day,
    /// Every starred session, across days, in time order.
    MyProgramme,
}

/// A window drawn over the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// First visible row of each list. Rendering keeps them so the selection stays in view; they
/// are widget state, the only thing drawing may change.
#[derive(Debug, Default)]
pub struct ListOffsets {
    pub days: Cell<usize>,
    pub sessions: Cell<usize>,
    pub themes: Cell<usize>,
    /// The last useful scroll position of the details pane, for the text it shows now.
    pub details_last: Cell<u16>,
}

#[derive(Debug)]
pub struct App {
    programme: Programme,
    store: Option<FavouritesStore>,
    starred: BTreeSet<String>,
    focus: Pane,
    view: View,
    overlay: Option<Overlay>,
    day: usize,
    theme_filter: Option<usize>,
    /// Row of the themes pane: 0 is "all themes", then one row per theme.
    theme_cursor: usize,
    /// Sessions listed in the sessions pane, as indexes into the programme.
    visible: Vec<usize>,
    session_cursor: usize,
    details_scroll: u16,
    help_scroll: u16,
    size: (u16, u16),
    status: Option<Status>,
    running: bool,
    /// Sessions per theme, counted once: the themes pane shows them on every frame.
    theme_counts: Vec<usize>,
    /// The width the days and themes column would like.
    left_width: u16,
    pub offsets: ListOffsets,
}

impl App {
    /// A viewer on `programme` with these stars; `store` saves changes (none: nothing is saved).
    pub fn new(
        programme: Programme,
        starred: BTreeSet<String>,
        store: Option<FavouritesStore>,
    ) -> Self {
        let theme_counts = programme.theme_counts();
        let left_width = crate::ui::left_column_width(&programme, &theme_counts);
        let mut app = Self {
            programme,
            store,
            starred,
            focus: Pane::Sessions,
            view: View::Day,
            overlay: None,
            day: 0,
            theme_filter: None,
            theme_cursor: 0,
            visible: Vec::new(),
            session_cursor: 0,
            details_scroll: 0,
            help_scroll: 0,
            size: (80, 24),
            status: None,
            running: true,
            theme_counts,
            left_width,
            offsets: ListOffsets::default(),
        };
        app.refresh_sessions();
        app
    }

    /// Opens the programme's stars from `store`; problems become the first status message.
    pub fn with_store(programme: Programme, store: FavouritesStore) -> Self {
        let loaded = store.load(&programme.id);
        let (starred, status) = match loaded {
            Ok((stars, None)) => (stars, None),
            Ok((stars, Some(Notice::SetAside(aside)))) => (stars, Some(set_aside_status(&aside))),
            Err(e) => (BTreeSet::new(), Some(error_status(e.to_string()))),
        };
        let mut app = Self::new(programme, starred, Some(store));
        app.status = status;
        app
    }

    // --- what the screen reads -------------------------------------------------------------

    pub fn programme(&self) -> &Programme {
        &self.programme
    }
    pub fn focus(&self) -> Pane {
        self.focus
    }
    pub fn view(&self) -> View {
        self.view
    }
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }
    pub fn day(&self) -> usize {
        self.day
    }
    pub fn theme_filter(&self) -> Option<usize> {
        self.theme_filter
    }
    pub fn theme_cursor(&self) -> usize {
        self.theme_cursor
    }
    pub fn visible_sessions(&self) -> &[usize] {
        &self.visible
    }
    pub fn session_cursor(&self) -> usize {
        self.session_cursor
    }
    pub fn details_scroll(&self) -> u16 {
        self.details_scroll
    }
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
    pub fn is_running(&self) -> bool {
        self.running
    }
    /// How many sessions carry the theme.
    pub fn theme_count(&self, theme: usize) -> usize {
        self.theme_counts.get(theme).copied().unwrap_or(0)
    }
    pub fn starred_count(&self) -> usize {
        self.starred.len()
    }

    pub fn is_starred(&self, session: &Session) -> bool {
        self.starred.contains(&session.id)
    }

    /// The session under the cursor, as an index into the programme.
    pub fn selected_index(&self) -> Option<usize> {
        self.visible.get(self.session_cursor).copied()
    }

    pub fn selected_session(&self) -> Option<&Session> {
        self.selected_index().map(|i| &self.programme.sessions[i])
    }

    /// The key bindings in force now.
    pub fn context(&self) -> Context {
        match self.overlay {
            Some(Overlay::Help) => Context::Help,
            None => Context::Main(self.focus),
        }
    }

    /// The screen's layout at the current size and focus.
    pub fn areas(&self) -> Areas {
        Areas::compute(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.focus,
            self.left_width,
        )
    }

    // --- the one place state changes -------------------------------------------------------

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. } | Action::Scroll { .. }) {
            self.status = None;
        }
        match action {
            Action::Quit => self.running = false,
            Action::Back => self.back(),
            Action::ToggleHelp => self.toggle_help(),
            Action::NextPane => self.focus_pane(self.focus.next()),
            Action::PrevPane => self.focus_pane(self.focus.prev()),
            Action::FocusLeft => self.focus_pane(self.focus.left()),
            Action::FocusRight => self.focus_pane(self.focus.right()),
            Action::Focus(pane) => self.focus_pane(pane),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.page_size()),
            Action::PageDown => self.step(self.page_size()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::ToggleStar => self.toggle_star(),
            Action::ToggleMyProgramme => self.toggle_my_programme(),
            Action::ClearFilter => self.set_theme_filter(None),
            Action::PrevDay => self.select_day(self.day.saturating_sub(1)),
            Action::NextDay => self.select_day(self.day + 1),
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { column, row, down } => self.scroll_at(column, row, down),
            Action::Resize { width, height } => self.size = (width, height),
        }
    }

    fn back(&mut self) {
        if self.overlay.is_some() {
            self.overlay = None;
        } else {
            self.running = false;
        }
    }

    fn toggle_help(&mut self) {
        self.overlay = match self.overlay {
            Some(Overlay::Help) => None,
            None => Some(Overlay::Help),
        };
        self.help_scroll = 0;
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
    }

    /// Moves within whatever has the keys: the help text, or the focused pane.
    fn step(&mut self, delta: isize) {
        if self.overlay == Some(Overlay::Help) {
            self.help_scroll = offset_by(self.help_scroll.into(), delta, usize::from(u16::MAX))
                .try_into()
                .unwrap_or(u16::MAX);
            return;
        }
        self.step_pane(self.focus, delta);
    }

    fn step_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Days => {
                let last = self.programme.days.len().saturating_sub(1);
                self.select_day(offset_by(self.day, delta, last));
            }
            Pane::Sessions => {
                let last = self.visible.len().saturating_sub(1);
                self.select_row(offset_by(self.session_cursor, delta, last));
            }
            Pane::Details => {
                let last = usize::from(self.offsets.details_last.get());
                let current = usize::from(self.details_scroll).min(last);
                let scroll = offset_by(current, delta, last);
                self.details_scroll = scroll.try_into().unwrap_or(u16::MAX);
            }
            Pane::Themes => {
                self.theme_cursor =
                    offset_by(self.theme_cursor, delta, self.programme.themes.len());
            }
        }
    }

    fn page_size(&self) -> isize {
        let rows = self
            .areas()
            .pane(self.focus)
            .map_or(1, |r| r.height.saturating_sub(2));
        isize::from(rows.max(1).cast_signed())
    }

    fn open(&mut self) {
        match self.focus {
            Pane::Days => {
                self.show_view(View::Day);
                self.focus = Pane::Sessions;
            }
            Pane::Sessions => self.focus = Pane::Details,
            Pane::Details => {}
            Pane::Themes => {
                let theme = self.theme_cursor.checked_sub(1);
                self.set_theme_filter(theme);
            }
        }
    }

    fn select_day(&mut self, day: usize) {
        let day = day.min(self.programme.days.len().saturating_sub(1));
        let changed = day != self.day || self.view != View::Day;
        self.day = day;
        self.view = View::Day;
        if changed {
            self.session_cursor = 0;
            self.offsets.sessions.set(0);
            self.details_scroll = 0;
            self.refresh_sessions();
        }
    }

    fn select_row(&mut self, row: usize) {
        if row != self.session_cursor {
            self.details_scroll = 0;
        }
        self.session_cursor = row;
    }

    fn show_view(&mut self, view: View) {
        if self.view != view {
            self.view = view;
            self.refresh_sessions();
        }
    }

    fn toggle_my_programme(&mut self) {
        let view = match self.view {
            View::Day => View::MyProgramme,
            View::MyProgramme => View::Day,
        };
        self.show_view(view);
        self.focus = Pane::Sessions;
    }

    fn set_theme_filter(&mut self, theme: Option<usize>) {
        self.theme_filter = theme.filter(|t| *t < self.programme.themes.len());
        self.theme_cursor = self.theme_filter.map_or(0, |t| t + 1);
        self.refresh_sessions();
    }

    fn toggle_star(&mut self) {
        let Some(session) = self.selected_session() else {
            self.status = Some(info_status("No session selected to star.".into()));
            return;
        };
        let (id, title) = (session.id.clone(), session.title.clone());
        let star = !self.starred.contains(&id);
        self.status = Some(match self.save_star(&id, star) {
            Ok(()) if star => info_status(format!("★ Starred: {title}")),
            Ok(()) => info_status(format!("Unstarred: {title}")),
            Err(message) => error_status(message),
        });
        if self.view == View::MyProgramme {
            self.refresh_sessions();
        }
    }

    /// Changes the star in memory and on disk; in memory it takes the merged result.
    fn save_star(&mut self, id: &str, star: bool) -> Result<(), String> {
        let Some(store) = &self.store else {
            set_membership(&mut self.starred, id, star);
            return Ok(());
        };
        match store.set(&self.programme.id, id, star) {
            Ok((stars, _)) => {
                self.starred = stars;
                Ok(())
            }
            Err(e) => {
                // Keep the star for this run so the screen matches what the user did.
                set_membership(&mut self.starred, id, star);
                Err(format!("Not saved: {e}"))
            }
        }
    }

    /// Recomputes the sessions pane's list, keeping the selected session where it still shows.
    fn refresh_sessions(&mut self) {
        let keep = self.selected_index();
        let theme = self.theme_filter;
        let matches_theme = |s: &Session| theme.is_none_or(|t| s.themes.contains(&t));
        let range = match self.view {
            View::Day => self
                .programme
                .days
                .get(self.day)
                .map_or(0..0, |d| d.sessions.clone()),
            View::MyProgramme => 0..self.programme.sessions.len(),
        };
        let starred_only = self.view == View::MyProgramme;
        self.visible = range
            .filter(|&i| {
                let s = &self.programme.sessions[i];
                matches_theme(s) && (!starred_only || self.starred.contains(&s.id))
            })
            .collect();
        let found = keep.and_then(|k| self.visible.iter().position(|&i| i == k));
        self.session_cursor = found.unwrap_or_else(|| {
            self.session_cursor
                .min(self.visible.len().saturating_sub(1))
        });
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let Some((pane, rect)) = areas.pane_at(Position::new(column, row)) else {
            return;
        };
        self.focus = pane;
        let Some(line) = row_in_list(rect, row) else {
            return;
        };
        match pane {
            Pane::Days => self.select_day(self.offsets.days.get() + line),
            Pane::Sessions => {
                let row = self.offsets.sessions.get() + line;
                if row < self.visible.len() {
                    self.select_row(row);
                }
            }
            Pane::Themes => {
                let row = self.offsets.themes.get() + line;
                if row <= self.programme.themes.len() {
                    self.set_theme_filter(row.checked_sub(1));
                }
            }
            Pane::Details => {}
        }
    }

    fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let target = if self.overlay.is_some() {
            None
        } else {
            self.areas()
                .pane_at(Position::new(column, row))
                .map(|(p, _)| p)
        };
        let delta = if down { 1 } else { -1 };
        match target {
            Some(pane) => self.step_pane(pane, delta),
            None => self.step(delta),
        }
    }
}

/// The list row under screen row `row`, inside a bordered pane.
fn row_in_list(rect: Rect, row: u16) -> Option<usize> {
    let inner_top = rect.y + 1;
    (row >= inner_top && row + 1 < rect.y + rect.height).then(|| usize::from(row - inner_top))
}

/// `current + delta`, kept within `0..=last`.
fn offset_by(current: usize, delta: isize, last: usize) -> usize {
    current.saturating_add_signed(delta).min(last)
}

fn set_membership(set: &mut BTreeSet<String>, id: &str, member: bool) {
    if member {
        set.insert(id.to_string());
    } else {
        set.remove(id);
    }
}

fn info_status(text: String) -> Status {
    Status {
        text,
        is_error: false,
    }
}

fn error_status(text: String) -> Status {
    Status {
        text,
        is_error: true,
    }
}

fn set_aside_status(aside: &std::path::Path) -> Status {
    error_status(format!(
        "Favourites file was unreadable; kept as {} and starting afresh.",
        aside.display()
    ))
}
