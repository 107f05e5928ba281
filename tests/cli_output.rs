//! Output that cannot be written: a reader that stops early (`dagsorden list | head -1`) ends the
//! command quietly with its own exit code; a full disk is one line on standard error and exit 1.
//! Never a panic.

mod common;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

/// A calendar far longer than a pipe holds, so the command is still writing when the reader
/// goes away.
fn big_programme(dir: &Path) -> PathBuf {
    let mut text = String::from("BEGIN:VCALENDAR\r\nX-WR-CALNAME:Big\r\n");
    for i in 0..3000 {
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:s{i}@example.org\r\nSUMMARY:Session number {i} with a title long enough to fill a line\r\nDTSTART:20240330T{:02}{:02}00Z\r\nDURATION:PT30M\r\nLOCATION:Room {}\r\nEND:VEVENT\r\n",
            8 + i / 300,
            (i % 60),
            i % 7
        );
    }
    text.push_str("END:VCALENDAR\r\n");
    let path = dir.join("big.ics");
    std::fs::write(&path, text).expect("write");
    path
}

/// Runs dagsorden with its output read for one line only, the pipe then closed.
fn into_closed_pipe(args: &[&str], config: &Path) -> Output {
    let mut child = common::dagsorden(config)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    reader.read_line(&mut line).expect("a first line");
    assert!(!line.is_empty(), "{args:?} printed nothing");
    drop(reader);
    child.wait_with_output().expect("wait")
}

fn assert_no_panic(output: &Output, args: &[&str]) {
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!said.contains("panicked"), "{args:?}: {said}");
    assert_ne!(output.status.code(), Some(101), "{args:?}: {said}");
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let config = tempfile::tempdir().expect("dir");
    let big = big_programme(config.path());
    let big = big.to_string_lossy();
    let commands: [&[&str]; 6] = [
        &["list", &big],
        &["list", &big, "--json"],
        &["export", &big, "--all"],
        &["export", &big, "--all", "--format", "text"],
        &["convert", &big],
        &[&big, "list"],
    ];
    for args in commands {
        let output = into_closed_pipe(args, config.path());
        assert_no_panic(&output, args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(
            output.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_line_and_exit_1() {
    let config = tempfile::tempdir().expect("dir");
    let planning = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/planning.json");
    let planning = planning.to_string_lossy();
    let commands: [&[&str]; 8] = [
        &["list", &planning],
        &["check", &planning],
        &["list", &planning, "--json"],
        &["export", &planning, "--all"],
        &["config"],
        &["--help"],
        &["check", "--help"],
        &["--version"],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = common::dagsorden(config.path())
            .args(args)
            .stdout(full)
            .output()
            .expect("run");
        assert_no_panic(&output, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            said.lines().collect::<Vec<_>>(),
            ["dagsorden: cannot write the output: No space left on device (os error 28)"],
            "{args:?}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_error_is_no_panic_either() {
    let config = tempfile::tempdir().expect("dir");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = common::dagsorden(config.path())
        .args(["/nonexistent.xml", "check"])
        .stderr(full)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn output_dash_is_standard_output_and_no_file_named_dash() {
    let config = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("temp dir");
    let timed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/planning.json");
    for args in [
        &["convert", "ks-toppmote-2024", "-o", "-"][..],
        &["export", timed, "--all", "-o", "-"],
    ] {
        let output = common::dagsorden(config.path())
            .args(args)
            .current_dir(work.path())
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(
            !output.stdout.is_empty(),
            "{args:?} wrote to standard output"
        );
        assert!(
            !work.path().join("-").exists(),
            "{args:?} made a file named -"
        );
    }
}
