//! When a programme kept in the library is asked for again: before the conference once a day,
//! during its days every half hour (every two hours when the server answers no conditional
//! request, as each ask then downloads it whole), after it never. Each is a setting.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// How often to ask for a newer copy in each phase of the conference; `None` is never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Before its first day.
    pub before: Option<TimeDelta>,
    /// On its days, from a server that answers conditional requests.
    pub during: Option<TimeDelta>,
    /// On its days, from a server that sends the whole file every time.
    pub during_unconditional: Option<TimeDelta>,
    /// After its last day.
    pub after: Option<TimeDelta>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            before: Some(TimeDelta::days(1)),
            during: Some(TimeDelta::minutes(30)),
            during_unconditional: Some(TimeDelta::hours(2)),
            after: None,
        }
    }
}

impl Policy {
    /// Never on its own: only when asked (`R`, `dagsorden refresh`).
    pub const MANUAL: Self = Self {
        before: None,
        during: None,
        during_unconditional: None,
        after: None,
    };
}

/// Where today falls against the conference's days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before its first day, or its days are not known.
    Before,
    /// On one of its days (or between them).
    During,
    /// After its last day.
    After,
}

impl Phase {
    /// The phase of `today` for a conference on `days` (first and last), if known.
    pub fn of(today: NaiveDate, days: Option<(NaiveDate, NaiveDate)>) -> Self {
        match days {
            Some((_, last)) if today > last => Self::After,
            Some((first, _)) if today >= first => Self::During,
            _ => Self::Before,
        }
    }
}

/// What the policy needs to know of a kept copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    /// When the server was last asked (and answered).
    pub checked: DateTime<Utc>,
    /// The conference's first and last day, if the programme has dates.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Whether the server answers conditional requests (it sent a validator or a 304).
    pub conditional: bool,
}

impl Policy {
    /// How long a copy stays current in `phase`; `None`: for ever.
    pub fn interval(&self, phase: Phase, conditional: bool) -> Option<TimeDelta> {
        match phase {
            Phase::Before => self.before,
            Phase::During if conditional => self.during,
            Phase::During => self.during_unconditional,
            Phase::After => self.after,
        }
    }

    /// How long `kept` stays current, today being `today`.
    pub fn interval_for(&self, kept: &Kept, today: NaiveDate) -> Option<TimeDelta> {
        self.interval(Phase::of(today, kept.days), kept.conditional)
    }

    /// Whether `kept` is due to be asked for again at `now`, today being `today` at the
    /// venue.
    pub fn is_due(&self, kept: &Kept, now: DateTime<Utc>, today: NaiveDate) -> bool {
        self.interval_for(kept, today)
            .is_some_and(|interval| now - kept.checked >= interval)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("a time")
    }

    fn kept(checked: &str, conditional: bool) -> Kept {
        Kept {
            checked: at(checked),
            days: Some((date("2025-02-01"), date("2025-02-02"))),
            conditional,
        }
    }

    #[test]
    fn the_phase_follows_the_days() {
        let days = Some((date("2025-02-01"), date("2025-02-02")));
        assert_eq!(Phase::of(date("2025-01-31"), days), Phase::Before);
        assert_eq!(Phase::of(date("2025-02-01"), days), Phase::During);
        assert_eq!(Phase::of(date("2025-02-02"), days), Phase::During);
        assert_eq!(Phase::of(date("2025-02-03"), days), Phase::After);
        assert_eq!(Phase::of(date("2030-01-01"), None), Phase::Before);
    }

    #[test]
    fn before_the_conference_once_a_day() {
        let policy = Policy::default();
        let kept = kept("2025-01-20T08:00:00Z", true);
        let today = date("2025-01-20");
        assert!(!policy.is_due(&kept, at("2025-01-20T20:00:00Z"), today));
        assert!(policy.is_due(&kept, at("2025-01-21T08:00:00Z"), date("2025-01-21")));
    }

    #[test]
    fn during_it_every_half_hour_or_two_hours_without_validators() {
        let policy = Policy::default();
        let today = date("2025-02-01");
        let conditional = kept("2025-02-01T09:00:00Z", true);
        assert!(!policy.is_due(&conditional, at("2025-02-01T09:29:00Z"), today));
        assert!(policy.is_due(&conditional, at("2025-02-01T09:30:00Z"), today));
        let unconditional = kept("2025-02-01T09:00:00Z", false);
        assert!(!policy.is_due(&unconditional, at("2025-02-01T10:59:00Z"), today));
        assert!(policy.is_due(&unconditional, at("2025-02-01T11:00:00Z"), today));
    }

    #[test]
    fn after_it_never_unless_set() {
        let kept = kept("2025-02-02T20:00:00Z", true);
        let later = at("2026-01-01T00:00:00Z");
        assert!(!Policy::default().is_due(&kept, later, date("2026-01-01")));
        let weekly = Policy {
            after: Some(TimeDelta::weeks(1)),
            ..Policy::default()
        };
        assert!(weekly.is_due(&kept, later, date("2026-01-01")));
        assert!(!Policy::MANUAL.is_due(&kept, at("2025-02-01T12:00:00Z"), date("2025-02-01")));
    }
}
