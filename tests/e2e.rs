//! The real binary in a real (pseudo-)terminal: what a user types and what they then see.

mod common;

use common::pty::PtyApp;

const DOWN: &str = "j";
const ENTER: &str = "\r";

/// After the program ends, the user's terminal is as it was: main screen, cursor shown, no mouse
/// reporting left switched on.
fn assert_terminal_restored(screen: &vt100::Screen) {
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "cursor left hidden");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting left on"
    );
}

#[test]
fn star_a_session_quit_and_find_it_again() {
    let config = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::start(&[], config.path(), 100, 30);
    app.wait_for("Toppmøte barn og unge");
    app.send("]");
    app.wait_for("Sessions · Tue 13 Feb");
    app.send(DOWN);
    app.send("f");
    app.wait_for("★ Must: Vi diskuterer hvordan stat og kommune");
    app.send("q");
    let (code, screen, _) = app.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&screen);
    assert!(config.path().join("favourites.json").exists());

    let mut again = PtyApp::start(&["ks-toppmote-2024"], config.path(), 100, 30);
    again.wait_for("★ 1 starred");
    again.send("m");
    let screen = again.wait_for("My programme · ★ 1");
    assert!(screen.contains("Vi diskuterer hvordan"), "{screen}");
    again.send("\x03");
    let (code, screen, _) = again.wait_exit();
    assert_eq!(code, 0, "Ctrl-C quits cleanly");
    assert_terminal_restored(&screen);
}

#[test]
fn help_opens_and_esc_closes_it_before_quitting() {
    let config = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::start(&["ks-toppmote-2021"], config.path(), 80, 24);
    app.wait_for("Kommunalpolitisk Toppmøte 2021");
    app.send("?");
    app.wait_for("Keys — ?/Esc closes");
    app.send("\x1b");
    app.wait_until("the help to close", |screen, _| {
        !screen.contents().contains("Keys — ?/Esc closes")
    });
    app.send(&format!("{DOWN}{ENTER}"));
    app.wait_for("┏ Details");
    // The details pane has the keys now: scroll down to the speakers.
    app.send(&DOWN.repeat(5));
    app.wait_for("Nikolai Astrup");
    app.send("\x1b");
    app.wait_for("┏ Sessions");
    // With nothing left to go back to, Esc says how to quit rather than quitting.
    app.send("\x1b");
    app.wait_for("Nothing to go back to: q quits.");
    app.send("q");
    let (code, screen, _) = app.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&screen);
}

#[test]
fn resizing_redraws_for_the_new_size() {
    let config = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::start(&[], config.path(), 120, 30);
    // The status bar is the last row drawn: once it shows, the whole frame is there.
    let wide = app.wait_for("q/Ctrl-C quit");
    assert!(wide.contains("Themes"), "{wide}");
    app.resize(40, 20);
    app.wait_until("the narrow layout", |screen, _| {
        screen.contents().contains("[Sessions]")
    });
    app.send("q");
    assert_eq!(app.wait_exit().0, 0);
}

#[test]
fn a_hostile_programme_cannot_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("evil.json");
    let json = r#"{"id": "evil", "title": "Evil\u001b]0;pwned\u0007 title\u001b[2J",
        "days": [{"sessions": [{"id": "a", "title": "Clear\u001b[H\u001b[2Jscreen \u009b31m red",
        "description": "bell\u0007 and osc 52 \u001b]52;c;ZXZpbA==\u0007"}]}]}"#;
    std::fs::write(&file, json).expect("write");
    let path = file.to_str().expect("utf-8 path");
    let mut app = PtyApp::start(&[path], dir.path(), 100, 30);
    app.wait_for("Evil title");
    app.wait_for("Clearscreen red");
    app.wait_for("bell and osc");
    app.send("q");
    let (code, _, titles) = app.wait_exit();
    assert_eq!(code, 0);
    assert!(
        titles.is_empty(),
        "the file set the window title: {titles:?}"
    );
}

#[test]
fn a_broken_programme_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.json");
    std::fs::write(&file, "{\"id\": \"x\",\n \"title\": 7, \"days\": []}").expect("write");
    let path = file.to_str().expect("utf-8 path");
    let app = PtyApp::start(&[path], dir.path(), 100, 30);
    let (code, screen, _) = app.wait_exit();
    assert_eq!(code, 2);
    let text = screen.contents();
    assert!(
        text.contains("broken.json:2:") && text.contains("title: invalid type"),
        "{text}"
    );
    assert_terminal_restored(&screen);
}

#[test]
fn a_missing_programme_names_the_shipped_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = common::dagsorden(dir.path())
        .arg("no-such-programme")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("no-such-programme") && stderr.contains("ks-toppmote-2024"),
        "{stderr}"
    );
}

#[test]
fn without_a_terminal_it_says_so_instead_of_writing_escape_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = common::dagsorden(dir.path()).output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        output.stdout.is_empty(),
        "wrote to a pipe: {:?}",
        output.stdout
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("needs an interactive terminal"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn a_real_conference_opens_and_keeps_its_stars() {
    let path = common::real("fosdem-2025.xml");
    let path = path.to_str().expect("utf-8 path");
    let config = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::start(&[path], config.path(), 160, 40);
    app.wait_for("FOSDEM 2025");
    app.wait_for("09:00–09:40 Welcome to the FOSDEM");
    app.send("f");
    app.wait_for("★ Must: Welcome to the FOSDEM");
    app.send("q");
    assert_eq!(app.wait_exit().0, 0);

    let mut again = PtyApp::start(&[path], config.path(), 160, 40);
    again.wait_for("★ 1 starred");
    again.send("m");
    again.wait_for("My programme · ★ 1");
    again.send("q");
    assert_eq!(again.wait_exit().0, 0);
    let saved = std::fs::read_to_string(config.path().join("favourites.json")).expect("saved");
    assert!(
        saved.contains("\"fosdem-2025\""),
        "kept under the programme's id: {saved}"
    );
}

#[test]
fn esc_twice_goes_back_to_where_you_were() {
    let config = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::start(&["ks-toppmote-2024"], config.path(), 100, 30);
    app.wait_for("Toppmøte barn og unge");
    app.send("]");
    app.wait_for("Sessions · Tue 13 Feb");
    app.send(&DOWN.repeat(3));
    app.wait_for("┃▶  Vi ser på mulige veier");
    app.send("o");
    app.wait_for("┏ Now");
    app.send("m");
    app.wait_for("┏ My programme");
    app.send("\x1b");
    app.wait_for("┏ Now");
    app.send("\x1b");
    let screen = app.wait_for("Sessions · Tue 13 Feb");
    assert!(screen.contains("┃▶  Vi ser på mulige veier"), "{screen}");
    app.send("q");
    let (code, screen, _) = app.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&screen);
}
