//! At the venue: the clock, now and next, stars at two levels, clashes and gaps, as a user of
//! the viewer sees them.

mod common;

use common::{clock_at, draw, run, screen_text, select, titles};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Entry, Heading, View};
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::Source;
use dagsorden::model::{Level, Programme};

fn planning() -> Programme {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/planning.json");
    Source::File(path)
        .load(None)
        .expect("the planning fixture")
        .programme
}

/// The planning programme with the clock at `time` (venue time) and stars in a temp dir.
fn app_at(time: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = common::with_store(
        planning(),
        FavouritesStore::in_dir(dir.path()),
        clock_at(time),
    );
    (dir, app)
}

fn star(app: &mut App, title: &str, presses: usize) {
    select(app, title);
    for _ in 0..presses {
        run(app, &[Action::CycleStar]);
    }
}

#[test]
fn it_opens_on_today_and_jumps_to_now() {
    let (_dir, mut app) = app_at("2024-03-31T09:10");
    assert_eq!(app.day(), 1, "today's programme day");
    run(&mut app, &[Action::PrevDay, Action::JumpToNow]);
    assert_eq!(app.day(), 1);
    assert_eq!(
        app.selected_session().map(|s| s.title.as_str()),
        Some("Morning talk")
    );
    let (_dir, mut app) = app_at("2024-03-30T10:20");
    run(&mut app, &[Action::Bottom, Action::JumpToNow]);
    assert_eq!(
        app.selected_session().map(|s| s.title.as_str()),
        Some("Exhibition"),
        "the first session not yet over"
    );
}

#[test]
fn the_small_hours_belong_to_the_evening_before() {
    let (_dir, app) = app_at("2024-03-31T00:45");
    assert_eq!(app.day(), 0);
}

#[test]
fn the_now_view_lists_whats_on_and_next_per_room() {
    let (_dir, mut app) = app_at("2024-03-30T10:15");
    run(&mut app, &[Action::ToggleNow]);
    assert_eq!(app.view(), View::Now);
    assert_eq!(app.entries()[0], Entry::Heading(Heading::OnNow));
    let on: Vec<String> = titles(&app).into_iter().take(3).collect();
    assert_eq!(on, ["Climate panel", "Health workshop", "Exhibition"]);
    let next_heading = app
        .entries()
        .iter()
        .position(|e| *e == Entry::Heading(Heading::Next));
    let next: Vec<String> = app.entries()[next_heading.expect("a next section") + 1..]
        .iter()
        .filter_map(Entry::session)
        .map(|i| app.programme().sessions[i].title.clone())
        .collect();
    assert_eq!(
        next,
        ["Lunch", "Late session"],
        "the next in each room that has one"
    );
    run(&mut app, &[Action::ToggleNow]);
    assert_eq!(app.view(), View::Day, "the same key goes back");
}

#[test]
fn the_now_view_follows_the_clock() {
    let (_dir, mut app) = app_at("2024-03-30T10:15");
    run(&mut app, &[Action::ToggleNow]);
    let later = "2024-03-30T11:50:00+01:00"
        .parse::<chrono::DateTime<chrono::FixedOffset>>()
        .expect("time");
    run(&mut app, &[Action::Tick(later.to_utc())]);
    assert_eq!(
        titles(&app)[..2],
        ["Lunch".to_string(), "Exhibition".to_string()]
    );
}

#[test]
fn past_sessions_hide_but_one_in_progress_never_does() {
    let (_dir, mut app) = app_at("2024-03-30T10:40");
    run(&mut app, &[Action::TogglePast]);
    assert!(app.hides_past());
    let shown = titles(&app);
    assert!(!shown.contains(&"Opening".to_string()), "{shown:?}");
    assert!(!shown.contains(&"Climate panel".to_string()), "ended 10:30");
    assert!(
        shown.contains(&"Health workshop".to_string()),
        "on until 11:00"
    );
    assert!(
        shown.contains(&"Dinner".to_string()),
        "a session without a time is never past"
    );
    run(&mut app, &[Action::TogglePast]);
    assert!(titles(&app).contains(&"Opening".to_string()));
}

#[test]
fn untimed_sessions_are_listed_apart() {
    let (_dir, app) = app_at("2024-03-30T08:00");
    let entries = app.entries();
    let heading = entries
        .iter()
        .position(|e| *e == Entry::Heading(Heading::Untimed))
        .expect("a heading");
    let after: Vec<usize> = entries[heading + 1..]
        .iter()
        .filter_map(Entry::session)
        .collect();
    assert_eq!(after.len(), 1);
    assert_eq!(app.programme().sessions[after[0]].title, "Dinner");
}

#[test]
fn the_star_key_cycles_must_maybe_none_and_must_overlaps_clash() {
    let (dir, mut app) = app_at("2024-03-30T08:00");
    star(&mut app, "Climate panel", 1);
    star(&mut app, "Health workshop", 1);
    star(&mut app, "Exhibition", 2);
    let index = |app: &App, title: &str| {
        app.programme()
            .sessions
            .iter()
            .position(|s| s.title == title)
            .expect("session")
    };
    let (climate, health, expo) = (
        index(&app, "Climate panel"),
        index(&app, "Health workshop"),
        index(&app, "Exhibition"),
    );
    assert_eq!(app.level(climate), Some(Level::Must));
    assert_eq!(app.level(expo), Some(Level::Maybe));
    assert_eq!(app.clashes_of(climate), [health]);
    assert_eq!(app.clashes_of(health), [climate]);
    assert!(app.clashes_of(expo).is_empty(), "a maybe never clashes");
    star(&mut app, "Health workshop", 1);
    assert_eq!(app.level(health), Some(Level::Maybe));
    assert!(app.clashes_of(climate).is_empty());
    star(&mut app, "Health workshop", 1);
    assert_eq!(app.level(health), None);
    let again = common::with_store(
        planning(),
        FavouritesStore::in_dir(dir.path()),
        clock_at("2024-03-30T08:00"),
    );
    assert_eq!(
        (again.level(climate), again.level(expo)),
        (Some(Level::Must), Some(Level::Maybe))
    );
}

#[test]
fn my_programme_is_a_plan_with_gaps() {
    let (_dir, mut app) = app_at("2024-03-30T08:00");
    for title in ["Opening", "Health workshop", "Lunch", "Dinner"] {
        star(&mut app, title, 1);
    }
    run(&mut app, &[Action::NextDay]);
    star(&mut app, "Morning talk", 1);
    run(&mut app, &[Action::ToggleMyProgramme]);
    let kinds: Vec<String> = app
        .entries()
        .iter()
        .map(|e| match e {
            Entry::Session(i) => app.programme().sessions[*i].title.clone(),
            Entry::Heading(h) => format!("# {h:?}"),
            Entry::Gap { from, to } => format!("free {} min", (*to - *from).num_minutes()),
            Entry::Cancelled(i) => format!("cancelled {i}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "# Day(0)",
            "Opening",
            "free 30 min",
            "Health workshop",
            "free 45 min",
            "Lunch",
            "# Untimed",
            "Dinner",
            "# Day(1)",
            "Morning talk",
        ]
    );
    let screen = screen_text(&draw(&mut app, 100, 30));
    assert!(screen.contains("free 09:30–10:00 (30 min)"), "{screen}");
}

#[test]
fn times_show_in_the_venue_zone_or_the_users() {
    let (_dir, mut app) = app_at("2024-03-30T10:15");
    let screen = screen_text(&draw(&mut app, 120, 30));
    assert!(
        screen.contains("Sat 30 Mar 10:15 Europe/Oslo (venue)"),
        "{screen}"
    );
    assert!(screen.contains("09:30–10:30"), "{screen}");
    run(&mut app, &[Action::ToggleZone]);
    let mut local = common::with_store(
        planning(),
        FavouritesStore::in_dir(tempfile::tempdir().expect("dir").path()),
        dagsorden::model::Clock {
            local: dagsorden::model::Zone::Iana(chrono_tz::Europe::London),
            ..clock_at("2024-03-30T10:15")
        },
    );
    run(&mut local, &[Action::ToggleZone]);
    let screen = screen_text(&draw(&mut local, 120, 30));
    assert!(
        screen.contains("Sat 30 Mar 09:15 Europe/London (yours)"),
        "{screen}"
    );
    assert!(
        screen.contains("08:30–09:30"),
        "Climate panel in London time: {screen}"
    );
}

#[test]
fn details_name_clashes_and_offer_the_alternatives() {
    let (_dir, mut app) = app_at("2024-03-30T10:20");
    star(&mut app, "Climate panel", 1);
    star(&mut app, "Health workshop", 1);
    select(&mut app, "Climate panel");
    let screen = screen_text(&draw(&mut app, 140, 40));
    assert!(screen.contains("! Clashes with"), "{screen}");
    assert!(
        screen.contains("10:00–11:00 Health workshop · Room B"),
        "{screen}"
    );
    assert!(screen.contains("Also in this slot (3)"), "{screen}");
    assert!(screen.contains("● on now, 10 min left"), "{screen}");
}

#[test]
fn the_status_bar_counts_down_to_the_next_star() {
    let (_dir, mut app) = app_at("2024-03-30T11:33");
    star(&mut app, "Lunch", 1);
    run(&mut app, &[Action::Focus(Pane::Browse)]);
    let screen = screen_text(&draw(&mut app, 140, 30));
    assert!(
        screen.contains("next ★ in 12 min: Lunch · Main hall"),
        "{screen}"
    );
}

#[test]
fn now_view_snapshot() {
    let (_dir, mut app) = app_at("2024-03-30T10:15");
    star(&mut app, "Climate panel", 1);
    star(&mut app, "Health workshop", 1);
    run(&mut app, &[Action::ToggleNow]);
    insta::assert_snapshot!("now_view_100x24", draw(&mut app, 100, 24).backend());
}

#[test]
fn my_programme_with_a_clash_and_gaps_snapshot() {
    let (_dir, mut app) = app_at("2024-03-30T10:15");
    for title in ["Opening", "Climate panel", "Health workshop", "Lunch"] {
        star(&mut app, title, 1);
    }
    star(&mut app, "Exhibition", 2);
    run(&mut app, &[Action::ToggleMyProgramme]);
    insta::assert_snapshot!(
        "my_programme_plan_100x24",
        draw(&mut app, 100, 24).backend()
    );
    insta::assert_snapshot!("my_programme_plan_80x24", draw(&mut app, 80, 24).backend());
}

#[test]
fn a_session_across_the_clock_change_lasts_its_real_time() {
    let (_dir, mut app) = app_at("2024-03-31T09:10");
    select(&mut app, "Across the clock change");
    let index = app.selected_index().expect("selected");
    let span = app.span(index).expect("timed");
    assert_eq!(
        (span.end - span.start).num_minutes(),
        60,
        "01:30–03:30 on the night clocks go forward"
    );
    let screen = screen_text(&draw(&mut app, 140, 30));
    assert!(screen.contains("01:30–03:30 (1 h)"), "{screen}");
    assert!(screen.contains("· over"), "{screen}");
}
