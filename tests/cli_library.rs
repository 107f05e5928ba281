//! The library from the command line, the real binary against a real HTTP server on
//! 127.0.0.1: a programme opened by URL, listed, opened by id with the server down, refreshed
//! with a note that keeps the last good copy, and forgotten (its stars kept).

mod common;

use common::http::{Answer, TestServer};

const GOOD: &[u8] = include_bytes!("fixtures/pentabarf-no-zone.xml");

fn run(config: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    let output = common::dagsorden(config)
        .args(args)
        .output()
        .expect("run dagsorden");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_url_is_kept_listed_opened_offline_refreshed_and_forgotten() {
    let server = TestServer::start(Answer::plain(GOOD));
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path();
    let url = server.url("/schedule.xml");

    let (out, err, code) = run(config, &["list", &url]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Kernels at dawn"), "{out}");
    assert!(err.is_empty(), "no progress line off a terminal: {err}");

    let (out, _, code) = run(config, &["programmes"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("nordlys-summit-2020  Nordlys Summit 2020"),
        "{out}"
    );
    assert!(out.contains(&url), "{out}");
    let (json, _, _) = run(config, &["programmes", "--json"]);
    let listed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(listed[0]["id"], "nordlys-summit-2020");
    assert_eq!(listed[0]["stars"], 0);

    drop(server);
    for args in [
        &["list", "nordlys-summit-2020"][..],
        &["--offline", "list", &url],
    ] {
        let (out, err, code) = run(config, args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("Kernels at dawn"), "{args:?}: {out}");
        assert!(err.is_empty(), "{args:?}: not asked, so no note: {err}");
    }

    let (out, err, code) = run(config, &["refresh", "nordlys-summit-2020"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "nordlys-summit-2020: kept the last good copy\n");
    assert!(
        err.starts_with(
            "dagsorden: could not refresh Nordlys Summit 2020: the server could not be reached"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    let (_, err, code) = run(config, &["forget", "nordlys-summit-2020"]);
    assert_eq!(code, 0);
    assert!(err.contains("forgot nordlys-summit-2020"), "{err}");
    let (out, err, _) = run(config, &["programmes"]);
    assert!(
        out.is_empty() && err.contains("library is empty"),
        "{out}{err}"
    );
    let (_, err, code) = run(config, &["list", "nordlys-summit-2020"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_url_that_cannot_be_had_the_first_time_is_one_line_and_exit_2() {
    let server = TestServer::start(Answer::Status(500));
    let dir = tempfile::tempdir().expect("temp dir");
    let url = server
        .url("/s.xml")
        .replace("http://", "http://me:hunter2@");
    let (out, err, code) = run(dir.path(), &["check", &url]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("the server answered 500"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
    let (_, err, code) = run(dir.path(), &["--offline", "list", "http://127.0.0.1:9/x"]);
    assert_eq!(code, 2);
    assert!(err.contains("--offline"), "{err}");
}

#[test]
fn read_only_commands_leave_no_library_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, _, code) = run(dir.path(), &["list", "--json"]);
    assert_eq!(code, 0);
    let (_, _, code) = run(dir.path(), &["programmes"]);
    assert_eq!(code, 0);
    assert!(!dir.path().join("data").exists(), "nothing written");
}

#[test]
fn the_viewer_opens_a_url_and_next_time_opens_it_again_with_no_argument_offline() {
    let server = TestServer::start(Answer::plain(GOOD));
    let dir = tempfile::tempdir().expect("temp dir");
    let url = server.url("/schedule.xml");
    let mut app = common::pty::PtyApp::start(&[&url], dir.path(), 120, 30);
    app.wait_for("Nordlys Summit 2020");
    app.send("q");
    assert_eq!(app.wait_exit().0, 0);
    drop(server);
    let mut again = common::pty::PtyApp::start(&["--offline"], dir.path(), 120, 30);
    again.wait_for("Nordlys Summit 2020");
    again.send("q");
    assert_eq!(again.wait_exit().0, 0);
}
