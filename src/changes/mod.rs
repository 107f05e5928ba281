//! Changes to the user's programme: when a newer version of a programme is opened, what happened
//! to each starred session since the user last saw it — moved, renamed, or cancelled — and (in
//! [`compare`]) to every session since the user last looked at the programme ([`looked`]).
//!
//! One rule tells what differs between two records of a session ([`differences`]) and one says
//! it in words ([`say`]); the starred report, the marks in the viewer and `dagsorden changes`
//! all use them.

pub mod compare;
pub mod looked;
pub mod report;

use std::collections::HashMap;

use crate::model::{Programme, Seen, Stars};
use crate::tr;

/// What became of one starred session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The session's key in the favourites, which holds across programme versions.
    pub key: String,
    /// What it looked like when starred (or its changes were last seen).
    pub before: Seen,
    /// What it looks like now; `None` when the programme no longer has it.
    pub after: Option<Seen>,
}

impl Change {
    /// Whether the session is gone from the programme; it is listed apart, with its last record.
    pub fn is_cancelled(&self) -> bool {
        self.after.is_none()
    }

    /// Each change in words, for the session's details: `moved … → …`, `cancelled`.
    pub fn parts(&self) -> Vec<String> {
        let b = &self.before;
        match &self.after {
            Some(a) => differences(b, a).iter().map(|&d| say(d, b, a)).collect(),
            None => vec![tr!("changes.gone").into()],
        }
    }

    /// The same beside the session's title as it is now (its details): a new name is told by
    /// the old one, `renamed from «Old»`.
    pub fn parts_beside_title(&self) -> Vec<String> {
        let b = &self.before;
        match &self.after {
            Some(a) => differences(b, a)
                .iter()
                .map(|&d| match d {
                    Difference::Renamed => renamed_from(b),
                    _ => say(d, b, a),
                })
                .collect(),
            None => self.parts(),
        }
    }

    /// `«Title»: moved Tue 13 Feb 10:30–11:00 → 11:00–11:30, room Nidaros → Olavshallen`,
    /// `«Old» renamed «New»`, `«Title» (13 Feb 10:30): cancelled`.
    pub fn describe(&self) -> String {
        let b = &self.before;
        if self.after.is_none() {
            return tr!("changes.cancelled", title = b.title, when = when(b));
        }
        format!("«{}»: {}", b.title, self.parts().join(", "))
    }
}

/// One way a session can differ from the record of it the user saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    /// Its title changed.
    Renamed,
    /// Its time or day changed.
    Moved,
    /// Its room changed.
    Room,
}

/// What differs between the record `b` and the record `a` of a session, in the order told.
pub fn differences(b: &Seen, a: &Seen) -> Vec<Difference> {
    let mut found = Vec::new();
    if a.title != b.title {
        found.push(Difference::Renamed);
    }
    if (&a.date, &a.start, &a.end) != (&b.date, &b.start, &b.end) {
        found.push(Difference::Moved);
    }
    if a.room != b.room {
        found.push(Difference::Room);
    }
    found
}

/// One difference in words: `renamed «New»`, `moved 2024-02-13 10:30 → 11:00`,
/// `room K.3.201 → H.2215`.
pub fn say(difference: Difference, b: &Seen, a: &Seen) -> String {
    match difference {
        Difference::Renamed => tr!("changes.renamed", title = a.title),
        Difference::Moved => tr!("changes.moved", from = when(b), to = moved_to(b, a)),
        Difference::Room => {
            let room =
                |r: &Option<String>| r.clone().unwrap_or_else(|| tr!("changes.no_room").into());
            tr!("changes.room", from = room(&b.room), to = room(&a.room))
        }
    }
}

/// A new name told beside it, by the old one: `renamed from «Old»`.
pub fn renamed_from(before: &Seen) -> String {
    tr!("changes.renamed_from", title = before.title)
}

/// `2024-02-13 10:30–11:00`, `2024-02-13, time not announced`, or `time not announced`.
fn when(seen: &Seen) -> String {
    let time = crate::model::written_range_words(seen.start.as_deref(), seen.end.as_deref());
    match &seen.date {
        Some(date) if seen.start.is_some() => format!("{date} {time}"),
        Some(date) => format!("{date}, {time}"),
        None => time,
    }
}

/// The new time, without repeating the date when it did not change.
fn moved_to(before: &Seen, after: &Seen) -> String {
    if before.date == after.date {
        let same_day = Seen {
            date: None,
            ..after.clone()
        };
        when(&same_day)
    } else {
        when(after)
    }
}

/// The changes to starred sessions since they were last seen. Stars without a record of what
/// they looked like (saved by an older version) and cancellations already seen are left out.
pub fn changes(programme: &Programme, keys: &HashMap<String, usize>, stars: &Stars) -> Vec<Change> {
    let mut found = Vec::new();
    for (key, star) in stars {
        let Some(before) = &star.seen else { continue };
        let now = keys
            .get(key)
            .map(|&i| Seen::of(programme, &programme.sessions[i]));
        let change = match now {
            None if star.cancelled => continue,
            Some(after) if after == *before && !star.cancelled => continue,
            after => Change {
                key: key.clone(),
                before: before.clone(),
                after,
            },
        };
        found.push(change);
    }
    found
}

/// Records that the user has seen `changes`: moved and renamed stars now describe the session as
/// it is, cancelled ones are marked so they are not reported again (but kept).
pub fn acknowledge(stars: &mut Stars, changes: &[Change]) {
    for change in changes {
        let Some(star) = stars.get_mut(&change.key) else {
            continue;
        };
        match &change.after {
            Some(after) => {
                star.seen = Some(after.clone());
                star.cancelled = false;
            }
            None => star.cancelled = true,
        }
    }
}

/// A record of its session as it is now for each star saved without one (by an older version)
/// whose session is there, so later changes can be told.
pub fn missing_records(
    programme: &Programme,
    keys: &HashMap<String, usize>,
    stars: &Stars,
) -> Vec<(String, Seen)> {
    stars
        .iter()
        .filter(|(_, star)| star.seen.is_none())
        .filter_map(|(key, _)| {
            let &i = keys.get(key)?;
            Some((key.clone(), Seen::of(programme, &programme.sessions[i])))
        })
        .collect()
}

/// Gives the stars in `records` that have no record yet the one found for them.
pub fn fill_in(stars: &mut Stars, records: &[(String, Seen)]) {
    for (key, seen) in records {
        if let Some(star) = stars.get_mut(key).filter(|s| s.seen.is_none()) {
            star.seen = Some(seen.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Star};

    fn seen(title: &str, start: Option<&str>, room: Option<&str>) -> Seen {
        Seen {
            title: title.into(),
            date: Some("2024-02-13".into()),
            start: start.map(Into::into),
            end: None,
            room: room.map(Into::into),
        }
    }

    fn change(before: Seen, after: Option<Seen>) -> String {
        Change {
            key: "k".into(),
            before,
            after,
        }
        .describe()
    }

    #[test]
    fn changes_read_as_what_happened() {
        let before = seen("Klima", Some("10:30"), Some("Nidaros"));
        assert_eq!(
            change(
                before.clone(),
                Some(seen("Klima", Some("11:00"), Some("Nidaros")))
            ),
            "«Klima»: moved 2024-02-13 10:30 → 11:00"
        );
        assert_eq!(
            change(
                before.clone(),
                Some(seen("Klima og natur", Some("10:30"), Some("Olav")))
            ),
            "«Klima»: renamed «Klima og natur», room Nidaros → Olav"
        );
        assert_eq!(
            change(before, None),
            "«Klima» (2024-02-13 10:30): cancelled"
        );
        let untimed = seen("Debatt", None, None);
        assert_eq!(
            change(untimed, None),
            "«Debatt» (2024-02-13, time not announced): cancelled"
        );
    }

    #[test]
    fn acknowledged_changes_are_not_reported_again() {
        let programme = Programme::default();
        let mut stars = Stars::new();
        stars.insert(
            "gone".into(),
            Star::new(Level::Must, seen("Gone", None, None)),
        );
        let keys = HashMap::new();
        let found = changes(&programme, &keys, &stars);
        assert_eq!(found.len(), 1);
        acknowledge(&mut stars, &found);
        assert!(stars["gone"].cancelled, "kept, marked as seen");
        assert!(changes(&programme, &keys, &stars).is_empty());
    }
}
