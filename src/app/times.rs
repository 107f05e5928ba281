//! How times read on screen, in the zone the user chose (the venue's or their own).

use crate::tr;
use chrono::{DateTime, Utc};

use crate::app::App;

/// `09:00–10:30`, `09:00` without an end, `--:--` when not announced: the domain's words for
/// the time, made to fit a compact column.
pub(crate) fn range(app: &App, session: usize) -> String {
    crate::model::time_range(app.timeline(), app.shown(), app.programme(), session)
        .unwrap_or_else(|| "--:--".into())
}

/// A moment as `HH:MM` on the chosen clock.
pub(crate) fn clock(app: &App, at: DateTime<Utc>) -> String {
    crate::model::clock(app.timeline(), app.shown(), at)
}

/// `5 min`, `1 h`, `2 h 5 min`, `3 days`.
pub(crate) fn span_of_minutes(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (h, _) if h >= 48 => tr!("duration.days", n = h / 24),
        (0, m) => tr!("duration.minutes", m = m),
        (h, 0) => tr!("duration.hours", h = h),
        (h, m) => tr!("duration.hours_minutes", h = h, m = m),
    }
}

/// As [`span_of_minutes`], shorter for narrow columns: `45 min`, `10 h 45`, `3 days`.
pub(crate) fn short_span(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (h, m) if h > 0 && h < 48 && m > 0 => tr!("duration.short", h = h, m = format!("{m:02}")),
        _ => span_of_minutes(minutes),
    }
}

#[cfg(test)]
mod tests {
    use super::{short_span, span_of_minutes};

    #[test]
    fn lengths_read_naturally() {
        assert_eq!(span_of_minutes(12), "12 min");
        assert_eq!(span_of_minutes(60), "1 h");
        assert_eq!(span_of_minutes(125), "2 h 5 min");
        assert_eq!(span_of_minutes(72 * 60), "3 days");
        assert_eq!(short_span(645), "10 h 45");
        assert_eq!(short_span(45), "45 min");
        assert_eq!(short_span(120), "2 h");
    }

    #[test]
    fn lengths_read_naturally_in_norwegian() {
        crate::i18n::set_lang(crate::i18n::Lang::Nb);
        assert_eq!(span_of_minutes(125), "2 t 5 min");
        assert_eq!(span_of_minutes(72 * 60), "3 dager");
        assert_eq!(short_span(605), "10 t 05");
        crate::i18n::set_lang(crate::i18n::Lang::En);
    }
}
