//! Lookups built once when a programme is opened, so that nothing the user does later costs a
//! pass over the whole programme: sessions by key, by room, by speaker and by theme, and search.

pub mod search;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use crate::model::Programme;
use rustc_hash::FxHashMap;
pub use search::SearchIndex;

/// A speaker and everything they take part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerEntry {
    pub name: String,
    /// The roles the programme gives them, each once.
    pub roles: Vec<String>,
    /// Their sessions, in programme order (by day, then time).
    pub sessions: Vec<usize>,
}

#[derive(Debug)]
pub struct Index {
    /// Session index by key.
    pub keys: HashMap<String, usize>,
    /// Each room's sessions, in programme order.
    pub by_room: Vec<Vec<usize>>,
    /// Every speaker, in alphabetical order (accents folded).
    pub speakers: Vec<SpeakerEntry>,
    /// Sessions per theme.
    pub theme_counts: Vec<usize>,
    /// Sessions per part.
    pub part_counts: Vec<usize>,
    /// Built on another thread while the programme is already on screen; the first search
    /// waits for it if it is not done yet.
    pub search: Background<SearchIndex>,
}

/// A value made on another thread, ready when first asked for.
pub struct Background<T> {
    value: OnceLock<T>,
    making: Mutex<Option<JoinHandle<T>>>,
    /// How to make it here if the thread could not be started or failed.
    fallback: Mutex<Option<Box<dyn FnOnce() -> T + Send>>>,
}

impl<T: std::fmt::Debug> std::fmt::Debug for Background<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value.get() {
            Some(value) => f.debug_tuple("Background").field(value).finish(),
            None => f.write_str("Background(being made)"),
        }
    }
}

impl<T: Send + 'static> Background<T> {
    /// Starts making the value on another thread.
    pub fn start(make: impl Fn() -> T + Send + Sync + 'static) -> Self {
        let make = Arc::new(make);
        let on_thread = Arc::clone(&make);
        let handle = std::thread::Builder::new()
            .name("dagsorden-index".into())
            .spawn(move || on_thread())
            .ok();
        Self {
            value: OnceLock::new(),
            making: Mutex::new(handle),
            fallback: Mutex::new(Some(Box::new(move || make()))),
        }
    }

    /// The value, waiting for the thread if it is still at work.
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| {
            let handle = self.making.lock().ok().and_then(|mut h| h.take());
            if let Some(value) = handle.and_then(|h| h.join().ok()) {
                return value;
            }
            // The value is made once, so the fallback is still there.
            let make = self.fallback.lock().ok().and_then(|mut f| f.take());
            make.expect("the first to ask makes the value")()
        })
    }
}

impl Index {
    /// The lookups for a programme; the search index is started on another thread.
    pub fn build(programme: &Arc<Programme>) -> Self {
        let keys = keys(programme);
        let mut by_room = vec![Vec::new(); programme.rooms.len()];
        let mut part_counts = vec![0; programme.parts.len()];
        for (i, s) in programme.sessions.iter().enumerate() {
            if let Some(list) = s.room.and_then(|r| by_room.get_mut(r)) {
                list.push(i);
            }
            if let Some(count) = s.part.and_then(|p| part_counts.get_mut(p)) {
                *count += 1;
            }
        }
        Self {
            keys,
            by_room,
            speakers: speakers(programme),
            theme_counts: programme.theme_counts(),
            part_counts,
            search: {
                let programme = Arc::clone(programme);
                Background::start(move || SearchIndex::build(&programme))
            },
        }
    }
}

/// Session index by key.
pub fn keys(programme: &Programme) -> HashMap<String, usize> {
    programme
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect()
}

fn speakers(programme: &Programme) -> Vec<SpeakerEntry> {
    let mut by_name: FxHashMap<&str, SpeakerEntry> = FxHashMap::default();
    for (i, session) in programme.sessions.iter().enumerate() {
        for speaker in &session.speakers {
            let entry = by_name
                .entry(speaker.name.as_str())
                .or_insert_with(|| SpeakerEntry {
                    name: speaker.name.clone(),
                    roles: Vec::new(),
                    sessions: Vec::new(),
                });
            if let Some(role) = &speaker.role
                && !entry.roles.contains(role)
            {
                entry.roles.push(role.clone());
            }
            if entry.sessions.last() != Some(&i) {
                entry.sessions.push(i);
            }
        }
    }
    let mut speakers: Vec<SpeakerEntry> = by_name.into_values().collect();
    speakers.sort_by_cached_key(|s| (search::fold(&s.name), s.name.clone()));
    speakers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Session, Speaker};

    #[test]
    fn speakers_in_alphabetical_order_with_their_sessions_and_roles() {
        let speaker = |name: &str, role: Option<&str>| Speaker {
            name: name.into(),
            role: role.map(Into::into),
        };
        let programme = Programme {
            rooms: vec!["Nidaros".into(), "Olav".into()],
            sessions: vec![
                Session {
                    id: "a".into(),
                    room: Some(1),
                    speakers: vec![
                        speaker("Øystein Øye", Some("ordfører")),
                        speaker("Ada", None),
                    ],
                    ..Session::default()
                },
                Session {
                    id: "b".into(),
                    room: Some(1),
                    speakers: vec![speaker("Øystein Øye", Some("ordfører"))],
                    ..Session::default()
                },
            ],
            ..Programme::default()
        };
        let index = Index::build(&Arc::new(programme));
        let names: Vec<&str> = index.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ada", "Øystein Øye"]);
        assert_eq!(index.speakers[1].sessions, [0, 1]);
        assert_eq!(index.speakers[1].roles, ["ordfører"]);
        assert_eq!(index.by_room, [vec![], vec![0, 1]]);
        assert_eq!(index.keys["b"], 1);
    }
}
