//! The `[refresh]` table: when programmes from URLs are asked for again, and how long a
//! download may take.
//!
//! ```toml
//! [refresh]
//! auto = true                   # false: only on R or `dagsorden refresh`
//! before = "1d"                 # before the conference
//! during = "30m"                # on its days
//! during_unconditional = "2h"   # on its days, from a server that always sends the whole file
//! after = "never"               # after it
//! timeout = "2m"                # the most one download may take
//! ```

use std::time::Duration;

use chrono::TimeDelta;
use toml::Spanned;
use toml::de::DeValue;

use super::{LineIndex, Problem, problem};
use crate::library::Policy;
use crate::tr;

/// What the table sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Refresh {
    /// When to ask again; `None`: the default policy.
    pub policy: Option<Policy>,
    /// How long one download may take; `None`: the default.
    pub timeout: Option<Duration>,
}

/// The setting names, for the message about one that is not.
const NAMES: &str = "auto, before, during, during_unconditional, after, timeout";

/// Reads the `[refresh]` table; what is wrong is reported and left at its default.
pub(super) fn parse(
    value: &Spanned<DeValue<'_>>,
    lines: &LineIndex,
    problems: &mut Vec<Problem>,
) -> Refresh {
    let DeValue::Table(table) = value.get_ref() else {
        let line = lines.line(value.span().start);
        problems.push(problem(line, tr!("config.refresh_not_table").into()));
        return Refresh::default();
    };
    let mut policy = Policy::default();
    let mut refresh = Refresh::default();
    let mut auto = true;
    for (name, value) in table {
        let line = lines.line(name.span().start);
        let name = name.get_ref().as_ref();
        let interval = || interval(value.get_ref()).ok_or(name);
        let result = match name {
            "auto" => match value.get_ref() {
                DeValue::Boolean(on) => {
                    auto = *on;
                    Ok(())
                }
                _ => Err(name),
            },
            "before" => interval().map(|i| policy.before = i),
            "during" => interval().map(|i| policy.during = i),
            "during_unconditional" => interval().map(|i| policy.during_unconditional = i),
            "after" => interval().map(|i| policy.after = i),
            "timeout" => interval().and_then(|i| {
                let seconds = i.and_then(|i| u64::try_from(i.num_seconds()).ok());
                refresh.timeout =
                    Some(Duration::from_secs(seconds.filter(|s| *s > 0).ok_or(name)?));
                Ok(())
            }),
            _ => {
                let message = tr!("config.unknown_setting", name = name, names = NAMES);
                problems.push(problem(line, message));
                continue;
            }
        };
        if let Err(name) = result {
            problems.push(problem(line, tr!("config.bad_interval", name = name)));
        }
        refresh.policy = Some(policy);
    }
    if !auto {
        refresh.policy = Some(Policy::MANUAL);
    }
    refresh
}

/// `"30m"`, `"2h"`, `"1d"`, `"45s"` or `"never"` (`None`); `None` outside for anything else.
#[allow(clippy::option_option)] // "never" is a value, unlike a wrong one
fn interval(value: &DeValue<'_>) -> Option<Option<TimeDelta>> {
    let DeValue::String(text) = value else {
        return None;
    };
    let text = text.trim().to_lowercase();
    if text == "never" {
        return Some(None);
    }
    let unit_at = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(unit_at);
    let n: i64 = number.parse().ok()?;
    let delta = match unit.trim() {
        "s" => TimeDelta::try_seconds(n),
        "m" | "min" => TimeDelta::try_minutes(n),
        "h" => TimeDelta::try_hours(n),
        "d" => TimeDelta::try_days(n),
        _ => None,
    }?;
    (n > 0).then_some(Some(delta))
}

#[cfg(test)]
mod tests {
    use super::super::parse as parse_config;
    use super::*;

    #[test]
    fn every_interval_can_be_set_or_turned_off() {
        let (settings, problems) = parse_config(
            "[refresh]\nbefore = \"12h\"\nduring = \"10m\"\nduring_unconditional = \"1h\"\n\
             after = \"7d\"\ntimeout = \"45s\"\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let policy = settings.refresh.policy.expect("a policy");
        assert_eq!(policy.before, Some(TimeDelta::hours(12)));
        assert_eq!(policy.during, Some(TimeDelta::minutes(10)));
        assert_eq!(policy.during_unconditional, Some(TimeDelta::hours(1)));
        assert_eq!(policy.after, Some(TimeDelta::days(7)));
        assert_eq!(settings.refresh.timeout, Some(Duration::from_secs(45)));
        let (off, _) = parse_config("[refresh]\nauto = false\nduring = \"10m\"\n");
        assert_eq!(off.refresh.policy, Some(Policy::MANUAL));
        let (never, _) = parse_config("[refresh]\nbefore = \"never\"\n");
        assert_eq!(never.refresh.policy.and_then(|p| p.before), None);
    }

    #[test]
    fn a_wrong_interval_is_reported_with_its_line_and_left_at_its_default() {
        let (settings, problems) =
            parse_config("[refresh]\nduring = \"soon\"\nbefore = 3\nnope = 1\n");
        let mut lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        lines.sort_unstable();
        assert_eq!(lines, [2, 3, 4]);
        let policy = settings.refresh.policy.unwrap_or_default();
        assert_eq!(policy.during, Policy::default().during);
    }
}
