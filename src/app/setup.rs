//! How the viewer starts, besides the programme, its stars and the clock: where the user's files
//! are, their keys and colours, the view to open on, and what went wrong before it opened.

use std::path::PathBuf;

use crate::config::ColourScheme;
use crate::config::{Config, StartView};
use crate::keymap::Keymap;
use crate::tr;

/// The user's settings and the problems to tell them first, fixed when the app is made.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// Where the user's files are kept (favourites, config, calendars); `None`: nothing is saved.
    pub files: Option<PathBuf>,
    /// Where `e` offers to write the calendar, and what a relative path typed there is read
    /// against: the directory the viewer was started in. `None`: beside the favourites.
    pub export_dir: Option<PathBuf>,
    /// The keys in force.
    pub keymap: Keymap,
    /// The colours the screen is drawn in.
    pub colour_scheme: ColourScheme,
    /// The view to open on (the day when `None`).
    pub view: Option<StartView>,
    /// Whether web addresses are marked as terminal hyperlinks (the terminal shows them).
    pub hyperlinks: bool,
    /// What the user last saw of the programme, and where to record it; `None`: nothing is
    /// recorded, and changes are marked only against the programme as first opened.
    pub looked: Option<crate::changes::looked::LastLooked>,
    /// The library's copy of the programme, to keep it current; `None` for a shipped one.
    pub live: Option<super::Live>,
    /// Problems found before the viewer opened, the most important first; the first is the
    /// first status message.
    pub problems: Vec<String>,
}

impl Setup {
    /// The settings of a config file, with the colours chosen for this run; the file's problems
    /// become one message (the first, and how many more).
    pub fn from_config(config: &Config, colour_scheme: ColourScheme) -> Self {
        let problems = config.problems.first().map(|first| {
            let more = match config.problems.len() {
                1 => String::new(),
                n => format!(" {}", tr!("config.more_problems", n = n - 1)),
            };
            format!("{}: {first}{more}", crate::config::FILE_NAME)
        });
        Self {
            files: None,
            export_dir: None,
            keymap: config.keymap.clone(),
            colour_scheme,
            view: config.settings.view,
            hyperlinks: false,
            looked: None,
            live: None,
            problems: problems.into_iter().collect(),
        }
    }
}
