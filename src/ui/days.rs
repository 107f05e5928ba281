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
    let largest = programme.days.iter().map(|d| d.sessions.len()).max();
    let width = digits(largest.unwrap_or(0));
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
            suffix: Some(count(day.sessions.len(), width)),
        }
    });
}

/// A number of sessions at the right edge of a row, right-aligned to `digits` so the numbers of
/// a list line up.
pub fn count(n: usize, digits: usize) -> Span<'static> {
    Span::styled(format!(" {n:>digits$} "), style::DIM)
}

/// How many digits the largest number has.
pub fn digits(largest: usize) -> usize {
    largest.to_string().len()
}
