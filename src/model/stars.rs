//! Stars: which sessions the user marked, how much they want to be there, and what each
//! session looked like when it was starred. Plain data; the favourites store persists it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Programme, Session};

/// How much the user wants to be at a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Planned: two that overlap are a clash.
    Must,
    /// Of interest, if there is time.
    Maybe,
}

impl Level {
    /// The next level as the star key cycles: none → must → maybe → none.
    pub fn cycle(current: Option<Level>) -> Option<Level> {
        match current {
            None => Some(Level::Must),
            Some(Level::Must) => Some(Level::Maybe),
            Some(Level::Maybe) => None,
        }
    }
}

/// What a starred session looked like when it was starred (or its changes last seen): enough to
/// tell the user what moved, was renamed or was cancelled in a newer programme.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Seen {
    /// The title then.
    pub title: String,
    /// The day's date then (`2024-02-13`), if announced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The start then (`10:30`), if announced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The end then, if announced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The room's name then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
}

impl Seen {
    /// What the session looks like now, in the programme's own words and times.
    pub fn of(programme: &Programme, session: &Session) -> Self {
        let day = programme.days.get(session.day);
        Self {
            title: session.title.clone(),
            date: day.and_then(|d| d.date).map(|d| d.to_string()),
            start: session.start.map(|t| t.to_string()),
            end: session.end.map(|t| t.to_string()),
            room: programme.room_name(session).map(str::to_string),
        }
    }

    /// The record as read from the file, which anyone may have edited: cleaned like any text
    /// from outside, since it is shown in My programme and the list of changes.
    pub(crate) fn cleaned(self) -> Self {
        use crate::text::{clean_line_owned, clean_opt_owned};
        Self {
            title: clean_line_owned(self.title),
            date: clean_opt_owned(self.date),
            start: clean_opt_owned(self.start),
            end: clean_opt_owned(self.end),
            room: clean_opt_owned(self.room),
        }
    }
}

/// One star.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Star {
    /// How much the user wants to go.
    pub level: Level,
    /// Missing for stars saved before dagsorden kept it.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Seen>,
    /// The session is gone from the programme and the user has been told; the star is kept in
    /// case it comes back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
}

impl Star {
    /// A star at `level` on a session that looks like `seen`.
    pub fn new(level: Level, seen: Seen) -> Self {
        Self {
            level,
            seen: Some(seen),
            cancelled: false,
        }
    }
}

/// A programme's stars by session key.
pub type Stars = BTreeMap<String, Star>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_star_key_cycles_through_the_levels() {
        let mut level = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            level = Level::cycle(level);
            seen.push(level);
        }
        assert_eq!(
            seen,
            [
                Some(Level::Must),
                Some(Level::Maybe),
                None,
                Some(Level::Must)
            ]
        );
    }
}
