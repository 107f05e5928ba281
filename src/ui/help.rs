//! The `?` overlay: every key, read from the keymap table, grouped by where it works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::popup;
use super::sheet::Sheet;
use super::style;
use crate::action::{Action, Pane};
use crate::app::App;
use crate::keymap::{self, BINDINGS, Context, Scope};

const SECTIONS: [(Scope, &str); 8] = [
    (Scope::Global, "Everywhere"),
    (Scope::In(Pane::Browse), "Days, rooms, speakers"),
    (Scope::In(Pane::Sessions), "Sessions"),
    (Scope::In(Pane::Details), "Details"),
    (Scope::In(Pane::Filters), "Filters"),
    (Scope::Search, "While typing a search"),
    (Scope::Changes, "Changes to your programme"),
    (Scope::Help, "This help"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let close = keymap::active(Context::Help)
        .find(|b| b.action == Action::ToggleHelp)
        .map(|b| keymap::keys_label(b.keys))
        .unwrap_or_default();
    popup::render(app, frame, area, format!(" Keys — {close} closes "), lines);
}

/// The help text at a width: a section per scope, a line per binding, descriptions wrapping
/// beside their keys.
pub fn lines(width: u16) -> Vec<Line<'static>> {
    let mut sheet = Sheet::with_labels(width, KEYS_WIDTH);
    for (scope, title) in SECTIONS {
        sheet.heading(title);
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys = Span::styled(
                format!("  {}", keymap::keys_label(binding.keys)),
                style::KEY,
            );
            sheet.labelled(keys, vec![Span::raw(binding.description)]);
        }
        sheet.blank();
    }
    sheet.heading("Mouse");
    sheet.labelled(
        Span::styled("  click", style::KEY),
        vec![Span::raw("selects a row and focuses its pane")],
    );
    sheet.labelled(
        Span::styled("  wheel", style::KEY),
        vec![Span::raw("scrolls the pane under the pointer")],
    );
    sheet.into_lines()
}

/// The column the keys take, before their descriptions.
const KEYS_WIDTH: usize = 20;
