//! What the overlays say: every key, read from the keymap table and grouped by where it works;
//! and the changes to the user's programme since they last looked.

use crate::action::Pane;
use crate::app::App;
use crate::changes::report::Reported;
use crate::keymap::{self, Keymap, Scope};
use crate::text::sheet::{Piece, Sheet, SheetLine, Tone};
use crate::text::symbols;
use crate::tr;

/// The sections of the help: where the keys work, and the language file's key for its title.
const SECTIONS: [(Scope, &str); 11] = [
    (Scope::Global, "help.everywhere"),
    (Scope::In(Pane::Browse), "help.browse"),
    (Scope::In(Pane::Sessions), "pane.sessions"),
    (Scope::In(Pane::Details), "pane.details"),
    (Scope::In(Pane::Filters), "pane.filters"),
    (Scope::Page, "help.page"),
    (Scope::Links, "help.links"),
    (Scope::Search, "help.search"),
    (Scope::Prompt, "help.prompt"),
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

/// Every change since the user last looked: those touching starred sessions first (with the
/// clashes a move makes), then the others.
pub(super) fn changes(app: &App, width: u16) -> Vec<SheetLine> {
    let mut sheet = Sheet::new(width);
    let report = app.changes_report();
    if report.is_empty() {
        sheet.text(tr!("changes.nothing"));
        return sheet.into_lines();
    }
    sheet.text(&tr!("changes.intro_all", programme = app.programme().title));
    let (mine, others): (Vec<&Reported>, Vec<&Reported>) = report.iter().partition(|r| r.starred);
    if !mine.is_empty() {
        sheet.blank();
        sheet.heading(tr!("changes.mine"));
        for reported in &mine {
            change_line(&mut sheet, reported);
            clash_line(app, &mut sheet, &reported.key);
        }
    }
    if !others.is_empty() {
        sheet.blank();
        sheet.heading(tr!("changes.others"));
        for reported in &others {
            change_line(&mut sheet, reported);
        }
    }
    if mine.iter().any(|r| r.is_cancelled()) {
        sheet.blank();
        sheet.styled(tr!("changes.cancelled_note"), Tone::Dim);
    }
    sheet.into_lines()
}

/// `✗ «Title» (…): cancelled`, `+ «Title»: new, …`, `Δ «Title»: room A → B`.
fn change_line(sheet: &mut Sheet, reported: &Reported) {
    let (mark, tone) = if reported.is_cancelled() {
        (symbols::CANCELLED_SYMBOL, Tone::Clash)
    } else if reported.is_new() {
        (symbols::NEW_SYMBOL, Tone::Star)
    } else {
        (symbols::CHANGED_SYMBOL, Tone::Star)
    };
    let text = Piece::plain(reported.text.clone());
    sheet.push_pieces(vec![Piece::new(format!("{mark} "), tone), text], "  ");
}

/// `  ! now overlaps «Other»`, under a starred session that clashes with another now.
fn clash_line(app: &App, sheet: &mut Sheet, key: &str) {
    let Some(&session) = app.index().keys.get(key) else {
        return;
    };
    let clashes = app.clashes_of(session);
    if clashes.is_empty() {
        return;
    }
    let titles: Vec<String> = clashes
        .iter()
        .map(|&i| format!("«{}»", app.programme().sessions[i].title))
        .collect();
    let text = tr!("changes.clashes", titles = titles.join(", "));
    sheet.push_pieces(
        vec![
            Piece::new(format!("  {} ", symbols::CLASH_SYMBOL), Tone::Clash),
            Piece::plain(text),
        ],
        "    ",
    );
}
