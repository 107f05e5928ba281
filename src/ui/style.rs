//! Named styles, in one place. Meaning never rests on colour alone: every state also has a
//! symbol or a word.

use ratatui::style::{Color, Modifier, Style};

pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const LABEL: Style = Style::new().fg(Color::Cyan);
pub const STAR: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const FOCUSED_BORDER: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
pub const SELECTED_FOCUSED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::BOLD);
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const ACTIVE_FILTER: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);

/// The star beside a starred session.
pub const STAR_SYMBOL: &str = "★";
/// The mark beside the selected row, so selection reads without colour.
pub const CURSOR_SYMBOL: &str = "▶";
