//! The colour scheme: a setting (`theme` in `config.toml`, `--no-color`, `NO_COLOR`), not a
//! drawing. The ui maps it onto the frame (`ui::theme`).

/// How the viewer colours its frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourScheme {
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

impl ColourScheme {
    /// The names the config file and the command line use.
    pub const NAMES: [(&'static str, Self); 3] = [
        ("default", Self::Default),
        ("high-contrast", Self::HighContrast),
        ("no-color", Self::NoColor),
    ];
}
