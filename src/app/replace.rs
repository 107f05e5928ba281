//! A new programme in place of the one shown (a refresh brought it, or its file was rewritten):
//! everything made from the programme is made again; the stars stay, and the cursor stays on
//! the same session where the new programme still has it.

use std::sync::Arc;

use super::{App, Effect, Entry, View, filters, layout};
use crate::index::Index;
use crate::model::Programme;

impl App {
    /// Shows `programme` in place of the one shown.
    pub(super) fn replace_programme(&mut self, programme: Programme) -> Vec<Effect> {
        let selected = self.selected_session().map(|s| s.id.clone());
        self.timeline = self.clock.timeline(&programme);
        self.programme = Arc::new(programme);
        self.index = Index::build(&self.programme);
        self.left_width = layout::left_column_width(&self.programme, &self.index);
        self.filter_rows = filters::rows(&self.programme, &self.index);
        self.descriptions.clear();
        self.forget_what_the_old_programme_named();
        self.derive_from_stars();
        self.entries.clear();
        self.cursor = 0;
        self.refresh_entries();
        let row = selected
            .and_then(|key| self.index.keys.get(&key).copied())
            .and_then(|i| self.entries.iter().position(|e| *e == Entry::Session(i)));
        if let Some(row) = row {
            self.cursor = row;
        }
        if self.indexes_asked {
            vec![Effect::StartIndexes]
        } else {
            Vec::new()
        }
    }

    /// Positions in the old programme's lists (days, rooms, speakers, themes, search results)
    /// kept only where the new one has them.
    fn forget_what_the_old_programme_named(&mut self) {
        let p = &self.programme;
        self.day = self.day.min(p.days.len().saturating_sub(1));
        self.room_cursor = self.room_cursor.min(p.rooms.len().saturating_sub(1));
        self.speaker_cursor = 0;
        let f = &self.filters;
        let gone = f.theme.is_some_and(|t| t >= p.themes.len())
            || f.part.is_some_and(|t| t >= p.parts.len())
            || f.room.is_some_and(|r| r >= p.rooms.len());
        if gone {
            self.filters = filters::Filters::default();
        }
        self.filter_cursor = filters::first_choice(&self.filter_rows);
        let view_gone = match self.view {
            View::Room(room) => room >= p.rooms.len(),
            View::Speaker(_) | View::Search => true,
            View::Day | View::MyProgramme | View::Now => false,
        };
        if view_gone {
            self.view = View::Day;
            self.search = None;
        }
    }
}
