//! A window over the main screen with text that scrolls (the help, the changes list): the text
//! the app lays out for the open overlay, where the app's layout puts it.

use ratatui::Frame;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::{sheet, style};
use crate::app::App;
use crate::app::sheets::last_top;

/// Draws the open overlay's text in a centred, double-bordered window titled `title`.
pub(crate) fn render(app: &App, frame: &mut Frame, title: String) {
    let popup = app.areas().overlay;
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(style::FOCUSED_BORDER)
        .title(title);
    let inner = block.inner(popup);
    let lines = app.overlay_lines(inner.width);
    let scroll = app.help_scroll().min(last_top(lines.len(), inner.height));
    let paragraph = Paragraph::new(sheet::lines(&lines))
        .block(block)
        .scroll((scroll, 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(paragraph, popup);
}
