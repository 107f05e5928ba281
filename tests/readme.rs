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
    let start = README
        .find("<!-- screen: 80x24, 13 Feb 10:30, third session -->\n```text\n")
        .expect("README has the screen capture");
    let capture = &README[start..];
    let capture = &capture[capture.find("```text\n").expect("block") + 8..];
    let capture: Vec<&str> = capture[..capture.find("```").expect("block ends")]
        .lines()
        .collect();
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
