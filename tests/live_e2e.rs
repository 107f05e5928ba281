//! The real binary in a pty, on a programme served from 127.0.0.1: the served programme
//! changes, `R` fetches it, and the moved session shows where and when it now is.

mod common;

use common::http::{Answer, TestServer};
use common::pty::PtyApp;

const GOOD: &[u8] = include_bytes!("fixtures/pentabarf-no-zone.xml");

#[test]
fn r_brings_a_session_moved_on_the_server_to_the_screen() {
    let server = TestServer::start(Answer::plain(GOOD));
    let dir = tempfile::tempdir().expect("temp dir");
    let url = server.url("/schedule.xml");
    let mut app = PtyApp::start(&[&url], dir.path(), 140, 40);
    let screen = app.wait_for("Welcome to Nordlys");
    assert!(screen.contains("09:30"), "{screen}");
    assert!(!screen.contains("Polar Hall"), "{screen}");
    // The welcome moves a quarter of an hour later, and its room is renamed.
    let moved = String::from_utf8_lossy(GOOD)
        .replacen("<start>09:30</start>", "<start>09:45</start>", 1)
        .replacen("<room name=\"Aurora\">", "<room name=\"Polar Hall\">", 1)
        .into_bytes();
    server.set(Answer::plain(&moved));
    app.send("R");
    let screen = app.wait_for("Polar Hall");
    app.wait_for("09:45");
    assert!(screen.contains("Welcome to Nordlys"), "{screen}");
    app.send("q");
    let (code, _, _) = app.wait_exit();
    assert_eq!(code, 0);
}
