//! How times read on screen, in the zone the user chose (the venue's or their own).

use crate::tr;
use chrono::{DateTime, Utc};

use crate::app::App;
use crate::model::DayTime;

/// `09:00–10:30`, `09:00` without an end, `--:--` when not announced.
pub fn range(app: &App, session: usize) -> String {
    let (start, end) = clock_times(app, session);
    match (start, end) {
        (Some(start), Some(end)) if start != end || has_length(app, session) => {
            format!("{start}–{end}")
        }
        (Some(start), _) => start,
        _ => "--:--".into(),
    }
}

fn has_length(app: &App, session: usize) -> bool {
    app.programme().sessions[session]
        .duration_minutes()
        .is_some_and(|m| m > 0)
}

/// Start and end as `HH:MM` on the chosen clock: as written where the file's times are that
/// clock's, else each moment read on it (a file of moments in UTC, shown on the venue's
/// clock). A day without a date has no moments, so it shows the programme's own times.
fn clock_times(app: &App, session: usize) -> (Option<String>, Option<String>) {
    let s = &app.programme().sessions[session];
    let as_written = app.timeline().shows_as_written(app.shown());
    match app.span(session).filter(|_| !as_written) {
        Some(span) => (
            Some(clock(app, span.start)),
            s.end.map(|_| clock(app, span.end)),
        ),
        None => (
            s.start.map(|t: DayTime| t.to_string()),
            s.end.map(|t| t.to_string()),
        ),
    }
}

/// A moment as `HH:MM` on the chosen clock.
pub fn clock(app: &App, at: DateTime<Utc>) -> String {
    app.timeline()
        .wall(app.shown(), at)
        .format("%H:%M")
        .to_string()
}

/// `5 min`, `1 h`, `2 h 5 min`, `3 days`.
pub fn span_of_minutes(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (h, _) if h >= 48 => tr!("duration.days", n = h / 24),
        (0, m) => tr!("duration.minutes", m = m),
        (h, 0) => tr!("duration.hours", h = h),
        (h, m) => tr!("duration.hours_minutes", h = h, m = m),
    }
}

/// As [`span_of_minutes`], shorter for narrow columns: `45 min`, `10 h 45`, `3 days`.
pub fn short_span(minutes: i64) -> String {
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
