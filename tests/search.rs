//! Finding anything: search as you type, browsing by room and speaker, and filters that
//! combine, on the KS programme and on FOSDEM.

mod common;

use common::{app_at, app_with_store, clock, draw, load_file, real, run, screen_text, titles};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, Browse, FilterRow, View};
use dagsorden::favourites::FavouritesStore;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        run(app, &[Action::SearchType(c)]);
    }
}

/// Filters by a theme as the user does: down to its row in the filters pane, and open it.
fn filter_by_theme(app: &mut App, theme: usize) {
    run(app, &[Action::Focus(Pane::Filters), Action::Top]);
    for _ in 0..app.filter_rows().len() {
        if app.filter_rows()[app.filter_cursor()] == FilterRow::Theme(theme) {
            run(app, &[Action::Open]);
            return;
        }
        run(app, &[Action::Down]);
    }
    panic!("no row for theme {theme}");
}

fn fosdem() -> (tempfile::TempDir, App) {
    let path = real("fosdem-2025.xml");
    let dir = tempfile::tempdir().expect("temp dir");
    let programme = load_file(&path).programme;
    let app = common::with_store(
        programme,
        FavouritesStore::in_dir(dir.path()),
        common::clock_at("2025-01-20T12:00"),
    );
    (dir, app)
}

#[test]
fn searching_the_ks_programme_with_any_spelling() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::StartSearch]);
    assert_eq!(app.view(), View::Search);
    type_text(&mut app, "naeringsvennlig");
    assert_eq!(
        titles(&app),
        ["Vi kårer Norges mest næringsvennlige kommune"]
    );
    for _ in 0.."naeringsvennlig".len() {
        run(&mut app, &[Action::SearchBackspace]);
    }
    type_text(&mut app, "helse omsorg");
    assert_eq!(
        titles(&app),
        [
            "Vi spør om vi tenker for tradisjonelt om helse- og omsorgstjenestene",
            "Landstinget åpner: innlegg fra helse- og omsorgsministeren",
        ],
        "both words, in titles first"
    );
}

#[test]
fn speakers_and_roles_are_found_and_titles_rank_first() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::StartSearch]);
    type_text(&mut app, "kjerkol");
    assert_eq!(
        titles(&app),
        ["Landstinget åpner: innlegg fra helse- og omsorgsministeren"]
    );
    run(&mut app, &[Action::SearchCancel, Action::StartSearch]);
    type_text(&mut app, "toppmote");
    let found = titles(&app);
    assert_eq!(found[0], "Toppmøte barn og unge", "a title match first");
    assert!(
        found.len() > 1,
        "then sessions whose other text says toppmøte: {found:?}"
    );
}

#[test]
fn a_part_name_finds_every_session_of_that_part() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::StartSearch]);
    type_text(&mut app, "toppmøte");
    let programme = app.programme();
    let of_toppmote_parts: Vec<usize> = (0..programme.sessions.len())
        .filter(|&i| {
            programme.sessions[i]
                .part
                .is_some_and(|p| programme.parts[p].name.to_lowercase().contains("toppmøte"))
        })
        .collect();
    assert_eq!(of_toppmote_parts.len(), 8, "the two toppmøte parts");
    let found = app.visible_sessions();
    for i in of_toppmote_parts {
        assert!(
            found.contains(&i),
            "{} is in a toppmøte part",
            programme.sessions[i].title
        );
    }
}

#[test]
fn esc_restores_the_view_and_the_selection_from_before() {
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock());
    run(
        &mut app,
        &[
            Action::NextDay,
            Action::Down,
            Action::Down,
            Action::Focus(Pane::Browse),
        ],
    );
    let before = app.selected_index();
    run(&mut app, &[Action::StartSearch]);
    type_text(&mut app, "valg");
    run(&mut app, &[Action::Down, Action::SearchCancel]);
    assert_eq!(
        (app.view(), app.day(), app.selected_index()),
        (View::Day, 1, before)
    );
    assert_eq!(app.focus(), Pane::Browse);
    assert!(app.search().is_none());
}

#[test]
fn enter_opens_the_result_and_keeps_the_list() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::StartSearch]);
    type_text(&mut app, "debatt");
    run(&mut app, &[Action::SearchAccept]);
    assert_eq!(app.focus(), Pane::Details);
    assert_eq!(app.view(), View::Search);
    assert_eq!(
        app.selected_session().map(|s| s.title.as_str()),
        Some("Politisk debatt"),
        "the title match ranks before \"Vi diskuterer\" (kind: debate)"
    );
    run(&mut app, &[Action::CycleStar]);
    assert_eq!(
        app.starred_count(),
        1,
        "a result can be starred where it is"
    );
    run(&mut app, &[Action::Back]);
    assert_ne!(app.view(), View::Search, "Esc leaves the search");
}

#[test]
fn search_snapshot_with_highlights() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::StartSearch]);
    type_text(&mut app, "vi demokr");
    let terminal = draw(&mut app, 100, 24);
    insta::assert_snapshot!("search_100x24", terminal.backend());
    let buffer = terminal.backend().buffer();
    // "demokr" of "demokrati" is marked without colour: underlined.
    let screen = screen_text(&terminal);
    let row = screen
        .lines()
        .position(|l| l.contains("demokrati"))
        .expect("the result");
    let column = screen
        .lines()
        .nth(row)
        .and_then(|l| l.chars().position(|c| c == 'd').map(|_| l))
        .map(|l| {
            l.char_indices()
                .find(|(at, _)| l[*at..].starts_with("demokrati"))
                .map(|(at, _)| l[..at].chars().count())
        });
    let x = u16::try_from(column.flatten().expect("column")).expect("fits");
    let y = u16::try_from(row).expect("fits");
    let cell = &buffer[(x, y)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::UNDERLINED),
        "{cell:?}"
    );
}

#[test]
fn a_fosdem_speaker_gives_exactly_their_sessions() {
    let (_dir, mut app) = fosdem();
    // Checked against the file: this person is listed on these events only.
    let path = real("fosdem-2025.xml");
    let xml = std::fs::read_to_string(path).expect("read");
    let name = "Mikhail Gudim";
    let expected = xml
        .split("<event ")
        .filter(|e| e.contains(&format!(">{name}</person>")))
        .count();
    run(&mut app, &[Action::StartSearch]);
    type_text(&mut app, "mikhail gudim");
    let found = app.visible_sessions();
    assert_eq!(found.len(), expected);
    assert!(found.iter().all(|&i| {
        app.programme().sessions[i]
            .speakers
            .iter()
            .any(|s| s.name == name)
    }));
}

#[test]
fn fosdem_by_room_and_by_speaker() {
    let (_dir, mut app) = fosdem();
    run(&mut app, &[Action::Focus(Pane::Browse), Action::NextBrowse]);
    assert_eq!(app.browse(), Browse::Rooms);
    let View::Room(room) = app.view() else {
        panic!("a room's sessions: {:?}", app.view())
    };
    let name = app.programme().rooms[room].clone();
    let sessions = app.visible_sessions();
    assert_eq!(sessions.len(), app.index().by_room[room].len());
    assert!(
        sessions.iter().all(
            |&i| app.programme().room_name(&app.programme().sessions[i]) == Some(name.as_str())
        )
    );
    let starts: Vec<_> = sessions
        .iter()
        .map(|&i| app.span(i).map(|s| s.start))
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "in time order across days"
    );
    run(&mut app, &[Action::NextBrowse, Action::Down]);
    assert_eq!(app.browse(), Browse::Speakers);
    let View::Speaker(speaker) = app.view() else {
        panic!("a speaker's sessions")
    };
    let sessions = app.index().speakers()[speaker].sessions.clone();
    assert_eq!(app.visible_sessions(), sessions);
    let screen = screen_text(&draw(&mut app, 160, 40));
    assert!(
        screen.contains(&format!("Sessions ({})", sessions.len())),
        "{screen}"
    );
}

#[test]
fn filters_combine_and_clear_with_one_key() {
    let (_dir, mut app) = fosdem();
    let programme = app.programme();
    let llvm = programme
        .themes
        .iter()
        .position(|t| t.name == "LLVM")
        .expect("LLVM track");
    let room = programme
        .rooms
        .iter()
        .position(|r| r == "K.3.201")
        .expect("room");
    let both = programme
        .sessions
        .iter()
        .filter(|s| s.day == 0 && s.themes.contains(&llvm) && s.room == Some(room))
        .count();
    filter_by_theme(&mut app, llvm);
    run(&mut app, &[Action::Focus(Pane::Filters)]);
    let rows = app.filter_rows().to_vec();
    let row = rows
        .iter()
        .position(|r| *r == FilterRow::Room(room))
        .expect("a row for the room");
    run(&mut app, &[Action::Top]);
    while app.filter_cursor() < row {
        run(&mut app, &[Action::Down]);
    }
    run(&mut app, &[Action::Open]);
    assert_eq!(
        (app.filters().theme, app.filters().room),
        (Some(llvm), Some(room))
    );
    assert_eq!(app.visible_sessions().len(), both);
    let screen = screen_text(&draw(&mut app, 160, 40));
    assert!(screen.contains("● LLVM · ● K.3.201 · c clears"), "{screen}");
    run(&mut app, &[Action::ToggleStarredOnly]);
    assert!(app.visible_sessions().is_empty(), "nothing starred yet");
    run(&mut app, &[Action::ClearFilters]);
    assert!(!app.filters().is_active());
    assert_eq!(app.visible_sessions().len(), 470);
}

#[test]
fn the_selection_survives_a_filter_that_still_shows_it() {
    let (_dir, mut app) = fosdem();
    run(&mut app, &[Action::Down, Action::Down, Action::Down]);
    let chosen = app.selected_index().expect("a session");
    let theme = app.programme().sessions[chosen].themes[0];
    filter_by_theme(&mut app, theme);
    assert_eq!(app.selected_index(), Some(chosen));
    run(
        &mut app,
        &[Action::ToggleMyProgramme, Action::ToggleMyProgramme],
    );
    assert_eq!(app.selected_index(), Some(chosen));
}

#[test]
fn results_across_days_say_their_weekday() {
    let (_dir, mut app) = fosdem();
    app.update(Action::StartSearch);
    type_text(&mut app, "kernel");
    let screen = screen_text(&draw(&mut app, 120, 40));
    // Title matches come first, from both days: each row says which.
    assert!(screen.contains(" Sat 11:30–11:55 "), "{screen}");
    assert!(screen.contains(" Sun 09:00–09:30 "), "{screen}");
}
