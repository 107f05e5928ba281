//! The status bar: a message when there is one, else the keys that matter here (from the keymap).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::style;
use crate::app::App;
use crate::keymap;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let filter = filter_note(app);
    let filter_width = u16::try_from(filter.width()).unwrap_or(u16::MAX);
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(filter_width),
    ]));
    let left_line = match app.status() {
        Some(status) if status.is_error => Line::styled(status.text.clone(), style::ERROR),
        Some(status) => Line::raw(status.text.clone()),
        None => hints_line(app),
    };
    frame.render_widget(left_line, left);
    frame.render_widget(filter, right);
}

fn hints_line(app: &App) -> Line<'static> {
    let mut spans = Vec::new();
    for (keys, word) in keymap::hints(app.context()) {
        spans.push(Span::styled(keys, style::KEY));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    Line::from(spans)
}

/// The active theme filter, so a shortened list is never a mystery.
fn filter_note(app: &App) -> Line<'static> {
    let programme = app.programme();
    match app.theme_filter().and_then(|t| programme.themes.get(t)) {
        Some(theme) => Line::from(vec![
            Span::styled(format!(" ● {} ", theme.name), style::ACTIVE_FILTER),
            Span::styled("c", style::KEY),
            Span::raw(" clear "),
        ]),
        None => Line::raw(""),
    }
}
