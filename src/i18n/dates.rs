//! Dates in words, in the current language: "Tuesday 13 February 2024", "tirsdag 13. februar
//! 2024". Times are always 24-hour and need nothing from here.

use chrono::{Datelike, NaiveDate};

use crate::tr;

/// The weekday's name, whole (`Tuesday`) or short (`Tue`).
pub fn weekday_name(date: NaiveDate, short: bool) -> &'static str {
    let names = if short {
        tr!("date.weekdays_short")
    } else {
        tr!("date.weekdays")
    };
    nth(names, date.weekday().num_days_from_monday() as usize)
}

/// The month's name, whole (`February`) or short (`Feb`).
pub fn month_name(date: NaiveDate, short: bool) -> &'static str {
    let names = if short {
        tr!("date.months_short")
    } else {
        tr!("date.months")
    };
    nth(names, date.month0() as usize)
}

/// The `index`th of a comma-separated list of names.
fn nth(names: &'static str, index: usize) -> &'static str {
    names.split(',').nth(index).map_or("", str::trim)
}

/// Short, for lists: `Tue 13 Feb`, `tir 13. feb`.
pub fn short_date(date: NaiveDate) -> String {
    tr!(
        "date.short",
        weekday = weekday_name(date, true),
        day = date.day(),
        month = month_name(date, true)
    )
}

/// Long, for details: `Tuesday 13 February 2024`, `tirsdag 13. februar 2024`.
pub fn long_date(date: NaiveDate) -> String {
    tr!(
        "date.long",
        weekday = weekday_name(date, false),
        day = date.day(),
        month = month_name(date, false),
        year = date.year()
    )
}

/// A day's name in a list: `Tue 13 Feb`, else its label, else its number.
pub fn day_name(day: &crate::model::Day, index: usize) -> String {
    named(day, index, short_date)
}

/// A day's name as a heading: `Tuesday 13 February 2024`, else its label, else its number.
pub fn day_heading(day: &crate::model::Day, index: usize) -> String {
    named(day, index, long_date)
}

/// The one rule for a day's name: its date (worded by `date`), else its label, else its
/// number.
fn named(day: &crate::model::Day, index: usize, date: fn(NaiveDate) -> String) -> String {
    match (day.date, &day.label) {
        (Some(d), _) => date(d),
        (None, Some(label)) => label.clone(),
        (None, None) => tr!("date.day_number", n = index + 1),
    }
}

/// `13 Feb 2024`.
fn day_month_year(date: NaiveDate) -> String {
    tr!(
        "date.day_month_year",
        day = date.day(),
        month = month_name(date, true),
        year = date.year()
    )
}

/// `12–14 Feb 2024`, `30 Jan – 2 Feb 2025`, or one date.
pub fn span(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        day_month_year(first)
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        tr!(
            "date.span_in_month",
            first = first.day(),
            last = last.day(),
            month = month_name(last, true),
            year = last.year()
        )
    } else if first.year() == last.year() {
        let start = tr!(
            "date.day_month",
            day = first.day(),
            month = month_name(first, true)
        );
        format!("{start} – {}", day_month_year(last))
    } else {
        format!("{} – {}", day_month_year(first), day_month_year(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_lang};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn a_heading_names_a_day_by_its_long_date_else_as_a_list_does() {
        set_lang(Lang::En);
        let mut day = crate::model::Day {
            date: None,
            label: None,
            opens: None,
            closes: None,
            sessions: 0..0,
        };
        assert_eq!(day_heading(&day, 1), "Day 2");
        assert_eq!(day_name(&day, 1), "Day 2");
        day.label = Some("Digital".into());
        assert_eq!(day_heading(&day, 1), "Digital");
        assert_eq!(day_name(&day, 1), "Digital");
        day.date = Some(date(2024, 2, 13));
        assert_eq!(day_heading(&day, 1), "Tuesday 13 February 2024");
        assert_eq!(day_name(&day, 1), "Tue 13 Feb");
    }

    #[test]
    fn english_dates_read_naturally() {
        set_lang(Lang::En);
        assert_eq!(long_date(date(2024, 2, 13)), "Tuesday 13 February 2024");
        assert_eq!(short_date(date(2024, 2, 13)), "Tue 13 Feb");
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
    fn norwegian_dates_read_naturally() {
        set_lang(Lang::Nb);
        assert_eq!(long_date(date(2024, 2, 13)), "tirsdag 13. februar 2024");
        assert_eq!(short_date(date(2024, 2, 13)), "tir 13. feb");
        assert_eq!(
            span(date(2024, 2, 12), date(2024, 2, 14)),
            "12.–14. feb 2024"
        );
        assert_eq!(
            span(date(2025, 1, 30), date(2025, 2, 2)),
            "30. jan – 2. feb 2025"
        );
        assert_eq!(long_date(date(2024, 12, 1)), "søndag 1. desember 2024");
        set_lang(Lang::En);
    }
}
