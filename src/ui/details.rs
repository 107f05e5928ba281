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
use crate::model::{Kind, Level, Session, Speaker};
use crate::planner;
use crate::tr;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(
        app,
        Pane::Details,
        Line::from(format!(" {} ", tr!("pane.details"))),
    );
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
        sheet.styled(tr!("details.nothing_selected"), style::DIM);
        return;
    };
    let programme = app.programme();
    let session = &programme.sessions[index];
    sheet.heading(&session.title);
    if let Some(subtitle) = &session.subtitle {
        sheet.text(subtitle);
    }
    sheet.blank();
    sheet.field(tr!("field.when"), &when(app, index));
    if let Some(state) = state(app, index) {
        sheet.field_spans(tr!("field.now"), state);
    }
    if let Some(room) = programme.room_name(session) {
        sheet.field(tr!("field.room"), room);
    }
    if let Some(part) = session.part.and_then(|p| programme.parts.get(p)) {
        sheet.field(tr!("field.part"), &part.name);
    }
    sheet.field(tr!("field.kind"), kind_name(&session.kind));
    if let Some(language) = &session.language {
        sheet.field(tr!("field.language"), language);
    }
    if !session.themes.is_empty() {
        let names: Vec<&str> = session
            .themes
            .iter()
            .map(|&t| programme.themes[t].name.as_str())
            .collect();
        sheet.field(tr!("field.themes"), &names.join(", "));
    }
    let flags = flags(session);
    if !flags.is_empty() {
        sheet.field(tr!("field.flags"), &flags.join(" · "));
    }
    sheet.field_spans(tr!("field.star"), star_spans(app, app.level(index)));
    clashes(app, sheet, index);
    speakers(sheet, tr!("field.speakers"), &session.speakers);
    if let Some(description) = app.description(index) {
        sheet.blank();
        sheet.text(description);
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
        sheet.field(tr!("field.link"), url);
    }
    for link in &session.links {
        let label = link.title.as_deref().unwrap_or(tr!("field.link"));
        sheet.text(&format!("{label}: {}", link.url));
    }
}

fn star_spans(app: &App, level: Option<Level>) -> Vec<Span<'static>> {
    let key = app.keymap().key_for(Action::CycleStar).unwrap_or_default();
    match level {
        Some(Level::Must) => vec![
            Span::styled(
                format!("{} {}", style::STAR_SYMBOL, tr!("star.must")),
                style::STAR,
            ),
            Span::styled(format!(" {}", tr!("star.must_next", key = key)), style::DIM),
        ],
        Some(Level::Maybe) => vec![
            Span::styled(
                format!("{} {}", style::MAYBE_SYMBOL, tr!("star.maybe")),
                style::STAR,
            ),
            Span::styled(
                format!(" {}", tr!("star.maybe_next", key = key)),
                style::DIM,
            ),
        ],
        None => vec![Span::styled(tr!("star.none", key = key), style::DIM)],
    }
}

/// `● on now, 12 min left`, `· over`, `in 25 min`; nothing for a session without a time.
fn state(app: &App, index: usize) -> Option<Vec<Span<'static>>> {
    let span = app.span(index)?;
    let now = app.now();
    Some(if span.is_on(now) {
        let left = times::span_of_minutes(span.minutes_left(now));
        vec![Span::styled(
            format!(
                "{} {}",
                style::ON_NOW_SYMBOL,
                tr!("details.on_now", left = left)
            ),
            style::ON_NOW,
        )]
    } else if span.is_past(now) || span.start <= now {
        vec![Span::styled(
            format!("{} {}", style::PAST_SYMBOL, tr!("details.over")),
            style::DIM,
        )]
    } else {
        let minutes = (span.start - now).num_minutes();
        vec![Span::raw(tr!(
            "details.starts_in",
            time = times::span_of_minutes(minutes)
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
            &format!("{} {}", style::CLASH_SYMBOL, tr!("details.clashes_with")),
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
    sheet.heading(&tr!("details.also_in_slot", n = alternatives.len()));
    for i in alternatives {
        let mark = super::sessions::star_span(app.level(i));
        sheet.push_spans(vec![mark, Span::raw(format!(" {}", line(i)))], " ");
    }
}

/// `Tuesday 13 February 2024, 09:00–10:30 (1 h 30 min)` or `…, time not announced (afternoon)`.
fn when(app: &App, index: usize) -> String {
    let programme = app.programme();
    let session = &programme.sessions[index];
    let date = programme.days[session.day].date.map_or_else(
        || tr!("details.date_not_announced").to_string(),
        dates::long_date,
    );
    let time = crate::model::time_range_words(app.timeline(), app.shown(), programme, index);
    if session.start.is_none() {
        let note = session
            .time_note
            .as_ref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        return format!("{date}, {time}{note}");
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
        .map(|m| times::span_of_minutes(i64::from(m)))
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!("{date}, {time}{length}")
}

/// The kind in the user's language; a kind the programme made up is shown as written.
fn kind_name(kind: &Kind) -> &str {
    match kind {
        Kind::Session => tr!("kind.session"),
        Kind::Talk => tr!("kind.talk"),
        Kind::Speech => tr!("kind.speech"),
        Kind::Debate => tr!("kind.debate"),
        Kind::Panel => tr!("kind.panel"),
        Kind::Award => tr!("kind.award"),
        Kind::Election => tr!("kind.election"),
        Kind::Workshop => tr!("kind.workshop"),
        Kind::Break => tr!("kind.break"),
        Kind::Other(word) => word,
    }
}

fn flags(session: &Session) -> Vec<&'static str> {
    [
        (session.streamed, tr!("flag.streamed")),
        (session.open_to_press, tr!("flag.open_to_press")),
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
