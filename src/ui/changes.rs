//! The list of changes to the user's programme since they last looked: starred sessions that
//! moved, were renamed or were cancelled in a newer version of the programme.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::sheet::Sheet;
use super::{popup, style};
use crate::action::Action;
use crate::app::App;
use crate::keymap::{self, Context};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let close = keymap::active(Context::Changes)
        .find(|b| b.action == Action::DismissChanges)
        .map(|b| keymap::keys_label(b.keys))
        .unwrap_or_default();
    let title = format!(" Changes to your programme — {close}: seen ");
    popup::render(app, frame, area, title, |width| lines(app, width));
}

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let mut sheet = Sheet::new(width);
    sheet.text(&format!(
        "{} has changed since you starred these sessions:",
        app.programme().title
    ));
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
    sheet.styled(
        "Cancelled sessions stay starred, listed in My programme, in case they come back.",
        style::DIM,
    );
    sheet.into_lines()
}
