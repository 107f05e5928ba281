//! What a user does, as actions on the app, and what they then see in its state.

mod common;

use common::{app_with_store, run, titles};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Effect, Overlay, Setup, View};
use dagsorden::favourites::FavouritesStore;
use dagsorden::model::{Level, Stars};

#[test]
fn browsing_days_shows_each_days_sessions() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    assert_eq!(titles(&app), ["Toppmøte barn og unge"]);
    run(&mut app, &[Action::NextDay]);
    assert_eq!(app.visible_sessions().len(), 10);
    assert_eq!(
        titles(&app)[0],
        "Vi kårer Norges mest næringsvennlige kommune"
    );
    run(&mut app, &[Action::Down, Action::Down]);
    let selected = app.selected_session().expect("selected");
    assert_eq!(
        selected.title,
        "Vi spør om vi tenker for tradisjonelt om helse- og omsorgstjenestene"
    );
    run(&mut app, &[Action::NextDay, Action::NextDay]);
    assert_eq!(app.day(), 2, "stops at the last day");
    assert_eq!(
        titles(&app),
        ["Valg av ny politisk ledelse og nye medlemmer til Hovedstyret i KS"]
    );
}

#[test]
fn days_pane_moves_and_enter_goes_to_the_sessions() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[Action::Focus(Pane::Browse), Action::Down, Action::Open],
    );
    assert_eq!((app.day(), app.focus()), (1, Pane::Sessions));
    run(&mut app, &[Action::Bottom]);
    assert_eq!(
        app.selected_session().map(|s| s.title.as_str()),
        Some("Politisk debatt")
    );
    run(&mut app, &[Action::Top]);
    assert_eq!(app.cursor(), 0);
    run(&mut app, &[Action::Open]);
    assert_eq!(app.focus(), Pane::Details);
}

#[test]
fn a_theme_filters_the_sessions_and_clears_with_one_key() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::NextDay,
            Action::Focus(Pane::Filters),
            Action::Down,
            Action::Down,
            Action::Open,
        ],
    );
    assert_eq!(app.theme_filter(), Some(1));
    assert_eq!(
        titles(&app),
        [
            "Vi ser på mulige veier inn i fellesskapet",
            "Vi lufter bekymringer om et demokrati på vikende front"
        ]
    );
    run(&mut app, &[Action::ClearFilters]);
    assert_eq!(
        (app.theme_filter(), app.visible_sessions().len()),
        (None, 10)
    );
    run(
        &mut app,
        &[
            Action::Focus(Pane::Filters),
            Action::Down,
            Action::Open,
            Action::Top,
            Action::Open,
        ],
    );
    assert_eq!(app.theme_filter(), None, "the first row shows all themes");
}

#[test]
fn the_selection_survives_a_filter_that_still_shows_it() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::NextDay,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    let chosen = app.selected_session().expect("selected").id.clone();
    run(
        &mut app,
        &[
            Action::Focus(Pane::Filters),
            Action::Down,
            Action::Down,
            Action::Open,
        ],
    );
    assert_eq!(app.selected_session().map(|s| s.id.clone()), Some(chosen));
}

#[test]
fn three_stars_survive_a_restart_and_fill_my_programme() {
    let (dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::CycleStar,
            Action::NextDay,
            Action::Down,
            Action::CycleStar,
            Action::NextDay,
            Action::CycleStar,
        ],
    );
    assert_eq!(app.starred_count(), 3);
    assert!(app.status().is_some_and(|s| s.text.starts_with("★ Must")));
    run(&mut app, &[Action::Quit]);
    assert!(!app.is_running());

    let mut again = common::with_store(
        common::programme("ks-toppmote-2024"),
        FavouritesStore::in_dir(dir.path()),
        common::clock(),
    );
    assert_eq!(again.starred_count(), 3);
    run(&mut again, &[Action::ToggleMyProgramme]);
    assert_eq!(again.view(), View::MyProgramme);
    assert_eq!(
        titles(&again),
        [
            "Toppmøte barn og unge",
            "Vi diskuterer hvordan stat og kommune kan jobbe bedre med klima og natur",
            "Valg av ny politisk ledelse og nye medlemmer til Hovedstyret i KS",
        ]
    );
    // The star key goes must → maybe → none: twice to unstar.
    run(&mut again, &[Action::Down, Action::CycleStar]);
    assert_eq!(
        again.visible_sessions().len(),
        3,
        "a maybe stays in the plan"
    );
    run(&mut again, &[Action::CycleStar]);
    assert_eq!(
        again.visible_sessions().len(),
        2,
        "unstarring removes it from My programme"
    );
    let other = common::with_store(
        common::programme("ks-toppmote-2021"),
        FavouritesStore::in_dir(dir.path()),
        common::clock(),
    );
    assert_eq!(other.starred_count(), 0, "programmes never mix");
}

#[test]
fn my_programme_is_empty_until_something_is_starred() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::ToggleMyProgramme, Action::CycleStar]);
    assert!(app.visible_sessions().is_empty());
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("No session selected to star.")
    );
    run(&mut app, &[Action::ToggleMyProgramme]);
    assert_eq!(app.view(), View::Day);
}

#[test]
fn a_failed_save_is_a_message_and_the_app_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocked = dir.path().join("file-not-dir");
    std::fs::write(&blocked, b"").expect("a file where the config dir should be");
    let mut app = common::with_store(
        common::programme("ks-toppmote-2024"),
        FavouritesStore::in_dir(&blocked),
        common::clock(),
    );
    run(&mut app, &[Action::CycleStar]);
    let status = app.status().expect("a message");
    assert!(
        status.is_error && status.text.starts_with("Not saved"),
        "{status:?}"
    );
    assert!(app.is_running());
    assert_eq!(app.starred_count(), 1, "the star stays for this run");
}

#[test]
fn esc_closes_help_first_then_quits() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    // The help is on screen (80×24: longer than it) before the keys scroll it.
    common::draw(&mut app, 80, 24);
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(
        (app.help_scroll(), app.cursor()),
        (2, 0),
        "keys scroll the help, not the list"
    );
    run(&mut app, &[const { Action::PageDown }; 20]);
    let bottom = app.help_scroll();
    run(&mut app, &[Action::PageDown, Action::Up]);
    assert_eq!(
        app.help_scroll(),
        bottom - 1,
        "scrolling stops at the end of the help"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.overlay(), None);
    assert!(app.is_running());
    run(&mut app, &[Action::Back]);
    assert!(!app.is_running());
}

#[test]
fn panes_cycle_with_tab_and_move_with_h_and_l() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    let mut seen = vec![app.focus()];
    for _ in 0..4 {
        run(&mut app, &[Action::NextPane]);
        seen.push(app.focus());
    }
    assert_eq!(
        seen,
        [
            Pane::Sessions,
            Pane::Details,
            Pane::Filters,
            Pane::Browse,
            Pane::Sessions
        ]
    );
    run(&mut app, &[Action::PrevPane]);
    assert_eq!(app.focus(), Pane::Browse);
    run(&mut app, &[Action::FocusRight, Action::FocusRight]);
    assert_eq!(app.focus(), Pane::Details);
    run(&mut app, &[Action::FocusLeft, Action::FocusLeft]);
    assert_eq!(app.focus(), Pane::Browse);
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::Resize {
                width: 120,
                height: 40,
            },
            Action::NextDay,
        ],
    );
    let sessions = app.areas().sessions.expect("sessions shown");
    // Third row of the list: border, then rows 0, 1, 2.
    run(
        &mut app,
        &[
            Action::Focus(Pane::Browse),
            Action::Click {
                column: sessions.x + 3,
                row: sessions.y + 3,
            },
        ],
    );
    assert_eq!((app.focus(), app.cursor()), (Pane::Sessions, 2));
    let days = app.areas().days.expect("days shown");
    run(
        &mut app,
        &[Action::Click {
            column: days.x + 2,
            row: days.y + 3,
        }],
    );
    assert_eq!((app.focus(), app.day()), (Pane::Browse, 2));
    run(
        &mut app,
        &[Action::Scroll {
            column: days.x + 2,
            row: days.y + 1,
            down: false,
        }],
    );
    assert_eq!(app.day(), 1);
    let themes = app.areas().themes.expect("themes shown");
    run(
        &mut app,
        &[Action::Click {
            // Border, the "Themes" heading, "All themes", then the first theme.
            column: themes.x + 2,
            row: themes.y + 3,
        }],
    );
    assert_eq!(app.theme_filter(), Some(0));
}

#[test]
fn paging_moves_by_the_visible_height() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::Resize {
                width: 30,
                height: 10,
            },
            Action::NextDay,
            Action::PageDown,
        ],
    );
    let rows = app.areas().sessions.expect("shown").height - 2;
    assert_eq!(app.cursor(), usize::from(rows));
    run(&mut app, &[Action::PageDown, Action::PageDown]);
    assert_eq!(app.cursor(), 9, "stops at the last session");
    run(&mut app, &[Action::PageUp]);
    assert_eq!(app.cursor(), 9 - usize::from(rows));
}

#[test]
fn a_star_asks_for_a_save_of_that_session_at_that_level() {
    let (dir, mut app) = app_with_store("ks-toppmote-2024");
    let key = app.selected_session().expect("selected").id.clone();
    let effects = app.update(Action::CycleStar);
    let [
        Effect::SaveStar {
            programme,
            key: saved,
            star: Some(star),
        },
    ] = effects.as_slice()
    else {
        panic!("one save of a star: {effects:?}");
    };
    assert_eq!(
        (programme.as_str(), saved, star.level),
        (app.programme().id.as_str(), &key, Level::Must)
    );
    assert_eq!(app.starred_count(), 1, "shown at once");
    assert!(
        !dir.path().join("favourites.json").exists(),
        "update itself writes nothing"
    );
    let effects = app.update(Action::CycleStar);
    assert!(
        matches!(effects.as_slice(), [Effect::SaveStar { star: Some(s), .. }] if s.level == Level::Maybe),
        "{effects:?}"
    );
    let effects = app.update(Action::CycleStar);
    assert!(
        matches!(effects.as_slice(), [Effect::SaveStar { star: None, key: k, .. }] if *k == key),
        "{effects:?}"
    );
}

#[test]
fn the_export_key_asks_for_the_calendar_to_be_written_beside_the_favourites() {
    let (dir, mut app) = app_with_store("ks-toppmote-2024");
    // The KS programme announces dates and no times: both sessions are all-day events.
    run(
        &mut app,
        &[Action::CycleStar, Action::NextDay, Action::CycleStar],
    );
    assert!(
        app.update(Action::ExportFavourites).is_empty(),
        "asks where"
    );
    let effects = app.update(Action::SearchAccept);
    let [
        Effect::Export {
            path,
            text,
            sessions,
            left_out,
        },
    ] = effects.as_slice()
    else {
        panic!("one export: {effects:?}");
    };
    assert_eq!(path, &dir.path().join("ks-toppmote-2024-favourites.ics"));
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    assert_eq!((*sessions, *left_out), (2, 0));
    assert_eq!(text.matches("DTSTART;VALUE=DATE:").count(), 2, "{text}");
    assert!(!path.exists(), "update itself writes nothing");
}

#[test]
fn a_failed_save_or_export_reported_back_is_an_error_in_the_status_bar() {
    let (dir, mut app) = app_with_store("ks-toppmote-2024");
    let effects = app.update(Action::SaveFailed("disk full".into()));
    assert!(effects.is_empty());
    let status = app.status().expect("a message");
    assert!(status.is_error, "{status:?}");
    assert!(status.text.contains("disk full"), "{status:?}");
    let path = dir.path().join("x.ics");
    app.update(Action::ExportFailed {
        path: path.clone(),
        why: "read-only".into(),
    });
    let status = app.status().expect("a message");
    assert!(status.is_error, "{status:?}");
    assert!(
        status.text.contains("read-only") && status.text.contains("x.ics"),
        "{status:?}"
    );
    app.update(Action::Exported {
        path,
        sessions: 2,
        left_out: 1,
    });
    let status = app.status().expect("a message");
    assert!(
        !status.is_error && status.text.starts_with("Exported 2"),
        "{status:?}"
    );
}

#[test]
fn opening_the_app_writes_nothing_until_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::new(
        common::programme("ks-toppmote-2024"),
        Stars::new(),
        common::clock(),
        Setup {
            files: Some(dir.path().to_path_buf()),
            ..Setup::default()
        },
    );
    assert!(app.effects_at_start().is_empty(), "no old stars to fill in");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_click_lands_on_the_row_shown_without_a_frame_drawn_first() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::Resize {
                width: 30,
                height: 10,
            },
            Action::NextDay,
            Action::Bottom,
        ],
    );
    let top = app.tops().sessions;
    assert!(top > 0, "the list scrolled to show its last session");
    let sessions = app.areas().sessions.expect("shown");
    run(
        &mut app,
        &[
            Action::Up,
            Action::Click {
                column: sessions.x + 3,
                row: sessions.y + 1,
            },
        ],
    );
    assert_eq!(app.cursor(), top, "the first row in view");
}

#[test]
fn the_details_scroll_stops_at_their_end_without_a_frame_drawn_first() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(
        &mut app,
        &[
            Action::Resize {
                width: 40,
                height: 12,
            },
            Action::NextDay,
            Action::Focus(Pane::Details),
        ],
    );
    run(&mut app, &[const { Action::PageDown }; 20]);
    let bottom = app.details_scroll();
    assert!(bottom > 0, "the details are longer than their pane");
    run(&mut app, &[Action::PageDown, Action::Up]);
    assert_eq!(app.details_scroll(), bottom - 1);
}
