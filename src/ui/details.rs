//! The details pane: the text the app lays out for it, at the scroll the app keeps.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{pane_block, sheet};
use crate::action::Pane;
use crate::app::App;
use crate::app::sheets::last_top;
use crate::tr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(
        app,
        Pane::Details,
        Line::from(format!(" {} ", tr!("pane.details"))),
    );
    let inner = block.inner(area);
    let lines = app.details_lines(inner.width);
    let scroll = app
        .details_scroll()
        .min(last_top(lines.len(), inner.height));
    let paragraph = Paragraph::new(sheet::lines(&lines))
        .block(block)
        .scroll((scroll, 0));
    frame.render_widget(paragraph, area);
}
