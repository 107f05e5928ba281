//! No untrusted byte reaches the terminal from the commands: not from a calendar's UIDs, not
//! from a file's name, not from the config directory's path, not from programme text. Every
//! output path of every command is checked for escape sequences, controls and bidi marks.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

/// What could steer a terminal or make text lie about its order: controls (but the line break)
/// and the bidi marks, overrides and isolates.
fn steers(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// A name that tries everything: an OSC title, a screen clear, a C1 CSI, a bidi override and the
/// Arabic letter mark.
const HOSTILE: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{61c}y";

fn assert_clean(output: &Output, what: &str) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        // A calendar's lines end in CR LF, as RFC 5545 asks.
        let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
        assert!(!text.chars().any(steers), "{what}: {stream} holds {text:?}");
        assert!(!text.contains("panicked"), "{what}: {text}");
    }
}

fn run(args: &[&str], config: &Path) -> Output {
    common::dagsorden(config)
        .args(args)
        .output()
        .expect("run dagsorden")
}

fn planning() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/planning.json")
}

#[test]
fn a_uid_without_a_summary_is_cleaned_before_it_is_listed() {
    let config = tempfile::tempdir().expect("dir");
    let calendar = config.path().join("hostile.ics");
    std::fs::write(
        &calendar,
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:{HOSTILE}@example.org\r\nDTSTART:20240330T080000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    )
    .expect("write");
    let output = run(
        &[
            "import-favourites",
            &calendar.to_string_lossy(),
            &planning().to_string_lossy(),
        ],
        config.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_clean(&output, "import-favourites");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("not found (1):\n  xy@example.org\n"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_hostile_file_name_is_cleaned_wherever_it_is_named() {
    let config = tempfile::tempdir().expect("dir");
    let hostile = config.path().join(format!("{HOSTILE}.json"));
    std::fs::copy(planning(), &hostile).expect("copy");
    let file = hostile.to_string_lossy().into_owned();
    let out_ics = config.path().join(format!("{HOSTILE}.ics"));
    let out_json = config.path().join(format!("{HOSTILE}-out.json"));
    let missing = config.path().join(format!("missing-{HOSTILE}.xml"));
    let missing = missing.to_string_lossy().into_owned();
    let not_ical = hostile.to_string_lossy().into_owned();
    let cases: Vec<Vec<String>> = vec![
        vec!["check".into(), file.clone()],
        vec![file.clone(), "list".into()],
        vec![
            "export".into(),
            file.clone(),
            "--all".into(),
            "-o".into(),
            out_ics.to_string_lossy().into(),
        ],
        vec![
            "convert".into(),
            file.clone(),
            "-o".into(),
            out_json.to_string_lossy().into(),
        ],
        vec!["check".into(), missing.clone()],
        vec![missing.clone()],
        vec!["import-favourites".into(), not_ical, file.clone()],
        vec!["import-favourites".into(), missing.clone(), file.clone()],
        vec!["import-favourites".into(), out_ics.to_string_lossy().into()],
        vec![
            "export".into(),
            file.clone(),
            "-o".into(),
            config
                .path()
                .join(format!("{HOSTILE}/no/x.ics"))
                .to_string_lossy()
                .into(),
        ],
        vec![file.clone(), "check".into(), missing],
    ];
    for args in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args, config.path());
        assert_clean(&output, &format!("{args:?}"));
    }
    assert!(
        out_ics.exists() && out_json.exists(),
        "written under their names"
    );
}

#[cfg(unix)]
#[test]
fn a_hostile_config_dir_is_cleaned_wherever_it_is_named() {
    let parent = tempfile::tempdir().expect("dir");
    let dir = parent.path().join(HOSTILE);
    let dir_arg = dir.to_string_lossy().into_owned();
    let file = planning().to_string_lossy().into_owned();
    let cases: [&[&str]; 6] = [
        &["config"],
        &["config", "--init"],
        &["config", "--init"],
        &["config"],
        &["list", &file, "--favourites"],
        &["export", &file],
    ];
    for args in cases {
        let output = common::dagsorden(parent.path())
            .arg("--config-dir")
            .arg(&dir_arg)
            .args(args)
            .output()
            .expect("run");
        assert_clean(&output, &format!("{args:?}"));
    }
    // A config dir that is a file: every error naming it is clean too.
    let as_file = parent.path().join(format!("file-{HOSTILE}"));
    std::fs::write(&as_file, "not a directory").expect("write");
    let calendar = parent.path().join("mine.ics");
    std::fs::write(
        &calendar,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:opening@planning-test.dagsorden\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    for args in [
        &["config", "--init"][..],
        &["import-favourites", &calendar.to_string_lossy(), &file],
        &["export", &file],
        &["config"],
    ] {
        let output = common::dagsorden(parent.path())
            .arg("--config-dir")
            .arg(&as_file)
            .args(args)
            .output()
            .expect("run");
        assert_clean(&output, &format!("file as config dir: {args:?}"));
    }
}

#[test]
fn programme_text_with_bidi_marks_is_cleaned_in_every_listing() {
    let config = tempfile::tempdir().expect("dir");
    let file = config.path().join("bidi.json");
    let json = serde_json::json!({
        "id": "bidi",
        "title": format!("Title {HOSTILE}"),
        "time_zone": "Europe/Oslo",
        "days": [{"date": "2024-03-30", "sessions": [{
            "id": "a",
            "title": format!("Session {HOSTILE}"),
            "start": "10:00", "end": "11:00",
            "room": format!("Room {HOSTILE}"),
            "description": format!("About {HOSTILE}"),
            "speakers": [{"name": format!("Speaker {HOSTILE}")}]
        }]}]
    });
    std::fs::write(&file, json.to_string()).expect("write");
    let file = file.to_string_lossy().into_owned();
    for args in [
        &["check", &file][..],
        &["list", &file],
        &["list", &file, "--json"],
        &["--now", "2024-03-30T10:10", "now", &file],
        &["--now", "2024-03-30T09:10", "next", &file, "--json"],
        &["export", &file, "--all"],
        &["export", &file, "--all", "--format", "md"],
        &["export", &file, "--all", "--format", "text"],
    ] {
        let output = run(args, config.path());
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_clean(&output, &format!("{args:?}"));
    }
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_refused_in_one_line_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let config = tempfile::tempdir().expect("temp dir");
    let odd = OsStr::from_bytes(b"/tmp/\xff\x1b[2J.xml");
    for args in [
        vec![OsStr::new("check"), odd],
        vec![odd],
        vec![OsStr::new("--zone"), odd, OsStr::new("check")],
        vec![OsStr::new("--lang"), odd, OsStr::new("list")],
    ] {
        let output = common::dagsorden(config.path())
            .args(&args)
            .output()
            .expect("run dagsorden");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
        assert_clean(&output, "an argument that is not UTF-8");
    }
}
