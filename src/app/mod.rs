//! The application state and [`App::update`], the only place it changes.

mod beside;
mod browse;
mod descriptions;
mod effect;
mod entries;
pub(crate) mod filters;
mod history;
mod jump;
mod keep;
pub(crate) mod layout;
pub(crate) mod live;
mod marks;
mod prompt;
mod reading;
mod replace;
mod scroll;
mod search;
mod setup;
pub(crate) mod sheets;
mod stars;
pub(crate) mod times;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ratatui::layout::{Position, Rect};

use crate::action::{Action, Pane};
use crate::config::{ColourScheme, StartView};
use crate::favourites::Notice;
use crate::index::Index;
use crate::keymap::{Context, Keymap};
use crate::model::{Clock, Level, Programme, Session, Shown, Span, Stars, Timeline};
use crate::tr;

pub use browse::Browse;
pub use effect::Effect;
pub use entries::{Columns, Entry, Heading};
pub use filters::{Counts, FilterRow, Filters};
pub use layout::{Areas, Needs};
pub use live::Live;
pub use scroll::Tops;
pub use search::Search;
pub use setup::Setup;

/// What the sessions pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The sessions of the selected day.
    Day,
    /// Every session in a room, across days, in time order.
    Room(usize),
    /// Every session of a speaker (an index into the speaker list).
    Speaker(usize),
    /// Every starred session as a plan: by day, in time order, with clashes and free gaps.
    MyProgramme,
    /// What is on now, and what is next in each room.
    Now,
    /// The results of the search.
    Search,
}

/// A window drawn over the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key and what it does, from the keymap.
    Help,
    /// What changed in starred sessions since the user last looked.
    Changes,
    /// The selected session's web links, to choose the one to open.
    Links,
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message, already in the user's language.
    pub text: String,
    /// Drawn as an error (a failed save, a refused file) rather than as news.
    pub is_error: bool,
}

/// Everything the viewer shows and remembers. It changes only in [`App::update`], which returns
/// the work it wants done ([`Effect`]) instead of doing it; the screen is drawn from it.
#[derive(Debug)]
pub struct App {
    /// Shared with the thread that builds the search index.
    programme: Arc<Programme>,
    timeline: Timeline,
    index: Index,
    /// Where the user's files are kept; `None`: nothing is saved.
    files: Option<std::path::PathBuf>,
    /// Where `e` offers to write the calendar (see [`Setup::export_dir`]).
    export_dir: Option<std::path::PathBuf>,
    /// The calendar's path being typed after `e`, until Enter writes it or Esc cancels.
    export_prompt: Option<String>,
    stars: Stars,
    /// Star levels by session index, from `stars`.
    levels: HashMap<usize, Level>,
    /// For each *must* session that overlaps another *must*, the ones it overlaps.
    clashes: HashMap<usize, Vec<usize>>,
    /// Changes to starred sessions since the user last looked, until dismissed.
    changes: Vec<crate::changes::Change>,
    /// Descriptions as plain text, made when first shown.
    descriptions: descriptions::Descriptions,
    /// Starred sessions the programme no longer has.
    cancelled: Vec<(String, crate::model::Seen)>,
    /// What the user last saw of every session, and what changed since.
    looked: marks::Looked,
    now: DateTime<Utc>,
    shown: Shown,
    focus: Pane,
    view: View,
    overlay: Option<Overlay>,
    /// What the browse pane lists, and the row chosen in each list.
    browse: Browse,
    day: usize,
    room_cursor: usize,
    speaker_cursor: usize,
    filters: Filters,
    /// The rows of the filters pane, made once.
    filter_rows: Vec<FilterRow>,
    /// Sessions per day, room, theme and part with the filters in force.
    counts: Counts,
    filter_cursor: usize,
    search: Option<Search>,
    /// What the sessions pane lists.
    entries: Vec<Entry>,
    /// Index into `entries`; on a session whenever there is one.
    cursor: usize,
    /// Which columns the listed sessions need, worked out when the list changes.
    columns: Columns,
    details_scroll: u16,
    /// How the selected session is read: its slot folded or not, on the whole screen or not.
    reading: reading::Reading,
    help_scroll: u16,
    /// The help laid out at the width it was last shown at, so drawing never lays it out.
    help_text: sheets::LaidOut,
    size: (u16, u16),
    status: Option<Status>,
    running: bool,
    /// Whether the lookups no first frame needs have been asked for.
    indexes_asked: bool,
    /// The width the left column would like.
    left_width: u16,
    /// The width the sessions pane would like.
    sessions_width: u16,
    keymap: Keymap,
    colour_scheme: ColourScheme,
    /// Whether web addresses are drawn as terminal hyperlinks.
    hyperlinks: bool,
    /// The first row each list shows.
    tops: Tops,
    /// Where Esc goes back to, and the session each view had selected.
    trail: history::Trail,
    /// A time or letters being typed in the status bar.
    prompt: Option<prompt::Prompt>,
    /// The clock the app was made with, for a programme that replaces the one shown.
    clock: Clock,
    /// Keeping the programme current: the copy shown, and the refresh under way.
    refreshing: live::Refreshing,
}

impl App {
    /// A viewer on `programme` with these stars, set up as `setup` says. Making it changes
    /// nothing on disk: what it wants saved at once is in [`App::effects_at_start`].
    pub fn new(programme: Programme, stars: Stars, clock: Clock, setup: Setup) -> Self {
        let timeline = clock.timeline(&programme);
        let now = clock.set.map_or_else(Utc::now, |set| set.moment(&timeline));
        let looked = marks::Looked::new(setup.looked, crate::changes::compare::records(&programme));
        let programme = Arc::new(programme);
        let index = Index::build(&programme);
        let left_width = layout::left_column_width(&programme, &index);
        let sessions_width = layout::sessions_width(&programme);
        let filter_rows = filters::rows(&programme, &index);
        let mut app = Self {
            programme,
            timeline,
            index,
            files: setup.files,
            export_dir: setup.export_dir,
            export_prompt: None,
            stars,
            levels: HashMap::new(),
            clashes: HashMap::new(),
            changes: Vec::new(),
            descriptions: HashMap::new(),
            cancelled: Vec::new(),
            looked,
            now,
            shown: clock.shown,
            focus: Pane::Sessions,
            view: View::Day,
            overlay: None,
            browse: Browse::Days,
            day: 0,
            room_cursor: 0,
            speaker_cursor: 0,
            filters: Filters::default(),
            filter_cursor: filters::first_choice(&filter_rows),
            filter_rows,
            counts: Counts::default(),
            search: None,
            entries: Vec::new(),
            cursor: 0,
            columns: Columns::default(),
            details_scroll: 0,
            reading: reading::Reading::default(),
            help_scroll: 0,
            help_text: sheets::LaidOut::default(),
            size: (80, 24),
            status: setup.problems.into_iter().next().map(error_status),
            running: true,
            indexes_asked: false,
            left_width,
            sessions_width,
            keymap: setup.keymap,
            colour_scheme: setup.colour_scheme,
            hyperlinks: setup.hyperlinks,
            tops: Tops::default(),
            trail: history::Trail::default(),
            prompt: None,
            clock,
            refreshing: live::Refreshing::new(setup.live, Utc::now()),
        };
        app.derive_from_stars();
        app.day = app.today().unwrap_or(0);
        app.refresh_entries();
        app.review_changes();
        app.open_on(setup.view);
        app.start_at_now();
        app.fit_lists();
        app.look_at_selection();
        app
    }

    /// The view the settings ask to open on.
    fn open_on(&mut self, view: Option<StartView>) {
        match view {
            Some(StartView::Now) => self.toggle_view(View::Now),
            Some(StartView::MyProgramme) => self.toggle_view(View::MyProgramme),
            Some(StartView::Rooms) => self.next_browse(),
            Some(StartView::Speakers) => {
                self.next_browse();
                self.next_browse();
            }
            Some(StartView::Day) | None => {}
        }
    }

    /// Shows times on the other clock, when the two differ; else says they are the same.
    fn toggle_zone(&mut self) {
        if self.offers(&Action::ToggleZone) {
            self.shown = self.shown.toggled();
        } else {
            let zone = self.timeline.venue.name();
            self.status = Some(info_status(tr!("status.same_clock", zone = zone)));
        }
    }

    /// Where the user's files are (favourites, config), when they are kept at all.
    pub fn config_dir(&self) -> Option<&std::path::Path> {
        self.files.as_deref()
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The colours the screen is drawn in.
    pub(crate) fn colour_scheme(&self) -> ColourScheme {
        self.colour_scheme
    }

    /// Whether web addresses are drawn as terminal hyperlinks (OSC 8).
    pub(crate) fn hyperlinks(&self) -> bool {
        self.hyperlinks
    }

    // --- what the screen reads -------------------------------------------------------------

    /// The programme shown, as loaded; sessions are named by their index into it.
    pub fn programme(&self) -> &Programme {
        &self.programme
    }
    pub(crate) fn timeline(&self) -> &Timeline {
        &self.timeline
    }
    /// Search and the speakers list, once the background build has finished.
    pub fn index(&self) -> &Index {
        &self.index
    }
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.now
    }
    /// Which clock times are shown in: the venue's or the user's.
    pub fn shown(&self) -> Shown {
        self.shown
    }

    /// Whether `action` would do anything now; the status bar offers only those. Switching
    /// clocks needs two clocks that differ.
    pub fn offers(&self, action: &Action) -> bool {
        match action {
            Action::ToggleZone => self.timeline.clocks_differ(),
            Action::Back => self.can_go_back(),
            _ => true,
        }
    }
    /// The theme, part and room the sessions are narrowed to.
    pub fn filters(&self) -> &Filters {
        &self.filters
    }
    /// Whether sessions that have ended are left out of the lists.
    pub fn hides_past(&self) -> bool {
        self.filters.hide_past
    }
    /// The pane the keys act on.
    pub fn focus(&self) -> Pane {
        self.focus
    }
    /// What the sessions pane lists.
    pub fn view(&self) -> View {
        self.view
    }
    /// The window over the main screen, if one is open; it takes the keys.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }
    /// What the left column lists: days, rooms or speakers.
    pub fn browse(&self) -> Browse {
        self.browse
    }
    /// The programme day selected, as an index into its days.
    pub fn day(&self) -> usize {
        self.day
    }
    pub(crate) fn room_cursor(&self) -> usize {
        self.room_cursor
    }
    pub(crate) fn speaker_cursor(&self) -> usize {
        self.speaker_cursor
    }
    /// The rows of the filters pane, in the order drawn.
    pub fn filter_rows(&self) -> &[FilterRow] {
        &self.filter_rows
    }
    /// The filters row under the cursor.
    pub fn filter_cursor(&self) -> usize {
        self.filter_cursor
    }
    /// The search being typed or shown, if any.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }
    /// The theme the sessions are filtered by.
    pub fn theme_filter(&self) -> Option<usize> {
        self.filters.theme
    }
    /// The rows of the sessions pane: sessions, and the headings and gaps between them.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
    /// The sessions pane's row under the cursor, as an index into [`App::entries`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    pub(crate) fn columns(&self) -> Columns {
        self.columns
    }
    /// How many lines of the details pane are scrolled past.
    pub fn details_scroll(&self) -> u16 {
        self.details_scroll
    }
    /// How many lines of the help are scrolled past.
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }
    /// The message in the status bar, until the next key.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
    /// False once the user has quit: the loop stops.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Sessions per day, room, theme and part with the filters in force.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// How many sessions carry the theme.
    pub(crate) fn theme_count(&self, theme: usize) -> usize {
        self.index.theme_counts.get(theme).copied().unwrap_or(0)
    }

    /// The sessions the pane lists, in order (headings and gaps left out).
    pub fn visible_sessions(&self) -> Vec<usize> {
        self.entries.iter().filter_map(Entry::session).collect()
    }

    /// The session under the cursor, as an index into the programme.
    pub fn selected_index(&self) -> Option<usize> {
        self.entries.get(self.cursor).and_then(Entry::session)
    }

    /// The session under the cursor itself.
    pub fn selected_session(&self) -> Option<&Session> {
        self.selected_index().map(|i| &self.programme.sessions[i])
    }

    /// When a session runs, in absolute time; `None` when the programme gives no time.
    pub fn span(&self, session: usize) -> Option<Span> {
        self.timeline.span(session)
    }

    /// Whether a session is on at the app's clock.
    pub fn is_on(&self, session: usize) -> bool {
        self.span(session).is_some_and(|s| s.is_on(self.now))
    }

    /// Whether a session is over at the app's clock (one without a time: when its day is).
    pub(crate) fn is_past(&self, session: usize) -> bool {
        crate::planner::is_over(&self.programme, &self.timeline, session, self.now)
    }

    /// The key bindings in force now.
    pub fn context(&self) -> Context {
        if self.export_prompt.is_some() {
            // The path is typed as a search query is: letters, Backspace, Enter, Esc.
            return Context::Search;
        }
        match (self.overlay, &self.search) {
            (Some(Overlay::Help), _) => Context::Help,
            (Some(Overlay::Changes), _) => Context::Changes,
            (Some(Overlay::Links), _) => Context::Links,
            (None, _) if self.reading.page => Context::Page,
            (None, _) if self.prompting() => Context::Prompt,
            (None, Some(search)) if search.typing => Context::Search,
            (None, _) => Context::Main(self.focus),
        }
    }

    /// The screen's layout at the current size and focus.
    pub fn areas(&self) -> Areas {
        Areas::compute(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.focus,
            self.needs(),
        )
    }

    // --- the one place state changes -------------------------------------------------------

    /// Takes one action: changes the state, and returns the work it wants done (saves, files,
    /// threads) for the loop to do, whose outcomes come back as actions. Does no I/O.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if !keeps_status(&action) {
            self.status = None;
        }
        let mut effects = self.take(action);
        self.show_prompt();
        self.fit_lists();
        self.keep_description();
        effects.extend(self.note_selection());
        effects
    }

    /// The change `action` makes, and the work it asks for.
    fn take(&mut self, action: Action) -> Vec<Effect> {
        if self.export_prompt.is_some() && keep::is_prompt_key(&action) {
            return self.prompt_key(&action);
        }
        match action {
            Action::ExportFavourites => self.export_favourites(),
            Action::DismissChanges => self.dismiss_changes(),
            Action::CycleStar => match self.entries.get(self.cursor) {
                Some(&Entry::Cancelled(i)) => self.unstar_cancelled(i),
                _ => self.cycle_star(),
            },
            Action::OpenLink => self.open_link(),
            Action::Opened(url) => {
                self.opened(&url);
                Vec::new()
            }
            Action::OpenFailed { url, why } => {
                self.open_failed(&url, &why);
                Vec::new()
            }
            Action::Resize { width, height } => self.resize(width, height),
            Action::Saved { stars, notice } => {
                self.saved(stars, notice.as_ref());
                Vec::new()
            }
            Action::SaveFailed(why) => {
                self.status = Some(error_status(tr!("status.not_saved", error = why)));
                Vec::new()
            }
            Action::Exported {
                path,
                sessions,
                left_out,
            } => {
                self.exported(&path, sessions, left_out);
                Vec::new()
            }
            Action::ExportFailed { path, why } => {
                self.export_failed(&path, &why);
                Vec::new()
            }
            action @ (Action::Tick(_)
            | Action::Wall(_)
            | Action::Refresh
            | Action::Refreshed(_)
            | Action::ProgrammeReplaced(_)
            | Action::SourceChanged
            | Action::FavouritesChanged
            | Action::StarsReloaded(_)) => self.take_live(action),
            action => {
                self.apply(&action);
                Vec::new()
            }
        }
    }

    /// An action that wants nothing done outside the app.
    fn apply(&mut self, action: &Action) {
        match *action {
            Action::Quit => self.running = false,
            Action::Back => self.back(),
            Action::ToggleHelp => self.toggle_help(),
            Action::ShowChanges => self.show_changes(),
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::FocusLeft => self.focus_beside(beside::Side::Left),
            Action::FocusRight => self.focus_beside(beside::Side::Right),
            Action::Focus(pane) => self.focus = pane,
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.page_size()),
            Action::PageDown => self.step(self.page_size()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::ToggleSlot => self.toggle_slot(),
            Action::ToggleReading => self.toggle_reading(),
            Action::ToggleMyProgramme => self.toggle_view(View::MyProgramme),
            Action::ToggleNow => self.toggle_view(View::Now),
            Action::JumpToNow => self.jump_to_now(),
            Action::JumpToTime => self.ask_time(),
            Action::NextStarred => self.next_starred(),
            Action::FindInList => self.find_in_list(),
            Action::PromptType(c) => self.prompt_type(c),
            Action::PromptBackspace => self.prompt_backspace(),
            Action::PromptAccept => self.prompt_accept(),
            Action::PromptCancel => self.prompt_cancel(),
            Action::ToggleZone => self.toggle_zone(),
            Action::TogglePast => self.toggle_past(),
            Action::ToggleStarredOnly => self.toggle_starred_only(),
            Action::ClearFilters => self.clear_filters(),
            Action::NextBrowse => self.next_browse(),
            Action::PrevDay => self.select_day(self.day.saturating_sub(1)),
            Action::NextDay => self.select_day(self.day + 1),
            Action::StartSearch => self.start_search(),
            Action::SearchType(c) => self.search_type(c),
            Action::SearchBackspace => self.search_backspace(),
            Action::SearchAccept => self.search_accept(),
            Action::SearchCancel => self.search_cancel(),
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { column, row, down } => self.scroll_at(column, row, down),
            // These ask for work outside the app; `update` takes them.
            Action::ExportFavourites
            | Action::DismissChanges
            | Action::CycleStar
            | Action::OpenLink
            | Action::Opened(_)
            | Action::OpenFailed { .. }
            | Action::Resize { .. }
            | Action::Saved { .. }
            | Action::SaveFailed(_)
            | Action::Exported { .. }
            | Action::ExportFailed { .. }
            // Keeping the programme current: `take_live` takes them.
            | Action::Tick(_)
            | Action::Wall(_)
            | Action::Refresh
            | Action::Refreshed(_)
            | Action::ProgrammeReplaced(_)
            | Action::SourceChanged
            | Action::FavouritesChanged
            | Action::StarsReloaded(_) => {}
        }
    }

    /// An action about the clock, the programme's source or the favourites file.
    fn take_live(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Tick(now) => {
                self.tick(now);
                self.refresh_if_due(now)
            }
            Action::Wall(now) => self.refresh_if_due(now),
            Action::Refresh => self.refresh_now(),
            Action::Refreshed(outcome) => self.refreshed(outcome),
            Action::ProgrammeReplaced(programme) => self.programme_replaced(*programme),
            Action::SourceChanged => self.source_changed(),
            Action::FavouritesChanged => self.save(|programme| Effect::ReloadStars { programme }),
            Action::StarsReloaded(stars) => {
                self.saved(stars, None);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The terminal's new size. The first one means the first frame can be drawn, so what it
    /// does not need can be made meanwhile.
    fn resize(&mut self, width: u16, height: u16) -> Vec<Effect> {
        self.size = (width, height);
        self.lay_out_help();
        if std::mem::replace(&mut self.indexes_asked, true) {
            Vec::new()
        } else {
            vec![Effect::StartIndexes]
        }
    }

    fn toggle_help(&mut self) {
        self.overlay = match self.overlay {
            Some(Overlay::Help) => None,
            None | Some(Overlay::Changes | Overlay::Links) => Some(Overlay::Help),
        };
        self.help_scroll = 0;
        self.lay_out_help();
    }

    /// Moves within whatever has the keys: the help text, or the focused pane.
    fn step(&mut self, delta: isize) {
        if self.overlay == Some(Overlay::Links) {
            self.step_link(delta);
            return;
        }
        if self.overlay.is_some() {
            let last = usize::from(self.overlay_last());
            let current = usize::from(self.help_scroll).min(last);
            self.help_scroll = offset_by(current, delta, last)
                .try_into()
                .unwrap_or(u16::MAX);
            return;
        }
        if self.search.as_ref().is_some_and(|s| s.typing) {
            self.move_cursor(delta);
            return;
        }
        let pane = if self.reading.page {
            Pane::Details
        } else {
            self.focus
        };
        self.step_pane(pane, delta);
    }

    fn step_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Browse => self.step_browse(delta),
            Pane::Sessions => self.move_cursor(delta),
            Pane::Details => {
                let last = usize::from(self.details_last());
                let current = usize::from(self.details_scroll).min(last);
                let scroll = offset_by(current, delta, last);
                self.details_scroll = scroll.try_into().unwrap_or(u16::MAX);
            }
            Pane::Filters => self.step_filters(delta),
        }
    }

    fn page_size(&self) -> isize {
        let rows = if self.reading.page {
            Some(self.page_area())
        } else {
            self.areas().pane(self.focus)
        }
        .map_or(1, |r| r.height.saturating_sub(2));
        isize::from(rows.max(1).cast_signed())
    }

    fn open(&mut self) {
        match self.focus {
            Pane::Browse => {
                self.show_browsed();
                self.focus = Pane::Sessions;
            }
            Pane::Sessions => self.focus = Pane::Details,
            Pane::Details => self.toggle_reading(),
            Pane::Filters => self.toggle_filter_row(),
        }
    }

    fn select_day(&mut self, day: usize) {
        let day = day.min(self.programme.days.len().saturating_sub(1));
        let changed = day != self.day || self.view != View::Day;
        self.day = day;
        self.browse = Browse::Days;
        self.show_fresh(View::Day, changed);
    }

    /// Shows `view` from its top (when it changed) with the first session selected: somewhere
    /// new, with nothing to go back to.
    fn show_fresh(&mut self, view: View, changed: bool) {
        self.view = view;
        self.search = None;
        self.forget_places();
        if changed {
            self.cursor = 0;
            self.tops.sessions = 0;
            self.details_scroll = 0;
            self.refresh_entries();
            self.cursor = self.nearest_session(0, 1);
        }
    }

    /// Opens `view` over the one shown, for Esc (or the same key) to come back from; On now
    /// at its top, other views at the session they had selected when last left.
    fn toggle_view(&mut self, view: View) {
        if self.view == view {
            if !self.go_back() {
                self.select_day(self.day);
                self.focus = Pane::Sessions;
            }
            return;
        }
        if self.search.is_some() {
            self.search_cancel();
        }
        self.push_place();
        self.remember_cursor();
        self.view = view;
        self.refresh_entries();
        let own = match view {
            View::Now => None,
            _ => self.remembered(view).and_then(|s| self.row_of(s)),
        };
        self.cursor = own.unwrap_or_else(|| self.nearest_session(0, 1));
        self.tops.sessions = 0;
        self.details_scroll = 0;
        self.focus = Pane::Sessions;
    }

    fn tick(&mut self, now: DateTime<Utc>) {
        self.now = now;
        self.refresh_entries();
    }

    /// The programme day the clock is in, if the programme is on today.
    fn today(&self) -> Option<usize> {
        crate::planner::day_of(&self.programme, &self.timeline, self.now)
    }

    fn jump_to_now(&mut self) {
        let Some(day) = self.today() else {
            self.status = Some(info_status(tr!("status.not_today").into()));
            self.select_day(if self.before_programme() {
                0
            } else {
                self.programme.days.len().saturating_sub(1)
            });
            return;
        };
        self.select_day(day);
        self.select_now_row();
        self.focus = Pane::Sessions;
    }

    fn before_programme(&self) -> bool {
        let first = self
            .timeline
            .spans()
            .iter()
            .flatten()
            .map(|s| s.start)
            .min();
        first.is_none_or(|start| self.now < start)
    }

    fn click(&mut self, column: u16, row: u16) {
        if self.reading.page {
            return;
        }
        let areas = self.areas();
        let Some((pane, rect)) = areas.pane_at(Position::new(column, row)) else {
            return;
        };
        self.focus = pane;
        let Some(line) = row_in_list(rect, row) else {
            return;
        };
        match pane {
            Pane::Browse => self.click_browse(self.tops.browse + line),
            Pane::Sessions => {
                let row = self.tops.sessions + line;
                if self.entries.get(row).and_then(Entry::session).is_some() {
                    self.select_row(row);
                }
            }
            Pane::Filters => {
                let row = self.tops.filters + line;
                if self.filter_rows.get(row).is_some_and(FilterRow::is_choice) {
                    self.filter_cursor = row;
                    self.toggle_filter_row();
                }
            }
            Pane::Details => {}
        }
    }

    fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let target = if self.overlay.is_some() || self.reading.page {
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

/// Whether the status message stays through `action`: it goes with the next key, but not with
/// a resize, the wheel, the clock or the outcome of work done meanwhile.
fn keeps_status(action: &Action) -> bool {
    action.is_outcome()
        || matches!(
            action,
            Action::Resize { .. } | Action::Scroll { .. } | Action::Tick(_) | Action::Wall(_)
        )
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

/// What a save has to tell: the unreadable file it moved aside before writing.
fn notice_status(notice: &Notice) -> Status {
    match notice {
        Notice::SetAside(aside) => error_status(tr!(
            "status.set_aside",
            path = crate::text::shown_path(aside)
        )),
    }
}
