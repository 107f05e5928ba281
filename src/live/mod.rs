//! The viewer's background work, outside the app and beside the terminal loop: refreshing the
//! programme from its source on a thread of its own, and watching the files that can change
//! under the viewer (the programme's, the favourites). Each tells the loop what happened as an
//! [`Action`]; none ever blocks a key or a frame.

mod refresh;
mod watch;

use std::path::PathBuf;

use crate::action::Action;

pub use refresh::Refresher;
pub use watch::Watch;

/// What the viewer keeps current in the background: the programme's source (when it came
/// through the library) and the files to watch, each with the action that tells of a change.
#[derive(Debug, Default)]
pub struct Background {
    /// Asks the programme's source again when the app wants it.
    pub refresher: Option<Refresher>,
    /// Files to watch, and what to tell the app when one is rewritten.
    pub watched: Vec<(PathBuf, Action)>,
}
