//! Two versions of a programme compared session by session, by key: which sessions are new,
//! moved (in time or to another day), in another room, renamed, with other speakers, or gone.
//! Pure: the records come from the programme ([`records`]) and from what the user last looked
//! at ([`super::looked`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Difference, differences, renamed_from, say, when};
use crate::model::{Programme, Seen, Session};
use crate::tr;

/// A session as the user saw it: enough to tell every kind of change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Record {
    /// Title, date, times and room.
    #[serde(flatten)]
    pub seen: Seen,
    /// The speakers' names, in the programme's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
}

impl Record {
    /// The session as the programme has it now.
    pub fn of(programme: &Programme, session: &Session) -> Self {
        Self {
            seen: Seen::of(programme, session),
            speakers: session.speakers.iter().map(|s| s.name.clone()).collect(),
        }
    }

    /// The record as read from a file anyone may have edited, cleaned like any text from
    /// outside.
    pub(crate) fn cleaned(self) -> Self {
        Self {
            seen: self.seen.cleaned(),
            speakers: self
                .speakers
                .into_iter()
                .map(crate::text::clean_line_owned)
                .collect(),
        }
    }
}

/// Every session's record by its key.
pub type Records = BTreeMap<String, Record>;

/// The record of every session of `programme`.
pub fn records(programme: &Programme) -> Records {
    programme
        .sessions
        .iter()
        .map(|s| (s.id.clone(), Record::of(programme, s)))
        .collect()
}

/// One kind of change to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// The session was not there before.
    New,
    /// Its title changed.
    Renamed,
    /// Its time or day changed.
    Moved,
    /// Its room changed.
    Room,
    /// Its speakers changed.
    Speakers,
    /// It is gone from the programme.
    Cancelled,
}

impl From<Difference> for What {
    fn from(difference: Difference) -> Self {
        match difference {
            Difference::Renamed => Self::Renamed,
            Difference::Moved => Self::Moved,
            Difference::Room => Self::Room,
        }
    }
}

/// What happened to one session between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionChange {
    /// The session's key, which holds across versions.
    pub key: String,
    /// Every kind of change, in the order told.
    pub what: Vec<What>,
    /// The session before; `None` when it is new.
    pub before: Option<Record>,
    /// The session now; `None` when it is gone.
    pub after: Option<Record>,
}

impl SessionChange {
    /// The session's title: as it is now, or as it was when it is gone.
    pub fn title(&self) -> &str {
        self.now_or_then().map_or("", |r| r.seen.title.as_str())
    }

    /// Whether the session is gone.
    pub fn is_cancelled(&self) -> bool {
        self.after.is_none()
    }

    /// Whether the session was not there before.
    pub fn is_new(&self) -> bool {
        self.before.is_none()
    }

    fn now_or_then(&self) -> Option<&Record> {
        self.after.as_ref().or(self.before.as_ref())
    }

    /// Each change in words: `new, 2024-02-13 10:30–11:00`, `moved 2024-02-13 10:30 → 10:41`,
    /// `room K.3.201 → H.2215`, `renamed «New»`, `speakers A → A, B`, `cancelled`.
    pub fn parts(&self) -> Vec<String> {
        self.parts_told(false)
    }

    /// The same beside the session's title as it is now (its details): a new name is told by
    /// the old one, `renamed from «Old»`.
    pub fn parts_beside_title(&self) -> Vec<String> {
        self.parts_told(true)
    }

    fn parts_told(&self, beside_title: bool) -> Vec<String> {
        match (&self.before, &self.after) {
            (None, Some(a)) => vec![tr!("changes.new", when = when(&a.seen))],
            (Some(b), Some(a)) => self
                .what
                .iter()
                .map(|&what| match what {
                    What::Renamed if beside_title => renamed_from(&b.seen),
                    What::Renamed => say(Difference::Renamed, &b.seen, &a.seen),
                    What::Moved => say(Difference::Moved, &b.seen, &a.seen),
                    What::Room => say(Difference::Room, &b.seen, &a.seen),
                    What::Speakers => tr!(
                        "changes.speakers",
                        from = names(&b.speakers),
                        to = names(&a.speakers)
                    ),
                    What::New | What::Cancelled => String::new(),
                })
                .collect(),
            _ => vec![tr!("changes.gone").into()],
        }
    }

    /// The change in one line, the session named as the user knew it: `«Title»: room
    /// K.3.201 → H.2215`, `«Old»: renamed «New»`, `«Title» (2024-02-13 10:30): cancelled`.
    pub fn describe(&self) -> String {
        match (&self.before, &self.after) {
            (Some(b), None) => tr!(
                "changes.cancelled",
                title = b.seen.title,
                when = when(&b.seen)
            ),
            (Some(b), _) => format!("«{}»: {}", b.seen.title, self.parts().join(", ")),
            (None, _) => format!("«{}»: {}", self.title(), self.parts().join(", ")),
        }
    }

    /// The order changes are listed in: by day and time, then title.
    fn order(&self) -> (Option<String>, bool, Option<String>, String) {
        let seen = self.now_or_then().map(|r| &r.seen);
        (
            seen.and_then(|s| s.date.clone()),
            seen.is_none_or(|s| s.start.is_none()),
            seen.and_then(|s| s.start.clone()),
            self.title().to_string(),
        )
    }
}

/// A list of names, or a word for none.
fn names(names: &[String]) -> String {
    if names.is_empty() {
        tr!("changes.no_speakers").into()
    } else {
        names.join(", ")
    }
}

/// What happened to each session from `before` to `after`, by day and time. Sessions that
/// did not change are left out.
pub fn compare(before: &Records, after: &Records) -> Vec<SessionChange> {
    let mut found: Vec<SessionChange> = after
        .iter()
        .filter_map(|(key, a)| change(key, before.get(key), Some(a)))
        .chain(
            before
                .iter()
                .filter(|(key, _)| !after.contains_key(*key))
                .filter_map(|(key, b)| change(key, Some(b), None)),
        )
        .collect();
    found.sort_by_cached_key(SessionChange::order);
    found
}

/// The change from `before` to `after` of one session, if there is one.
pub fn change(key: &str, before: Option<&Record>, after: Option<&Record>) -> Option<SessionChange> {
    let what = match (before, after) {
        (None, None) => return None,
        (None, Some(_)) => vec![What::New],
        (Some(_), None) => vec![What::Cancelled],
        (Some(b), Some(a)) => {
            let mut what: Vec<What> = differences(&b.seen, &a.seen)
                .into_iter()
                .map(What::from)
                .collect();
            if b.speakers != a.speakers {
                what.push(What::Speakers);
            }
            what
        }
    };
    (!what.is_empty()).then(|| SessionChange {
        key: key.to_string(),
        what,
        before: before.cloned(),
        after: after.cloned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: &str, start: &str, room: &str, speakers: &[&str]) -> Record {
        Record {
            seen: Seen {
                title: title.into(),
                date: Some("2025-02-01".into()),
                start: Some(start.into()),
                end: None,
                room: Some(room.into()),
            },
            speakers: speakers.iter().map(|s| (*s).to_string()).collect(),
        }
    }

    fn one(before: Option<Record>, after: Option<Record>) -> SessionChange {
        let as_records = |r: Option<Record>| -> Records {
            r.into_iter().map(|r| ("k".to_string(), r)).collect()
        };
        let mut found = compare(&as_records(before), &as_records(after));
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    fn talk() -> Record {
        record("Rust", "10:30", "K.3.201", &["Ada"])
    }

    #[test]
    fn a_new_session_is_new() {
        let change = one(None, Some(talk()));
        assert_eq!(change.what, [What::New]);
        assert_eq!(change.describe(), "«Rust»: new, 2025-02-01 10:30");
    }

    #[test]
    fn a_session_at_another_time_moved() {
        let change = one(
            Some(talk()),
            Some(record("Rust", "10:41", "K.3.201", &["Ada"])),
        );
        assert_eq!(change.what, [What::Moved]);
        assert_eq!(change.parts(), ["moved 2025-02-01 10:30 → 10:41"]);
    }

    #[test]
    fn a_session_on_another_day_moved() {
        let mut later = talk();
        later.seen.date = Some("2025-02-02".into());
        let change = one(Some(talk()), Some(later));
        assert_eq!(change.what, [What::Moved]);
        assert_eq!(
            change.parts(),
            ["moved 2025-02-01 10:30 → 2025-02-02 10:30"]
        );
    }

    #[test]
    fn a_session_in_another_room_moved_room() {
        let change = one(
            Some(talk()),
            Some(record("Rust", "10:30", "H.2215", &["Ada"])),
        );
        assert_eq!(change.what, [What::Room]);
        assert_eq!(change.describe(), "«Rust»: room K.3.201 → H.2215");
    }

    #[test]
    fn a_session_with_another_title_was_renamed() {
        let change = one(
            Some(talk()),
            Some(record("Rust 2", "10:30", "K.3.201", &["Ada"])),
        );
        assert_eq!(change.what, [What::Renamed]);
        assert_eq!(change.describe(), "«Rust»: renamed «Rust 2»");
        assert_eq!(change.title(), "Rust 2");
        // Beside the new title (the session's details) the old one is what tells.
        assert_eq!(change.parts_beside_title(), ["renamed from «Rust»"]);
    }

    #[test]
    fn a_session_with_other_speakers_changed_speakers() {
        let change = one(Some(talk()), Some(record("Rust", "10:30", "K.3.201", &[])));
        assert_eq!(change.what, [What::Speakers]);
        assert_eq!(change.parts(), ["speakers Ada → none"]);
    }

    #[test]
    fn a_session_gone_is_cancelled() {
        let change = one(Some(talk()), None);
        assert_eq!(change.what, [What::Cancelled]);
        assert!(change.is_cancelled());
        assert_eq!(change.describe(), "«Rust» (2025-02-01 10:30): cancelled");
        assert_eq!(change.parts(), ["cancelled"]);
    }

    #[test]
    fn several_changes_are_told_together_and_unchanged_sessions_not_at_all() {
        let change = one(
            Some(talk()),
            Some(record("Rust!", "11:00", "H.2215", &["Ada", "Bo"])),
        );
        assert_eq!(
            change.what,
            [What::Renamed, What::Moved, What::Room, What::Speakers]
        );
        let same: Records = [("k".to_string(), talk())].into();
        assert!(compare(&same, &same).is_empty());
    }

    #[test]
    fn changes_are_listed_by_day_and_time() {
        let before: Records = [
            ("a".to_string(), record("Late", "15:00", "R", &[])),
            ("b".to_string(), record("Early", "09:00", "R", &[])),
        ]
        .into();
        let after: Records = [("c".to_string(), record("Noon", "12:00", "R", &[]))].into();
        let titles: Vec<String> = compare(&before, &after)
            .iter()
            .map(|c| c.title().to_string())
            .collect();
        assert_eq!(titles, ["Early", "Noon", "Late"]);
    }
}
