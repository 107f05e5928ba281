//! How days read on screen; the dates themselves are worded by [`crate::i18n`].

pub(crate) use crate::i18n::{day_heading, day_name, short_date, span};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Day;
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
