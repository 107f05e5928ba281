//! What [`super::App::update`] asks the terminal loop to do. Update performs none of it: the loop
//! does the work (the store's lock and atomic write, a file written whole) and feeds the outcome
//! back as an [`crate::action::Action`].

use std::path::PathBuf;

use crate::changes::Change;
use crate::model::{Seen, Star};

/// Work with effects outside the app's state: files written, threads started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save one star of a programme, or its removal (`None`), on the file as it is on disk now.
    SaveStar {
        /// The programme's key in the favourites file.
        programme: String,
        /// The session's key within the programme.
        key: String,
        /// The star as it is to be, or `None` for no star.
        star: Option<Star>,
    },
    /// Record that the user has seen these changes to their starred sessions.
    SaveSeen {
        /// The programme's key in the favourites file.
        programme: String,
        /// The changes shown, whose sessions are recorded as they are now.
        changes: Vec<Change>,
    },
    /// Give stars saved by an older version the record of their session as it is now (quietly:
    /// a failure tells the user nothing).
    SaveRecords {
        /// The programme's key in the favourites file.
        programme: String,
        /// Each session's key with its record as the programme has it now.
        records: Vec<(String, Seen)>,
    },
    /// Save the record of what the user has seen of every session of the programme.
    SaveLooked {
        /// The programme's record.
        file: crate::changes::looked::LookedFile,
        /// Every session as the user has now seen it.
        sessions: crate::changes::compare::Records,
    },
    /// Write a calendar of the starred sessions to `path` (its directory made if missing).
    Export {
        /// Where the calendar goes.
        path: PathBuf,
        /// The calendar, already made, so the loop only writes it.
        text: String,
        /// How many sessions it holds, to report back.
        sessions: usize,
        /// How many starred sessions were left out for want of an announced time.
        left_out: usize,
    },
    /// Open a web address in the system's browser. The address has passed
    /// [`crate::text::links`]' check (`http` or `https`, no password in it); the loop checks
    /// it again before handing it to the system's opener.
    OpenUrl(String),
    /// Ask the programme's source for a newer copy, in the background; what came of it comes
    /// back as [`crate::action::Action::Refreshed`].
    Refresh,
    /// Read the programme's stars again from the favourites file (reading changes nothing).
    ReloadStars {
        /// The programme's key in the favourites file.
        programme: String,
    },
    /// Start making the lookups no first frame needs (speakers, search) on threads of their own.
    StartIndexes,
}
