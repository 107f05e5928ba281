//! A list that builds only the rows it shows, and keeps the selection in view.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::style;

/// What a list needs to draw itself.
pub struct ListView<'a> {
    pub block: Block<'a>,
    pub len: usize,
    pub selected: Option<usize>,
    pub focused: bool,
    /// The first visible row, kept between frames.
    pub offset: &'a Cell<usize>,
    /// Shown when the list is empty.
    pub empty: &'a str,
}

impl ListView<'_> {
    /// Draws rows `offset..offset + height`, asking `row` for each.
    pub fn render(self, frame: &mut Frame, area: Rect, row: impl Fn(usize) -> Line<'static>) {
        let inner = self.block.inner(area);
        frame.render_widget(self.block, area);
        if inner.is_empty() {
            return;
        }
        if self.len == 0 {
            frame.render_widget(Paragraph::new(self.empty).style(style::DIM), inner);
            return;
        }
        let height = usize::from(inner.height);
        let offset = keep_in_view(self.offset.get(), self.selected, height, self.len);
        self.offset.set(offset);
        for (line_no, index) in (offset..self.len.min(offset + height)).enumerate() {
            let selected = self.selected == Some(index);
            let marker = if selected { style::CURSOR_SYMBOL } else { " " };
            let mut line = row(index);
            line.spans.insert(0, Span::raw(marker));
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

/// The first row to show so that `selected` is visible and no space is wasted at the end.
pub fn keep_in_view(offset: usize, selected: Option<usize>, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let mut offset = offset.min(len.saturating_sub(height));
    if let Some(selected) = selected {
        if selected < offset {
            offset = selected;
        } else if selected >= offset + height {
            offset = selected + 1 - height;
        }
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::keep_in_view;

    #[test]
    fn selection_stays_in_view_without_jumping() {
        assert_eq!(keep_in_view(0, Some(3), 5, 100), 0);
        assert_eq!(keep_in_view(0, Some(7), 5, 100), 3);
        assert_eq!(keep_in_view(3, Some(6), 5, 100), 3);
        assert_eq!(keep_in_view(3, Some(2), 5, 100), 2);
        assert_eq!(keep_in_view(90, Some(2), 5, 10), 2);
        assert_eq!(keep_in_view(9, None, 5, 10), 5);
        assert_eq!(keep_in_view(4, Some(1), 0, 10), 0);
    }
}
