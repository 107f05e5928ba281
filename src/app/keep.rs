//! Keeping the user's programme: the changes a newer programme made to starred sessions (shown
//! once, until dismissed), stars of sessions that are gone, and exporting the stars to a
//! calendar file.

use std::path::Path;

use super::{App, Effect, Overlay, View, error_status, info_status};
use crate::changes::{self, Change};
use crate::export;
use crate::model::Seen;
use crate::tr;

impl App {
    /// The changes to starred sessions not yet dismissed.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Starred sessions the programme no longer has: their key and what they looked like.
    pub fn cancelled(&self) -> &[(String, Seen)] {
        &self.cancelled
    }

    /// Takes the star off a session the programme no longer has (its row in My programme).
    pub(super) fn unstar_cancelled(&mut self, index: usize) -> Vec<Effect> {
        let Some((key, seen)) = self.cancelled.get(index).cloned() else {
            return Vec::new();
        };
        self.stars.remove(&key);
        self.derive_from_stars();
        if self.view == View::MyProgramme {
            self.refresh_entries();
        }
        self.status = Some(info_status(tr!(
            "status.unstarred",
            title = crate::text::clean_line(&seen.title)
        )));
        self.save(|programme| Effect::SaveStar {
            programme,
            key,
            star: None,
        })
    }

    /// On start: note what changed since the user last looked. (Stars saved by an older version
    /// without a record of their session get one through [`App::effects_at_start`].)
    pub(super) fn review_changes(&mut self) {
        self.changes = changes::changes(&self.programme, &self.index.keys, &self.stars);
        if !self.changes.is_empty() {
            self.overlay = Some(Overlay::Changes);
        }
    }

    /// What the app wants done as soon as it is made: stars that had no record of their session
    /// saved with one, quietly.
    pub fn effects_at_start(&self) -> Vec<Effect> {
        let records = changes::missing_records(&self.programme, &self.index.keys, &self.stars);
        if records.is_empty() {
            return Vec::new();
        }
        self.save(|programme| Effect::SaveRecords { programme, records })
    }

    pub(super) fn dismiss_changes(&mut self) -> Vec<Effect> {
        let seen = std::mem::take(&mut self.changes);
        self.overlay = None;
        self.help_scroll = 0;
        changes::acknowledge(&mut self.stars, &seen);
        self.derive_from_stars();
        self.save(|programme| Effect::SaveSeen {
            programme,
            changes: seen,
        })
    }

    /// Makes the calendar of the starred sessions, for the loop to write to
    /// `<programme id>-favourites.ics` beside the favourites.
    pub(super) fn export_favourites(&mut self) -> Vec<Effect> {
        let Some(dir) = &self.files else {
            self.status = Some(error_status(tr!("status.no_export_dir").into()));
            return Vec::new();
        };
        let path = dir.join(format!("{}-favourites.ics", self.programme.id));
        let starred = self.starred_sessions();
        let exported = export::ics(
            &self.programme,
            &self.timeline,
            &starred,
            |i| self.level(i),
            self.now,
        );
        vec![Effect::Export {
            path,
            sessions: starred.len() - exported.left_out.len(),
            left_out: exported.left_out.len(),
            text: exported.text,
        }]
    }

    /// The calendar was written.
    pub(super) fn exported(&mut self, path: &Path, sessions: usize, left_out: usize) {
        let left_out = match left_out {
            0 => String::new(),
            n => format!(" {}", tr!("status.left_out", n = n)),
        };
        self.status = Some(info_status(
            tr!(
                "status.exported",
                n = sessions,
                path = crate::text::shown_path(path)
            ) + &left_out,
        ));
    }

    /// Writing the calendar failed.
    pub(super) fn export_failed(&mut self, path: &Path, why: &str) {
        self.status = Some(error_status(tr!(
            "status.not_exported",
            path = crate::text::shown_path(path),
            error = why
        )));
    }
}
