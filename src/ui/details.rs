//! The details pane: everything about the selected session, or (see [`about`]) about the day,
//! room, speaker or filter under the cursor when one of those panes has focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::about;
use super::sheet::Sheet;
use super::{dates, pane_block, style, times};
use crate::action::{Action, Pane};
use crate::app::App;
use crate::favourites::Level;
use crate::keymap;
use crate::model::{Session, Speaker};
use crate::planner;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Details, Line::from(" Details "));
    let inner = block.inner(area);
    let mut sheet = Sheet::new(inner.width);
    match app.focus() {
        Pane::Browse => about::browsed(app, &mut sheet),
        Pane::Filters => about::filter(app, &mut sheet),
        Pane::Sessions | Pane::Details => session_sheet(app, &mut sheet),
    }
    let lines = sheet.into_lines();
    // Scrolling stops where the last line reaches the bottom.
    let last_top = lines.len().saturating_sub(usize::from(inner.height));
    app.offsets
        .details_last
        .set(u16::try_from(last_top).unwrap_or(u16::MAX));
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((app.details_scroll().min(app.offsets.details_last.get()), 0));
    frame.render_widget(paragraph, area);
}

fn session_sheet(app: &App, sheet: &mut Sheet) {
    let Some(index) = app.selected_index() else {
        sheet.styled("Nothing selected.", style::DIM);
        return;
    };
    let programme = app.programme();
    let session = &programme.sessions[index];
    sheet.heading(&session.title);
    if let Some(subtitle) = &session.subtitle {
        sheet.text(subtitle);
    }
    sheet.blank();
    sheet.field("When", &when(app, index));
    if let Some(state) = state(app, index) {
        sheet.field_spans("Now", state);
    }
    if let Some(room) = programme.room_name(session) {
        sheet.field("Room", room);
    }
    if let Some(part) = session.part.and_then(|p| programme.parts.get(p)) {
        sheet.field("Part", &part.name);
    }
    sheet.field("Kind", session.kind.label());
    if let Some(language) = &session.language {
        sheet.field("Language", language);
    }
    if !session.themes.is_empty() {
        let names: Vec<&str> = session
            .themes
            .iter()
            .map(|&t| programme.themes[t].name.as_str())
            .collect();
        sheet.field("Themes", &names.join(", "));
    }
    let flags = flags(session);
    if !flags.is_empty() {
        sheet.field("Flags", &flags.join(" · "));
    }
    sheet.field_spans("Star", star_spans(app.level(index)));
    clashes(app, sheet, index);
    speakers(sheet, "Speakers", &session.speakers);
    if let Some(description) = session.description_text() {
        sheet.blank();
        sheet.text(&description);
    }
    links(sheet, session);
}

/// The session's page and its other links (recordings, slides), each with its title.
fn links(sheet: &mut Sheet, session: &Session) {
    if session.url.is_none() && session.links.is_empty() {
        return;
    }
    sheet.blank();
    if let Some(url) = &session.url {
        sheet.field("Link", url);
    }
    for link in &session.links {
        let label = link.title.as_deref().unwrap_or("Link");
        sheet.text(&format!("{label}: {}", link.url));
    }
}

fn star_spans(level: Option<Level>) -> Vec<Span<'static>> {
    let key = keymap::key_for(Action::CycleStar).unwrap_or_default();
    match level {
        Some(Level::Must) => vec![
            Span::styled(format!("{} must", style::STAR_SYMBOL), style::STAR),
            Span::styled(format!(" ({key}: maybe)"), style::DIM),
        ],
        Some(Level::Maybe) => vec![
            Span::styled(format!("{} maybe", style::MAYBE_SYMBOL), style::STAR),
            Span::styled(format!(" ({key}: unstar)"), style::DIM),
        ],
        None => vec![Span::styled(
            format!("not starred ({key}: must, again: maybe)"),
            style::DIM,
        )],
    }
}

/// `● on now, 12 min left`, `· over`, `in 25 min`; nothing for a session without a time.
fn state(app: &App, index: usize) -> Option<Vec<Span<'static>>> {
    let span = app.span(index)?;
    let now = app.now();
    Some(if span.is_on(now) {
        let left = times::span_of_minutes(span.minutes_left(now));
        vec![Span::styled(
            format!("{} on now, {left} left", style::ON_NOW_SYMBOL),
            style::ON_NOW,
        )]
    } else if span.is_past(now) || span.start <= now {
        vec![Span::styled(
            format!("{} over", style::PAST_SYMBOL),
            style::DIM,
        )]
    } else {
        let minutes = (span.start - now).num_minutes();
        vec![Span::raw(format!(
            "starts in {}",
            times::span_of_minutes(minutes)
        ))]
    })
}

/// The *must* sessions this one clashes with, and the other sessions in its slot.
fn clashes(app: &App, sheet: &mut Sheet, index: usize) {
    let programme = app.programme();
    let line = |i: usize| {
        let s = &programme.sessions[i];
        let room = programme
            .room_name(s)
            .map(|r| format!(" · {r}"))
            .unwrap_or_default();
        format!("{} {}{room}", times::range(app, i), s.title)
    };
    let clashing = app.clashes_of(index);
    if !clashing.is_empty() {
        sheet.blank();
        sheet.styled(
            &format!("{} Clashes with", style::CLASH_SYMBOL),
            style::CLASH,
        );
        for &i in clashing {
            sheet.push_spans(vec![Span::raw(line(i))], "  ");
        }
    }
    let alternatives = planner::overlapping(programme, app.timeline(), index);
    if alternatives.is_empty() {
        return;
    }
    sheet.blank();
    sheet.heading(&format!("Also in this slot ({})", alternatives.len()));
    for i in alternatives {
        let mark = super::sessions::star_span(app.level(i));
        sheet.push_spans(vec![mark, Span::raw(format!(" {}", line(i)))], " ");
    }
}

/// `Tuesday 13 February 2024, 09:00–10:30 (1 h 30 min)` or `…, time not announced (afternoon)`.
fn when(app: &App, index: usize) -> String {
    let programme = app.programme();
    let session = &programme.sessions[index];
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
    // The real length, across a clock change too; the written times where there is no date.
    let minutes = app
        .span(index)
        .filter(|_| session.end.is_some())
        .map_or_else(
            || session.duration_minutes(),
            |span| u32::try_from((span.end - span.start).num_minutes()).ok(),
        );
    let length = minutes
        .map(duration)
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!("{date}, {}{length}", times::range(app, index))
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

pub(super) fn speakers(sheet: &mut Sheet, heading: &str, speakers: &[Speaker]) {
    if speakers.is_empty() {
        return;
    }
    sheet.blank();
    sheet.heading(heading);
    for speaker in speakers {
        let mut spans = vec![Span::raw(speaker.name.clone())];
        if let Some(role) = &speaker.role {
            spans.push(Span::styled(format!(", {role}"), style::DIM));
        }
        sheet.push_spans(spans, "  ");
    }
}
