//! A sheet's lines (laid out by the app, see [`crate::text::sheet`]) as the screen draws them:
//! each tone in its style.

use ratatui::text::{Line, Span};

use super::style;
use crate::text::sheet::{Piece, SheetLine};

/// The lines as drawn.
pub(crate) fn lines(lines: Vec<SheetLine>) -> Vec<Line<'static>> {
    lines.into_iter().map(line).collect()
}

fn line(line: SheetLine) -> Line<'static> {
    Line::from(line.pieces.into_iter().map(span).collect::<Vec<_>>()).style(style::of(line.tone))
}

/// A piece of text in its style.
pub(crate) fn span(piece: Piece) -> Span<'static> {
    Span::styled(piece.text, style::of(piece.tone))
}
