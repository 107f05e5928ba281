//! What changed since the user last looked: every session that is new, moved, in another room,
//! renamed, with other speakers or gone, marked in every list and described in the details
//! until the user has seen it.
//!
//! A change is *seen* when its session has been selected and the cursor moves on from it (its
//! details, describing the change, were on screen), or, for every change at once, when the
//! Changes view is closed. Either asks for the record of what the user has seen to be saved;
//! `update` itself writes nothing.

use std::collections::HashMap;

use super::{App, Effect, Overlay};
use crate::changes::compare::{self, Records, SessionChange};
use crate::changes::looked::{LastLooked, LookedFile};
use crate::changes::report::{self, Reported};
use crate::changes::{self as starred, Change};
use crate::text::symbols;

/// The record of what the user last saw, and what differs from it now.
#[derive(Debug, Default)]
pub(super) struct Looked {
    /// Where the record is saved; `None`: nothing is saved (no data directory, or a record that
    /// could not be read and is left alone).
    file: Option<LookedFile>,
    /// Whether there was no record yet: this look is the first, and is recorded whole.
    first: bool,
    /// Every session as the user last saw it.
    seen: Records,
    /// Every session as the programme has it now.
    now: Records,
    /// What changed from `seen` to `now`, by day and time.
    changes: Vec<SessionChange>,
    /// Where each key's change is in `changes`.
    by_key: HashMap<String, usize>,
    /// The session selected when last looked, whose change is seen once the cursor leaves it.
    selected: Option<String>,
}

impl Looked {
    /// The record the viewer opens with (none: the programme as it is now counts as seen).
    pub(super) fn new(last: Option<LastLooked>, now: Records) -> Self {
        let (file, seen) = match last {
            Some(LastLooked { file, sessions }) => (Some(file), sessions),
            None => (None, None),
        };
        let mut looked = Self {
            file,
            first: seen.is_none(),
            seen: seen.unwrap_or_else(|| now.clone()),
            now,
            ..Self::default()
        };
        looked.compare();
        looked
    }

    fn compare(&mut self) {
        self.changes = compare::compare(&self.seen, &self.now);
        self.by_key = self
            .changes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.clone(), i))
            .collect();
    }

    /// The programme changed: what differs from what the user saw is worked out again.
    pub(super) fn programme_changed(&mut self, now: Records) {
        self.now = now;
        self.compare();
    }

    /// The effect that saves the record, when there is a file for it.
    fn save(&self) -> Vec<Effect> {
        self.file
            .clone()
            .map(|file| Effect::SaveLooked {
                file,
                sessions: self.seen.clone(),
            })
            .into_iter()
            .collect()
    }

    /// Takes the session with `key` as seen as it is now. Whether it had changed.
    fn see(&mut self, key: &str) -> bool {
        if !self.by_key.contains_key(key) {
            return false;
        }
        match self.now.get(key) {
            Some(record) => self.seen.insert(key.to_string(), record.clone()),
            None => self.seen.remove(key),
        };
        self.compare();
        true
    }

    /// Takes everything as seen as it is now.
    fn see_all(&mut self) -> bool {
        if self.changes.is_empty() {
            return false;
        }
        self.seen = self.now.clone();
        self.compare();
        true
    }
}

impl App {
    /// Every change since the user last looked, not yet seen, by day and time.
    pub fn session_changes(&self) -> &[SessionChange] {
        &self.looked.changes
    }

    /// The unseen change to a session, if it has one.
    pub fn change_of(&self, session: usize) -> Option<&SessionChange> {
        self.change_by_key(&self.programme.sessions.get(session)?.id)
    }

    /// The unseen change to the session with this key, if it has one.
    pub(crate) fn change_by_key(&self, key: &str) -> Option<&SessionChange> {
        self.looked
            .by_key
            .get(key)
            .map(|&i| &self.looked.changes[i])
    }

    /// The change to a starred session not yet seen in the report on starred sessions.
    fn starred_change_of(&self, session: usize) -> Option<&Change> {
        let key = &self.programme.sessions.get(session)?.id;
        self.changes.iter().find(|c| &c.key == key)
    }

    /// Whether a session is marked as changed since the user last looked.
    pub fn is_marked(&self, session: usize) -> bool {
        self.change_of(session).is_some() || self.starred_change_of(session).is_some()
    }

    /// The mark of a session's unseen change in lists: new or changed; `None` without one.
    pub(crate) fn change_mark(&self, session: usize) -> Option<&'static str> {
        match self.change_of(session) {
            Some(change) if change.is_new() => Some(symbols::NEW_SYMBOL),
            Some(_) => Some(symbols::CHANGED_SYMBOL),
            None => self
                .starred_change_of(session)
                .map(|_| symbols::CHANGED_SYMBOL),
        }
    }

    /// A session's unseen change in words, for its details: `room K.3.201 → H.2215`.
    pub(crate) fn change_words(&self, session: usize) -> Option<String> {
        if let Some(change) = self.change_of(session) {
            return Some(change.parts_beside_title().join(", "));
        }
        self.starred_change_of(session)
            .map(|change| change.parts_beside_title().join(", "))
    }

    /// Every change since the user last looked, those touching starred sessions first.
    pub fn changes_report(&self) -> Vec<Reported> {
        report::report(&self.looked.changes, &self.changes, &self.stars)
    }

    /// Whether a change touches a starred session (which the Changes view lists first).
    pub(crate) fn touches_stars(&self, key: &str) -> bool {
        self.stars.contains_key(key)
    }

    /// What the record asks for at once: on the first look, the programme as it is, recorded.
    pub(super) fn record_first_look(&self) -> Vec<Effect> {
        if self.looked.first {
            self.looked.save()
        } else {
            Vec::new()
        }
    }

    /// Opens the Changes view.
    pub(super) fn show_changes(&mut self) {
        self.overlay = Some(Overlay::Changes);
        self.help_scroll = 0;
    }

    /// Whether there are changes to starred sessions the user has not seen, so the Changes
    /// view opens first thing.
    pub(super) fn starred_news(&self) -> bool {
        !self.changes.is_empty()
            || self
                .looked
                .changes
                .iter()
                .any(|c| self.touches_stars(&c.key))
    }

    /// The Changes view was closed: every change listed is seen.
    pub(super) fn see_all_changes(&mut self) -> Vec<Effect> {
        if self.looked.see_all() {
            self.refresh_entries();
            self.looked.save()
        } else {
            Vec::new()
        }
    }

    /// After each action: when the cursor has left a session whose change the user was shown,
    /// that change is seen.
    pub(super) fn note_selection(&mut self) -> Vec<Effect> {
        let now = self.selected_session().map(|s| s.id.clone());
        if now == self.looked.selected {
            return Vec::new();
        }
        let Some(left) = std::mem::replace(&mut self.looked.selected, now) else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        if self.looked.see(&left) {
            effects.extend(self.looked.save());
            self.columns = self.columns_for_entries();
        }
        if let Some(at) = self.changes.iter().position(|c| c.key == left) {
            let change = self.changes.remove(at);
            starred::acknowledge(&mut self.stars, std::slice::from_ref(&change));
            self.derive_from_stars();
            effects.extend(self.save(|programme| Effect::SaveSeen {
                programme,
                changes: vec![change],
            }));
        }
        effects
    }

    /// The session selected now counts as the one the user is looking at (after the
    /// programme is replaced, so that a change it brings is not taken as seen).
    pub(super) fn look_at_selection(&mut self) {
        self.looked.selected = self.selected_session().map(|s| s.id.clone());
    }
}
