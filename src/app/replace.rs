//! A newer programme in place of the one shown (a refresh brought it, or its file was
//! rewritten): everything made from the programme is made again; the stars stay, the cursor
//! stays on the same session where the new programme still has it, what was chosen (day, room,
//! filters) is found again by date and name, and what changed since the user last looked is
//! marked.

use std::sync::Arc;

use super::{App, Effect, Entry, View, filters, info_status, layout};
use crate::action::Action;
use crate::changes;
use crate::index::Index;
use crate::model::Programme;
use crate::tr;

impl App {
    /// A newer programme arrived: shown in its place, and the status says how many changes
    /// there are to see. (A refresh calls [`App::replace_programme`] and [`App::tell_replaced`]
    /// with its own words.)
    pub(super) fn programme_replaced(&mut self, programme: Programme) -> Vec<Effect> {
        let effects = self.replace_programme(programme);
        self.tell_replaced(tr!("changes.updated"));
        effects
    }

    /// Shows `programme` in place of the one shown.
    pub(super) fn replace_programme(&mut self, programme: Programme) -> Vec<Effect> {
        let old = Arc::clone(&self.programme);
        let selected = self.selected_session().map(|s| s.id.clone());
        self.timeline = self.clock.timeline(&programme);
        self.programme = Arc::new(programme);
        self.index = Index::build(&self.programme);
        self.left_width = layout::left_column_width(&self.programme, &self.index);
        self.filter_rows = filters::rows(&self.programme, &self.index);
        self.filter_cursor = filters::first_choice(&self.filter_rows);
        self.descriptions.clear();
        self.find_choices_again(&old);
        self.derive_from_stars();
        self.changes = changes::changes(&self.programme, &self.index.keys, &self.stars);
        self.looked
            .programme_changed(changes::compare::records(&self.programme));
        // The old rows name the old programme's sessions: none is kept by index.
        self.entries.clear();
        self.cursor = 0;
        self.refresh_entries();
        let row = selected
            .and_then(|key| self.index.keys.get(&key).copied())
            .and_then(|i| self.entries.iter().position(|e| *e == Entry::Session(i)));
        if let Some(row) = row {
            self.cursor = row;
        }
        self.look_at_selection();
        if self.indexes_asked {
            vec![Effect::StartIndexes]
        } else {
            Vec::new()
        }
    }

    /// The day, room and filters chosen in `old`, found in the new programme by date and name
    /// (or let go when it has none such); a speaker's list and search results are left.
    fn find_choices_again(&mut self, old: &Programme) {
        let new = Arc::clone(&self.programme);
        let date = old.days.get(self.day).and_then(|d| d.date);
        self.day = date
            .and_then(|date| new.days.iter().position(|d| d.date == Some(date)))
            .unwrap_or(self.day)
            .min(new.days.len().saturating_sub(1));
        let room = |r: usize| {
            let name = old.rooms.get(r)?;
            new.rooms.iter().position(|n| n == name)
        };
        let theme = |t: usize| {
            let id = &old.themes.get(t)?.id;
            new.themes.iter().position(|n| &n.id == id)
        };
        let part = |p: usize| {
            let id = &old.parts.get(p)?.id;
            new.parts.iter().position(|n| &n.id == id)
        };
        self.filters.room = self.filters.room.and_then(room);
        self.filters.theme = self.filters.theme.and_then(theme);
        self.filters.part = self.filters.part.and_then(part);
        self.room_cursor = room(self.room_cursor).unwrap_or(0);
        self.speaker_cursor = 0;
        if self.view == View::Search {
            self.search = None;
        }
        self.view = match self.view {
            View::Room(r) => room(r).map_or(View::Day, View::Room),
            View::Speaker(_) | View::Search => View::Day,
            view => view,
        };
    }

    /// Says that the programme was updated (`updated`: how), how many changes there are to
    /// see and how many of them touch starred sessions, which matter most.
    pub(super) fn tell_replaced(&mut self, updated: &str) {
        let report = self.changes_report();
        let n = report.len();
        let mine = report.iter().filter(|r| r.starred).count();
        let key = self
            .keymap
            .key_for(&Action::ShowChanges)
            .unwrap_or_default();
        let text = match (n, mine) {
            (0, _) => tr!("changes.replaced_none", updated = updated),
            (n, 0) => tr!("changes.replaced", updated = updated, n = n, key = key),
            (n, mine) => tr!(
                "changes.replaced_starred",
                updated = updated,
                n = n,
                mine = mine,
                key = key
            ),
        };
        self.status = Some(info_status(text));
    }
}
