//! Keys that go where a user expects: Esc back to where they were, `h`/`l` to the pane on that
//! side, a cursor per view, jumps to now, to a time, to the next star and by first letters.

mod common;

use common::{app_with_store, clock_at, draw, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Browse, Entry, FilterRow, Heading, View};
use dagsorden::favourites::FavouritesStore;

/// FOSDEM 2025 with the clock at `time` (venue time) and stars in a temp dir.
fn fosdem_at(time: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let programme = common::load_file(&common::real("fosdem-2025.xml")).programme;
    let app = common::with_store(
        programme,
        FavouritesStore::in_dir(dir.path()),
        clock_at(time),
    );
    (dir, app)
}

fn selected_title(app: &App) -> String {
    app.selected_session()
        .map(|s| s.title.clone())
        .unwrap_or_default()
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        run(app, &[Action::PromptType(c)]);
    }
}

/// When a session starts, as written (`14:30`).
fn start_of(app: &App, row: usize) -> String {
    let session = app.entries()[row].session().expect("a session row");
    app.programme().sessions[session]
        .start
        .map(|t| t.to_string())
        .unwrap_or_default()
}

#[test]
fn esc_returns_from_on_now_and_my_programme_to_the_same_session() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[Action::NextDay, Action::Down, Action::Down, Action::Down],
    );
    let chosen = selected_title(&app);
    let top = app.tops().sessions;
    run(&mut app, &[Action::ToggleNow, Action::ToggleMyProgramme]);
    assert_eq!(app.view(), View::MyProgramme);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.view(), View::Now, "one step back at a time");
    run(&mut app, &[Action::Back]);
    assert_eq!((app.view(), app.day()), (View::Day, 1));
    assert_eq!(selected_title(&app), chosen);
    assert_eq!(app.tops().sessions, top);
    assert_eq!(app.focus(), Pane::Sessions);
    run(&mut app, &[Action::Back]);
    assert!(app.is_running(), "Esc never quits");
    assert_eq!(selected_title(&app), chosen);
}

#[test]
fn esc_gives_the_keys_back_to_the_list_before_leaving_a_view() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::NextDay, Action::ToggleMyProgramme]);
    run(
        &mut app,
        &[Action::Focus(Pane::Browse), Action::ToggleNow, Action::Open],
    );
    assert_eq!((app.view(), app.focus()), (View::Now, Pane::Details));
    run(&mut app, &[Action::Back]);
    assert_eq!((app.view(), app.focus()), (View::Now, Pane::Sessions));
    run(&mut app, &[Action::Back]);
    assert_eq!(
        (app.view(), app.focus()),
        (View::MyProgramme, Pane::Browse),
        "On now was opened from My programme, the browse pane focused"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!((app.view(), app.focus()), (View::Day, Pane::Sessions));
}

#[test]
fn the_same_key_goes_back_and_a_new_day_starts_afresh() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[Action::NextDay, Action::Down, Action::ToggleMyProgramme],
    );
    run(&mut app, &[Action::ToggleMyProgramme]);
    assert_eq!(app.view(), View::Day);
    run(
        &mut app,
        &[Action::ToggleNow, Action::NextDay, Action::Back],
    );
    assert_eq!(
        (app.view(), app.day()),
        (View::Day, 2),
        "another day is somewhere new: nothing to go back to"
    );
    assert!(app.status().is_some_and(|s| s.text.contains("q quits")));
}

#[test]
fn my_programme_keeps_its_own_cursor() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::NextDay]);
    for _ in 0..3 {
        run(&mut app, &[Action::CycleStar, Action::Down]);
    }
    let in_day = selected_title(&app);
    run(&mut app, &[Action::ToggleMyProgramme]);
    let first = selected_title(&app);
    run(&mut app, &[Action::Down]);
    let second = selected_title(&app);
    assert_ne!(first, second);
    run(&mut app, &[Action::Back]);
    assert_eq!(selected_title(&app), in_day, "the day keeps its cursor");
    run(&mut app, &[Action::ToggleMyProgramme]);
    assert_eq!(selected_title(&app), second, "and My programme its own");
}

#[test]
fn slash_after_opening_a_result_keeps_that_result() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::StartSearch]);
    for c in "kommune".chars() {
        run(&mut app, &[Action::SearchType(c)]);
    }
    assert!(app.visible_sessions().len() > 2);
    run(
        &mut app,
        &[Action::Down, Action::Down, Action::SearchAccept],
    );
    let opened = selected_title(&app);
    run(&mut app, &[Action::StartSearch]);
    assert_eq!(app.search().map(|s| s.query.as_str()), Some("kommune"));
    assert_eq!(selected_title(&app), opened);
}

#[test]
fn opened_during_the_conference_it_starts_at_what_is_on_now() {
    let (_dir, mut app) = fosdem_at("2025-02-01T11:00");
    draw(&mut app, 120, 40);
    assert_eq!(app.day(), 0);
    let row = app.cursor();
    assert!(
        start_of(&app, row).as_str() >= "10:00",
        "{}",
        start_of(&app, row)
    );
    assert!(
        app.is_on(app.selected_index().expect("selected"))
            || start_of(&app, row).as_str() >= "11:00"
    );
    assert_eq!(
        app.tops().sessions,
        row - 1,
        "near the top, what comes next below it"
    );
    run(&mut app, &[Action::Top, Action::JumpToNow]);
    assert_eq!((app.cursor(), app.tops().sessions), (row, row - 1));
    insta::assert_snapshot!(
        "fosdem_opens_at_now_120x40",
        draw(&mut app, 120, 40).backend()
    );
}

#[test]
fn on_now_opens_at_its_top() {
    let (_dir, mut app) = fosdem_at("2025-02-01T11:00");
    draw(&mut app, 120, 40);
    run(
        &mut app,
        &[Action::ToggleNow, Action::PageDown, Action::Back],
    );
    run(&mut app, &[Action::ToggleNow]);
    assert_eq!(app.entries()[0], Entry::Heading(Heading::OnNow));
    assert_eq!((app.tops().sessions, app.cursor()), (0, 1));
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("── On now"), "{screen}");
}

#[test]
fn a_time_typed_after_at_goes_to_the_first_session_from_then() {
    let (_dir, mut app) = fosdem_at("2025-02-01T11:00");
    draw(&mut app, 120, 40);
    run(&mut app, &[Action::ToggleMyProgramme, Action::JumpToTime]);
    type_in(&mut app, "14:3");
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("Go to time (HH:MM): 14:3_")
    );
    insta::assert_snapshot!("time_prompt_80x24", draw(&mut app, 80, 24).backend());
    type_in(&mut app, "0");
    run(&mut app, &[Action::PromptAccept]);
    assert_eq!((app.view(), app.focus()), (View::Day, Pane::Sessions));
    let row = app.cursor();
    assert!(start_of(&app, row).as_str() >= "14:30");
    let before = (0..row)
        .rev()
        .find(|&r| app.entries()[r].session().is_some());
    assert!(start_of(&app, before.expect("an earlier session")).as_str() < "14:30");
    assert_eq!(app.tops().sessions, row - 1);

    run(&mut app, &[Action::JumpToTime]);
    type_in(&mut app, "noon");
    run(&mut app, &[Action::PromptAccept]);
    assert_eq!(app.cursor(), row, "a mistyped time moves nothing");
    assert!(
        app.status()
            .is_some_and(|s| s.text.starts_with("Not a time of day: noon"))
    );
    run(&mut app, &[Action::JumpToTime]);
    type_in(&mut app, "9");
    run(&mut app, &[Action::PromptCancel]);
    assert_eq!(app.cursor(), row, "Esc goes nowhere");
}

#[test]
fn the_next_star_key_walks_the_stars_still_to_come() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[Action::NextDay, Action::NextDay, Action::CycleStar],
    );
    let last_day = selected_title(&app);
    run(
        &mut app,
        &[Action::PrevDay, Action::Down, Action::CycleStar],
    );
    let middle_day = selected_title(&app);
    run(&mut app, &[Action::PrevDay, Action::NextStarred]);
    assert_eq!((app.day(), selected_title(&app)), (1, middle_day));
    run(&mut app, &[Action::NextStarred]);
    assert_eq!((app.day(), selected_title(&app)), (2, last_day));
    run(&mut app, &[Action::NextStarred]);
    assert_eq!(app.day(), 1, "after the last, the first again");

    let (_dir, mut none) = app_with_store("ks-toppmote-2024");
    run(&mut none, &[Action::NextStarred]);
    assert_eq!(
        none.status().map(|s| s.text.as_str()),
        Some("No starred session still to come.")
    );
}

#[test]
fn first_letters_find_a_speaker_and_a_theme() {
    let (_dir, mut app) = fosdem_at("2025-02-01T11:00");
    draw(&mut app, 120, 40);
    run(
        &mut app,
        &[
            Action::Focus(Pane::Browse),
            Action::NextBrowse,
            Action::NextBrowse,
        ],
    );
    assert_eq!(app.browse(), Browse::Speakers);
    let speakers = app.index().speakers().len();
    assert!(speakers > 900, "{speakers}");
    run(&mut app, &[Action::FindInList]);
    type_in(&mut app, "rich");
    let chosen = app.view();
    let View::Speaker(speaker) = chosen else {
        panic!("shows a speaker's sessions: {chosen:?}");
    };
    let found = app.index().speakers()[speaker].name.to_lowercase();
    assert!(found.starts_with("rich"), "{found}");
    insta::assert_snapshot!("find_speaker_80x24", draw(&mut app, 80, 24).backend());
    run(&mut app, &[Action::PromptAccept]);
    assert_eq!(app.view(), View::Speaker(speaker), "Enter stays");

    run(&mut app, &[Action::Focus(Pane::Filters)]);
    let before = app.filter_cursor();
    run(&mut app, &[Action::FindInList]);
    type_in(&mut app, "ru");
    let FilterRow::Theme(theme) = app.filter_rows()[app.filter_cursor()] else {
        panic!("a theme row");
    };
    assert!(
        app.programme().themes[theme]
            .name
            .to_lowercase()
            .starts_with("ru")
    );
    type_in(&mut app, "zzz");
    assert!(
        app.status()
            .is_some_and(|s| s.text.contains("nothing starts so"))
    );
    run(&mut app, &[Action::PromptCancel]);
    assert_eq!(
        app.filter_cursor(),
        before,
        "Esc goes back to where it started"
    );
    assert_eq!(
        app.theme_filter(),
        None,
        "finding only moves, it filters nothing"
    );
}

#[test]
fn the_browse_title_offers_only_the_lists_the_programme_has() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    assert!(app.programme().rooms.is_empty());
    run(&mut app, &[Action::NextBrowse]);
    assert_eq!(app.browse(), Browse::Speakers, "no rooms to browse");
    run(&mut app, &[Action::NextBrowse]);
    assert_eq!(app.browse(), Browse::Days);
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("[Days] Speakers"), "{screen}");
    assert!(!screen.contains("Rooms"), "{screen}");
}

#[test]
fn h_and_l_go_to_the_pane_on_that_side_at_every_size() {
    for (width, height) in [
        (40, 20),
        (60, 24),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 60),
    ] {
        for pane in Pane::ALL {
            for (action, left) in [(Action::FocusLeft, true), (Action::FocusRight, false)] {
                let (_dir, mut app) = app_with_store("ks-toppmote-2024");
                run(&mut app, &[Action::Focus(pane)]);
                draw(&mut app, width, height);
                let areas = app.areas();
                let from = areas.pane(pane).expect("the focused pane shows");
                run(&mut app, std::slice::from_ref(&action));
                let to = app.focus();
                let at = format!("{width}x{height} {pane:?} {action:?} → {to:?}");
                if areas.tabs.is_some() {
                    let i = Pane::ALL.iter().position(|&p| p == pane).expect("a pane");
                    let expected = if left {
                        Pane::ALL[i.saturating_sub(1)]
                    } else {
                        Pane::ALL[(i + 1).min(3)]
                    };
                    assert_eq!(to, expected, "{at}: the tab on that side");
                } else if to != pane {
                    let rect = app.areas().pane(to).expect("shown");
                    let beside = if left {
                        rect.right() <= from.left()
                    } else {
                        rect.left() >= from.right()
                    };
                    let level = rect.top() < from.bottom() && from.top() < rect.bottom();
                    assert!(beside && level, "{at}: {rect:?} is not beside {from:?}");
                }
            }
        }
    }
    // Side by side, l walks right and h walks back.
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::Focus(Pane::Browse)]);
    draw(&mut app, 200, 60);
    run(&mut app, &[Action::FocusRight]);
    assert_eq!(app.focus(), Pane::Sessions);
    run(&mut app, &[Action::FocusLeft]);
    assert_eq!(app.focus(), Pane::Browse);
}
