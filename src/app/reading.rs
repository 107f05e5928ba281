//! Reading a session: the other sessions of its slot folded or opened, the whole screen to read
//! it on, and its web links opened in the system's browser (the loop does the opening; here
//! the address is checked and the outcome told).

use ratatui::layout::Rect;

use super::{App, Effect, Overlay, error_status, info_status};
use crate::action::Pane;
use crate::text::links;
use crate::tr;

/// How the selected session is read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Reading {
    /// Whether the other sessions of its slot are listed (else one line with their count).
    pub(super) slot_open: bool,
    /// Whether it fills the screen.
    pub(super) page: bool,
    /// The row of the links chooser under its cursor.
    pub(super) link_cursor: usize,
}

impl App {
    /// Whether the other sessions of the selected one's slot are listed in full.
    pub fn slot_open(&self) -> bool {
        self.reading.slot_open
    }

    /// Whether the selected session fills the screen to be read.
    pub fn is_reading(&self) -> bool {
        self.reading.page
    }

    /// The row of the links chooser under its cursor.
    pub fn link_cursor(&self) -> usize {
        self.reading.link_cursor
    }

    /// Opens or folds the list of the other sessions in the slot.
    pub(super) fn toggle_slot(&mut self) {
        self.reading.slot_open = !self.reading.slot_open;
    }

    /// Shows the selected session on the whole screen, or goes back from it to the panes.
    pub(super) fn toggle_reading(&mut self) {
        if self.reading.page {
            self.reading.page = false;
        } else if self.selected_index().is_some() {
            self.reading.page = true;
            if !matches!(self.focus, Pane::Sessions | Pane::Details) {
                self.focus = Pane::Details;
            }
        }
    }

    /// Where the page is read: the whole screen between the header and the status bar.
    pub(crate) fn page_area(&self) -> Rect {
        let areas = self.areas();
        let top = areas.header.bottom();
        let bottom = areas.status.y.max(top);
        Rect::new(0, top, self.size.0, bottom - top)
    }

    /// The session's web links, each with its label, in the order shown.
    pub(crate) fn links_of_selected(&self) -> Vec<(String, String)> {
        self.selected_session()
            .map(|s| {
                super::sheets::session_links(s)
                    .map(|(label, url)| (label.to_string(), url.to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Opens the session's link: at once when it has one, through the chooser when it has
    /// several (and from the chooser, the one under its cursor).
    pub(super) fn open_link(&mut self) -> Vec<Effect> {
        let links = self.links_of_selected();
        if self.overlay == Some(Overlay::Links) {
            self.overlay = None;
            return links
                .get(self.reading.link_cursor)
                .map(|(_, url)| self.open_url(url))
                .unwrap_or_default();
        }
        match links.as_slice() {
            [] => {
                self.status = Some(info_status(tr!("status.no_link").into()));
                Vec::new()
            }
            [(_, url)] => self.open_url(url),
            _ => {
                self.overlay = Some(Overlay::Links);
                self.reading.link_cursor = 0;
                Vec::new()
            }
        }
    }

    /// Asks the loop to open `url` if it is a web address that may be opened; else says why not.
    fn open_url(&mut self, url: &str) -> Vec<Effect> {
        match links::openable(url) {
            Ok(url) => vec![Effect::OpenUrl(url)],
            Err(refused) => {
                self.status = Some(error_status(tr!(
                    "status.link_refused",
                    url = crate::text::shorten_for_message(&links::without_credentials(url)),
                    why = refused.reason()
                )));
                Vec::new()
            }
        }
    }

    /// Moves the links chooser's cursor, staying on its rows.
    pub(super) fn step_link(&mut self, delta: isize) {
        let last = self.links_of_selected().len().saturating_sub(1);
        self.reading.link_cursor =
            super::offset_by(self.reading.link_cursor.min(last), delta, last);
    }

    /// The browser was asked to show `url`.
    pub(super) fn opened(&mut self, url: &str) {
        self.status = Some(info_status(tr!("status.opened", url = url)));
    }

    /// The system's opener could not be started for `url`.
    pub(super) fn open_failed(&mut self, url: &str, why: &str) {
        self.status = Some(error_status(tr!(
            "status.not_opened",
            url = url,
            error = why
        )));
    }
}
