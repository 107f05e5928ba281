//! The report of what changed since the user last looked, as the Changes view and
//! `dagsorden changes` give it: the changes touching starred sessions first, then the rest.

use serde::Serialize;

use super::compare::{SessionChange, What};
use super::{Change, differences};
use crate::model::Stars;

/// One session's change in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reported {
    /// The session's key.
    pub key: String,
    /// Its title now (as it was, when it is gone).
    pub title: String,
    /// Every kind of change.
    pub what: Vec<What>,
    /// The change in one line.
    pub text: String,
    /// Whether the session is starred.
    pub starred: bool,
}

impl Reported {
    /// Whether the session is gone.
    pub fn is_cancelled(&self) -> bool {
        self.what.contains(&What::Cancelled)
    }

    /// Whether the session is new.
    pub fn is_new(&self) -> bool {
        self.what.contains(&What::New)
    }
}

/// Every change since the user last looked (`session_changes`), and the changes to starred
/// sessions since they were starred that those do not already tell (`starred_changes`): the
/// ones touching starred sessions first, each part in the order given.
pub fn report(
    session_changes: &[SessionChange],
    starred_changes: &[Change],
    stars: &Stars,
) -> Vec<Reported> {
    let (mut mine, others): (Vec<Reported>, Vec<Reported>) = session_changes
        .iter()
        .map(|c| Reported {
            key: c.key.clone(),
            title: c.title().to_string(),
            what: c.what.clone(),
            text: c.describe(),
            starred: stars.contains_key(&c.key),
        })
        .partition(|r| r.starred);
    let told = |key: &str| session_changes.iter().any(|c| c.key == key);
    mine.extend(
        starred_changes
            .iter()
            .filter(|c| !told(&c.key))
            .map(from_starred),
    );
    mine.extend(others);
    mine
}

fn from_starred(change: &Change) -> Reported {
    let (title, what) = match &change.after {
        Some(after) => (
            after.title.clone(),
            differences(&change.before, after)
                .into_iter()
                .map(What::from)
                .collect(),
        ),
        None => (change.before.title.clone(), vec![What::Cancelled]),
    };
    Reported {
        key: change.key.clone(),
        title,
        what,
        text: change.describe(),
        starred: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::compare::{Record, Records, compare};
    use crate::model::{Level, Seen, Star};

    fn record(title: &str, room: &str) -> Record {
        Record {
            seen: Seen {
                title: title.into(),
                room: Some(room.into()),
                ..Seen::default()
            },
            speakers: Vec::new(),
        }
    }

    #[test]
    fn changes_to_starred_sessions_come_first_each_told_once() {
        let before: Records = [
            ("a".to_string(), record("A", "R1")),
            ("b".to_string(), record("B", "R1")),
        ]
        .into();
        let after: Records = [
            ("a".to_string(), record("A", "R2")),
            ("b".to_string(), record("B", "R2")),
        ]
        .into();
        let mut stars = Stars::new();
        stars.insert("b".into(), Star::new(Level::Must, record("B", "R1").seen));
        stars.insert("c".into(), Star::new(Level::Must, record("C", "R1").seen));
        let starred = [
            Change {
                key: "b".into(),
                before: record("B", "R1").seen,
                after: Some(record("B", "R2").seen),
            },
            Change {
                key: "c".into(),
                before: record("C", "R1").seen,
                after: None,
            },
        ];
        let found = report(&compare(&before, &after), &starred, &stars);
        let keys: Vec<(&str, bool)> = found.iter().map(|r| (r.key.as_str(), r.starred)).collect();
        assert_eq!(keys, [("b", true), ("c", true), ("a", false)]);
        assert!(found[1].is_cancelled());
        assert_eq!(found[0].text, "«B»: room R1 → R2");
    }
}
