//! Named styles, in one place. Meaning never rests on colour alone: every state also has a
//! symbol or a word. Text that must be read is in the terminal's own colours (bold where it
//! matters), so it reads on light and dark backgrounds alike; colour marks states only, in hues
//! that show on both. [`super::theme`] turns colour up or off.

use ratatui::style::{Color, Modifier, Style};

pub(crate) const PLAIN: Style = Style::new();
pub(crate) const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) const DIM: Style = Style::new().add_modifier(Modifier::DIM);
pub(crate) const LABEL: Style = Style::new();
pub(crate) const STAR: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
pub(crate) const FOCUSED_BORDER: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) const BORDER: Style = Style::new().add_modifier(Modifier::DIM);
pub(crate) const SELECTED_FOCUSED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub(crate) const SELECTED: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub(crate) const KEY: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) const ACTIVE_FILTER: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub(crate) const CLASH: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub(crate) const ON_NOW: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub(crate) const HEADING: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) const MATCH: Style = Style::new()
    .fg(Color::Magenta)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
pub(crate) const CANCELLED: Style = Style::new().add_modifier(Modifier::CROSSED_OUT);
pub(crate) const LINK: Style = Style::new().add_modifier(Modifier::UNDERLINED);
pub(crate) const GAP: Style = Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC);

use crate::text::sheet::Tone;
pub(crate) use crate::text::symbols::*;

/// How each tone of a sheet's text looks.
pub(crate) fn of(tone: Tone) -> Style {
    match tone {
        Tone::Plain => PLAIN,
        Tone::Title => TITLE,
        Tone::Dim => DIM,
        Tone::Label => LABEL,
        Tone::Star => STAR,
        Tone::Clash => CLASH,
        Tone::OnNow => ON_NOW,
        Tone::Key => KEY,
        Tone::Link => LINK,
    }
}
