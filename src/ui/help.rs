//! The `?` overlay: every key, read from the keymap table, grouped by where it works.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::style;
use crate::action::Pane;
use crate::app::App;
use crate::keymap::{self, BINDINGS, Scope};

const SECTIONS: [(Scope, &str); 6] = [
    (Scope::Global, "Everywhere"),
    (Scope::In(Pane::Days), "Days"),
    (Scope::In(Pane::Sessions), "Sessions"),
    (Scope::In(Pane::Details), "Details"),
    (Scope::In(Pane::Themes), "Themes"),
    (Scope::Help, "This help"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [popup] = Layout::horizontal([Constraint::Max(72)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Percentage(90)])
        .flex(Flex::Center)
        .areas(popup);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(style::FOCUSED_BORDER)
        .title(" Keys — Esc or ? closes ");
    let paragraph = Paragraph::new(lines())
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((app.help_scroll(), 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(paragraph, popup);
}

/// The help text: a section per scope, a line per binding.
pub fn lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (scope, title) in SECTIONS {
        lines.push(Line::styled(title, style::TITLE));
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<18}", keymap::keys_label(binding.keys)),
                    style::KEY,
                ),
                Span::raw(binding.description),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Mouse", style::TITLE));
    lines.push(Line::raw(
        "  click selects and focuses; the wheel scrolls the pane under it",
    ));
    lines
}
