//! Drawing: `render(&App, frame)`, one file per pane or overlay.

mod browse;
mod changes;
mod details;
mod filters;
mod header;
mod help;
mod list;
mod popup;
mod sessions;
mod sheet;
mod status_bar;
pub(crate) mod style;
mod tabs;
pub(crate) mod theme;

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders};

use crate::action::Pane;
use crate::app::{App, Overlay};

/// Draws the whole screen from the app's state.
pub fn render(app: &App, frame: &mut Frame) {
    let areas = app.areas();
    header::render(app, frame, areas.header);
    if let Some(area) = areas.tabs {
        tabs::render(app, frame, area);
    }
    if let Some(area) = areas.pane(Pane::Browse) {
        browse::render(app, frame, area);
    }
    if let Some(area) = areas.pane(Pane::Sessions) {
        sessions::render(app, frame, area);
    }
    if let Some(area) = areas.pane(Pane::Details) {
        details::render(app, frame, area);
    }
    if let Some(area) = areas.pane(Pane::Filters) {
        filters::render(app, frame, area);
    }
    if app.is_reading() {
        details::render_page(app, frame);
    }
    status_bar::render(app, frame, areas.status);
    match app.overlay() {
        Some(Overlay::Help) => help::render(app, frame),
        Some(Overlay::Changes) => changes::render(app, frame),
        Some(Overlay::Links) => links_chooser(app, frame),
        None => {}
    }
    theme::apply(app.colour_scheme(), frame.buffer_mut());
}

/// The session's links to choose from, with the keys that open one or close.
fn links_chooser(app: &App, frame: &mut Frame) {
    let keys = |action| app.keymap().keys_in(&action, crate::keymap::Context::Links);
    let title = crate::tr!(
        "links.title",
        open = keys(crate::action::Action::OpenLink),
        close = keys(crate::action::Action::Back)
    );
    popup::render(app, frame, format!(" {title} "));
}

/// The frame around a pane; the focused one stands out by a heavy border and a marker, not only
/// by colour.
fn pane_block(app: &App, pane: Pane, title: Line<'static>) -> Block<'static> {
    let focused = app.focus() == pane;
    let block = Block::new().borders(Borders::ALL).title(title);
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(style::FOCUSED_BORDER)
    } else {
        block.border_style(style::BORDER)
    }
}
