//! The list of changes to the user's programme since they last looked: starred sessions that
//! moved, were renamed or were cancelled in a newer version of the programme.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::sheet::Sheet;
use super::{popup, style};
use crate::action::Action;
use crate::app::App;
use crate::keymap::Context;
use crate::tr;

pub fn render(app: &App, frame: &mut Frame) {
    let close = app
        .keymap()
        .keys_in(&Action::DismissChanges, Context::Changes);
    let title = format!(" {} ", tr!("changes.title", key = close));
    popup::render(app, frame, title, |width| lines(app, width));
}

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let mut sheet = Sheet::new(width);
    sheet.text(&tr!("changes.intro", programme = app.programme().title));
    sheet.blank();
    for change in app.changes() {
        let (mark, mark_style) = if change.is_cancelled() {
            (style::CANCELLED_SYMBOL, style::CLASH)
        } else {
            ("~", style::STAR)
        };
        let text = Span::raw(change.describe());
        sheet.push_spans(
            vec![Span::styled(format!("{mark} "), mark_style), text],
            "  ",
        );
    }
    sheet.blank();
    sheet.styled(tr!("changes.cancelled_note"), style::DIM);
    sheet.into_lines()
}
