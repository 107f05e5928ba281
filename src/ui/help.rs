//! The `?` overlay: every key, read from the keymap table, grouped by where it works.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::popup;
use super::sheet::Sheet;
use super::style;
use crate::action::{Action, Pane};
use crate::app::App;
use crate::keymap::{self, Context, Keymap, Scope};
use crate::tr;

/// The sections of the help: where the keys work, and the language file's key for its title.
const SECTIONS: [(Scope, &str); 8] = [
    (Scope::Global, "help.everywhere"),
    (Scope::In(Pane::Browse), "help.browse"),
    (Scope::In(Pane::Sessions), "pane.sessions"),
    (Scope::In(Pane::Details), "pane.details"),
    (Scope::In(Pane::Filters), "pane.filters"),
    (Scope::Search, "help.search"),
    (Scope::Changes, "help.changes"),
    (Scope::Help, "help.help"),
];

pub fn render(app: &App, frame: &mut Frame) {
    let close = app.keymap().keys_in(&Action::ToggleHelp, Context::Help);
    let title = format!(" {} ", tr!("help.title", key = close));
    let config = app
        .config_dir()
        .map(|dir| crate::text::shown_path(&dir.join(crate::config::FILE_NAME)));
    popup::render(app, frame, title, |width| {
        let mut lines = lines(app.keymap(), width);
        if let Some(path) = &config {
            let mut sheet = Sheet::new(width);
            sheet.blank();
            sheet.styled(&tr!("help.config", path = path), style::DIM);
            lines.extend(sheet.into_lines());
        }
        lines
    });
}

/// The help text at a width: a section per scope, a line per binding, descriptions wrapping
/// beside their keys.
pub fn lines(keymap: &Keymap, width: u16) -> Vec<Line<'static>> {
    let mut sheet = Sheet::with_labels(width, KEYS_WIDTH);
    for (scope, title) in SECTIONS {
        sheet.heading(crate::i18n::t(title));
        for binding in keymap.bindings().iter().filter(|b| b.scope() == scope) {
            let keys = if binding.keys.is_empty() {
                Span::styled(format!("  ({})", tr!("help.no_key")), style::DIM)
            } else {
                Span::styled(
                    format!("  {}", keymap::keys_label(&binding.keys)),
                    style::KEY,
                )
            };
            sheet.labelled(keys, vec![Span::raw(binding.description())]);
        }
        sheet.blank();
    }
    sheet.heading(tr!("help.mouse"));
    sheet.labelled(
        Span::styled(format!("  {}", tr!("help.click")), style::KEY),
        vec![Span::raw(tr!("help.click_does"))],
    );
    sheet.labelled(
        Span::styled(format!("  {}", tr!("help.wheel")), style::KEY),
        vec![Span::raw(tr!("help.wheel_does"))],
    );
    sheet.into_lines()
}

/// The column the keys take, before their descriptions.
const KEYS_WIDTH: usize = 20;
