//! What the overlays say: every key, read from the keymap table and grouped by where it works;
//! and the changes to the user's programme since they last looked.

use crate::action::Pane;
use crate::app::App;
use crate::keymap::{self, Keymap, Scope};
use crate::text::sheet::{Piece, Sheet, SheetLine, Tone};
use crate::text::symbols;
use crate::tr;

/// The sections of the help: where the keys work, and the language file's key for its title.
const SECTIONS: [(Scope, &str); 10] = [
    (Scope::Global, "help.everywhere"),
    (Scope::In(Pane::Browse), "help.browse"),
    (Scope::In(Pane::Sessions), "pane.sessions"),
    (Scope::In(Pane::Details), "pane.details"),
    (Scope::In(Pane::Filters), "pane.filters"),
    (Scope::Page, "help.page"),
    (Scope::Links, "help.links"),
    (Scope::Search, "help.search"),
    (Scope::Changes, "help.changes"),
    (Scope::Help, "help.help"),
];

/// The column the keys take, before their descriptions.
const KEYS_WIDTH: usize = 20;

/// The help at a width, ending with where the keys are changed.
pub(super) fn help(app: &App, width: u16) -> Vec<SheetLine> {
    let mut lines = keys(app.keymap(), width);
    let config = app
        .config_dir()
        .map(|dir| crate::text::shown_path(&dir.join(crate::config::FILE_NAME)));
    if let Some(path) = &config {
        let mut sheet = Sheet::new(width);
        sheet.blank();
        sheet.styled(&tr!("help.config", path = path), Tone::Dim);
        lines.extend(sheet.into_lines());
    }
    lines
}

/// A section per scope, a line per binding, descriptions wrapping beside their keys.
fn keys(keymap: &Keymap, width: u16) -> Vec<SheetLine> {
    let mut sheet = Sheet::with_labels(width, KEYS_WIDTH);
    for (scope, title) in SECTIONS {
        sheet.heading(crate::i18n::t(title));
        for binding in keymap.bindings().iter().filter(|b| b.scope() == scope) {
            let keys = if binding.keys.is_empty() {
                Piece::new(format!("  ({})", tr!("help.no_key")), Tone::Dim)
            } else {
                Piece::new(
                    format!("  {}", keymap::keys_label(&binding.keys)),
                    Tone::Key,
                )
            };
            sheet.labelled(keys, vec![Piece::plain(binding.description())]);
        }
        sheet.blank();
    }
    sheet.heading(tr!("help.mouse"));
    sheet.labelled(
        Piece::new(format!("  {}", tr!("help.click")), Tone::Key),
        vec![Piece::plain(tr!("help.click_does"))],
    );
    sheet.labelled(
        Piece::new(format!("  {}", tr!("help.wheel")), Tone::Key),
        vec![Piece::plain(tr!("help.wheel_does"))],
    );
    sheet.into_lines()
}

/// The selected session's web links, one per row, the one under the cursor marked.
pub(super) fn links(app: &App, width: u16) -> Vec<SheetLine> {
    let mut sheet = Sheet::with_labels(width, 2);
    for (i, (label, url)) in app.links_of_selected().iter().enumerate() {
        let mark = if i == app.link_cursor() {
            Piece::new(symbols::CURSOR_SYMBOL, Tone::Title)
        } else {
            Piece::plain(" ")
        };
        sheet.labelled(mark, vec![Piece::new(label.clone(), Tone::Title)]);
        sheet.link_line("  ", url);
    }
    sheet.into_lines()
}

/// Each starred session that moved, was renamed or was cancelled.
pub(super) fn changes(app: &App, width: u16) -> Vec<SheetLine> {
    let mut sheet = Sheet::new(width);
    sheet.text(&tr!("changes.intro", programme = app.programme().title));
    sheet.blank();
    for change in app.changes() {
        let (mark, tone) = if change.is_cancelled() {
            (symbols::CANCELLED_SYMBOL, Tone::Clash)
        } else {
            ("~", Tone::Star)
        };
        let text = Piece::plain(change.describe());
        sheet.push_pieces(vec![Piece::new(format!("{mark} "), tone), text], "  ");
    }
    sheet.blank();
    sheet.styled(tr!("changes.cancelled_note"), Tone::Dim);
    sheet.into_lines()
}
