//! `dagsorden check`: a summary and exit 0 for a readable file, one line and exit 2 otherwise.

mod common;

use std::process::Output;

fn check(args: &[&str]) -> Output {
    let config = tempfile::tempdir().expect("temp dir");
    common::dagsorden(config.path())
        .arg("check")
        .args(args)
        .output()
        .expect("run dagsorden check")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn a_real_programme_is_summarised() {
    let path = common::real("fosdem-2025.xml");
    let output = check(&[path.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for line in [
        "format     frab/Pentabarf schedule XML",
        "title      FOSDEM 2025",
        "time zone  Europe/Brussels",
        "days       2 (2025-02-01: 470, 2025-02-02: 473)",
        "rooms      29",
        "themes     74",
        "sessions   943",
        "warnings   0",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
}

#[test]
fn warnings_are_listed_and_still_exit_0() {
    let output = check(&["tests/fixtures/nordlys.ics"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("format     iCalendar"), "{text}");
    assert!(text.contains("warnings   1\n  line "), "{text}");
    assert!(
        text.contains("broken@nordlys: skipped: no usable DTSTART"),
        "{text}"
    );
}

#[test]
fn shipped_programmes_can_be_checked_by_name() {
    let output = check(&["ks-toppmote-2021"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("days       1 (day 1: 5)"), "{text}");
    assert!(text.contains("sessions   5 (5 without a time)"), "{text}");
}

#[test]
fn a_broken_file_is_one_line_with_its_place_and_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.xml");
    std::fs::write(&file, "<schedule>\n<day>\n<room name=\"x\">\n</day>").expect("write");
    let output = check(&[file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("broken.xml:4:") && stderr.contains("not valid XML"),
        "{stderr}"
    );
}

#[test]
fn a_mistyped_command_line_is_one_line_and_exit_2_in_the_language() {
    let config = tempfile::tempdir().expect("temp dir");
    for (lang, said) in [
        (
            "en",
            "dagsorden: unexpected argument '--bogus' (dagsorden --help tells more)",
        ),
        (
            "nb",
            "dagsorden: uventet argument «--bogus» (dagsorden --help forteller mer)",
        ),
    ] {
        let output = common::dagsorden(config.path())
            .args(["list", "--bogus"])
            .env("DAGSORDEN_LANG", lang)
            .output()
            .expect("run dagsorden");
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        assert_eq!(String::from_utf8_lossy(&output.stderr), format!("{said}\n"));
    }
    let help = common::dagsorden(config.path())
        .arg("--help")
        .output()
        .expect("run dagsorden --help");
    assert_eq!(
        help.status.code(),
        Some(0),
        "help is still clap's, on stdout"
    );
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage"));
}

#[test]
fn format_can_be_forced() {
    let output = check(&["tests/fixtures/nordlys.ics", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a frab schedule"), "{stderr}");
}

#[test]
fn any_programme_converts_to_dagsorden_json_and_back() {
    let Some(path) = common::real_fixture("36c3-schedule.json") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("36c3.json");
    let output = common::dagsorden(dir.path())
        .args([
            "convert",
            path.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
        ])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&check(&[out.to_str().expect("path")]));
    assert!(
        text.contains("format     dagsorden programme JSON"),
        "{text}"
    );
    assert!(text.contains("sessions   161"), "{text}");
    assert!(
        text.contains("time zone  none (offsets UTC+01:00)"),
        "{text}"
    );
}
