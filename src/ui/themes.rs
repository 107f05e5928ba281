//! The themes pane: "all themes" and then each theme, the active filter marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::days::{count, digits};
use super::list::{ListView, Row};
use super::{pane_block, style};
use crate::action::Pane;
use crate::app::App;

/// Marks the theme the sessions are filtered by.
const ACTIVE: &str = "●";

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let programme = app.programme();
    let filter = app.theme_filter();
    let largest = (0..programme.themes.len())
        .map(|t| app.theme_count(t))
        .max();
    let width = digits(largest.unwrap_or(0));
    ListView {
        block: pane_block(app, Pane::Themes, Line::from(" Themes ")),
        len: programme.themes.len() + 1,
        selected: Some(app.theme_cursor()),
        focused: app.focus() == Pane::Themes,
        offset: &app.offsets.themes,
        empty: "",
    }
    .render(frame, area, |row| {
        let theme = row.checked_sub(1);
        let active = theme == filter;
        let mark = if active {
            Span::styled(ACTIVE, style::ACTIVE_FILTER)
        } else {
            Span::raw(" ")
        };
        let name = match theme {
            None => Span::raw(" All themes"),
            Some(t) => Span::raw(format!(" {}", programme.themes[t].name)),
        };
        Row {
            line: Line::from(vec![mark, name]),
            suffix: theme.map(|t| count(app.theme_count(t), width)),
        }
    });
}
