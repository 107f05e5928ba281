//! The colour scheme on screen: the default colours, high contrast, or none at all. The panes
//! are drawn in the default styles and the scheme then recolours the finished frame, so no pane
//! can forget it.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::config::ColourScheme;

/// Recolours a drawn frame in `scheme`.
pub(crate) fn apply(scheme: ColourScheme, buffer: &mut Buffer) {
    match scheme {
        ColourScheme::Default => {}
        ColourScheme::NoColor => {
            for cell in &mut buffer.content {
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
            }
        }
        ColourScheme::HighContrast => {
            for cell in &mut buffer.content {
                cell.fg = bright(cell.fg);
                cell.bg = Color::Black;
                cell.modifier.remove(Modifier::DIM);
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
        apply(ColourScheme::NoColor, &mut buffer);
        for cell in &buffer.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
        assert!(buffer.content[0].modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn high_contrast_is_bright_on_black_and_never_dim() {
        let mut buffer = painted();
        apply(ColourScheme::HighContrast, &mut buffer);
        assert_eq!(buffer.content[0].fg, Color::LightCyan);
        assert_eq!(buffer.content[1].fg, Color::White);
        assert!(!buffer.content[1].modifier.contains(Modifier::DIM));
        assert!(buffer.content.iter().all(|c| c.bg == Color::Black));
    }
}
