//! Drawing: `render(&App, frame)`, one file per pane or overlay.

mod about;
mod browse;
mod changes;
mod dates;
mod details;
mod filters;
mod header;
mod help;
pub mod layout;
mod list;
mod popup;
mod sessions;
mod sheet;
mod status_bar;
pub mod style;
mod tabs;
pub mod theme;
mod times;

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders};

use crate::action::Pane;
use crate::app::{App, Overlay};
use crate::index::Index;
use crate::model::{DateLength, Programme, day_name};
use unicode_width::UnicodeWidthStr;

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
    status_bar::render(app, frame, areas.status);
    match app.overlay() {
        Some(Overlay::Help) => help::render(app, frame, frame.area()),
        Some(Overlay::Changes) => changes::render(app, frame, frame.area()),
        None => {}
    }
    theme::apply(app.colour_scheme(), frame.buffer_mut());
}

/// The width the left column needs to show its longest day, room, theme or part whole (long
/// speaker names may be cut).
pub fn left_column_width(programme: &Programme, index: &Index) -> u16 {
    let digits = |n: usize| n.to_string().len();
    let days =
        programme.days.iter().enumerate().map(|(i, day)| {
            day_name(day, i, DateLength::Short).width() + digits(day.sessions.len())
        });
    let themes = programme
        .themes
        .iter()
        .zip(&index.theme_counts)
        .map(|(theme, &count)| theme.name.width() + 1 + digits(count));
    let rooms = programme
        .rooms
        .iter()
        .zip(&index.by_room)
        .map(|(room, sessions)| room.width() + 1 + digits(sessions.len()));
    let parts = programme.parts.iter().map(|p| p.name.width() + 4);
    // Cursor, a space before and after the name and after the count, and the two borders.
    let widest = days
        .chain(themes)
        .chain(rooms)
        .chain(parts)
        .max()
        .unwrap_or(0)
        + 6;
    u16::try_from(widest.max(30)).unwrap_or(u16::MAX)
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
