//! The status bar: a message when there is one, else the keys that matter here (from the keymap).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::list::truncate;
use super::style;
use crate::app::App;
use crate::keymap;
use unicode_width::UnicodeWidthStr;

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
    let width = usize::from(left.width);
    let left_line = match app.status() {
        Some(status) if status.is_error => {
            truncate(Line::styled(status.text.clone(), style::ERROR), width)
        }
        Some(status) => truncate(Line::raw(status.text.clone()), width),
        None => hints_line(app, width),
    };
    frame.render_widget(left_line, left);
    frame.render_widget(filter, right);
}

/// As many whole hints as fit, most important first (the keymap's order).
fn hints_line(app: &App, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, word) in keymap::hints(app.context()) {
        let word = format!(" {word}  ");
        let needed = keys.width() + word.trim_end().width();
        if used + needed > width {
            break;
        }
        used += needed + 2;
        spans.push(Span::styled(keys, style::KEY));
        spans.push(Span::raw(word));
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
