//! Starring: the star key cycles a session through must, maybe and none, asks for the star to
//! be saved at once, and keeps the derived levels and clashes up to date.

use super::{App, Effect, View, info_status, notice_status};
use crate::favourites::Notice;
use crate::model::{Level, Seen, Star, Stars};
use crate::planner;
use crate::tr;

impl App {
    /// The star level of a session, if starred.
    pub fn level(&self, session: usize) -> Option<Level> {
        self.levels.get(&session).copied()
    }

    /// How many sessions are starred, at either level.
    pub fn starred_count(&self) -> usize {
        self.levels.len()
    }

    /// The *must* sessions a session clashes with (empty if none, or if it is not a must).
    pub fn clashes_of(&self, session: usize) -> &[usize] {
        self.clashes.get(&session).map_or(&[], Vec::as_slice)
    }

    /// Starred session indexes, in programme order.
    pub(crate) fn starred_sessions(&self) -> Vec<usize> {
        let mut starred: Vec<usize> = self.levels.keys().copied().collect();
        starred.sort_unstable();
        starred
    }

    /// The starred session to tell of now (on now, else next), as the planner chooses it.
    pub(crate) fn starred_now(&self) -> Option<planner::StarredNow> {
        planner::starred_now(
            &self.timeline,
            &self.starred_sessions(),
            |i| self.level(i) == Some(Level::Must),
            self.now,
        )
    }

    /// The starred sessions of the programme that is open (stars of sessions it no longer has
    /// are kept in the file but not counted here).
    pub(super) fn derive_from_stars(&mut self) {
        self.levels = self
            .stars
            .iter()
            .filter_map(|(key, star)| Some((*self.index.keys.get(key)?, star.level)))
            .collect();
        self.cancelled = self
            .stars
            .iter()
            .filter(|(key, _)| !self.index.keys.contains_key(*key))
            .filter_map(|(key, star)| Some((key.clone(), star.seen.clone()?)))
            .collect();
        let musts: Vec<usize> = self
            .levels
            .iter()
            .filter(|(_, level)| **level == Level::Must)
            .map(|(i, _)| *i)
            .collect();
        self.clashes = planner::clashes(&self.timeline, &musts);
    }

    /// Cycles the selected session's star: at once in memory (so the screen shows what the user
    /// did, saved or not), and asks for it to be saved.
    pub(super) fn cycle_star(&mut self) -> Vec<Effect> {
        let Some(index) = self.selected_index() else {
            self.status = Some(info_status(tr!("status.nothing_to_star").into()));
            return Vec::new();
        };
        let session = &self.programme.sessions[index];
        let level = Level::cycle(self.level(index));
        let star = level.map(|level| Star::new(level, Seen::of(&self.programme, session)));
        let (key, title) = (session.id.clone(), session.title.clone());
        self.status = Some(info_status(match level {
            Some(Level::Must) => tr!("status.must", title = title),
            Some(Level::Maybe) => tr!("status.maybe", title = title),
            None => tr!("status.unstarred", title = title),
        }));
        set_star(&mut self.stars, &key, star.clone());
        self.stars_changed();
        self.save(|programme| Effect::SaveStar {
            programme,
            key,
            star,
        })
    }

    /// The effect that saves a change to the stars, when the user's files are kept at all.
    pub(super) fn save(&self, effect: impl FnOnce(String) -> Effect) -> Vec<Effect> {
        self.files
            .is_some()
            .then(|| effect(self.programme.id.clone()))
            .into_iter()
            .collect()
    }

    /// A save went through: the stars are now as saved (another instance's included).
    pub(super) fn saved(&mut self, stars: Stars, notice: Option<&Notice>) {
        self.stars = stars;
        if let Some(notice) = notice {
            // Moving an unreadable file aside matters more than the star itself.
            self.status = Some(notice_status(notice));
        }
        self.stars_changed();
    }

    /// Keeps what is worked out from the stars, and the plan that lists them, up to date.
    fn stars_changed(&mut self) {
        self.derive_from_stars();
        if self.view == View::MyProgramme {
            self.refresh_entries();
        } else if self.filters.starred_only {
            // The counts follow the filters, "starred only" among them.
            self.counts = self.count_sessions();
        }
    }
}

fn set_star(stars: &mut Stars, key: &str, star: Option<Star>) {
    match star {
        Some(star) => stars.insert(key.to_string(), star),
        None => stars.remove(key),
    };
}
