use std::fmt;

/// A wall-clock time on a programme day, in minutes after that day's midnight (venue time).
///
/// Minutes may pass 24 h: a session at 01:30 after a late evening belongs to the programme day
/// it closes, not to the next calendar date.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct DayTime(u32);

impl DayTime {
    /// The latest time we hold: a week after the day's midnight, for the ends of very long
    /// sessions (a camp's 72-hour event).
    pub const MAX_MINUTES: u32 = 7 * 24 * 60;
    /// The latest time a file may write as a clock time: two days, enough for any programme day
    /// that runs past midnight.
    pub const CLOCK_MAX_MINUTES: u32 = 48 * 60;

    /// A time `minutes` after the day's midnight; `None` past [`Self::MAX_MINUTES`].
    pub fn from_minutes(minutes: u32) -> Option<Self> {
        (minutes <= Self::MAX_MINUTES).then_some(Self(minutes))
    }

    /// A time from hours and minutes as a file writes them; `None` for 60 minutes or more.
    pub fn from_hm(hours: u32, minutes: u32) -> Option<Self> {
        if minutes >= 60 {
            return None;
        }
        Self::from_minutes(hours.checked_mul(60)?.checked_add(minutes)?)
    }

    /// Parses `HH:MM` (or `H:MM`); hours up to 48 for sessions past midnight.
    pub fn parse(text: &str) -> Option<Self> {
        Self::parse_up_to(text, Self::CLOCK_MAX_MINUTES)
    }

    /// Parses an end time: as [`Self::parse`], up to a week after the day's midnight (`HHH:MM`),
    /// for very long sessions.
    pub fn parse_end(text: &str) -> Option<Self> {
        Self::parse_up_to(text, Self::MAX_MINUTES)
    }

    fn parse_up_to(text: &str, most: u32) -> Option<Self> {
        let (hours, minutes) = text.trim().split_once(':')?;
        if hours.is_empty() || hours.len() > 3 || minutes.len() != 2 {
            return None;
        }
        if !hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Self::from_hm(hours.parse().ok()?, minutes.parse().ok()?).filter(|t| t.0 <= most)
    }

    /// This time plus `minutes`, if it stays within [`Self::MAX_MINUTES`].
    pub fn plus_minutes(self, minutes: u32) -> Option<Self> {
        Self::from_minutes(self.0.checked_add(minutes)?)
    }

    /// Minutes after the day's midnight, for sums and for turning the time into a moment.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// Whole days past the programme day's date (1 for a time after midnight).
    pub fn days_after(self) -> u32 {
        self.0 / (24 * 60)
    }
}

/// Shows the clock time a person reads on the wall: 25:30 is shown as 01:30.
impl fmt::Display for DayTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", (self.0 / 60) % 24, self.0 % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("09:00", Some(540))]
    #[case("9:05", Some(545))]
    #[case(" 13:30 ", Some(810))]
    #[case("00:00", Some(0))]
    #[case("25:30", Some(1530))]
    #[case("48:00", Some(2880))]
    #[case("48:01", None)]
    #[case("12:60", None)]
    #[case("12", None)]
    #[case("12:5", None)]
    #[case("-1:00", None)]
    #[case("+1:00", None)]
    #[case("ab:cd", None)]
    #[case("", None)]
    #[case("123:00", None)]
    #[case("100:00", None)]
    fn parses_clock_times(#[case] text: &str, #[case] minutes: Option<u32>) {
        assert_eq!(DayTime::parse(text).map(DayTime::minutes), minutes);
    }

    #[test]
    fn ends_may_run_for_days() {
        assert_eq!(
            DayTime::parse_end("96:30").map(DayTime::minutes),
            Some(96 * 60 + 30)
        );
        assert_eq!(
            DayTime::parse_end("168:00").map(DayTime::minutes),
            Some(168 * 60)
        );
        assert_eq!(DayTime::parse_end("168:01"), None);
    }

    #[test]
    fn after_midnight_reads_as_wall_clock() {
        let late = DayTime::parse("25:30").expect("valid");
        assert_eq!(late.to_string(), "01:30");
        assert_eq!(late.days_after(), 1);
    }
}
