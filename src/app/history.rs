//! Going back, and each view's own cursor. A view opened over another (My programme, On now)
//! pushes the place it was opened from; Esc returns there, with the same session selected and
//! the list scrolled as it was. Esc never leaves the app.

use super::{App, Browse, Pane, View, info_status};
use crate::tr;

/// Where the user was: what the sessions pane listed, what was selected and focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    view: View,
    day: usize,
    browse: Browse,
    session: Option<usize>,
    top: usize,
    focus: Pane,
}

/// The places Esc goes back to, the latest last, and the session each view had selected when
/// it was left.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trail {
    places: Vec<Place>,
    cursors: Vec<(View, usize)>,
}

impl App {
    /// Esc: the first of these that applies. An overlay closes; a search is left; the details
    /// give the keys back to the list; a view returns to the place it was opened from. (A
    /// full-screen page opened over a view is a place too: push with [`App::push_place`] when it
    /// opens, and Esc comes back through [`App::go_back`].)
    pub(super) fn back(&mut self) {
        if self.overlay.is_some() {
            self.overlay = None;
        } else if self.search.is_some() {
            self.search_cancel();
        } else if self.focus == Pane::Details {
            self.focus = Pane::Sessions;
        } else if !self.go_back() {
            let quit = self
                .keymap
                .key_for(&super::Action::Quit)
                .unwrap_or_default();
            self.status = Some(info_status(tr!("status.nothing_back", key = quit)));
        }
    }

    /// Whether Esc has something to do now; the status bar offers it only then.
    pub(super) fn can_go_back(&self) -> bool {
        self.overlay.is_some()
            || self.search.is_some()
            || self.focus == Pane::Details
            || !self.trail.places.is_empty()
    }

    /// Remembers where the user is, for Esc to come back to. A place already on the trail for
    /// the same view is gone back past, so going round the views never makes the trail longer
    /// than there are views.
    pub(super) fn push_place(&mut self) {
        let here = self.place();
        if let Some(at) = self.trail.places.iter().position(|p| p.view == here.view) {
            self.trail.places.truncate(at);
        }
        self.trail.places.push(here);
    }

    /// Returns to the last place remembered; false when there is none.
    pub(super) fn go_back(&mut self) -> bool {
        let Some(place) = self.trail.places.pop() else {
            return false;
        };
        self.remember_cursor();
        self.view = place.view;
        self.day = place.day;
        self.browse = place.browse;
        self.focus = place.focus;
        self.refresh_entries();
        let row = place.session.and_then(|s| self.row_of(s));
        self.cursor = row.unwrap_or_else(|| self.nearest_session(0, 1));
        self.tops.sessions = place.top;
        self.details_scroll = 0;
        true
    }

    /// A fresh start somewhere new (another day, room or speaker): nothing to go back to.
    pub(super) fn forget_places(&mut self) {
        self.trail.places.clear();
    }

    fn place(&self) -> Place {
        Place {
            view: self.view,
            day: self.day,
            browse: self.browse,
            session: self.selected_index(),
            top: self.tops.sessions,
            focus: self.focus,
        }
    }

    /// Notes the session the current view has selected, to select it again when the view is
    /// opened again.
    pub(super) fn remember_cursor(&mut self) {
        let Some(session) = self.selected_index() else {
            return;
        };
        let view = self.view;
        self.trail.cursors.retain(|(v, _)| *v != view);
        self.trail.cursors.push((view, session));
    }

    /// The session `view` had selected when it was last left.
    pub(super) fn remembered(&self, view: View) -> Option<usize> {
        self.trail
            .cursors
            .iter()
            .find(|(v, _)| *v == view)
            .map(|(_, s)| *s)
    }
}
