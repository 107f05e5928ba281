//! The layout gives the titles the room: on FOSDEM 2025 at the sizes people use, every view
//! (snapshots), the targets of issue 15 (titles read whole, no pane padded for nothing), a
//! header that keeps its clock and a status bar that keeps help and quit.

mod common;

use common::{draw, load_file, real, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::app::{App, FilterRow};
use dagsorden::favourites::FavouritesStore;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// FOSDEM 2025 on its first morning, as `--now 2025-02-01T11:00` opens it.
fn fosdem() -> (tempfile::TempDir, App) {
    let path = real("fosdem-2025.xml");
    let dir = tempfile::tempdir().expect("temp dir");
    let programme = load_file(&path).programme;
    let app = common::with_store(
        programme,
        FavouritesStore::in_dir(dir.path()),
        common::clock_at("2025-02-01T11:00"),
    );
    (dir, app)
}

/// A 40-character title of the first morning (the issue saw "Unstoppable F…").
const FORTY: &str = "Unstoppable Force Behind Linux on RISC-V";

/// What brings a freshly opened app to a view.
type Open = fn(&mut App);

/// How to open each view, named as the snapshots are.
fn views() -> [(&'static str, Open); 7] {
    [
        ("day", |_| {}),
        ("room", |app| {
            run(app, &[Action::Focus(Pane::Browse), Action::NextBrowse]);
        }),
        ("theme", |app| filter_by_theme(app, "RISC-V")),
        ("speakers", |app| {
            let speakers = [Action::NextBrowse, Action::NextBrowse, Action::Down];
            run(app, &[Action::Focus(Pane::Browse)]);
            run(app, &speakers);
        }),
        ("my_programme", |app| {
            run(
                app,
                &[
                    Action::CycleStar,
                    Action::Down,
                    Action::CycleStar,
                    Action::NextDay,
                    Action::CycleStar,
                    Action::ToggleMyProgramme,
                ],
            );
        }),
        ("now", |app| run(app, &[Action::ToggleNow])),
        ("search", |app| {
            run(app, &[Action::StartSearch]);
            for c in "rust".chars() {
                run(app, &[Action::SearchType(c)]);
            }
            run(app, &[Action::SearchAccept]);
        }),
    ]
}

/// Filters by the theme named `name`, as the user does: down to its row, and open it.
fn filter_by_theme(app: &mut App, name: &str) {
    let theme = app
        .programme()
        .themes
        .iter()
        .position(|t| t.name == name)
        .expect("the theme");
    run(app, &[Action::Focus(Pane::Filters), Action::Top]);
    while app.filter_rows()[app.filter_cursor()] != FilterRow::Theme(theme) {
        run(app, &[Action::Down]);
    }
    run(app, &[Action::Open, Action::Focus(Pane::Sessions)]);
}

/// FOSDEM in a view, its speakers listed (drawing never waits for them; the test does).
fn fosdem_in(open: Open) -> (tempfile::TempDir, App) {
    let (dir, mut app) = fosdem();
    app.index().speakers();
    open(&mut app);
    (dir, app)
}

#[test]
fn every_view_at_every_size() {
    for (view, open) in views() {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let (_dir, mut app) = fosdem_in(open);
            let terminal = draw(&mut app, width, height);
            insta::assert_snapshot!(
                format!("fosdem_{view}_{width}x{height}"),
                terminal.backend()
            );
        }
    }
}

#[test]
fn a_forty_character_title_reads_whole_at_120x40_and_mostly_at_80x24() {
    let (_dir, mut app) = fosdem();
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains(FORTY), "{screen}");
    let screen = screen_text(&draw(&mut app, 80, 24));
    assert!(screen.contains(&FORTY[..30]), "{screen}");
}

/// The columns a pane leaves blank at its right edge on every row: padding for nothing.
fn unused_columns(terminal: &Terminal<TestBackend>, pane: Rect) -> u16 {
    let buffer = terminal.backend().buffer();
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    let last_used = inner
        .rows()
        .filter_map(|row| {
            row.columns()
                .filter(|cell| buffer[(cell.x, cell.y)].symbol().trim() != "")
                .map(|cell| cell.x)
                .max()
        })
        .max()
        .unwrap_or(inner.x);
    inner.right() - 1 - last_used
}

#[test]
fn at_200x60_no_pane_is_padded_for_nothing() {
    let (_dir, mut app) = fosdem();
    // A session with a long abstract, so the details have text to fill their width.
    let long = |app: &App| {
        app.selected_session()
            .and_then(dagsorden::model::Session::description_text)
            .is_some_and(|text| text.len() > 600)
    };
    while !long(&app) {
        run(&mut app, &[Action::Down]);
    }
    let terminal = draw(&mut app, 200, 60);
    let areas = app.areas();
    for pane in Pane::ALL {
        let rect = areas.pane(pane).expect("every pane shows at 200x60");
        let unused = unused_columns(&terminal, rect);
        assert!(
            unused <= 3,
            "{pane:?} leaves {unused} columns unused\n{}",
            screen_text(&terminal)
        );
    }
}

#[test]
fn the_header_never_cuts_the_clock() {
    let clock = "Sat 1 Feb 11:00 Europe/Brussels (venue)";
    for width in [200, 120, 80, 64, 50, 40] {
        let (_dir, mut app) = fosdem();
        let screen = screen_text(&draw(&mut app, width, 24));
        let facts = screen.lines().nth(1).expect("a second header line");
        assert!(facts.contains(clock), "{width}: {facts}");
    }
    let (_dir, mut app) = fosdem();
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("ULB (Université Libre de Bruxelles), Brussels · 1–2 Feb 2025"));
}

/// The status bar's rows, each trimmed, joined by a space.
fn status_text(app: &App, terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    app.areas()
        .status
        .rows()
        .map(|row| {
            row.columns()
                .map(|cell| buffer[(cell.x, cell.y)].symbol().to_string())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_status_bar_always_offers_help_and_quit() {
    for (view, open) in views() {
        for width in [200, 120, 80, 64, 50] {
            let (_dir, mut app) = fosdem_in(open);
            let terminal = draw(&mut app, width, 24);
            let status = status_text(&app, &terminal);
            assert!(
                status.contains("? help") && status.contains("q/Ctrl-C quit"),
                "{view} at {width}: {status}"
            );
        }
    }
}

#[test]
fn a_long_status_message_is_never_cut_and_help_and_quit_stay() {
    let why = "the disk is full: /home/someone/.config/dagsorden/favourites.json could not \
               be written, and the stars made since the last save are kept only until you quit";
    for width in [200, 120, 80, 50] {
        let (_dir, mut app) = fosdem();
        run(&mut app, &[Action::SaveFailed(why.to_string())]);
        let terminal = draw(&mut app, width, 24);
        let status = status_text(&app, &terminal);
        let words: Vec<&str> = status.split_whitespace().collect();
        let message: Vec<&str> = why.split_whitespace().collect();
        assert!(
            words.windows(message.len()).any(|w| w == message),
            "{width}: {status}"
        );
        assert!(
            status.ends_with("? help  q/Ctrl-C quit"),
            "{width}: {status}"
        );
    }
}
