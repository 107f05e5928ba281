//! Lookups built once when a programme is opened, so that nothing the user does later costs a
//! pass over the whole programme: sessions by key, by room, by speaker and by theme, and search.

pub(crate) mod search;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use crate::model::Programme;
use rustc_hash::FxHashMap;
pub use search::SearchIndex;

/// A speaker and everything they take part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerEntry {
    /// The name, as the programme spells it.
    pub name: String,
    /// The roles the programme gives them, each once.
    pub roles: Vec<String>,
    /// Their sessions, in programme order (by day, then time).
    pub sessions: Vec<usize>,
}

/// Lookups made once per programme, so that no list has to walk every session on each frame:
/// the cheap ones at once, speakers and search in the background.
#[derive(Debug)]
pub struct Index {
    /// Session index by key.
    pub keys: HashMap<String, usize>,
    /// Each room's sessions, in programme order.
    pub by_room: Vec<Vec<usize>>,
    /// Sessions per theme.
    pub theme_counts: Vec<usize>,
    /// Sessions per part.
    pub part_counts: Vec<usize>,
    /// These two are made on other threads once the programme is on screen
    /// ([`Index::start_later`]); the first look at them waits if they are not done yet. Apart,
    /// so that a first frame of speakers need not wait for the search index.
    speakers: Background<Vec<SpeakerEntry>>,
    search: Background<SearchIndex>,
}

/// A value that can be made on another thread, ready when first asked for: asked for before
/// it was started (or if no thread could be had), it is made there and then.
pub struct Background<T> {
    value: OnceLock<T>,
    make: Arc<dyn Fn() -> T + Send + Sync>,
    making: Mutex<Option<JoinHandle<T>>>,
}

impl<T: std::fmt::Debug> std::fmt::Debug for Background<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value.get() {
            Some(value) => f.debug_tuple("Background").field(value).finish(),
            None => f.write_str("Background(not made yet)"),
        }
    }
}

impl<T: Send + 'static> Background<T> {
    /// A value to make later; nothing is done yet.
    pub fn new(make: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Self {
            value: OnceLock::new(),
            make: Arc::new(make),
            making: Mutex::new(None),
        }
    }

    /// Starts making the value on another thread, unless it is made or being made.
    pub fn start(&self) {
        let Ok(mut making) = self.making.lock() else {
            return;
        };
        if making.is_some() || self.value.get().is_some() {
            return;
        }
        let make = Arc::clone(&self.make);
        *making = std::thread::Builder::new()
            .name("dagsorden-index".into())
            .spawn(move || make())
            .ok();
    }

    /// The value if it is made, never waiting: `None` while its thread is at work or before it
    /// is started (for drawing, which shows that it is being made instead).
    pub fn try_get(&self) -> Option<&T> {
        if let Some(value) = self.value.get() {
            return Some(value);
        }
        let mut making = self.making.try_lock().ok()?;
        if !making.as_ref().is_some_and(JoinHandle::is_finished) {
            return None;
        }
        // Finished: joining does not wait.
        let value = making.take()?.join().ok()?;
        drop(making);
        Some(self.value.get_or_init(|| value))
    }

    /// The value, waiting for the thread if it is at work, or making it here if none is.
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| {
            let handle = self.making.lock().ok().and_then(|mut h| h.take());
            handle
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| (self.make)())
        })
    }
}

impl Index {
    /// The lookups for a programme; speakers and search wait for [`Index::start_later`], or for
    /// the first to ask for them.
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
            theme_counts: programme.theme_counts(),
            part_counts,
            speakers: {
                let programme = Arc::clone(programme);
                Background::new(move || speakers(&programme))
            },
            search: {
                let programme = Arc::clone(programme);
                Background::new(move || SearchIndex::build(&programme))
            },
        }
    }

    /// Starts making the speakers and the search index on threads of their own, so that they are
    /// ready by the time they are asked for.
    pub fn start_later(&self) {
        self.speakers.start();
        self.search.start();
    }

    /// Every speaker, in alphabetical order (accents folded).
    pub fn speakers(&self) -> &[SpeakerEntry] {
        self.speakers.get()
    }

    /// The speakers if they are made, never waiting (see [`Background::try_get`]).
    pub fn speakers_ready(&self) -> Option<&[SpeakerEntry]> {
        self.speakers.try_get().map(Vec::as_slice)
    }

    /// The search index, waiting for it if it is still being made.
    pub fn search(&self) -> &SearchIndex {
        self.search.get()
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
    fn a_background_value_is_made_once_started_or_not() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let made = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&made);
        let later = Background::new(move || counter.fetch_add(1, Ordering::SeqCst) + 41);
        assert_eq!(
            *later.get(),
            41,
            "asked for before it was started: made here"
        );
        later.start();
        assert_eq!(*later.get(), 41);
        assert_eq!(made.load(Ordering::SeqCst), 1);

        let made = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&made);
        let later = Background::new(move || counter.fetch_add(1, Ordering::SeqCst));
        later.start();
        later.start();
        assert_eq!(*later.get(), 0, "made on the thread");
        assert_eq!(made.load(Ordering::SeqCst), 1, "and only once");
    }

    #[test]
    fn a_background_value_is_never_waited_for_by_try_get() {
        use std::sync::Barrier;
        let not_started = Background::new(|| 1);
        assert_eq!(
            not_started.try_get(),
            None,
            "not started: not made here either"
        );

        let release = Arc::new(Barrier::new(2));
        let held = Arc::clone(&release);
        let later = Background::new(move || {
            held.wait();
            7
        });
        later.start();
        assert_eq!(later.try_get(), None, "its thread is at work");
        release.wait();
        // The thread returns at once now; each look takes no time.
        let made = std::iter::repeat_with(|| {
            std::thread::yield_now();
            later.try_get().copied()
        })
        .take(10_000_000)
        .find(Option::is_some)
        .flatten();
        assert_eq!(made, Some(7));
        assert_eq!(*later.get(), 7);
    }

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
        let names: Vec<&str> = index.speakers().iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ada", "Øystein Øye"]);
        assert_eq!(index.speakers()[1].sessions, [0, 1]);
        assert_eq!(index.speakers()[1].roles, ["ordfører"]);
        assert_eq!(index.by_room, [vec![], vec![0, 1]]);
        assert_eq!(index.keys["b"], 1);
    }
}
