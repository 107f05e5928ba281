//! The days pane: one row per programme day, with its number of sessions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{ListView, Row};
use super::{dates, pane_block, style};
use crate::action::Pane;
use crate::app::{App, View};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let programme = app.programme();
    let selected = (app.view() == View::Day).then_some(app.day());
    ListView {
        block: pane_block(app, Pane::Days, Line::from(" Days ")),
        len: programme.days.len(),
        selected,
        focused: app.focus() == Pane::Days,
        offset: &app.offsets.days,
        empty: "No days in this programme",
    }
    .render(frame, area, |i| {
        let day = &programme.days[i];
        Row {
            line: Line::raw(format!(" {}", dates::day_name(day, i))),
            suffix: Some(count(day.sessions.len())),
        }
    });
}

/// A number of sessions, kept at the right edge of a row.
pub fn count(n: usize) -> Span<'static> {
    Span::styled(format!(" {n} "), style::DIM)
}
