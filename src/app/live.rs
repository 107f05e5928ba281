//! Keeping the programme current while the viewer runs: `R` asks its source now; the clock's
//! minutes ask when the refresh policy says a copy is due; a rewritten file is read again. The
//! app only decides: it asks for [`Effect::Refresh`] and hears what came of it as
//! [`Refreshed`]. A failure keeps the programme shown and says so once.

use chrono::{DateTime, TimeDelta, Utc};

use super::{App, Effect, error_status, info_status};
use crate::action::Refreshed;
use crate::library::policy::Kept;
use crate::library::{Policy, ago};
use crate::model::Shown;
use crate::tr;

/// The copy the viewer shows, as the library keeps it: what the refresh policy needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Live {
    /// When the source last answered, the conference's days, and whether it answers
    /// conditional requests.
    pub kept: Kept,
    /// When a copy is due to be asked for again.
    pub policy: Policy,
    /// `--offline`: the network is never touched (a rewritten file is still read again).
    pub offline: bool,
}

/// Why a refresh was asked for, which decides what the user hears of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    /// `R`: every outcome is told.
    ByUser,
    /// The policy said the copy is due: only news, and a failure once.
    Due,
    /// The programme's file was rewritten: news, and why a rewrite was not taken.
    FileChanged,
}

/// Where refreshing stands.
#[derive(Debug, Clone)]
pub(super) struct Refreshing {
    /// The copy shown, if it came through the library (a shipped programme has none).
    live: Option<Live>,
    /// The world's time, as the clock last said.
    wall: DateTime<Utc>,
    /// The refresh under way, and why it was asked for.
    running: Option<Asked>,
    /// The file changed again while a refresh was under way: read it once more after.
    again: bool,
    /// When an automatic refresh last failed, so a source that is down is not asked every
    /// minute.
    failed_at: Option<DateTime<Utc>>,
    /// A failure has been told since the last success: an automatic one is not told again.
    failure_told: bool,
}

impl Refreshing {
    /// Refreshing for the copy `live`, the world's time being `wall`.
    pub(super) fn new(live: Option<Live>, wall: DateTime<Utc>) -> Self {
        Self {
            live,
            wall,
            running: None,
            again: false,
            failed_at: None,
            failure_told: false,
        }
    }
}

impl App {
    /// `R`: asks the source now, unless there is none, the network is off or one is under way.
    pub(super) fn refresh_now(&mut self) -> Vec<Effect> {
        let Some(live) = self.refreshing.live else {
            self.status = Some(info_status(tr!("status.refresh_nothing").into()));
            return Vec::new();
        };
        if live.offline {
            self.status = Some(info_status(tr!("status.refresh_offline").into()));
            return Vec::new();
        }
        if self.refreshing.running.is_some() {
            self.status = Some(info_status(tr!("status.refresh_running").into()));
            return Vec::new();
        }
        self.status = Some(info_status(tr!("status.refreshing").into()));
        self.start_refresh(Asked::ByUser)
    }

    /// The clock moved on to `wall`: asks the source if the copy is due.
    pub(super) fn refresh_if_due(&mut self, wall: DateTime<Utc>) -> Vec<Effect> {
        self.refreshing.wall = wall;
        let due = self.refreshing.live.is_some_and(|live| {
            !live.offline
                && self
                    .interval()
                    .is_some_and(|i| wall - self.asked_last() >= i)
        });
        if due && self.refreshing.running.is_none() {
            self.start_refresh(Asked::Due)
        } else {
            Vec::new()
        }
    }

    /// The programme's file was rewritten: reads it again (after the read under way, if any).
    pub(super) fn source_changed(&mut self) -> Vec<Effect> {
        if self.refreshing.live.is_none() {
            return Vec::new();
        }
        if self.refreshing.running.is_some() {
            self.refreshing.again = true;
            return Vec::new();
        }
        self.start_refresh(Asked::FileChanged)
    }

    fn start_refresh(&mut self, asked: Asked) -> Vec<Effect> {
        self.refreshing.running = Some(asked);
        vec![Effect::Refresh]
    }

    /// What came of a refresh: a new programme replaces the one shown; a failure keeps it.
    pub(super) fn refreshed(&mut self, outcome: Refreshed) -> Vec<Effect> {
        let asked = self.refreshing.running.take().unwrap_or(Asked::Due);
        let mut effects = match outcome {
            Refreshed::New(programme, at) => {
                self.answered(at);
                let effects = self.replace_programme(*programme);
                let updated = tr!("status.refreshed", time = self.shown_time(at));
                self.tell_replaced(&updated);
                effects
            }
            Refreshed::UpToDate(at) => {
                self.answered(at);
                if asked == Asked::ByUser {
                    self.status = Some(info_status(tr!("status.up_to_date").into()));
                }
                Vec::new()
            }
            Refreshed::Failed(why) => {
                self.refresh_failed(asked, &why);
                Vec::new()
            }
        };
        if std::mem::take(&mut self.refreshing.again) {
            effects.extend(self.start_refresh(Asked::FileChanged));
        }
        effects
    }

    fn answered(&mut self, at: DateTime<Utc>) {
        if let Some(live) = &mut self.refreshing.live {
            live.kept.checked = at;
        }
        self.refreshing.failed_at = None;
        self.refreshing.failure_told = false;
    }

    /// Says why the copy shown stays, once for automatic refreshes, every time for `R`.
    fn refresh_failed(&mut self, asked: Asked, why: &str) {
        if asked == Asked::Due {
            self.refreshing.failed_at = Some(self.refreshing.wall);
        }
        if asked == Asked::Due && self.refreshing.failure_told {
            return;
        }
        self.refreshing.failure_told = true;
        let since = self
            .refreshing
            .live
            .map(|live| self.shown_time(live.kept.checked))
            .unwrap_or_default();
        self.status = Some(error_status(tr!(
            "status.refresh_failed",
            why = crate::text::clean_line(why),
            time = since
        )));
    }

    /// "programme as of 09:12, 3 h ago", when the copy shown is older than the refresh
    /// interval (the source has not answered for longer than it should have).
    pub fn copy_age_note(&self) -> Option<String> {
        let live = self.refreshing.live?;
        let age = self.refreshing.wall - live.kept.checked;
        (age > self.interval()?).then(|| {
            tr!(
                "header.as_of",
                time = self.shown_time(live.kept.checked),
                age = ago(age)
            )
        })
    }

    /// How long the copy stays current today, by the policy; `None`: for ever.
    fn interval(&self) -> Option<TimeDelta> {
        let live = self.refreshing.live?;
        let today = self.timeline.wall(Shown::Venue, self.now).date();
        live.policy.interval_for(&live.kept, today)
    }

    /// When the source was last asked: its last answer, or a failed try since.
    fn asked_last(&self) -> DateTime<Utc> {
        let checked = self.refreshing.live.map(|l| l.kept.checked);
        checked
            .into_iter()
            .chain(self.refreshing.failed_at)
            .max()
            .unwrap_or(self.refreshing.wall)
    }

    /// `09:12` on the clock times are shown in.
    fn shown_time(&self, at: DateTime<Utc>) -> String {
        crate::model::clock(&self.timeline, self.shown, at)
    }
}
