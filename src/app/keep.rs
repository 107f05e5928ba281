//! Keeping the user's programme: the changes a newer programme made to starred sessions (shown
//! once, until dismissed), stars of sessions that are gone, and exporting the stars to a
//! calendar file.

use super::{App, Overlay, error_status, info_status, notice_status};
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

    /// On start: note what changed since the user last looked, and give stars saved by an older
    /// version a record of their session (silently).
    pub(super) fn review_changes(&mut self) {
        if changes::missing_records(&self.index.keys, &self.stars) {
            let (programme, keys) = (&self.programme, &self.index.keys);
            if let Some(store) = &self.store
                && let Ok((stars, notice)) = store.modify(&programme.id, |stars| {
                    changes::fill_in_missing(programme, keys, stars);
                })
            {
                self.stars = stars;
                if let Some(notice) = notice {
                    self.status = Some(notice_status(&notice));
                }
            }
        }
        self.changes = changes::changes(&self.programme, &self.index.keys, &self.stars);
        if !self.changes.is_empty() {
            self.overlay = Some(Overlay::Changes);
        }
    }

    pub(super) fn dismiss_changes(&mut self) {
        let seen = std::mem::take(&mut self.changes);
        self.overlay = None;
        self.help_scroll = 0;
        changes::acknowledge(&mut self.stars, &seen);
        if let Some(store) = &self.store {
            match store.modify(&self.programme.id, |stars| {
                changes::acknowledge(stars, &seen);
            }) {
                Ok((stars, notice)) => {
                    self.stars = stars;
                    if let Some(notice) = notice {
                        self.status = Some(notice_status(&notice));
                    }
                }
                Err(e) => self.status = Some(error_status(tr!("status.not_saved", error = e))),
            }
        }
        self.derive_from_stars();
    }

    /// Writes the starred sessions to `<programme id>-favourites.ics` beside the favourites.
    pub(super) fn export_favourites(&mut self) {
        let Some(dir) = self.store.as_ref().and_then(|s| s.path().parent()) else {
            self.status = Some(error_status(tr!("status.no_export_dir").into()));
            return;
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
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| crate::disk::write_atomically(&path, exported.text.as_bytes()));
        if let Err(e) = written {
            self.status = Some(error_status(tr!(
                "status.not_exported",
                path = crate::text::shown_path(&path),
                error = e
            )));
            return;
        }
        let left_out = match exported.left_out.len() {
            0 => String::new(),
            n => format!(" {}", tr!("status.left_out", n = n)),
        };
        self.status = Some(info_status(
            tr!(
                "status.exported",
                n = starred.len() - exported.left_out.len(),
                path = crate::text::shown_path(&path)
            ) + &left_out,
        ));
    }
}
