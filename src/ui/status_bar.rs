//! The status bar: a message when there is one, else the keys that matter here (from the keymap).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use ratatui::style::Style;

use super::list::truncate;
use super::style;
use crate::app::layout::{HINT_GAP, Hint, hints_width, status_hints, status_lines};
use crate::app::{App, Status, times};
use crate::planner::StarredNow;
use crate::tr;

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let (kept, rest) = status_hints(app);
    match app.status() {
        Some(status) => render_message(frame, area, status, &kept),
        None => render_hints(app, frame, area, &kept, &rest),
    }
}

/// The message whole, wrapped over the rows the layout gave it, and the help and quit hints at
/// the right of its last row (or on a row of their own).
fn render_message(frame: &mut Frame, area: Rect, status: &Status, kept: &[Hint]) {
    let width = usize::from(area.width);
    let tone = if status.is_error {
        style::ERROR
    } else {
        Style::default()
    };
    let rows = status_lines(&status.text, width);
    for (line, y) in rows.iter().zip(area.rows()) {
        frame.render_widget(Line::styled(line.clone(), tone), y);
    }
    let last = area.rows().next_back().unwrap_or(area);
    frame.render_widget(truncate(hints_line(kept), width).right_aligned(), last);
}

/// No message: the hints that fit, then help and quit; the next starred session at the right.
fn render_hints(app: &App, frame: &mut Frame, area: Rect, kept: &[Hint], rest: &[Hint]) {
    let width = usize::from(area.width);
    let kept_width = hints_width(kept);
    let most = (width * 9 / 20).min(width.saturating_sub(kept_width + HINT_GAP));
    let countdown = truncate(next_star(app), most);
    let countdown_width = u16::try_from(countdown.width()).unwrap_or(u16::MAX);
    let [left, next] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(countdown_width),
    ]));
    let room = usize::from(left.width).saturating_sub(kept_width + HINT_GAP);
    let mut shown: Vec<Hint> = Vec::new();
    for hint in rest {
        shown.push(hint.clone());
        if hints_width(&shown) > room {
            shown.pop();
            break;
        }
    }
    shown.extend(kept.iter().cloned());
    frame.render_widget(truncate(hints_line(&shown), usize::from(left.width)), left);
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

/// `Enter details  ? help  q quit`: each key with its word, two spaces apart.
fn hints_line(hints: &[Hint]) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, (keys, word)) in hints.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" ".repeat(HINT_GAP)));
        }
        spans.push(Span::styled(keys.clone(), style::KEY));
        spans.push(Span::raw(format!(" {word}")));
    }
    Line::from(spans)
}
