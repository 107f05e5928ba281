//! What the details pane says: everything about the selected session, or (see [`about`]) about
//! the day, room, speaker or filter under the cursor when one of those panes has focus.

use super::about;
use crate::action::{Action, Pane};
use crate::app::{App, times};
use crate::i18n::long_date;
use crate::model::{Kind, Level, Session, Speaker};
use crate::planner;
use crate::text::sheet::{Piece, Sheet, Tone};
use crate::text::symbols;
use crate::tr;

/// What the details pane says: about the selected session, or about what the browse or
/// filters pane has under its cursor when one of those has focus.
pub(super) fn sheet(app: &App, sheet: &mut Sheet) {
    match app.focus() {
        Pane::Browse => about::browsed(app, sheet),
        Pane::Filters => about::filter(app, sheet),
        Pane::Sessions | Pane::Details => session_sheet(app, sheet),
    }
}

fn session_sheet(app: &App, sheet: &mut Sheet) {
    let Some(index) = app.selected_index() else {
        sheet.styled(tr!("details.nothing_selected"), Tone::Dim);
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
    if let Some(words) = app.change_words(index) {
        let mark = app.change_mark(index).unwrap_or(symbols::CHANGED_SYMBOL);
        let text = format!("{mark} {words}");
        sheet.field_pieces(tr!("changes.field"), vec![Piece::new(text, Tone::Star)]);
    }
    if let Some(state) = state(app, index) {
        sheet.field_pieces(tr!("field.now"), state);
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
    sheet.field_pieces(tr!("field.star"), star_pieces(app, app.level(index)));
    clashes(app, sheet, index);
    speakers(sheet, tr!("field.speakers"), &session.speakers);
    // The page: the abstract right after the facts, then the links, and only then the other
    // sessions of the slot (folded to one line: on a large programme they are dozens).
    if let Some(description) = app.description(index) {
        sheet.blank();
        sheet.text(description);
    }
    links(sheet, session);
    also_in_slot(app, sheet, index);
}

/// The session's web links, each with its label: its page first, then recordings, slides.
pub(crate) fn session_links(session: &Session) -> impl Iterator<Item = (&str, &str)> {
    let page = session.url.as_deref().map(|url| (tr!("field.link"), url));
    let others = session.links.iter().map(|link| {
        let label = link.title.as_deref().unwrap_or(tr!("field.link"));
        (label, link.url.as_str())
    });
    page.into_iter().chain(others)
}

/// The session's page and its other links (recordings, slides), each with its title.
fn links(sheet: &mut Sheet, session: &Session) {
    if session.url.is_none() && session.links.is_empty() {
        return;
    }
    sheet.blank();
    for (label, url) in session_links(session) {
        sheet.link_field(label, url);
    }
}

fn star_pieces(app: &App, level: Option<Level>) -> Vec<Piece> {
    let key = app.keymap().key_for(&Action::CycleStar).unwrap_or_default();
    match level {
        Some(Level::Must) => vec![
            Piece::new(
                format!("{} {}", symbols::STAR_SYMBOL, tr!("star.must")),
                Tone::Star,
            ),
            Piece::new(format!(" {}", tr!("star.must_next", key = key)), Tone::Dim),
        ],
        Some(Level::Maybe) => vec![
            Piece::new(
                format!("{} {}", symbols::MAYBE_SYMBOL, tr!("star.maybe")),
                Tone::Star,
            ),
            Piece::new(format!(" {}", tr!("star.maybe_next", key = key)), Tone::Dim),
        ],
        None => vec![Piece::new(tr!("star.none", key = key), Tone::Dim)],
    }
}

/// `● on now, 12 min left`, `· over`, `in 25 min`; nothing for a session without a time.
fn state(app: &App, index: usize) -> Option<Vec<Piece>> {
    let span = app.span(index)?;
    let now = app.now();
    Some(if span.is_on(now) {
        let left = times::span_of_minutes(span.minutes_left(now));
        vec![Piece::new(
            format!(
                "{} {}",
                symbols::ON_NOW_SYMBOL,
                tr!("details.on_now", left = left)
            ),
            Tone::OnNow,
        )]
    } else if span.is_past(now) || span.start <= now {
        vec![Piece::new(
            format!("{} {}", symbols::PAST_SYMBOL, tr!("details.over")),
            Tone::Dim,
        )]
    } else {
        let minutes = (span.start - now).num_minutes();
        vec![Piece::plain(tr!(
            "details.starts_in",
            time = times::span_of_minutes(minutes)
        ))]
    })
}

/// `10:00–10:30 Title · Room`: another session, in a list of them.
fn session_line(app: &App, i: usize) -> String {
    let programme = app.programme();
    let s = &programme.sessions[i];
    let room = programme
        .room_name(s)
        .map(|r| format!(" · {r}"))
        .unwrap_or_default();
    format!("{} {}{room}", times::range(app, i), s.title)
}

/// The *must* sessions this one clashes with: few, and what the user must know first.
fn clashes(app: &App, sheet: &mut Sheet, index: usize) {
    let clashing = app.clashes_of(index);
    if clashing.is_empty() {
        return;
    }
    sheet.blank();
    sheet.styled(
        &format!("{} {}", symbols::CLASH_SYMBOL, tr!("details.clashes_with")),
        Tone::Clash,
    );
    for &i in clashing {
        sheet.push_pieces(vec![Piece::plain(session_line(app, i))], "  ");
    }
}

/// The other sessions in the slot: one line with their count and the key that opens them, or
/// (opened) the line and a row for each.
fn also_in_slot(app: &App, sheet: &mut Sheet, index: usize) {
    let alternatives = planner::overlapping(app.programme(), app.timeline(), index);
    if alternatives.is_empty() {
        return;
    }
    sheet.blank();
    let open = app.slot_open();
    let key = app
        .keymap()
        .key_for(&Action::ToggleSlot)
        .unwrap_or_default();
    let (mark, hint) = if open {
        (symbols::OPEN_SYMBOL, tr!("details.slot_fold", key = key))
    } else {
        (symbols::FOLDED_SYMBOL, tr!("details.slot_open", key = key))
    };
    let heading = tr!("details.also_in_slot", n = alternatives.len());
    sheet.push_pieces(
        vec![
            Piece::new(format!("{mark} {heading}"), Tone::Title),
            Piece::new(format!("  {hint}"), Tone::Dim),
        ],
        "",
    );
    if !open {
        return;
    }
    for i in alternatives {
        let mark = super::star_mark(app.level(i));
        sheet.push_pieces(
            vec![mark, Piece::plain(format!(" {}", session_line(app, i)))],
            " ",
        );
    }
}

/// `Tuesday 13 February 2024, 09:00–10:30 (1 h 30 min)` or `…, time not announced (afternoon)`.
fn when(app: &App, index: usize) -> String {
    let programme = app.programme();
    let session = &programme.sessions[index];
    let date = programme.days[session.day]
        .date
        .map_or_else(|| tr!("details.date_not_announced").to_string(), long_date);
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
        let mut spans = vec![Piece::plain(speaker.name.clone())];
        if let Some(role) = &speaker.role {
            spans.push(Piece::new(format!(", {role}"), Tone::Dim));
        }
        sheet.push_pieces(spans, "  ");
    }
}
