//! The filters pane: themes, then parts and rooms; the filters in force are marked `●`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::browse::{count, digits};
use super::list::{ListView, Row};
use super::{pane_block, style};
use crate::action::Pane;
use crate::app::filters::FilterKind;
use crate::app::{App, FilterRow};
use crate::tr;

/// Marks a filter in force.
const ACTIVE: &str = "●";

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let programme = app.programme();
    let rows = app.filter_rows();
    let counts = app.counts();
    let largest = [&counts.themes, &counts.parts, &counts.rooms]
        .into_iter()
        .flatten()
        .copied()
        .max();
    let width = digits(largest.unwrap_or(0));
    ListView {
        block: pane_block(
            app,
            Pane::Filters,
            Line::from(format!(" {} ", tr!("pane.filters"))),
        ),
        len: rows.len(),
        selected: Some(app.filter_cursor()),
        focused: app.focus() == Pane::Filters,
        offset: app.tops().filters,
        empty: "",
    }
    .render(frame, area, |row| {
        let row = rows[row];
        let (name, n) = match row {
            FilterRow::Heading(kind) => return heading(kind),
            FilterRow::AllThemes => (tr!("about.all_themes").to_string(), None),
            FilterRow::Theme(t) => (
                programme.themes[t].name.clone(),
                counts.themes.get(t).copied(),
            ),
            FilterRow::Part(p) => (
                programme.parts[p].name.clone(),
                counts.parts.get(p).copied(),
            ),
            FilterRow::Room(r) => (programme.rooms[r].clone(), counts.rooms.get(r).copied()),
        };
        let mark = if app.filter_row_active(row) {
            Span::styled(ACTIVE, style::ACTIVE_FILTER)
        } else {
            Span::raw(" ")
        };
        Row {
            line: Line::from(vec![mark, Span::raw(format!(" {name}"))]),
            suffix: n.map(|n| count(n, width)),
        }
    });
}

fn heading(kind: FilterKind) -> Row {
    let text = match kind {
        FilterKind::Themes => tr!("field.themes"),
        FilterKind::Parts => tr!("field.parts"),
        FilterKind::Rooms => tr!("browse.rooms"),
    };
    Row::from(Line::styled(format!("── {text}"), style::HEADING))
}
