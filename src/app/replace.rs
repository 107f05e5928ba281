//! A newer programme in place of the one shown (a refresh, a file rewritten): the stars are
//! kept, the cursor stays on the same session where it still exists, what is chosen (day, room,
//! filters) is found again by name, and what changed since the user last looked is marked.

use std::sync::Arc;

use super::{App, Effect, View, filters, info_status, layout};
use crate::action::Action;
use crate::changes;
use crate::index::Index;
use crate::model::Programme;
use crate::tr;

impl App {
    /// Shows `programme` in place of the one shown.
    pub(super) fn replace_programme(&mut self, programme: Programme) -> Vec<Effect> {
        let old = Arc::clone(&self.programme);
        let selected = self.selected_session().map(|s| s.id.clone());
        self.timeline = self.clock.timeline(&programme);
        self.programme = Arc::new(programme);
        self.index = Index::build(&self.programme);
        self.left_width = layout::left_column_width(&self.programme, &self.index);
        self.filter_rows = filters::rows(&self.programme, &self.index);
        self.filter_cursor = self
            .filter_cursor
            .min(self.filter_rows.len().saturating_sub(1));
        self.descriptions.clear();
        self.find_choices_again(&old);
        self.derive_from_stars();
        self.changes = changes::changes(&self.programme, &self.index.keys, &self.stars);
        self.looked
            .programme_changed(changes::compare::records(&self.programme));
        self.refresh_entries();
        if let Some(row) = selected
            .and_then(|key| self.index.keys.get(&key).copied())
            .and_then(|i| self.entries.iter().position(|e| e.session() == Some(i)))
        {
            self.cursor = row;
        }
        self.look_at_selection();
        self.tell_replaced();
        if self.indexes_asked {
            vec![Effect::StartIndexes]
        } else {
            Vec::new()
        }
    }

    /// The day, room and filters chosen in `old`, found in the new programme by date and name
    /// (or let go when it has none such).
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
        self.view = match self.view {
            View::Room(r) => room(r).map_or(View::Day, View::Room),
            View::Speaker(_) => View::Day,
            view => view,
        };
    }

    /// Says that the programme was updated, and how many changes there are to see.
    fn tell_replaced(&mut self) {
        let n = self.looked_changes_count();
        let text = if n == 0 {
            tr!("changes.replaced_none").into()
        } else {
            let key = self
                .keymap
                .key_for(&Action::ShowChanges)
                .unwrap_or_default();
            tr!("changes.replaced", n = n, key = key)
        };
        self.status = Some(info_status(text));
    }

    fn looked_changes_count(&self) -> usize {
        let starred_only = self
            .changes
            .iter()
            .filter(|c| self.change_by_key(&c.key).is_none())
            .count();
        self.session_changes().len() + starred_only
    }
}
