//! The sessions pane: the selected day's sessions, or every starred one ("My programme").

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{ListView, Row};
use super::{dates, pane_block, style};
use crate::action::Pane;
use crate::app::{App, View};
use crate::model::{Programme, Session};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let programme = app.programme();
    let visible = app.visible_sessions();
    let show_day = app.view() == View::MyProgramme;
    let any_timed = visible
        .iter()
        .any(|&i| programme.sessions[i].start.is_some());
    let empty = match app.view() {
        View::Day if app.theme_filter().is_some() => {
            "No sessions of this theme on this day (c clears the filter)"
        }
        View::Day => "No sessions on this day",
        View::MyProgramme => "No starred sessions yet: select a session and press f",
    };
    ListView {
        block: pane_block(app, Pane::Sessions, title(app)),
        len: visible.len(),
        selected: Some(app.session_cursor()),
        focused: app.focus() == Pane::Sessions,
        offset: &app.offsets.sessions,
        empty,
    }
    .render(frame, area, |row| {
        let session = &programme.sessions[visible[row]];
        session_line(
            programme,
            session,
            app.is_starred(session),
            show_day,
            any_timed,
        )
    });
}

fn title(app: &App) -> Line<'static> {
    let programme = app.programme();
    let mut text = match app.view() {
        View::Day => {
            let day = programme.days.get(app.day());
            let name = day.map_or_else(String::new, |d| dates::day_name(d, app.day()));
            format!(" Sessions · {name} ")
        }
        View::MyProgramme => format!(
            " My programme · {} {} ",
            style::STAR_SYMBOL,
            app.visible_sessions().len()
        ),
    };
    if let Some(theme) = app.theme_filter().and_then(|t| programme.themes.get(t)) {
        text = format!("{text}· theme: {} ", theme.name);
    }
    Line::from(text)
}

/// `★ 09:00–10:30 Title … Room`, with the day first in My programme.
fn session_line(
    programme: &Programme,
    session: &Session,
    starred: bool,
    show_day: bool,
    show_time: bool,
) -> Row {
    let star = if starred {
        Span::styled(style::STAR_SYMBOL, style::STAR)
    } else {
        Span::raw(" ")
    };
    let mut spans = vec![star, Span::raw(" ")];
    if show_day {
        let day = &programme.days[session.day];
        spans.push(Span::styled(
            format!("{:<10} ", dates::day_name(day, session.day)),
            style::DIM,
        ));
    }
    if show_time {
        spans.push(Span::styled(
            format!("{:<11} ", time_range(session)),
            style::LABEL,
        ));
    }
    spans.push(Span::raw(session.title.clone()));
    Row {
        line: Line::from(spans),
        suffix: programme
            .room_name(session)
            .map(|room| Span::styled(format!("  {room} "), style::DIM)),
    }
}

/// `09:00–10:30`, `09:00`, or `--:--` when not announced.
pub fn time_range(session: &Session) -> String {
    match (session.start, session.end) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => start.to_string(),
        _ => "--:--".into(),
    }
}
