//! The list of changes to the user's programme since they last looked: starred sessions that
//! moved, were renamed or were cancelled in a newer version of the programme (the app lays out
//! the text).

use ratatui::Frame;

use super::popup;
use crate::action::Action;
use crate::app::App;
use crate::keymap::Context;
use crate::tr;

pub(crate) fn render(app: &App, frame: &mut Frame) {
    let keys = |action: &Action| app.keymap().keys_in(action, Context::Changes);
    let title = format!(
        " {} ",
        tr!(
            "changes.view_title",
            key = keys(&Action::DismissChanges),
            close = keys(&Action::Back)
        )
    );
    popup::render(app, frame, title);
}
