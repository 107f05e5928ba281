//! The line of pane names shown when only one pane fits; the current one is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style;
use crate::action::Pane;
use crate::app::App;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let spans = Pane::ALL.into_iter().flat_map(|pane| {
        let name = pane.title();
        if pane == app.focus() {
            [
                Span::styled(format!("[{name}]"), style::FOCUSED_BORDER),
                Span::raw(" "),
            ]
        } else {
            [
                Span::styled(format!(" {name} "), style::DIM),
                Span::raw(" "),
            ]
        }
    });
    frame.render_widget(spans.collect::<Line>(), area);
}
