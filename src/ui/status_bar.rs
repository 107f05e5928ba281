//! The status bar: a message when there is one, else the keys that matter here (from the keymap).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::list::truncate;
use super::style;
use crate::app::{App, times};
use crate::planner::StarredNow;
use crate::tr;
use unicode_width::UnicodeWidthStr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let most = usize::from(area.width) * 9 / 20;
    let countdown = truncate(next_star(app), most);
    let countdown_width = u16::try_from(countdown.width()).unwrap_or(u16::MAX);
    let [left, next] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(countdown_width),
    ]));
    let width = usize::from(left.width);
    let left_line = match app.status() {
        Some(status) if status.is_error => {
            truncate(Line::styled(status.text.clone(), style::ERROR), width)
        }
        Some(status) => truncate(Line::raw(status.text.clone()), width),
        None => hints_line(app, width),
    };
    frame.render_widget(left_line, left);
    frame.render_widget(countdown, next);
}

/// `next ★ in 12 min: Title · Room`, or `★ on now: Title, 5 min left`; nothing when no starred
/// session is on or to come.
fn next_star(app: &App) -> Line<'static> {
    let programme = app.programme();
    let described = |i: usize| {
        let s = &programme.sessions[i];
        match programme.room_name(s) {
            Some(room) => format!("{} · {room}", s.title),
            None => s.title.clone(),
        }
    };
    let text = match app.starred_now() {
        None => return Line::raw(""),
        Some(StarredNow::On {
            session,
            minutes_left,
        }) => tr!(
            "status.star_on_now",
            star = style::STAR_SYMBOL,
            session = described(session),
            left = times::span_of_minutes(minutes_left)
        ),
        Some(StarredNow::Next { session, starts_in }) => tr!(
            "status.star_next",
            star = style::STAR_SYMBOL,
            time = times::span_of_minutes(starts_in),
            session = described(session)
        ),
    };
    Line::styled(format!("  {text} "), style::STAR)
}

/// As many whole hints as fit, most important first (the keymap's order).
fn hints_line(app: &App, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, word) in app
        .keymap()
        .hints_offered(app.context(), |action| app.offers(action))
    {
        let word = format!(" {word}  ");
        let needed = keys.width() + word.trim_end().width();
        if used + needed > width {
            break;
        }
        used += needed + 2;
        spans.push(Span::styled(keys, style::KEY));
        spans.push(Span::raw(word));
    }
    Line::from(spans)
}
