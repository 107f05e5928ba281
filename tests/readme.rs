//! README stays true: its commands are the ones CI runs, its keys are the keymap's, and its
//! picture of the screen is what the app draws.

mod common;

use common::{app_at, clock_at, draw, run, screen_text};
use dagsorden::action::Action;
use dagsorden::keymap::{Keymap, keys_label};

const README: &str = include_str!("../README.md");
const CI: &str = include_str!("../.ci/run");

#[test]
fn readme_commands_are_the_ones_ci_runs() {
    assert!(README.contains("```sh\ncargo run --release\n```"));
    assert!(README.contains("```sh\ncargo test\n```"));
    assert!(
        CI.lines().any(|l| l.trim() == "cargo test"),
        "CI runs README's test command"
    );
}

#[test]
fn readme_lists_every_key() {
    for binding in Keymap::default().bindings() {
        for key in &binding.keys {
            let label = keys_label(std::slice::from_ref(key));
            assert!(
                README.contains(&format!("`{label}`")),
                "README does not mention the key {label} ({})",
                binding.description()
            );
        }
    }
}

#[test]
fn readme_screen_is_the_real_screen() {
    // On the morning of the toppmøte: it opens on that day.
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-13T10:30"));
    run(&mut app, &[Action::Down, Action::Down]);
    let drawn = screen_text(&draw(&mut app, 80, 24));
    let drawn: Vec<&str> = drawn.lines().map(str::trim_end).collect();
    let capture = readme_screen();
    if std::env::var_os("DAGSORDEN_UPDATE_README").is_some() {
        // Like INSTA_UPDATE for snapshots: write the screen as it is now into README.
        let old = format!("```text\n{}\n```", capture.join("\n"));
        let new = format!("```text\n{}\n```", drawn.join("\n"));
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        std::fs::write(path, README.replacen(&old, &new, 1)).expect("write README");
        return;
    }
    assert_eq!(
        capture,
        drawn,
        "README's screen capture is out of date (DAGSORDEN_UPDATE_README=1 cargo test --test readme \
         writes it); the screen now is:\n{}",
        drawn.join("\n")
    );
}

/// README's 80×24 screen, and the comment above it that says how it was made.
const SCREEN_MARK: &str = "<!-- screen: 80x24, 13 Feb 10:30, third session; command: ";

fn readme_screen() -> Vec<&'static str> {
    let start = README
        .find(SCREEN_MARK)
        .expect("README has the screen capture");
    let capture = &README[start..];
    let capture = &capture[capture.find("```text\n").expect("block") + 8..];
    capture[..capture.find("```").expect("block ends")]
        .lines()
        .collect()
}

/// The command and keys README's comment gives for its screen.
fn readme_screen_command() -> (Vec<&'static str>, &'static str) {
    let comment = &README[README.find(SCREEN_MARK).expect("the comment") + SCREEN_MARK.len()..];
    let comment = &comment[..comment.find(" -->").expect("the comment ends")];
    let (command, keys) = comment.split_once("; keys: ").expect("keys in the comment");
    let mut words = command.split_whitespace();
    assert_eq!(
        words.next(),
        Some("dagsorden"),
        "the comment gives a dagsorden command"
    );
    (words.collect(), keys)
}

#[test]
fn readme_screen_comes_from_the_command_beside_it() {
    // The real binary in an 80×24 pseudo-terminal, run as README says, draws README's screen.
    let (args, keys) = readme_screen_command();
    assert!(README.contains(&format!("`dagsorden {}`", args.join(" "))));
    let dir = tempfile::tempdir().expect("dir");
    let mut app = common::pty::PtyApp::start_with_env(
        &args,
        dir.path(),
        (80, 24),
        &[("DAGSORDEN_LANG", None)],
    );
    let first = readme_screen()[0];
    app.wait_for(first.trim_end());
    app.send(keys);
    let capture = readme_screen();
    app.wait_until("README's screen", |screen, _| {
        let shown = screen.contents();
        let shown: Vec<&str> = shown.lines().map(str::trim_end).collect();
        shown.len() >= capture.len() && shown.iter().zip(&capture).all(|(a, b)| *a == b.trim_end())
    });
    app.send("q");
}

#[test]
fn readme_example_config_is_read_without_problems() {
    let start = README
        .find("**Settings.**")
        .expect("README has a Settings paragraph");
    let block = &README[start..];
    let block = &block[block.find("```toml\n").expect("a toml example") + 8..];
    let example = &block[..block.find("```").expect("the example ends")];
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("config.toml"), example).expect("write");
    let output = common::dagsorden(dir.path())
        .arg("config")
        .output()
        .expect("run dagsorden config");
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(report.contains("problems  0"), "{report}");
    // What README sets is reported as in force, and nothing as if it were unset.
    for line in ["view      my-programme\n", "times     venue\n", "star = *"] {
        assert!(report.contains(line), "{line:?} not in\n{report}");
    }
    assert!(!report.contains("not set in the file"), "{report}");
}
