//! A sheet's lines (laid out by the app, see [`crate::text::sheet`]) as the screen draws them:
//! each tone in its style.

use ratatui::text::{Line, Span};

use super::style;
use crate::text::sheet::{Piece, SheetLine};

/// The lines as drawn, borrowing their text.
pub(crate) fn lines(lines: &[SheetLine]) -> Vec<Line<'_>> {
    lines.iter().map(line).collect()
}

fn line(line: &SheetLine) -> Line<'_> {
    Line::from(line.pieces.iter().map(borrowed).collect::<Vec<_>>()).style(style::of(line.tone))
}

fn borrowed(piece: &Piece) -> Span<'_> {
    Span::styled(piece.text.as_str(), style::of(piece.tone))
}

/// A piece of text in its style.
pub(crate) fn span(piece: Piece) -> Span<'static> {
    Span::styled(piece.text, style::of(piece.tone))
}
