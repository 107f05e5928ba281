//! Programmes without times (the KS programmes give dates only) and lists with nothing in them:
//! On now says what is on today, hiding what is over hides the days that are over, and every
//! empty list says whole what to do.

mod common;

use common::{app_at, clock_at, draw, run, screen_text, titles};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Entry, Heading, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// During the KS toppmøte, on its second day.
const ON_THE_13TH: &str = "2024-02-13T11:00";

#[test]
fn on_now_on_ks_lists_todays_sessions_as_time_not_announced_then_the_next_day() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at(ON_THE_13TH));
    run(&mut app, &[Action::ToggleNow]);
    assert_eq!(app.view(), View::Now);
    let entries = app.entries();
    assert_eq!(entries[0], Entry::Heading(Heading::UntimedToday));
    let today: Vec<usize> = app.programme().days[1].sessions.clone().collect();
    let listed: Vec<usize> = entries[1..=today.len()]
        .iter()
        .filter_map(Entry::session)
        .collect();
    assert_eq!(listed, today, "every session of the 13th");
    assert_eq!(
        &entries[today.len() + 1..],
        [
            Entry::Heading(Heading::Day(2)),
            Entry::Session(app.programme().days[2].sessions.start)
        ],
        "then what comes: the next day's session"
    );
    assert_eq!(app.selected_index(), Some(today[0]), "a session selected");
}

#[test]
fn on_now_on_ks_snapshot() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at(ON_THE_13TH));
    run(&mut app, &[Action::ToggleNow]);
    let terminal = draw(&mut app, 80, 24);
    let screen = screen_text(&terminal);
    assert!(screen.contains("Today, time not announced"), "{screen}");
    insta::assert_snapshot!("ks_now_80x24", terminal.backend());
}

#[test]
fn after_the_last_day_on_now_on_ks_says_nothing_is_on() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-20T11:00"));
    run(&mut app, &[Action::ToggleNow]);
    assert!(app.entries().is_empty());
}

#[test]
fn hiding_the_past_on_ks_hides_the_days_that_are_over() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at(ON_THE_13TH));
    run(&mut app, &[Action::PrevDay]);
    assert_eq!(titles(&app), ["Toppmøte barn og unge"]);
    run(&mut app, &[Action::TogglePast]);
    assert!(app.hides_past());
    assert!(titles(&app).is_empty(), "the 12th is over");
    run(&mut app, &[Action::NextDay]);
    assert_eq!(app.visible_sessions().len(), 10, "today is not over");
    run(&mut app, &[Action::NextDay]);
    assert_eq!(app.visible_sessions().len(), 1, "nor is tomorrow");
    run(
        &mut app,
        &[Action::TogglePast, Action::PrevDay, Action::PrevDay],
    );
    assert_eq!(titles(&app), ["Toppmøte barn og unge"], "shown again");
}

#[test]
fn the_small_hours_still_count_as_the_day_before() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-14T02:00"));
    run(&mut app, &[Action::TogglePast]);
    run(
        &mut app,
        &[Action::PrevDay, Action::PrevDay, Action::NextDay],
    );
    assert_eq!(app.day(), 1);
    assert_eq!(app.visible_sessions().len(), 10, "the 13th runs late");
}

/// The text inside the sessions pane (its border left out), one string per row.
fn sessions_pane_text(app: &App, terminal: &Terminal<TestBackend>) -> String {
    let area = app.areas().pane(Pane::Sessions).expect("a sessions pane");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in area.y + 1..area.y + area.height - 1 {
        for x in area.x + 1..area.x + area.width - 1 {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Every word of `message` is in `text`, in order (it may be wrapped over lines).
fn shown_whole(text: &str, message: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let wanted: Vec<&str> = message.split_whitespace().collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

#[test]
fn the_empty_my_programme_says_whole_what_to_do() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at(ON_THE_13TH));
    run(&mut app, &[Action::ToggleMyProgramme]);
    let star = app
        .keymap()
        .key_for(&Action::CycleStar)
        .expect("a star key");
    let message = format!("No starred sessions yet: select a session and press {star}");
    for (width, height) in [(80, 24), (120, 40), (60, 20)] {
        let terminal = draw(&mut app, width, height);
        let pane = sessions_pane_text(&app, &terminal);
        assert!(shown_whole(&pane, &message), "at {width}×{height}:\n{pane}");
    }
}
