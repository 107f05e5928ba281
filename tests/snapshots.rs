//! Whole frames, as the terminal shows them, at the sizes people use; and no size breaks it.

mod common;

use common::{app_configured, app_with_store, draw, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::config::{ColourScheme, Config};
use dagsorden::i18n::{self, Lang};
use ratatui::style::{Color, Modifier};

fn snapshot(name: &str, actions: &[Action], width: u16, height: u16) {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, actions);
    let terminal = draw(&mut app, width, height);
    insta::assert_snapshot!(name, terminal.backend());
}

#[test]
fn main_view() {
    let day_two = [Action::NextDay, Action::Down, Action::Down];
    snapshot("main_80x24", &day_two, 80, 24);
    snapshot("main_120x40", &day_two, 120, 40);
}

#[test]
fn day_pane_focused_shows_the_day_and_programme() {
    snapshot(
        "day_info_120x40",
        &[Action::Focus(Pane::Browse), Action::Down],
        120,
        40,
    );
}

#[test]
fn theme_filter() {
    let filter = [
        Action::NextDay,
        Action::Focus(Pane::Filters),
        Action::Down,
        Action::Down,
        Action::Open,
        Action::Focus(Pane::Sessions),
    ];
    snapshot("theme_filter_80x24", &filter, 80, 24);
    snapshot("theme_filter_120x40", &filter, 120, 40);
}

#[test]
fn help_overlay() {
    snapshot("help_80x24", &[Action::ToggleHelp], 80, 24);
    snapshot("help_120x40", &[Action::ToggleHelp], 120, 40);
}

#[test]
fn my_programme() {
    let stars = [
        Action::CycleStar,
        Action::NextDay,
        Action::Down,
        Action::CycleStar,
        Action::NextDay,
        Action::CycleStar,
        Action::ToggleMyProgramme,
    ];
    snapshot("my_programme_80x24", &stars, 80, 24);
    snapshot("my_programme_120x40", &stars, 120, 40);
}

#[test]
fn narrow_terminal() {
    snapshot("narrow_40x20", &[Action::NextDay], 40, 20);
    snapshot(
        "narrow_details_40x20",
        &[Action::NextDay, Action::Down, Action::Open],
        40,
        20,
    );
}

#[test]
fn a_2021_programme_without_dates() {
    let (_dir, mut app) = common::app_with_store("ks-toppmote-2021");
    run(&mut app, &[Action::Down]);
    let terminal = draw(&mut app, 120, 40);
    insta::assert_snapshot!("undated_2021_120x40", terminal.backend());
}

#[test]
fn untimed_sessions_say_so() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::NextDay, Action::Bottom]);
    let text = screen_text(&draw(&mut app, 200, 40));
    assert!(
        text.contains("time not announced (ettermiddagen)"),
        "{text}"
    );
}

#[test]
fn stars_and_selection_read_without_colour() {
    let (_dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::CycleStar]);
    let text = screen_text(&draw(&mut app, 80, 24));
    assert!(text.contains("▶★ Toppmøte barn og unge"), "{text}");
}

/// The same screens in Norwegian: what a KS delegate sees.
fn snapshot_nb(name: &str, actions: &[Action], width: u16, height: u16) {
    i18n::set_lang(Lang::Nb);
    snapshot(name, actions, width, height);
    i18n::set_lang(Lang::En);
}

#[test]
fn main_screens_in_norwegian() {
    let day_two = [Action::NextDay, Action::Down, Action::Down];
    snapshot_nb("nb_main_120x40", &day_two, 120, 40);
    snapshot_nb("nb_main_80x24", &day_two, 80, 24);
    snapshot_nb("nb_help_120x40", &[Action::ToggleHelp], 120, 40);
    let stars = [
        Action::CycleStar,
        Action::NextDay,
        Action::Down,
        Action::CycleStar,
        Action::CycleStar,
        Action::ToggleMyProgramme,
    ];
    snapshot_nb("nb_my_programme_120x40", &stars, 120, 40);
    snapshot_nb(
        "nb_day_info_120x40",
        &[Action::Focus(Pane::Browse), Action::Down],
        120,
        40,
    );
}

/// Every style on screen, without its colours: what a terminal without colour shows.
fn emphasis_used(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> Vec<String> {
    let mut used: Vec<String> = terminal
        .backend()
        .buffer()
        .content
        .iter()
        .filter(|cell| !cell.modifier.is_empty())
        .map(|cell| format!("{:?}", cell.modifier))
        .collect();
    used.sort();
    used.dedup();
    used
}

#[test]
fn without_colour_every_state_still_reads() {
    let (_dir, mut app) = app_configured(
        "ks-toppmote-2024",
        &Config::none(std::path::Path::new(".")),
        ColourScheme::NoColor,
    );
    // A must, a maybe, the selection, and a filter in force.
    run(
        &mut app,
        &[
            Action::NextDay,
            Action::CycleStar,
            Action::Down,
            Action::CycleStar,
            Action::CycleStar,
            Action::ToggleStarredOnly,
        ],
    );
    let terminal = draw(&mut app, 120, 40);
    for cell in &terminal.backend().buffer().content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour at {:?}",
            cell.symbol()
        );
    }
    insta::assert_snapshot!("no_color_120x40", terminal.backend());
    let text = screen_text(&terminal);
    assert!(text.contains("★"), "must reads as ★");
    assert!(text.contains("☆"), "maybe reads as ☆");
    assert!(text.contains("▶"), "the selection has its mark");
    assert!(text.contains("★ only"), "the filter in force is named");
    let emphasis = emphasis_used(&terminal);
    assert!(
        emphasis.iter().any(|m| m.contains("REVERSED")),
        "the selected row is reversed: {emphasis:?}"
    );
    assert!(emphasis.iter().any(|m| m.contains("BOLD")), "{emphasis:?}");
}

#[test]
fn high_contrast_is_light_on_black_and_never_dim() {
    let (_dir, mut app) = app_configured(
        "ks-toppmote-2024",
        &Config::none(std::path::Path::new(".")),
        ColourScheme::HighContrast,
    );
    run(&mut app, &[Action::CycleStar]);
    let terminal = draw(&mut app, 100, 30);
    for cell in &terminal.backend().buffer().content {
        assert_eq!(cell.bg, Color::Black);
        assert_ne!(cell.fg, Color::Reset);
        assert!(!cell.modifier.contains(Modifier::DIM));
    }
}

#[test]
fn every_size_from_1x1_to_120x50_renders() {
    sweep_every_size();
}

/// Norwegian words are longer: every size again, in Norwegian.
#[test]
fn every_size_renders_in_norwegian_too() {
    i18n::set_lang(Lang::Nb);
    sweep_every_size();
    i18n::set_lang(Lang::En);
}

fn sweep_every_size() {
    let states: [&[Action]; 7] = [
        &[Action::CycleStar, Action::NextDay, Action::Down],
        &[Action::ToggleHelp],
        &[
            Action::StartSearch,
            Action::SearchType('v'),
            Action::SearchType('i'),
        ],
        &[
            Action::Focus(Pane::Browse),
            Action::NextBrowse,
            Action::NextBrowse,
        ],
        &[
            Action::CycleStar,
            Action::ToggleMyProgramme,
            Action::Focus(Pane::Details),
        ],
        &[
            Action::ToggleNow,
            Action::Focus(Pane::Filters),
            Action::Bottom,
        ],
        &[Action::ToggleStarredOnly, Action::TogglePast],
    ];
    for actions in states {
        let (_dir, mut app) = app_with_store("ks-toppmote-2024");
        run(&mut app, actions);
        for width in 1..=120 {
            for height in 1..=50 {
                draw(&mut app, width, height);
            }
        }
    }
}
