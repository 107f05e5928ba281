//! The `?` overlay: every key, read from the keymap table, grouped by where it works (the app
//! lays out the text).

use ratatui::Frame;

use super::popup;
use crate::action::Action;
use crate::app::App;
use crate::keymap::Context;
use crate::tr;

pub(crate) fn render(app: &App, frame: &mut Frame) {
    let close = app.keymap().keys_in(&Action::ToggleHelp, Context::Help);
    let title = format!(" {} ", tr!("help.title", key = close));
    popup::render(app, frame, title);
}
