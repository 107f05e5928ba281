//! A window over the main screen with text that scrolls (the help, the changes list).

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::style;
use crate::app::App;

/// Draws `lines` (made for the popup's inner width) in a centred, double-bordered window.
pub fn render(
    app: &App,
    frame: &mut Frame,
    title: String,
    lines: impl FnOnce(u16) -> Vec<Line<'static>>,
) {
    let popup = app.areas().overlay;
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(style::FOCUSED_BORDER)
        .title(title);
    let inner = block.inner(popup);
    let lines = lines(inner.width);
    // Scrolling stops where the last line reaches the bottom.
    let last_top = lines.len().saturating_sub(usize::from(inner.height));
    app.offsets
        .help_last
        .set(u16::try_from(last_top).unwrap_or(u16::MAX));
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((app.help_scroll().min(app.offsets.help_last.get()), 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(paragraph, popup);
}
