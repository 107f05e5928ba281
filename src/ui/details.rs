//! The details pane, and the same text on the whole screen to read it: the text the app lays
//! out, at the scroll the app keeps, with how far it has been read when it does not all fit.

use std::num::NonZeroU16;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::{pane_block, sheet, style};
use crate::action::{Action, Pane};
use crate::app::App;
use crate::app::sheets::last_top;
use crate::keymap::Context;
use crate::text::sheet::SheetLine;
use crate::tr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(
        app,
        Pane::Details,
        Line::from(format!(" {} ", tr!("pane.details"))),
    );
    draw(app, frame, area, block);
}

/// The selected session on the whole screen between the header and the status bar.
pub(crate) fn render_page(app: &App, frame: &mut Frame) {
    let area = app.page_area();
    let close = app.keymap().keys_in(&Action::ToggleReading, Context::Page);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(style::FOCUSED_BORDER)
        .title(format!(" {} ", tr!("page.title", key = close)));
    frame.render_widget(Clear, area);
    draw(app, frame, area, block);
}

/// The details in `block` over `area`: scrolled as the app keeps them, the position shown on
/// the bottom border when the text is longer than the space, web addresses made hyperlinks
/// where the terminal shows them.
fn draw(app: &App, frame: &mut Frame, area: Rect, block: Block<'static>) {
    let inner = block.inner(area);
    let lines = app.details_lines(inner.width);
    let scroll = app
        .details_scroll()
        .min(last_top(lines.len(), inner.height));
    let block = match position(lines.len(), scroll, inner.height) {
        Some(read) => block.title_bottom(Line::from(read).alignment(Alignment::Right)),
        None => block,
    };
    let paragraph = Paragraph::new(sheet::lines(&lines))
        .block(block)
        .scroll((scroll, 0));
    frame.render_widget(paragraph, area);
    if app.hyperlinks() {
        mark_links(frame.buffer_mut(), inner, &lines, usize::from(scroll));
    }
}

/// ` 18/48 `: the last line shown of how many, when they do not all fit.
fn position(lines: usize, scroll: u16, height: u16) -> Option<String> {
    let height = usize::from(height);
    if lines <= height || height == 0 {
        return None;
    }
    let last_shown = (usize::from(scroll) + height).min(lines);
    Some(format!(" {last_shown}/{lines} "))
}

/// Makes each cell of a web address shown in `inner` part of a terminal hyperlink (OSC 8) to
/// the whole address. Each cell carries the sequence around its own character and says it is
/// one column wide, so the terminal's cursor and ratatui's diff stay where the text is.
fn mark_links(buffer: &mut Buffer, inner: Rect, lines: &[SheetLine], scroll: usize) {
    let one = NonZeroU16::MIN;
    let shown = lines.iter().skip(scroll).take(usize::from(inner.height));
    for (y, line) in (inner.y..).zip(shown) {
        let mut x = usize::from(inner.x);
        for piece in &line.pieces {
            let width = piece.width();
            if let Some(url) = &piece.link {
                let end = (x + width).min(usize::from(inner.right()));
                for column in x..end {
                    let Ok(column) = u16::try_from(column) else {
                        break;
                    };
                    let Some(cell) = buffer.cell_mut((column, y)) else {
                        continue;
                    };
                    if unicode_width::UnicodeWidthStr::width(cell.symbol()) != 1 {
                        continue;
                    }
                    let symbol = format!("\x1b]8;;{url}\x1b\\{}\x1b]8;;\x1b\\", cell.symbol());
                    cell.set_symbol(&symbol);
                    cell.set_diff_option(CellDiffOption::ForcedWidth(one));
                }
            }
            x += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_position_shows_only_when_the_text_is_longer_than_the_space() {
        assert_eq!(position(10, 0, 20), None);
        assert_eq!(position(48, 0, 18).as_deref(), Some(" 18/48 "));
        assert_eq!(position(48, 30, 18).as_deref(), Some(" 48/48 "));
    }
}
