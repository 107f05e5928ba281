//! Searching: `/` starts a query, every key refines it, Enter opens the result under the cursor
//! and Esc goes back to what was shown before.

use super::{App, Pane, View};

/// A search in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What has been typed, as typed.
    pub query: String,
    /// Keys go to the query (else to the panes, with the results still listed).
    pub typing: bool,
    /// What to go back to on Esc.
    before: Before,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Before {
    view: View,
    day: usize,
    session: Option<usize>,
    focus: Pane,
}

impl App {
    /// How many sessions the search finds (before filters).
    pub(crate) fn search_results(&self) -> usize {
        self.visible_sessions().len()
    }

    /// Starts a search, or types on in the one shown, keeping the result under the cursor.
    pub(super) fn start_search(&mut self) {
        let resumed = self.search.is_some();
        let before = match &self.search {
            Some(search) => search.before,
            None => Before {
                view: self.view,
                day: self.day,
                session: self.selected_index(),
                focus: self.focus,
            },
        };
        let query = self.search.take().map(|s| s.query).unwrap_or_default();
        self.search = Some(Search {
            query,
            typing: true,
            before,
        });
        self.view = View::Search;
        self.focus = Pane::Sessions;
        self.refresh_entries();
        if !resumed {
            self.cursor = self.nearest_session(0, 1);
        }
    }

    pub(super) fn search_type(&mut self, c: char) {
        if let Some(search) = &mut self.search {
            search.query.push(c);
        }
        self.refresh_search();
    }

    pub(super) fn search_backspace(&mut self) {
        if let Some(search) = &mut self.search {
            search.query.pop();
        }
        self.refresh_search();
    }

    /// New results for a changed query, from the best one.
    fn refresh_search(&mut self) {
        self.refresh_entries();
        self.cursor = self.nearest_session(0, 1);
        self.tops.sessions = 0;
        self.details_scroll = 0;
    }

    /// Opens the result under the cursor: its details, with the results still listed (to star
    /// or read another). `/` types on; Esc goes back to before the search.
    pub(super) fn search_accept(&mut self) {
        if self.selected_index().is_none() {
            // Nothing found: keep typing.
            return;
        }
        if let Some(search) = &mut self.search {
            search.typing = false;
        }
        self.focus = Pane::Details;
    }

    /// Leaves the search: the view, day, selection and pane from before it.
    pub(super) fn search_cancel(&mut self) {
        let Some(search) = self.search.take() else {
            return;
        };
        let before = search.before;
        self.view = before.view;
        self.day = before.day;
        self.focus = before.focus;
        self.refresh_entries();
        if let Some(row) = before.session.and_then(|s| self.row_of(s)) {
            self.cursor = row;
        }
    }

    /// The row of the sessions pane that shows `session`.
    pub(super) fn row_of(&self, session: usize) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.session() == Some(session))
    }
}
