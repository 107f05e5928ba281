//! The config file: read as written, wrong lines reported with their line and skipped, keys
//! rebound, and the app never stopped by it.

mod common;

use common::pty::PtyApp;
use common::{app_configured, app_with_store, draw, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::config::{self, ColourScheme, Config, StartView};
use dagsorden::i18n::Lang;
use dagsorden::keymap::{Context, Key};
use dagsorden::model::Shown;

fn load(text: &str) -> (tempfile::TempDir, Config) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), text).expect("write config");
    let config = Config::load(dir.path());
    (dir, config)
}

fn press(c: char) -> Key {
    Key::char(c)
}

#[test]
fn every_setting_is_read() {
    let (_dir, config) = load(
        "language = \"nb\"\ntheme = \"high-contrast\"\nview = \"my-programme\"\ntimes = \"local\"\n\n[keys]\nstar = \"*\"\ndown = [\"ctrl-n\", \"down\"]\n",
    );
    assert_eq!(config.problems, []);
    let s = &config.settings;
    assert_eq!(s.lang, Some(Lang::Nb));
    assert_eq!(s.colour_scheme, Some(ColourScheme::HighContrast));
    assert_eq!(s.view, Some(StartView::MyProgramme));
    assert_eq!(s.times, Some(Shown::Local));
    assert_eq!(s.keys.len(), 2);
    let star = s.keys.iter().find(|k| k.name == "star").expect("star");
    assert_eq!(
        (star.line, star.keys.as_slice()),
        (7, ["*".to_string()].as_slice())
    );
}

#[test]
fn no_file_is_the_defaults_and_no_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config::load(dir.path());
    assert!(!config.exists);
    assert_eq!(config.problems, []);
    assert_eq!(config.settings, config::Settings::default());
}

#[test]
fn wrong_lines_are_reported_with_their_line_and_the_rest_applies() {
    let (_dir, config) = load(
        "# mine\nlanguage = \"de\"\ntheme = 3\ncolour = \"red\"\nview = \"now\"\n\n[keys]\nstra = \"x\"\nstar = [\"hyper-x\", \"*\"]\nquit = 5\n",
    );
    let problems: Vec<String> = config.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "line 2: language = \"de\" is not one of \"en\", \"nb\"; the default is used",
            "line 3: theme takes one of \"default\", \"high-contrast\", \"no-color\"; the default is used",
            "line 4: unknown setting \"colour\" (the settings are language, theme, view, times, [keys], [refresh]); skipped",
            &format!(
                "line 8: unknown action \"stra\"; skipped (the actions are {})",
                dagsorden::keymap::defaults::names().join(", ")
            ),
            "line 9: unknown key \"hyper-x\" for star",
            "line 10: quit takes a key or a list of keys, written as text (\"j\", [\"j\", \"down\"]); skipped",
        ]
    );
    // What was right still applies.
    assert_eq!(config.settings.view, Some(StartView::Now));
    let sessions = Context::Main(Pane::Sessions);
    assert_eq!(
        config.keymap.action_for_key(&press('*'), sessions),
        Some(Action::CycleStar)
    );
    assert_eq!(
        config.keymap.action_for_key(&press('q'), sessions),
        Some(Action::Quit)
    );
}

#[test]
fn broken_toml_says_where_and_keeps_what_it_can() {
    let (_dir, config) = load("theme = \"no-color\"\nview = \n[keys\nstar = \"*\"\n");
    assert!(!config.problems.is_empty());
    assert_eq!(config.problems[0].line, 2, "{:?}", config.problems);
    assert!(
        config.problems[0]
            .to_string()
            .starts_with("line 2: not valid TOML"),
        "{}",
        config.problems[0]
    );
    assert_eq!(config.settings.colour_scheme, Some(ColourScheme::NoColor));
}

#[test]
fn a_file_that_is_not_text_is_the_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), [0xff, 0xfe, 0x00, 0x41]).expect("write");
    let config = Config::load(dir.path());
    assert_eq!(config.problems.len(), 1);
    assert_eq!(config.settings, config::Settings::default());
}

#[test]
fn conflicts_are_reported_with_the_line_that_made_them() {
    let (_dir, config) = load("[keys]\nstar = \"s\"\nsearch = [\"f\", \"ctrl-f\"]\n");
    let problems: Vec<String> = config.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["line 2: key s: star takes it from starred-only, which now has no key"]
    );
    let keymap = &config.keymap;
    let sessions = Context::Main(Pane::Sessions);
    assert_eq!(
        keymap.action_for_key(&press('f'), sessions),
        Some(Action::StartSearch)
    );
    assert_eq!(
        keymap.action_for_key(&press('s'), sessions),
        Some(Action::CycleStar)
    );
}

#[test]
fn the_default_file_uncommented_is_the_default_keymap() {
    let text = config::default_text();
    assert!(text.contains("# star = [\"f\", \"space\"]"), "{text}");
    let uncommented: String = text
        .lines()
        .map(|line| {
            let line = line.strip_prefix("# ").unwrap_or(line);
            // Settings and key lines only; the prose stays a comment.
            if line.contains(" = ") || line.starts_with('[') {
                format!("{}\n", line.split("  #").next().unwrap_or(line))
            } else {
                format!("# {line}\n")
            }
        })
        .collect();
    let (_dir, config) = load(&uncommented);
    assert_eq!(config.problems, [], "{uncommented}");
    assert_eq!(
        config.settings.keys.len(),
        dagsorden::keymap::defaults::names().len()
    );
    let defaults = dagsorden::keymap::Keymap::default();
    for (a, b) in config.keymap.bindings().iter().zip(defaults.bindings()) {
        assert_eq!(a.keys, b.keys, "{:?}", a.row.name);
    }
}

#[test]
fn config_init_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = config::init(dir.path()).expect("written");
    assert!(path.ends_with("config.toml"));
    std::fs::write(&path, "theme = \"no-color\"\n").expect("edit");
    assert!(config::init(dir.path()).is_err());
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(text, "theme = \"no-color\"\n", "the user's file is kept");
}

#[test]
fn a_rebound_key_drives_the_app_and_the_screen_shows_it() {
    let (dir, config) =
        load("view = \"my-programme\"\n[keys]\nstar = \"*\"\nmy-programme = \"M\"\n");
    let (_favourites, mut app) = app_configured("ks-toppmote-2024", &config, ColourScheme::Default);
    drop(dir);
    // It opens on My programme, as the config asks.
    let screen = screen_text(&draw(&mut app, 120, 30));
    assert!(screen.contains("My programme · ★ 0"), "{screen}");
    app.update(Action::ToggleMyProgramme);
    let key = app
        .keymap()
        .action_for_key(&press('*'), app.context())
        .expect("* is bound");
    assert_eq!(key, Action::CycleStar);
    common::perform(&mut app, key);
    assert_eq!(app.starred_count(), 1);
    // The status bar and the help say * and M.
    let screen = screen_text(&draw(&mut app, 120, 30));
    // The next key clears the message; the hints are back.
    app.update(Action::Focus(Pane::Sessions));
    let hints = screen_text(&draw(&mut app, 120, 30));
    let status = hints.lines().last().unwrap_or_default().to_string();
    assert!(status.contains("* star"), "{status}\n{screen}");
    assert!(status.contains("M my programme"), "{status}");
    run(&mut app, &[Action::ToggleHelp]);
    let help = screen_text(&draw(&mut app, 120, 60));
    assert!(help.contains("  *     "), "{help}");
    assert!(!help.contains("f/Space"), "{help}");
}

#[test]
fn config_problems_show_in_the_status_bar_at_start() {
    let (_dir, config) = load("theme = \"dark\"\n");
    let (_favourites, mut app) = app_configured("ks-toppmote-2024", &config, ColourScheme::Default);
    let screen = screen_text(&draw(&mut app, 160, 24));
    assert!(
        screen.contains("config.toml: line 1: theme = \"dark\" is not one of"),
        "{screen}"
    );
}

fn dagsorden(args: &[&str], config_dir: &std::path::Path) -> std::process::Output {
    common::dagsorden(config_dir)
        .args(args)
        .output()
        .expect("run dagsorden")
}

#[test]
fn dagsorden_config_shows_the_file_and_its_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dagsorden(&["config"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config --init"), "{text}");

    let out = dagsorden(&["config", "--init"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("config.toml").exists());
    let again = dagsorden(&["config", "--init"], dir.path());
    assert_eq!(again.status.code(), Some(2), "never over the user's file");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    std::fs::write(dir.path().join("config.toml"), "view = \"week\"\n").expect("write");
    let out = dagsorden(&["config"], dir.path());
    assert_eq!(out.status.code(), Some(1), "problems: exit 1");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("problems  1"), "{text}");
    assert!(
        text.contains("line 1: view = \"week\" is not one of"),
        "{text}"
    );
}

#[test]
fn a_norwegian_config_a_rebound_quit_and_a_bad_line_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("config.toml"),
        "language = \"nb\"\ntheme = \"rainbow\"\n[keys]\nquit = \"Q\"\n",
    )
    .expect("write config");
    let mut app = PtyApp::start_with_env(
        &[],
        dir.path(),
        (120, 30),
        &[
            ("DAGSORDEN_LANG", None),
            ("LANG", Some("C.UTF-8")),
            ("LC_ALL", None),
        ],
    );
    let screen = app.wait_for("config.toml: linje 2:");
    assert!(screen.contains("Økter"), "{screen}");
    app.send("q");
    // q does nothing now; the next key clears the message and the hints show Q.
    app.send("j");
    app.wait_for("Q/Ctrl-C avslutt");
    app.send("Q");
    let (code, _, _) = app.wait_exit();
    assert_eq!(code, 0);
}

/// Every cell of the screen whose colour is not the terminal's own.
fn coloured_cells(screen: &vt100::Screen) -> usize {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows)
        .flat_map(|row| (0..cols).map(move |col| (row, col)))
        .filter_map(|(row, col)| screen.cell(row, col))
        .filter(|cell| {
            cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
        })
        .count()
}

#[test]
fn no_color_in_the_environment_means_no_colour_on_screen() {
    for (no_color, coloured) in [(None, true), (Some("1"), false)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = PtyApp::start_with_env(&[], dir.path(), (120, 30), &[("NO_COLOR", no_color)]);
        app.wait_for("q/Ctrl-C quit");
        let cells = coloured_cells(&app.screen());
        // Without NO_COLOR, the filter mark of "All themes" is green.
        assert_eq!(
            cells > 0,
            coloured,
            "NO_COLOR={no_color:?}: {cells} coloured cells"
        );
        app.send("q");
        let (code, _, _) = app.wait_exit();
        assert_eq!(code, 0);
    }
}

#[test]
fn what_the_file_says_never_reaches_the_terminal_as_control_codes() {
    let (_dir, config) = load(
        "\"\\u001b[2J\\u0007\" = 1\ntheme = \"\\u001b]0;pwned\\u0007\"\n[keys]\n\"\\u001b[31m\" = \"x\"\nstar = \"\\u001b\"\n",
    );
    assert_eq!(config.problems.len(), 4, "{:?}", config.problems);
    for problem in &config.problems {
        let text = problem.to_string();
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
    let report = dagsorden::commands::settings::report(&config, dagsorden::model::Shown::Venue);
    assert!(
        !report.chars().any(|c| c.is_control() && c != '\n'),
        "{report:?}"
    );
}

#[test]
fn the_help_ends_with_where_the_keys_are_changed() {
    let (dir, mut app) = app_with_store("ks-toppmote-2024");
    run(&mut app, &[Action::ToggleHelp]);
    // Drawing tells the help how far it can scroll.
    draw(&mut app, 200, 30);
    run(&mut app, &[const { Action::PageDown }; 10]);
    let screen = screen_text(&draw(&mut app, 200, 30));
    let path = dir.path().join("config.toml").display().to_string();
    assert!(screen.contains("Every key can be changed in"), "{screen}");
    assert!(screen.contains(&path[..path.len().min(40)]), "{screen}");
}

#[test]
fn dagsorden_config_reports_each_setting_in_force_and_where_it_comes_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("config.toml"),
        "language = \"en\"\n[keys]\nbogus = \"x\"\nstar = \"*\"\n",
    )
    .expect("write config");
    let out = common::dagsorden(dir.path())
        .env_remove("DAGSORDEN_LANG")
        .arg("config")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("language  en\n"), "no 'en (en)': {text}");
    assert!(
        text.contains("view      day (not set in the file)\n"),
        "{text}"
    );
    assert!(text.contains("keys      star = *\n"), "{text}");
    assert!(
        !text.contains("bogus ="),
        "an unknown action is no key: {text}"
    );
    assert!(text.contains("unknown action \"bogus\""), "{text}");
    let overridden = dagsorden(&["--lang", "nb", "--local-time", "config"], dir.path());
    let text = String::from_utf8_lossy(&overridden.stdout);
    assert!(
        text.contains("språk      nb (--lang/DAGSORDEN_LANG går foran filens en)\n"),
        "{text}"
    );
    assert!(
        text.contains("tider      local (ikke satt i filen)\n"),
        "{text}"
    );
}
