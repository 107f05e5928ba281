//! The browse pane: the programme by days, by rooms or by speakers. Moving in it shows the
//! chosen day's, room's or speaker's sessions.

use super::{App, View};

/// What the browse pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browse {
    /// The programme's days; moving shows that day's sessions.
    Days,
    /// The rooms; moving shows a room's sessions across all days.
    Rooms,
    /// The speakers; moving shows a speaker's sessions.
    Speakers,
}

impl Browse {
    /// Every kind of list, in the order the tabs show them.
    pub const ALL: [Browse; 3] = [Browse::Days, Browse::Rooms, Browse::Speakers];

    fn next(self) -> Self {
        match self {
            Self::Days => Self::Rooms,
            Self::Rooms => Self::Speakers,
            Self::Speakers => Self::Days,
        }
    }
}

impl App {
    /// How many rows the browse pane has in its current mode; for speakers it waits for their
    /// index (for `update`: drawing reads [`crate::index::Index::speakers_ready`] instead).
    pub(crate) fn browse_len(&self) -> usize {
        match self.browse {
            Browse::Days => self.programme.days.len(),
            Browse::Rooms => self.programme.rooms.len(),
            Browse::Speakers => self.index.speakers().len(),
        }
    }

    /// The row chosen in the browse pane's current mode.
    pub(crate) fn browse_cursor(&self) -> usize {
        match self.browse {
            Browse::Days => self.day,
            Browse::Rooms => self.room_cursor,
            Browse::Speakers => self.speaker_cursor,
        }
    }

    /// Whether the sessions pane shows what the browse pane has chosen.
    pub(crate) fn browse_is_shown(&self) -> bool {
        matches!(
            (self.browse, self.view),
            (Browse::Days, View::Day)
                | (Browse::Rooms, View::Room(_))
                | (Browse::Speakers, View::Speaker(_))
        )
    }

    /// The lists this programme has, in tab order: its days always, rooms and speakers when it
    /// names any. Only these are offered.
    pub(crate) fn browse_modes(&self) -> Vec<Browse> {
        Browse::ALL
            .into_iter()
            .filter(|&m| self.has_list(m))
            .collect()
    }

    fn has_list(&self, mode: Browse) -> bool {
        match mode {
            Browse::Days => true,
            Browse::Rooms => !self.programme.rooms.is_empty(),
            Browse::Speakers => self
                .programme
                .sessions
                .iter()
                .any(|s| !s.speakers.is_empty()),
        }
    }

    pub(super) fn next_browse(&mut self) {
        // Lists this programme does not have are skipped.
        self.browse = self.browse.next();
        while !self.has_list(self.browse) {
            self.browse = self.browse.next();
        }
        self.tops.browse = 0;
        self.show_browsed();
    }

    pub(super) fn step_browse(&mut self, delta: isize) {
        let last = self.browse_len().saturating_sub(1);
        let row = super::offset_by(self.browse_cursor(), delta, last);
        self.choose_browse_row(row);
    }

    pub(super) fn click_browse(&mut self, row: usize) {
        if row < self.browse_len() {
            self.choose_browse_row(row);
        }
    }

    fn choose_browse_row(&mut self, row: usize) {
        match self.browse {
            Browse::Days => return self.select_day(row),
            Browse::Rooms => self.room_cursor = row,
            Browse::Speakers => self.speaker_cursor = row,
        }
        self.show_browsed();
    }

    /// Shows the sessions of what the browse pane has chosen.
    pub(super) fn show_browsed(&mut self) {
        let view = match self.browse {
            Browse::Rooms if self.browse_len() > 0 => View::Room(self.room_cursor),
            Browse::Speakers if self.browse_len() > 0 => View::Speaker(self.speaker_cursor),
            // Days, and a list the programme does not have.
            _ => View::Day,
        };
        let changed = view != self.view || self.search.is_some();
        self.show_fresh(view, changed);
    }
}
