//! How days and dates read on screen.

use chrono::NaiveDate;

use crate::model::Day;

/// Short, for lists: `Tue 13 Feb`.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// Long, for details: `Tuesday 13 February 2024`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// A day's name in a list: its date, else its label, else its number.
pub fn day_name(day: &Day, index: usize) -> String {
    match (day.date, &day.label) {
        (Some(date), _) => short_date(date),
        (None, Some(label)) => label.clone(),
        (None, None) => format!("Day {}", index + 1),
    }
}

/// `12–14 Feb 2024`, `30 Jan – 2 Feb 2025`, or one date.
pub fn span(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike;
    if first == last {
        first.format("%-d %b %Y").to_string()
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        format!("{}–{}", first.format("%-d"), last.format("%-d %b %Y"))
    } else if first.year() == last.year() {
        format!("{} – {}", first.format("%-d %b"), last.format("%-d %b %Y"))
    } else {
        format!(
            "{} – {}",
            first.format("%-d %b %Y"),
            last.format("%-d %b %Y")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span(date(2024, 2, 12), date(2024, 2, 14)), "12–14 Feb 2024");
        assert_eq!(
            span(date(2025, 1, 30), date(2025, 2, 2)),
            "30 Jan – 2 Feb 2025"
        );
        assert_eq!(
            span(date(2019, 12, 27), date(2020, 1, 2)),
            "27 Dec 2019 – 2 Jan 2020"
        );
        assert_eq!(span(date(2024, 2, 13), date(2024, 2, 13)), "13 Feb 2024");
    }

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
        day.date = Some(date(2024, 2, 13));
        assert_eq!(day_name(&day, 1), "Tue 13 Feb");
    }
}
