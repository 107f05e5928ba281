//! Keeping the user's programme: the changes a newer programme made to starred sessions (shown
//! once, until dismissed), stars of sessions that are gone, and exporting the stars to a
//! calendar file.

use std::path::{Path, PathBuf};

use super::{App, Effect, Overlay, View, error_status, info_status};
use crate::action::Action;
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
        if self.starred_news() {
            self.overlay = Some(Overlay::Changes);
        }
    }

    /// What the app wants done as soon as it is made: stars that had no record of their session
    /// saved with one, quietly; on the first look at a programme, the record of its sessions.
    pub fn effects_at_start(&self) -> Vec<Effect> {
        let mut effects = self.record_first_look();
        let records = changes::missing_records(&self.programme, &self.index.keys, &self.stars);
        if !records.is_empty() {
            effects.extend(self.save(|programme| Effect::SaveRecords { programme, records }));
        }
        effects
    }

    pub(super) fn dismiss_changes(&mut self) -> Vec<Effect> {
        let seen = std::mem::take(&mut self.changes);
        self.overlay = None;
        self.help_scroll = 0;
        changes::acknowledge(&mut self.stars, &seen);
        self.derive_from_stars();
        let mut effects = self.see_all_changes();
        if !seen.is_empty() {
            effects.extend(self.save(|programme| Effect::SaveSeen {
                programme,
                changes: seen,
            }));
        }
        effects
    }

    /// Asks where to write the calendar of the starred sessions: the path is offered, to be
    /// kept or edited — `<programme id>-favourites.ics` in the directory the viewer was started
    /// in (else beside the favourites).
    pub(super) fn export_favourites(&mut self) -> Vec<Effect> {
        let Some(dir) = self.export_dir.as_ref().or(self.files.as_ref()) else {
            self.status = Some(error_status(tr!("status.no_export_dir").into()));
            return Vec::new();
        };
        let path = dir.join(self.export_file_name());
        self.export_prompt = Some(path.to_string_lossy().into_owned());
        self.show_export_prompt();
        Vec::new()
    }

    fn export_file_name(&self) -> String {
        format!("{}-favourites.ics", self.programme.id)
    }

    /// The path as typed so far, in the status line, with what Enter and Esc do.
    fn show_export_prompt(&mut self) {
        let path = self.export_prompt.as_deref().unwrap_or_default();
        self.status = Some(info_status(tr!(
            "status.export_to",
            path = crate::text::clean_line(path)
        )));
    }

    /// A key while the calendar's path is typed: letters edit it, Enter writes, Esc cancels.
    pub(super) fn prompt_key(&mut self, action: &Action) -> Vec<Effect> {
        let Some(typed) = &mut self.export_prompt else {
            return Vec::new();
        };
        match action {
            Action::SearchType(c) => typed.push(*c),
            Action::SearchBackspace => {
                typed.pop();
            }
            Action::SearchAccept => {
                let path = self.export_path();
                self.export_prompt = None;
                return path.map_or_else(Vec::new, |path| self.export_to(path));
            }
            Action::SearchCancel | Action::Back => {
                self.export_prompt = None;
                self.status = Some(info_status(tr!("status.export_cancelled").into()));
                return Vec::new();
            }
            _ => {}
        }
        self.show_export_prompt();
        Vec::new()
    }

    /// The path typed: a relative one read against the directory offered; one ending in `/`
    /// (a directory) gets the calendar's own file name. `None` when nothing was typed.
    fn export_path(&self) -> Option<PathBuf> {
        let typed = self.export_prompt.as_deref()?.trim();
        if typed.is_empty() {
            return None;
        }
        let mut path = PathBuf::from(typed);
        if typed.ends_with(std::path::MAIN_SEPARATOR) || typed.ends_with('/') {
            path.push(self.export_file_name());
        }
        if path.is_relative()
            && let Some(dir) = self.export_dir.as_ref().or(self.files.as_ref())
        {
            path = dir.join(path);
        }
        Some(path)
    }

    /// Makes the calendar of the starred sessions, for the loop to write to `path`.
    fn export_to(&mut self, path: PathBuf) -> Vec<Effect> {
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

/// Whether `action` goes to the calendar's path while it is typed (the clock, a resize and the
/// outcomes of work go on as usual, and Ctrl-C still quits).
pub(super) fn is_prompt_key(action: &Action) -> bool {
    matches!(
        action,
        Action::SearchType(_)
            | Action::SearchBackspace
            | Action::SearchAccept
            | Action::SearchCancel
            | Action::Back
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
    )
}
