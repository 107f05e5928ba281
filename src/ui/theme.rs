//! Themes: the default colours, high contrast, or none at all. The panes are drawn in the
//! default styles and a theme then recolours the finished frame, so no pane can forget it.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The terminal's own colours for text, a few hues for states: for light and dark
    /// terminals alike.
    #[default]
    Default,
    /// Bright text on black, nothing dimmed.
    HighContrast,
    /// No colour at all (`NO_COLOR`, `--no-color`): bold, reverse, underline and the symbols
    /// carry every state.
    NoColor,
}

impl Theme {
    /// The names the config file and the command line use.
    pub const NAMES: [(&'static str, Self); 3] = [
        ("default", Self::Default),
        ("high-contrast", Self::HighContrast),
        ("no-color", Self::NoColor),
    ];

    /// Recolours a drawn frame.
    pub fn apply(self, buffer: &mut Buffer) {
        match self {
            Self::Default => {}
            Self::NoColor => {
                for cell in &mut buffer.content {
                    cell.fg = Color::Reset;
                    cell.bg = Color::Reset;
                }
            }
            Self::HighContrast => {
                for cell in &mut buffer.content {
                    cell.fg = bright(cell.fg);
                    cell.bg = Color::Black;
                    cell.modifier.remove(Modifier::DIM);
                }
            }
        }
    }
}

/// The brightest form of a colour, on black.
fn bright(color: Color) -> Color {
    match color {
        Color::Red | Color::LightRed => Color::LightRed,
        Color::Green | Color::LightGreen => Color::LightGreen,
        Color::Yellow | Color::LightYellow => Color::LightYellow,
        Color::Blue | Color::LightBlue | Color::Cyan | Color::LightCyan => Color::LightCyan,
        Color::Magenta | Color::LightMagenta => Color::LightMagenta,
        _ => Color::White,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn painted() -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer.set_string(
            0,
            0,
            "a",
            Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        );
        buffer.set_string(1, 0, "b", Style::new().add_modifier(Modifier::DIM));
        buffer.set_string(2, 0, "c", Style::new().bg(Color::Red));
        buffer
    }

    #[test]
    fn no_color_leaves_no_colour_but_keeps_emphasis() {
        let mut buffer = painted();
        Theme::NoColor.apply(&mut buffer);
        for cell in &buffer.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
        assert!(buffer.content[0].modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn high_contrast_is_bright_on_black_and_never_dim() {
        let mut buffer = painted();
        Theme::HighContrast.apply(&mut buffer);
        assert_eq!(buffer.content[0].fg, Color::LightCyan);
        assert_eq!(buffer.content[1].fg, Color::White);
        assert!(!buffer.content[1].modifier.contains(Modifier::DIM));
        assert!(buffer.content.iter().all(|c| c.bg == Color::Black));
    }
}
