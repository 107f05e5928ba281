//! How days read on screen; the dates themselves are worded by [`crate::i18n`].

pub use crate::i18n::{long_date, short_date, span};
use crate::model::Day;
use crate::tr;

/// A day's name in a list: its date, else its label, else its number.
pub fn day_name(day: &Day, index: usize) -> String {
    match (day.date, &day.label) {
        (Some(date), _) => short_date(date),
        (None, Some(label)) => label.clone(),
        (None, None) => tr!("date.day_number", n = index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn days_without_dates_use_label_or_number() {
        let mut day = Day {
            date: None,
            label: None,
            opens: None,
            closes: None,
            sessions: 0..0,
        };
        assert_eq!(day_name(&day, 1), "Day 2");
        day.label = Some("Digital".into());
        assert_eq!(day_name(&day, 1), "Digital");
        day.date = NaiveDate::from_ymd_opt(2024, 2, 13);
        assert_eq!(day_name(&day, 1), "Tue 13 Feb");
    }
}
