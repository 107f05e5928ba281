//! The details pane: everything about the selected session, or about the day or theme under the
//! cursor when one of those panes has focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{dates, pane_block, sessions::time_range, style};
use crate::action::Pane;
use crate::app::App;
use crate::model::{Programme, Session, Speaker};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lines = match app.focus() {
        Pane::Days => day_lines(app),
        Pane::Themes => theme_lines(app),
        Pane::Sessions | Pane::Details => session_lines(app),
    };
    let paragraph = Paragraph::new(lines)
        .block(pane_block(app, Pane::Details, Line::from(" Details ")))
        .wrap(Wrap { trim: false })
        .scroll((app.details_scroll(), 0));
    frame.render_widget(paragraph, area);
}

fn field(label: &str, value: impl Into<String>) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<10}"), style::LABEL),
        Span::raw(value.into()),
    ])
}

fn heading(text: &str) -> Line<'static> {
    Line::styled(text.to_string(), style::TITLE)
}

/// Paragraphs of a text block, each its own line so wrapping keeps them apart.
fn paragraphs(text: &str) -> impl Iterator<Item = Line<'static>> + '_ {
    text.split('\n').map(|l| Line::raw(l.to_string()))
}

fn session_lines(app: &App) -> Vec<Line<'static>> {
    let Some(session) = app.selected_session() else {
        return vec![Line::styled("Nothing selected.", style::DIM)];
    };
    let programme = app.programme();
    let mut lines = vec![heading(&session.title)];
    if let Some(subtitle) = &session.subtitle {
        lines.push(Line::raw(subtitle.clone()));
    }
    lines.push(Line::raw(""));
    lines.push(field("When", when(programme, session)));
    if let Some(room) = &session.room {
        lines.push(field("Room", room.clone()));
    }
    if let Some(part) = session.part.and_then(|p| programme.parts.get(p)) {
        lines.push(field("Part", part.name.clone()));
    }
    lines.push(field("Kind", session.kind.label().to_string()));
    if !session.themes.is_empty() {
        let names: Vec<&str> = session
            .themes
            .iter()
            .map(|&t| programme.themes[t].name.as_str())
            .collect();
        lines.push(field("Themes", names.join(", ")));
    }
    let flags = flags(session);
    if !flags.is_empty() {
        lines.push(field("Flags", flags.join(" · ")));
    }
    lines.push(star_line(app.is_starred(session)));
    push_speakers(&mut lines, "Speakers", &session.speakers);
    if let Some(description) = &session.description {
        lines.push(Line::raw(""));
        lines.extend(paragraphs(description));
    }
    if let Some(url) = &session.url {
        lines.push(Line::raw(""));
        lines.push(field("Link", url.clone()));
    }
    lines
}

fn star_line(starred: bool) -> Line<'static> {
    if starred {
        Line::from(vec![
            Span::styled(format!("{:<10}", "Star"), style::LABEL),
            Span::styled(format!("{} starred", style::STAR_SYMBOL), style::STAR),
            Span::styled(" (f unstars)", style::DIM),
        ])
    } else {
        Line::from(vec![
            Span::styled(format!("{:<10}", "Star"), style::LABEL),
            Span::styled("not starred (f stars)", style::DIM),
        ])
    }
}

/// `Tuesday 13 February 2024, 09:00–10:30 (1 h 30 min)` or `…, time not announced (afternoon)`.
fn when(programme: &Programme, session: &Session) -> String {
    let date = programme.days[session.day]
        .date
        .map_or_else(|| "date not announced".to_string(), dates::long_date);
    if session.start.is_none() {
        let note = session
            .time_note
            .as_ref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        return format!("{date}, time not announced{note}");
    }
    let length = session
        .duration_minutes()
        .map(duration)
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!("{date}, {}{length}", time_range(session))
}

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn flags(session: &Session) -> Vec<&'static str> {
    [
        (session.streamed, "streamed"),
        (session.open_to_press, "open to press"),
    ]
    .into_iter()
    .filter_map(|(on, word)| on.then_some(word))
    .collect()
}

fn push_speakers(lines: &mut Vec<Line<'static>>, heading_text: &str, speakers: &[Speaker]) {
    if speakers.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(heading(heading_text));
    for speaker in speakers {
        let mut spans = vec![Span::raw(format!("  {}", speaker.name))];
        if let Some(role) = &speaker.role {
            spans.push(Span::styled(format!(", {role}"), style::DIM));
        }
        lines.push(Line::from(spans));
    }
}

/// The day under the cursor and what the programme says about attending.
fn day_lines(app: &App) -> Vec<Line<'static>> {
    let programme = app.programme();
    let Some(day) = programme.days.get(app.day()) else {
        return vec![Line::styled("No days in this programme.", style::DIM)];
    };
    let mut lines = vec![heading(
        &day.date
            .map_or_else(|| dates::day_name(day, app.day()), dates::long_date),
    )];
    if let (Some(label), Some(_)) = (&day.label, day.date) {
        lines.push(Line::raw(label.clone()));
    }
    lines.push(Line::raw(""));
    if let Some(hours) = opening_hours(day.opens, day.closes) {
        lines.push(field("Hours", hours));
    }
    lines.push(field("Sessions", day.sessions.len().to_string()));
    let mut parts: Vec<usize> = programme
        .day_sessions(app.day())
        .iter()
        .filter_map(|s| s.part)
        .collect();
    parts.dedup();
    if !parts.is_empty() {
        let names: Vec<&str> = parts
            .iter()
            .map(|&p| programme.parts[p].name.as_str())
            .collect();
        lines.push(field("Parts", names.join(", ")));
    }
    lines.push(Line::raw(""));
    lines.extend(programme_lines(programme));
    lines
}

fn opening_hours(
    opens: Option<crate::model::DayTime>,
    closes: Option<crate::model::DayTime>,
) -> Option<String> {
    match (opens, closes) {
        (Some(o), Some(c)) => Some(format!("{o}–{c}")),
        (Some(o), None) => Some(format!("from {o}")),
        (None, Some(c)) => Some(format!("until {c}")),
        (None, None) => None,
    }
}

/// Organiser, venue, registration, streaming, press, hosts and link.
fn programme_lines(programme: &Programme) -> Vec<Line<'static>> {
    let mut lines = vec![heading("About the programme")];
    let venue = &programme.venue;
    let place: Vec<&str> = [&venue.name, &venue.address, &venue.city]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let facts = [
        ("Organiser", programme.organiser.clone()),
        ("Venue", (!place.is_empty()).then(|| place.join(", "))),
        ("Register", programme.registration.clone()),
        ("Follow", programme.streaming.clone()),
        ("Press", programme.press.clone()),
        ("Link", programme.url.clone()),
    ];
    for (label, value) in facts {
        if let Some(value) = value {
            lines.push(field(label, value));
        }
    }
    push_speakers(&mut lines, "Hosts", &programme.hosts);
    for part in &programme.parts {
        lines.push(Line::raw(""));
        lines.push(heading(&part.name));
        if let Some(description) = &part.description {
            lines.extend(paragraphs(description));
        }
    }
    lines
}

fn theme_lines(app: &App) -> Vec<Line<'static>> {
    let programme = app.programme();
    let Some(theme) = app
        .theme_cursor()
        .checked_sub(1)
        .and_then(|t| programme.themes.get(t))
    else {
        return vec![
            heading("All themes"),
            Line::raw(""),
            Line::raw(format!(
                "{} themes, {} sessions.",
                programme.themes.len(),
                programme.sessions.len()
            )),
            Line::styled(
                "Enter on a theme shows only its sessions; c clears the filter.",
                style::DIM,
            ),
        ];
    };
    let count = programme.theme_count(app.theme_cursor() - 1);
    let mut lines = vec![heading(&theme.name), Line::raw("")];
    if let Some(description) = &theme.description {
        lines.extend(paragraphs(description));
        lines.push(Line::raw(""));
    }
    lines.push(field("Sessions", count.to_string()));
    lines.push(Line::styled(
        "Enter shows only this theme's sessions.",
        style::DIM,
    ));
    lines
}
