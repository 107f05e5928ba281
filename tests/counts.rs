//! The numbers beside days, rooms, themes and parts follow the filters in force, and a theme no
//! session has is not offered as a filter.

mod common;

use common::{app_at, clock_at, draw, load_file, real, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, FilterRow};
use dagsorden::favourites::FavouritesStore;

/// Filters by a row of the filters pane as the user does: down to it, and open it.
fn choose(app: &mut App, wanted: FilterRow) {
    run(app, &[Action::Focus(Pane::Filters), Action::Top]);
    for _ in 0..app.filter_rows().len() {
        if app.filter_rows()[app.filter_cursor()] == wanted {
            run(app, &[Action::Open]);
            return;
        }
        run(app, &[Action::Down]);
    }
    panic!("no row {wanted:?}");
}

/// Sessions of each day that pass the filters, counted by looking at each day's list.
fn shown_per_day(app: &mut App) -> Vec<usize> {
    let days = app.programme().days.len();
    run(app, &[Action::PrevDay, Action::PrevDay, Action::PrevDay]);
    (0..days)
        .map(|day| {
            if day > 0 {
                run(app, &[Action::NextDay]);
            }
            app.visible_sessions().len()
        })
        .collect()
}

#[test]
fn day_counts_follow_the_theme_filter_and_hiding_the_past() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-13T11:00"));
    assert_eq!(app.counts().days, [1, 10, 1], "no filter: every session");
    let theme = (0..app.programme().themes.len())
        .max_by_key(|&t| app.index().theme_counts[t])
        .expect("a theme");
    choose(&mut app, FilterRow::Theme(theme));
    let expected = shown_per_day(&mut app);
    assert_eq!(app.counts().days, expected);
    assert!(
        expected.iter().sum::<usize>() < 12,
        "the theme narrows: {expected:?}"
    );
    run(&mut app, &[Action::ClearFilters, Action::TogglePast]);
    assert_eq!(app.counts().days, [0, 10, 1], "the 12th is over");
}

#[test]
fn a_theme_counts_what_choosing_it_would_show() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-13T11:00"));
    let totals: Vec<usize> = (0..app.programme().themes.len())
        .map(|t| app.index().theme_counts[t])
        .collect();
    assert_eq!(app.counts().themes, totals);
    let part = app
        .programme()
        .parts
        .iter()
        .position(|p| p.id == "landstinget")
        .expect("the Landsting");
    choose(&mut app, FilterRow::Part(part));
    for theme in 0..app.programme().themes.len() {
        let would_show = (0..app.programme().sessions.len())
            .filter(|&i| {
                let s = &app.programme().sessions[i];
                s.part == Some(part) && s.themes.contains(&theme)
            })
            .count();
        assert_eq!(app.counts().themes[theme], would_show, "theme {theme}");
    }
    assert_eq!(
        app.counts().parts,
        [1, 7, 4],
        "a part counts without the part filter, so every part says what it has"
    );
}

#[test]
fn starring_with_starred_only_on_counts_the_new_star() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-01T11:00"));
    run(&mut app, &[Action::ToggleStarredOnly]);
    assert_eq!(app.counts().days, [0, 0, 0]);
    run(&mut app, &[Action::ToggleStarredOnly, Action::CycleStar]);
    run(&mut app, &[Action::ToggleStarredOnly]);
    assert_eq!(app.counts().days, [1, 0, 0]);
}

#[test]
fn the_counts_on_screen_are_the_filtered_ones() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-13T11:00"));
    run(&mut app, &[Action::TogglePast]);
    let screen = screen_text(&draw(&mut app, 120, 40));
    let day_row = screen
        .lines()
        .find(|l| l.contains("Mon 12 Feb"))
        .expect("the first day");
    assert!(
        day_row
            .split('│')
            .nth(1)
            .is_some_and(|cell| cell.trim_end().ends_with(" 0")),
        "{day_row}"
    );
}

#[test]
fn a_fosdem_track_without_events_is_not_offered_as_a_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let programme = load_file(&real("fosdem-2025.xml")).programme;
    let app = common::with_store(
        programme,
        FavouritesStore::in_dir(dir.path()),
        clock_at("2025-01-20T12:00"),
    );
    let lightning = app
        .programme()
        .themes
        .iter()
        .position(|t| t.name == "Lightning Talks")
        .expect("the file declares it");
    assert_eq!(
        app.index().theme_counts[lightning],
        0,
        "and files no event under it"
    );
    assert!(!app.filter_rows().contains(&FilterRow::Theme(lightning)));
    let offered = app
        .filter_rows()
        .iter()
        .filter(|r| matches!(r, FilterRow::Theme(_)))
        .count();
    let used = (0..app.programme().themes.len())
        .filter(|&t| app.index().theme_counts[t] > 0)
        .count();
    assert_eq!(offered, used, "every theme with sessions is offered");
}
