//! Everything a user can do, named by what it means rather than by the key that does it, and the
//! outcomes of the work the app asked for.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::favourites::Notice;
use crate::model::{Programme, Stars};

/// The four panes of the main screen, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The left column's list of days, rooms or speakers.
    Browse,
    /// The sessions of what is browsed, one per row.
    Sessions,
    /// Everything about the session under the cursor.
    Details,
    /// The themes, parts and rooms that narrow the sessions list.
    Filters,
}

impl Pane {
    /// Every pane in Tab order, for the help and the tests that walk them all.
    pub const ALL: [Pane; 4] = [Pane::Browse, Pane::Sessions, Pane::Details, Pane::Filters];

    /// The pane Tab moves to; after the last comes the first.
    pub fn next(self) -> Self {
        match self {
            Self::Browse => Self::Sessions,
            Self::Sessions => Self::Details,
            Self::Details => Self::Filters,
            Self::Filters => Self::Browse,
        }
    }

    /// The pane Shift-Tab moves to; before the first comes the last.
    pub fn prev(self) -> Self {
        match self {
            Self::Browse => Self::Filters,
            Self::Sessions => Self::Browse,
            Self::Details => Self::Sessions,
            Self::Filters => Self::Details,
        }
    }

    /// The pane's name on screen, in the user's language.
    pub fn title(self) -> &'static str {
        match self {
            Self::Browse => crate::tr!("pane.browse"),
            Self::Sessions => crate::tr!("pane.sessions"),
            Self::Details => crate::tr!("pane.details"),
            Self::Filters => crate::tr!("pane.filters"),
        }
    }
}

/// What the user did, or what came of work the loop did for the app; `App::update`
/// takes each in turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave dagsorden.
    Quit,
    /// Write the starred sessions to a calendar file beside the favourites.
    ExportFavourites,
    /// Close the list of changes to the user's programme; they are not shown again.
    DismissChanges,
    /// Open the Changes view: every change since the user last looked, starred sessions first.
    ShowChanges,
    /// Go back: close the overlay, leave the search, return from the details to the list or
    /// to the view this one was opened from. Never leaves the app.
    Back,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus the pane on the left of the focused one on screen (in one-pane mode, the tab
    /// before).
    FocusLeft,
    /// Focus the pane on the right of the focused one on screen (in one-pane mode, the tab
    /// after).
    FocusRight,
    /// Focus one pane directly.
    Focus(Pane),
    /// Move the selection up one row (or scroll up).
    Up,
    /// Move the selection down one row (or scroll down).
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Open the selection: a day's sessions, a session's details, or a theme as the filter.
    Open,
    /// Star the selected session as a must, then a maybe, then not at all.
    CycleStar,
    /// List the other sessions of the selected session's slot in full, or fold them to a line.
    ToggleSlot,
    /// Read the selected session on the whole screen, or go back from it to the panes.
    ToggleReading,
    /// Open the selected session's web link in the browser (with several, choose one first;
    /// in the chooser, the one under the cursor).
    OpenLink,
    /// Switch between the selected day and the plan of all starred sessions.
    ToggleMyProgramme,
    /// Switch between the selected day and what is on now and next.
    ToggleNow,
    /// Go to the current time: today's programme day, the first session not yet over.
    JumpToNow,
    /// Ask for a time of day (`14:30`) and go to the day's first session from then.
    JumpToTime,
    /// Go to the next starred session still to come (again: the one after).
    NextStarred,
    /// Find a row of the focused list (days, rooms, speakers, filters) by its first letters.
    FindInList,
    /// A character typed into the open prompt (a time, or the first letters of a row).
    PromptType(char),
    /// Remove the last character of the prompt.
    PromptBackspace,
    /// Close the prompt, keeping where it went.
    PromptAccept,
    /// Close the prompt and go back to where it was opened.
    PromptCancel,
    /// Show times in the venue's zone or in this machine's.
    ToggleZone,
    /// Hide or show sessions that are over (one in progress always shows).
    TogglePast,
    /// Clear every filter (theme, part, room, starred only, hide past).
    ClearFilters,
    /// Show only starred sessions, or all again.
    ToggleStarredOnly,
    /// Browse by days, by rooms or by speakers (the top-left pane).
    NextBrowse,
    /// Start a search: what is typed next is the query.
    StartSearch,
    /// A character typed into the search.
    SearchType(char),
    /// Remove the last character of the search.
    SearchBackspace,
    /// Open the search result under the cursor: its day, with it selected.
    SearchAccept,
    /// Leave the search and go back to what was shown before it.
    SearchCancel,
    /// Show the previous day.
    PrevDay,
    /// Show the next day.
    NextDay,
    /// A mouse click at a screen cell: select what is there and focus its pane.
    Click {
        /// Screen column, from the left edge.
        column: u16,
        /// Screen row, from the top edge.
        row: u16,
    },
    /// The mouse wheel over a screen cell: scroll that pane.
    Scroll {
        /// Screen column under the pointer, which picks the pane.
        column: u16,
        /// Screen row under the pointer.
        row: u16,
        /// Towards the end of the pane (true) or its start.
        down: bool,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The clock moved on to this moment.
    Tick(chrono::DateTime<chrono::Utc>),
    /// The world's time, each minute, while the shown clock is set and stands still: for what
    /// falls due meanwhile (a refresh).
    Wall(DateTime<Utc>),
    /// Ask the programme's source for a newer copy now.
    Refresh,
    /// What came of asking the programme's source again.
    Refreshed(Refreshed),
    /// A new programme in place of the one shown (a refresh brought it, or its file was
    /// rewritten); the stars stay, the cursor stays on the same session.
    ProgrammeReplaced(Box<Programme>),
    /// The file the programme was read from was rewritten: read it again.
    SourceChanged,
    /// The favourites file changed on disk (another window saved a star): read the stars again.
    FavouritesChanged,
    /// The programme's stars as the favourites file now holds them.
    StarsReloaded(Stars),
    /// The favourites were saved: the programme's stars as now on disk (another instance's
    /// included), and what the save had to tell.
    Saved {
        /// The programme's stars as the file holds them now, which the app takes as its own.
        stars: Stars,
        /// Something the user should hear about the save, such as a file set aside.
        notice: Option<Notice>,
    },
    /// Saving the favourites failed; why, in one line.
    SaveFailed(String),
    /// The calendar was written to `path`, with `sessions` in it and `left_out` without a time.
    Exported {
        /// Where the calendar now is, to tell the user.
        path: PathBuf,
        /// How many starred sessions went into it.
        sessions: usize,
        /// How many starred sessions had no time and could not.
        left_out: usize,
    },
    /// The system's browser was asked to show this address.
    Opened(String),
    /// The system's opener could not be started for an address.
    OpenFailed {
        /// The address that was to be opened.
        url: String,
        /// The error, in one line for the status bar.
        why: String,
    },
    /// Writing the calendar to `path` failed; why, in one line.
    ExportFailed {
        /// The file that could not be written.
        path: PathBuf,
        /// The error, in one line for the status bar.
        why: String,
    },
}

/// What came of asking a programme's source for a newer copy. A failure leaves the last good
/// copy in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refreshed {
    /// A new programme, checked as a download is; the source answered at the moment given.
    New(Box<Programme>, DateTime<Utc>),
    /// Nothing has changed, as the source said at the moment given.
    UpToDate(DateTime<Utc>),
    /// No new copy could be had; why, in one line.
    Failed(String),
}

impl Action {
    /// Whether the action is the outcome of work the loop did, not something the user did.
    pub fn is_outcome(&self) -> bool {
        matches!(
            self,
            Self::Saved { .. }
                | Self::SaveFailed(_)
                | Self::Exported { .. }
                | Self::ExportFailed { .. }
                | Self::Opened(_)
                | Self::OpenFailed { .. }
                | Self::Refreshed(_)
                | Self::ProgrammeReplaced(_)
                | Self::SourceChanged
                | Self::FavouritesChanged
                | Self::StarsReloaded(_)
        )
    }
}
