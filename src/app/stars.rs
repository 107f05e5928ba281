//! Starring: the star key cycles a session through must, maybe and none, saves at once, and
//! keeps the derived levels and clashes up to date.

use super::{App, View, error_status, info_status, notice_status};
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
    pub fn starred_sessions(&self) -> Vec<usize> {
        let mut starred: Vec<usize> = self.levels.keys().copied().collect();
        starred.sort_unstable();
        starred
    }

    /// The starred session to tell of now (on now, else next), as the planner chooses it.
    pub fn starred_now(&self) -> Option<planner::StarredNow> {
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

    pub(super) fn cycle_star(&mut self) {
        let Some(index) = self.selected_index() else {
            self.status = Some(info_status(tr!("status.nothing_to_star").into()));
            return;
        };
        let session = &self.programme.sessions[index];
        let level = Level::cycle(self.level(index));
        let star = level.map(|level| Star::new(level, Seen::of(&self.programme, session)));
        let (key, title) = (session.id.clone(), session.title.clone());
        self.status = Some(match self.save_star(&key, star) {
            // Moving an unreadable file aside matters more than the star itself.
            Ok(Some(notice)) => notice_status(&notice),
            Ok(None) => info_status(match level {
                Some(Level::Must) => tr!("status.must", title = title),
                Some(Level::Maybe) => tr!("status.maybe", title = title),
                None => tr!("status.unstarred", title = title),
            }),
            Err(message) => error_status(message),
        });
        self.derive_from_stars();
        if self.view == View::MyProgramme {
            self.refresh_entries();
        }
    }

    /// Changes the star in memory and on disk; in memory it takes the merged result. Returns
    /// what the save has to tell.
    fn save_star(&mut self, key: &str, star: Option<Star>) -> Result<Option<Notice>, String> {
        let Some(store) = &self.store else {
            set_star(&mut self.stars, key, star);
            return Ok(None);
        };
        match store.set(&self.programme.id, key, star.clone()) {
            Ok((stars, notice)) => {
                self.stars = stars;
                Ok(notice)
            }
            Err(e) => {
                // Keep the star for this run so the screen matches what the user did.
                set_star(&mut self.stars, key, star);
                Err(tr!("status.not_saved", error = e))
            }
        }
    }
}

fn set_star(stars: &mut Stars, key: &str, star: Option<Star>) {
    match star {
        Some(star) => stars.insert(key.to_string(), star),
        None => stars.remove(key),
    };
}
