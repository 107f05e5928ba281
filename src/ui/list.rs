//! A list that builds only the rows it shows, from the first row the app says is in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::style;

/// One row: its text, and an optional note kept at the right edge (a count, a room).
pub(crate) struct Row {
    pub line: Line<'static>,
    pub suffix: Option<Span<'static>>,
}

impl From<Line<'static>> for Row {
    fn from(line: Line<'static>) -> Self {
        Self { line, suffix: None }
    }
}

/// What a list needs to draw itself.
pub(crate) struct ListView<'a> {
    pub block: Block<'a>,
    pub len: usize,
    pub selected: Option<usize>,
    pub focused: bool,
    /// The first row shown (the app keeps the selection in view).
    pub offset: usize,
    /// Shown when the list is empty.
    pub empty: &'a str,
}

impl ListView<'_> {
    /// Draws rows `offset..offset + height`, asking `row` for each.
    pub(crate) fn render(self, frame: &mut Frame, area: Rect, row: impl Fn(usize) -> Row) {
        let inner = self.block.inner(area);
        frame.render_widget(self.block, area);
        if inner.is_empty() {
            return;
        }
        if self.len == 0 {
            // Wrapped: an empty state says what to do, and is read whole in a narrow pane.
            let empty = Paragraph::new(self.empty)
                .style(style::DIM)
                .wrap(Wrap { trim: true });
            frame.render_widget(empty, inner);
            return;
        }
        let height = usize::from(inner.height);
        let offset = self.offset;
        let width = usize::from(inner.width);
        let rows: Vec<(usize, Row)> = (offset..self.len.min(offset + height))
            .map(|index| (index, row(index)))
            .collect();
        let suffix_width = suffix_column(&rows, width);
        for (line_no, (index, Row { mut line, suffix })) in rows.into_iter().enumerate() {
            let selected = self.selected == Some(index);
            let marker = if selected { style::CURSOR_SYMBOL } else { " " };
            line.spans.insert(0, Span::raw(marker));
            let mut line = fit(line, suffix, width, suffix_width);
            if selected {
                line = line.style(if self.focused {
                    style::SELECTED_FOCUSED
                } else {
                    style::SELECTED
                });
            }
            let y = inner.y + u16::try_from(line_no).unwrap_or(u16::MAX);
            frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
        }
    }
}

/// The notes at the right edge line up in one column as wide as the widest shown; the rows'
/// own text (a title) comes first, so where both do not fit the column is cut, to no less than
/// a sixth of the width (never cutting a short note such as a count).
fn suffix_column(rows: &[(usize, Row)], width: usize) -> usize {
    let widest = |of: fn(&Row) -> usize| rows.iter().map(|(_, r)| of(r)).max().unwrap_or(0);
    let notes = widest(|r| r.suffix.as_ref().map_or(0, Span::width));
    // The cursor column comes before each row's text.
    let texts = widest(|r| r.line.width() + 1);
    let least = (width / 6).max(SHORT_NOTE).min(notes);
    notes.min(width.saturating_sub(texts)).max(least)
}

/// A note this short (a count) is never cut.
const SHORT_NOTE: usize = 6;

/// The line cut to `width` with an ellipsis where text is lost, and the suffix at the start of a
/// column of `suffix_width` at the right edge (cut to fit it), so suffixes line up.
pub(crate) fn fit(
    line: Line<'static>,
    suffix: Option<Span<'static>>,
    width: usize,
    suffix_width: usize,
) -> Line<'static> {
    // A row without a suffix (a heading, a gap) may use the whole width.
    let column = if width >= 12 && suffix.is_some() {
        suffix_width.min(width)
    } else {
        0
    };
    let suffix = suffix
        .filter(|_| column > 0)
        .map(|s| truncate(Line::from(s), column));
    let room = width - column;
    let mut line = truncate(line, room);
    if let Some(suffix) = suffix {
        let gap = room.saturating_sub(line.width());
        line.spans.push(Span::raw(" ".repeat(gap)));
        line.spans.extend(suffix.spans);
    }
    line
}

/// Cuts a line to `width` columns, ending in `…` when something was cut.
pub(crate) fn truncate(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut left = width.saturating_sub(1);
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in line.spans {
        let w = span.width();
        if w <= left {
            left -= w;
            spans.push(span);
            continue;
        }
        spans.push(Span::styled(cut(&span.content, left), span.style));
        break;
    }
    if width > 0 {
        spans.push(Span::raw("…"));
    }
    Line::from(spans).style(line.style)
}

/// The longest prefix of `text` that fits in `width` columns.
fn cut(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.to_string().width();
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn long_rows_end_in_an_ellipsis_and_keep_their_suffix() {
        let line = Line::from(vec![Span::raw("Inkluderende "), Span::raw("samfunnsliv")]);
        let fitted = fit(line.clone(), Some(Span::raw(" 12")), 16, 3);
        assert_eq!(text(&fitted), "Inkluderende… 12");
        assert_eq!(fitted.width(), 16);
        assert_eq!(
            text(&fit(line.clone(), Some(Span::raw(" 12")), 30, 3)),
            format!("{:<27} 12", "Inkluderende samfunnsliv")
        );
        assert_eq!(
            text(&fit(line.clone(), Some(Span::raw(" 12")), 6, 3)),
            "Inklu…",
            "no room for the suffix"
        );
        let long_room = Some(Span::raw("  Auditorium Maximum "));
        assert_eq!(
            text(&fit(line.clone(), long_room, 24, 8)),
            "Inkluderende sa…  Audit…"
        );
        assert_eq!(text(&truncate(line, 0)), "");
    }

    #[test]
    fn wide_characters_are_never_split() {
        let fitted = truncate(Line::raw("中文中文"), 4);
        assert_eq!(text(&fitted), "中…");
        assert!(fitted.width() <= 4);
    }
}
