//! Files that are not a whole programme are refused with one short line and exit 2: a file cut
//! off part-way, a file in no format dagsorden reads, and names that are not regular files.

mod common;

use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::{Format, LoadError, parse};
use dagsorden::model::{Level, Seen, Star};

/// `dagsorden ARGS` with a fresh config dir, killed (and the test failed) if it does not end
/// within a few seconds: a read that blocks or never ends is the bug these tests look for.
fn run_in(config: &Path, args: &[&str]) -> Output {
    let child = common::dagsorden(config)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dagsorden");
    finish_within(child, Duration::from_secs(20), args)
}

fn run(args: &[&str]) -> Output {
    let config = tempfile::tempdir().expect("temp dir");
    run_in(config.path(), args)
}

fn finish_within(mut child: Child, limit: Duration, args: &[&str]) -> Output {
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            child.kill().expect("kill");
            panic!("dagsorden {args:?} did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// The one line on stderr of a refused file, checked to be one short line with exit 2.
fn refusal(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.chars().count() < 300, "{stderr}");
    stderr
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_str().expect("path").to_string()
}

fn assert_cut_off(bytes: &[u8], cut: usize) {
    match parse(&bytes[..cut], "cut", None) {
        Err(LoadError::CutOff { .. }) => {}
        Err(other) => panic!("cut at {cut}: {other}"),
        Ok(loaded) => panic!(
            "cut at {cut}: read {} sessions from a part of the file",
            loaded.programme.sessions.len()
        ),
    }
}

#[test]
fn xml_cut_anywhere_is_cut_off() {
    let Some(path) = common::real_fixture("fosdem-2025.xml") else {
        return;
    };
    let bytes = std::fs::read(path).expect("read");
    let end = bytes.len() - 2; // "</schedule>" ends the file, with a line break.
    let mut cut = 1;
    while cut < end {
        assert_cut_off(&bytes, cut);
        cut += 7919; // a prime step, so cuts fall in tags, names, text and entities alike
    }
    for cut in [end - 1, end - 11, end - 12, 5000, 1_000_000] {
        assert_cut_off(&bytes, cut);
    }
    assert!(parse(&bytes, "whole", None).is_ok());
}

#[test]
fn the_issues_cut_xml_files_exit_2_with_the_place_they_end() {
    let Some(path) = common::real_fixture("fosdem-2025.xml") else {
        return;
    };
    let bytes = std::fs::read(path).expect("read");
    let dir = tempfile::tempdir().expect("temp dir");
    for (size, place) in [(1_000_000, "13260:110"), (5000, "98:12")] {
        let file = write(dir.path(), "fosdem-2025.xml", &bytes[..size]);
        for command in ["check", "list"] {
            let line = refusal(&run(&[command, &file]));
            assert_eq!(
                line,
                format!(
                    "dagsorden: {file}:{place}: the file ends too early: it looks cut off \
                     (an interrupted download is the usual cause)\n"
                )
            );
        }
    }
}

#[test]
fn a_cut_off_file_marks_nothing_cancelled_and_leaves_the_stars() {
    let Some(path) = common::real_fixture("fosdem-2025.xml") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("read");
    let programme = common::load_file(&path).programme;
    // A session from the part of the file that the cut loses.
    let last = programme.sessions.last().expect("sessions");
    let config = tempfile::tempdir().expect("temp dir");
    let store = FavouritesStore::in_dir(config.path());
    let star = Star::new(Level::Must, Seen::of(&programme, last));
    store
        .set(&programme.id, &last.id, Some(star))
        .expect("star");
    let before = std::fs::read(store.path()).expect("favourites");
    let cut = write(config.path(), "fosdem-2025.xml", &bytes[..1_000_000]);
    for args in [
        vec!["list", "--favourites", cut.as_str()],
        vec!["next", "--favourites", cut.as_str()],
        vec!["now", cut.as_str()],
        vec!["export", cut.as_str()],
    ] {
        refusal(&run_in(config.path(), &args));
    }
    assert_eq!(std::fs::read(store.path()).expect("favourites"), before);
}

#[test]
fn icalendar_cut_inside_an_event_or_before_its_end_is_cut_off() {
    let bytes = include_bytes!("fixtures/nordlys.ics");
    let end = bytes
        .windows(13)
        .rposition(|w| w == b"END:VCALENDAR")
        .expect("the end")
        + 13;
    for cut in 1..end {
        assert_cut_off(bytes, cut);
    }
    assert!(parse(&bytes[..end], "whole", None).is_ok());
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "nordlys.ics", &bytes[..end / 2]);
    let line = refusal(&run(&["check", &file]));
    assert!(
        line.contains("nordlys.ics:") && line.contains("looks cut off"),
        "{line}"
    );
}

#[test]
fn json_cut_anywhere_is_cut_off() {
    let native = include_bytes!("../data/ks-toppmote-2024.json");
    let json_end = |bytes: &[u8]| bytes.iter().rposition(|&b| b == b'}').expect("a }");
    for cut in (1..json_end(native)).step_by(97) {
        assert_cut_off(native, cut);
    }
    // Sessionize and the schedule v2, cut after they can be told apart.
    for json in [
        &include_bytes!("fixtures/sessionize-all.json")[..],
        include_bytes!("fixtures/schedule-v2.json"),
    ] {
        for cut in (40..json_end(json)).step_by(53) {
            assert_cut_off(json, cut);
        }
    }
    let Some(path) = common::real_fixture("36c3-schedule.json") else {
        return;
    };
    let schedule = std::fs::read(path).expect("read");
    for cut in (1..json_end(&schedule)).step_by(4099) {
        assert_cut_off(&schedule, cut);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "36c3.json", &schedule[..schedule.len() / 2]);
    let line = refusal(&run(&["check", &file]));
    assert!(
        line.contains("36c3.json:") && line.contains("looks cut off"),
        "{line}"
    );
}

#[test]
fn files_in_no_known_format_say_what_they_look_like() {
    let not_read = "not a programme dagsorden can read";
    let tried_all = "(tried native, xml, schedule-json, ical, sessionize, schedule-v2)";
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &str, &[u8], &str); 10] = [
        (
            "europython.xml",
            "(tried xml)",
            b"<?xml version=\"1.0\"?>\n<schedule>\n  <entry><title>Keynote</title></entry>\n</schedule>\n",
            "it is XML with the root element <schedule>, holding <entry>",
        ),
        (
            "foo.xml",
            tried_all,
            b"<foo><bar/></foo>",
            "it is XML with the root element <foo>, holding <bar>",
        ),
        (
            "flat.json",
            "(tried schedule-json)",
            br#"{"schedule": {"version": "1", "conference": {"title": "C"}, "talks": [{"name": "g"}]}}"#,
            "it is a JSON object with the keys schedule {version, conference, talks}",
        ),
        ("a.json", tried_all, br#"{"a": 1}"#, "it is a JSON object with the keys a"),
        ("list.json", tried_all, b"[1, 2]", "it is a JSON array"),
        (
            "notes.txt",
            tried_all,
            b"nothing to see here\n",
            "it is text, not JSON, XML or iCalendar, starting \u{ab}nothing to see here\u{bb}",
        ),
        (
            "true.txt",
            tried_all,
            b"true story",
            "it is text, not JSON, XML or iCalendar, starting \u{ab}true story\u{bb}",
        ),
        (
            "digits.txt",
            tried_all,
            b"2025 programme",
            "it is text, not JSON, XML or iCalendar, starting \u{ab}2025 programme\u{bb}",
        ),
        ("empty.json", tried_all, b"", "the file is empty"),
        (
            "todo.ics",
            "(tried ical)",
            b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:Buy milk\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
            "it is an iCalendar file without events, holding VTODO",
        ),
    ];
    for (name, tried, bytes, looks) in cases {
        let file = write(dir.path(), name, bytes);
        let line = refusal(&run(&["check", &file]));
        assert_eq!(
            line,
            format!("dagsorden: {file}: {not_read} {tried}: {looks}\n")
        );
    }
}

#[test]
fn text_forced_as_json_is_not_json_whatever_its_first_letter() {
    for text in ["nothing", "true story", "12 apples", "-x"] {
        let message = parse(text.as_bytes(), "f", Some(Format::Native))
            .expect_err("not JSON")
            .to_string();
        assert!(message.contains("not valid JSON"), "{message}");
        assert!(
            !message.contains("found") && !message.contains("boolean"),
            "{message}"
        );
    }
    let message = parse(b"null", "f", Some(Format::Native))
        .expect_err("not a programme")
        .to_string();
    assert!(message.contains("found null"), "{message}");
}

#[test]
fn real_programmes_of_other_kinds_load_with_sessions_or_are_refused_in_one_line() {
    for name in [
        "sessionize-global-azure-austria-2023.json",
        "c3voc-schedule-v2-hub-example.json",
    ] {
        let Some(path) = common::real_fixture(name) else {
            continue;
        };
        let output = run(&["check", path.to_str().expect("path")]);
        if output.status.code() == Some(0) {
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(!text.contains("sessions   0"), "{name}: {text}");
        } else {
            let line = refusal(&output);
            assert!(
                line.contains("(tried ") && line.contains("it is a JSON object"),
                "{line}"
            );
        }
    }
}

#[test]
fn error_lines_quote_little_of_the_file() {
    let huge = "x".repeat(400_000);
    let cases = [
        // quick-xml quotes the name it expected.
        format!("<schedule><{huge}></y></schedule>"),
        // serde quotes the string it did not expect.
        format!(r#"{{"id": "x", "title": "t", "days": "{huge}"}}"#),
        format!(r#"{{"id": "x", "title": "t", "days": [{{"sessions": [{{"id": "{huge}"}}]}}]}}"#),
        format!(r#"{{"schedule": {{"conference": {{"days": [{{"rooms": {{"{huge}": x}}}}]}}}}}}"#),
    ];
    for case in cases {
        let message = parse(case.as_bytes(), "f", None)
            .expect_err("broken")
            .to_string();
        assert!(
            message.chars().count() <= 200,
            "{}",
            &message[..300.min(message.len())]
        );
        assert!(!message.contains('\n'), "{message}");
        assert!(!message.contains(" at line "), "{message}");
        assert!(!message.contains("struct "), "{message}");
    }
}

#[test]
fn an_unknown_theme_among_thousands_is_one_short_line() {
    let themes: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"id": "theme-number-{i}", "name": "Theme {i}"}}"#))
        .collect();
    let json = format!(
        r#"{{"id": "many", "title": "Many themes", "themes": [{}], "days": [{{"date": "2025-01-01", "sessions": [{{"id": "a", "title": "A", "themes": ["theme-number-1"]}}]}}]}}"#,
        themes.join(", ")
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "many.json", json.as_bytes());
    let output = run(&["list", &file, "--theme", "nope"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.chars().count() < 300, "{stderr}");
    assert!(stderr.contains("unknown theme \"nope\""), "{stderr}");
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_read_and_never_wait() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("programme.fifo");
    make_fifo(&fifo);
    let directory = dir.path().to_str().expect("path").to_string();
    for (file, kind) in [
        (fifo.to_str().expect("path"), "a named pipe (FIFO)"),
        ("/dev/zero", "a device"),
        ("/dev/urandom", "a device"),
        (directory.as_str(), "a directory"),
    ] {
        let line = refusal(&run(&["check", file]));
        assert_eq!(
            line,
            format!("dagsorden: {file}: cannot read: it is {kind}, not a file\n")
        );
    }
}

#[cfg(unix)]
#[test]
fn a_config_file_that_is_no_file_is_a_problem_not_a_hang() {
    let config = tempfile::tempdir().expect("temp dir");
    let path = config.path().join("config.toml");
    make_fifo(&path);
    check_config_problem(config.path(), "it is a named pipe (FIFO), not a file");
    std::fs::remove_file(&path).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
    check_config_problem(config.path(), "it is a device, not a file");
    std::fs::remove_file(&path).expect("remove");
    std::fs::write(&path, "# a comment\n".repeat(30_000)).expect("write");
    check_config_problem(config.path(), "it is larger than 256 KiB");
}

#[cfg(unix)]
fn check_config_problem(config: &Path, problem: &str) {
    let listed = run_in(config, &["list"]);
    assert_eq!(listed.status.code(), Some(0));
    let report = run_in(config, &["config"]);
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(text.contains(problem), "{text}");
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn stores_that_are_no_file_are_reported_not_waited_on() {
    let config = tempfile::tempdir().expect("temp dir");
    for name in ["favourites.json", "zones.json"] {
        let path = config.path().join(name);
        make_fifo(&path);
        let listed = run_in(config.path(), &["list", "--favourites"]);
        let stderr = String::from_utf8_lossy(&listed.stderr);
        assert_eq!(listed.status.code(), Some(0), "{name}: {stderr}");
        std::fs::remove_file(&path).expect("remove");
        std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
        let listed = run_in(config.path(), &["list", "--favourites"]);
        assert_eq!(listed.status.code(), Some(0), "{name}");
        std::fs::remove_file(&path).expect("remove");
    }
    let path = config.path().join("favourites.json");
    std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
    let stderr = String::from_utf8_lossy(&run_in(config.path(), &["now"]).stderr).into_owned();
    assert!(stderr.contains("it is a device, not a file"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()),
        "a read-only command leaves the link where it is"
    );
}

#[cfg(unix)]
#[test]
fn a_calendar_to_import_that_is_no_file_or_cut_off_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("stars.ics");
    make_fifo(&fifo);
    let fifo = fifo.to_str().expect("path");
    let line = refusal(&run(&["import-favourites", fifo, "ks-toppmote-2024"]));
    assert!(
        line.contains("it is a named pipe (FIFO), not a file"),
        "{line}"
    );
    let line = refusal(&run(&[
        "import-favourites",
        "/dev/zero",
        "ks-toppmote-2024",
    ]));
    assert!(line.contains("it is a device, not a file"), "{line}");
    let cut = write(
        dir.path(),
        "cut.ics",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@ks-toppmote-2024.dagsorden\r\nSUMMARY:x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@ks",
    );
    let config = tempfile::tempdir().expect("temp dir");
    let line = refusal(&run_in(config.path(), &["import-favourites", &cut]));
    assert!(line.contains("looks cut off"), "{line}");
    assert!(
        !config.path().join("favourites.json").exists(),
        "nothing starred from a calendar that was not read whole"
    );
}

#[test]
fn a_file_whose_every_session_is_skipped_is_refused_not_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let untitled = write(
        dir.path(),
        "untitled.xml",
        b"<schedule><conference><title>C</title></conference>\
          <day index=\"1\" date=\"2025-02-01\"><room name=\"A\">\
          <event id=\"1\"><start>10:00</start><duration>00:30</duration><title></title></event>\
          <event id=\"2\"><start>11:00</start><duration>00:30</duration><title> </title></event>\
          </room></day></schedule>",
    );
    let no_summary = write(
        dir.path(),
        "nosum.ics",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    for (file, format, warnings) in [
        (&untitled, "frab/Pentabarf schedule XML", 2),
        (&no_summary, "iCalendar", 1),
    ] {
        for command in ["check", "list", "convert"] {
            let line = refusal(&run(&[command, file]));
            assert!(
                line.starts_with(&format!(
                    "dagsorden: {file}: no session could be read as {format} (warnings: {warnings}; the first: "
                )),
                "{command}: {line}"
            );
            assert!(line.contains("a session without a title"), "{line}");
        }
    }
}

#[test]
fn long_values_on_the_command_line_and_in_the_config_are_quoted_short() {
    let long = "A".repeat(100_000);
    for args in [
        vec!["--zone", long.as_str(), "check"],
        vec!["--now", long.as_str(), "check"],
        vec!["list", "--day", long.as_str()],
        vec!["export", "--format", long.as_str()],
        vec!["--lang", long.as_str(), "check"],
    ] {
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.chars().count() < 400,
            "{:?}: {} chars",
            args[0],
            stderr.len()
        );
    }
    let config = tempfile::tempdir().expect("temp dir");
    let text = format!("theme = \"{long}\"\n[keys]\n{long} = \"x\"\nstar = \"{long}\"\n");
    std::fs::write(config.path().join("config.toml"), text).expect("write");
    let report = run_in(config.path(), &["config"]);
    let stdout = String::from_utf8_lossy(&report.stdout);
    assert_eq!(report.status.code(), Some(1), "{stdout}");
    for line in stdout.lines() {
        assert!(line.chars().count() < 400, "{} chars", line.len());
    }
}
