//! The days pane: one row per programme day, with its number of sessions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{dates, list::ListView, pane_block, style};
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
        Line::from(vec![
            Span::raw(format!(" {} ", dates::day_name(day, i))),
            Span::styled(format!("({})", day.sessions.len()), style::DIM),
        ])
    });
}
