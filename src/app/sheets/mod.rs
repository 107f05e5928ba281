//! The text of the details pane and of the overlays, laid out at the width they are shown at.
//! The app lays them out to know how far they scroll; the screen draws the same lines.

mod about;
mod details;
mod overlays;

pub(crate) use details::session_links;

use std::borrow::Cow;

use ratatui::layout::Rect;

use crate::action::Pane;
use crate::model::Level;
use crate::text::sheet::{Piece, Sheet, SheetLine, Tone};
use crate::text::symbols;

use super::layout::inside_border;
use super::{App, Overlay};

impl App {
    /// What the details pane says, laid out at `width`.
    pub(crate) fn details_lines(&self, width: u16) -> Vec<SheetLine> {
        let mut sheet = Sheet::new(width);
        details::sheet(self, &mut sheet);
        sheet.into_lines()
    }

    /// What the open overlay says, laid out at `width` (nothing when none is open). The help
    /// is laid out once per width (see [`App::lay_out_help`]) and lent.
    pub(crate) fn overlay_lines(&self, width: u16) -> Cow<'_, [SheetLine]> {
        match self.overlay {
            Some(Overlay::Help) if self.help_text.width == width => {
                Cow::Borrowed(&self.help_text.lines)
            }
            Some(Overlay::Help) => Cow::Owned(overlays::help(self, width)),
            Some(Overlay::Changes) => Cow::Owned(overlays::changes(self, width)),
            Some(Overlay::Links) => Cow::Owned(overlays::links(self, width)),
            None => Cow::Borrowed(&[]),
        }
    }

    /// Lays out the help for the overlay's width while it is open: the help changes only with
    /// the width, and laying it out each frame made drawing it slower than it need be.
    pub(super) fn lay_out_help(&mut self) {
        if self.overlay != Some(Overlay::Help) {
            return;
        }
        let width = inside_border(self.areas().overlay).width;
        if self.help_text.width != width || self.help_text.lines.is_empty() {
            let lines = overlays::help(self, width);
            self.help_text = LaidOut { width, lines };
        }
    }

    /// Where the details are read now, inside their border: the whole-screen page, or the
    /// details pane when it is on screen.
    pub(crate) fn details_inner(&self) -> Option<Rect> {
        if self.reading.page {
            Some(inside_border(self.page_area()))
        } else {
            self.areas().pane(Pane::Details).map(inside_border)
        }
    }

    /// The last useful scroll of the details, for the text they show now where they are read.
    pub(super) fn details_last(&self) -> u16 {
        let Some(inner) = self.details_inner() else {
            return 0;
        };
        last_top(self.details_lines(inner.width).len(), inner.height)
    }

    /// The same for the open overlay.
    pub(super) fn overlay_last(&self) -> u16 {
        let inner = inside_border(self.areas().overlay);
        last_top(self.overlay_lines(inner.width).len(), inner.height)
    }
}

/// Lines laid out at a width.
#[derive(Debug, Default)]
pub(crate) struct LaidOut {
    width: u16,
    lines: Vec<SheetLine>,
}

/// The scroll at which the last of `lines` reaches the bottom of `height` rows: as far as text
/// scrolls.
pub(crate) fn last_top(lines: usize, height: u16) -> u16 {
    u16::try_from(lines.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
}

/// The mark of a star level, for lists and sheets alike.
pub(crate) fn star_mark(level: Option<Level>) -> Piece {
    match level {
        Some(Level::Must) => Piece::new(symbols::STAR_SYMBOL, Tone::Star),
        Some(Level::Maybe) => Piece::new(symbols::MAYBE_SYMBOL, Tone::Star),
        None => Piece::plain(" "),
    }
}
