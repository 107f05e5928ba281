//! The programme library against a real HTTP server on 127.0.0.1: the first download, the
//! conditional requests, and every broken download leaving the last good copy in place and
//! saying why.

mod common;

use std::time::Duration;

use chrono::Utc;
use common::http::{Answer, TestServer, raw_answer, raw_server};
use dagsorden::library::{Library, LibraryError, Moment, News, Opened, When};

const GOOD: &[u8] = include_bytes!("fixtures/pentabarf-no-zone.xml");

/// The same programme with one session renamed.
fn changed() -> Vec<u8> {
    String::from_utf8_lossy(GOOD)
        .replace("Kernels at dawn", "Kernels at noon")
        .into_bytes()
}

fn library(dir: &std::path::Path) -> Library {
    dagsorden::i18n::set_lang(dagsorden::i18n::Lang::En);
    let mut library = Library::in_dir(dir);
    library.limits.connect = Duration::from_secs(5);
    library.limits.total = Duration::from_secs(5);
    library
}

fn moment() -> Moment {
    Moment {
        now: Utc::now(),
        today: "2020-01-15".parse().expect("a date"),
    }
}

fn open(library: &Library, url: &str, when: When) -> Result<Opened, LibraryError> {
    library.open_url(url, when, moment(), None, &mut |_| {}, &mut Vec::new())
}

/// A library holding the good copy from `server`'s `/schedule.xml`.
fn with_good_copy(server: &TestServer) -> (tempfile::TempDir, Library, Opened) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = library(dir.path());
    let first = open(&library, &server.url("/schedule.xml"), When::IfDue).expect("first fetch");
    (dir, library, first)
}

/// Refreshes now; asserts the good copy is still there and returns why the new one was not
/// taken.
fn kept_because(library: &Library, url: &str, first: &Opened) -> String {
    let opened = open(library, url, When::Now).expect("the last good copy");
    let News::Kept(why) = &opened.news else {
        panic!("a new copy was taken: {:?}", opened.news);
    };
    assert_eq!(opened.bytes, GOOD, "the last good bytes are given");
    assert_eq!(
        opened.entry.hash, first.entry.hash,
        "the index names the good copy"
    );
    let kept = library.copy_of(&opened.entry).expect("the copy");
    assert_eq!(kept, GOOD, "the copy on disk is the good one");
    let note = opened.note(Utc::now()).expect("a note");
    assert!(
        note.starts_with("could not refresh Nordlys Summit 2020: "),
        "{note}"
    );
    why.clone()
}

#[test]
fn a_first_download_is_kept_under_a_slug_of_its_title() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, library, first) = with_good_copy(&server);
    assert_eq!(first.news, News::First);
    assert_eq!(first.entry.id, "nordlys-summit-2020");
    assert_eq!(first.entry.sessions, 5);
    assert_eq!(first.bytes, GOOD);
    let index = library.index().expect("an index");
    assert_eq!(index.programmes.len(), 1);
    assert_eq!(index.programmes[0].source, server.url("/schedule.xml"));
    // The same URL again, not due: no request at all.
    let again = open(&library, &server.url("/schedule.xml"), When::IfDue).expect("kept");
    assert_eq!(again.news, News::NotAsked);
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn a_304_by_etag_is_up_to_date() {
    let server = TestServer::start(Answer::Body {
        body: GOOD.to_vec(),
        etag: Some("\"v1\"".into()),
        last_modified: None,
    });
    let (_dir, library, first) = with_good_copy(&server);
    let again = open(&library, &first.entry.source, When::Now).expect("asked");
    assert_eq!(again.news, News::UpToDate);
    assert!(again.entry.conditional);
    let seen = server.seen();
    assert_eq!(seen[1].if_none_match.as_deref(), Some("\"v1\""));
}

#[test]
fn a_304_by_last_modified_is_up_to_date() {
    let date = "Sat, 01 Feb 2020 08:00:00 GMT";
    let server = TestServer::start(Answer::Body {
        body: GOOD.to_vec(),
        etag: None,
        last_modified: Some(date.into()),
    });
    let (_dir, library, first) = with_good_copy(&server);
    let again = open(&library, &first.entry.source, When::Now).expect("asked");
    assert_eq!(again.news, News::UpToDate);
    assert_eq!(server.seen()[1].if_modified_since.as_deref(), Some(date));
}

#[test]
fn the_same_body_without_validators_is_up_to_date_and_a_changed_one_taken() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, library, first) = with_good_copy(&server);
    let again = open(&library, &first.entry.source, When::Now).expect("asked");
    assert_eq!(again.news, News::UpToDate);
    assert!(
        !again.entry.conditional,
        "the server answers no conditional request"
    );
    assert_eq!(server.seen()[1].if_none_match, None);
    server.set(Answer::plain(&changed()));
    let updated = open(&library, &first.entry.source, When::Now).expect("asked");
    assert_eq!(updated.news, News::Updated);
    assert_eq!(updated.bytes, changed());
    assert_eq!(updated.entry.id, first.entry.id, "the same id");
    assert_eq!(library.copy_of(&updated.entry).expect("copy"), changed());
}

#[test]
fn a_redirect_is_followed_and_gzip_accepted() {
    let server = TestServer::start(Answer::Redirect {
        to: "/real.xml".into(),
        body: GOOD.to_vec(),
    });
    let (_dir, library, first) = with_good_copy(&server);
    assert_eq!(first.bytes, GOOD);
    server.set(Answer::Gzip(changed()));
    let updated = open(&library, &first.entry.source, When::Now).expect("asked");
    assert_eq!(updated.bytes, changed(), "decompressed");
    let accepts = server.seen().last().and_then(|s| s.accept_encoding.clone());
    assert!(accepts.is_some_and(|a| a.contains("gzip")));
}

#[test]
fn an_error_status_keeps_the_last_good_copy() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, library, first) = with_good_copy(&server);
    server.set(Answer::Status(500));
    let why = kept_because(&library, &first.entry.source, &first);
    assert_eq!(why, "the server answered 500");
}

#[test]
fn a_body_cut_off_keeps_the_last_good_copy() {
    let new = changed();
    let cut = raw_answer(&new[..new.len() / 3], new.len());
    let (base, server) = raw_server(vec![raw_answer(GOOD, GOOD.len()), cut]);
    let dir = tempfile::tempdir().expect("temp dir");
    let library = library(dir.path());
    let url = format!("{base}/schedule.xml");
    let first = open(&library, &url, When::IfDue).expect("first fetch");
    let why = kept_because(&library, &url, &first);
    assert!(why.starts_with("the download was cut off"), "{why}");
    server.join().expect("the server ends");
}

#[test]
fn a_slow_server_hits_the_timeout_and_keeps_the_last_good_copy() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, mut library, first) = with_good_copy(&server);
    library.limits.total = Duration::from_millis(300);
    server.set(Answer::Slow(Duration::from_secs(2), changed()));
    let why = kept_because(&library, &first.entry.source, &first);
    assert!(why.starts_with("no answer within 0.3 s"), "{why}");
}

#[test]
fn a_body_over_the_cap_keeps_the_last_good_copy() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, mut library, first) = with_good_copy(&server);
    library.limits.cap = 4 << 10;
    let mut large = changed();
    large.extend(std::iter::repeat_n(b' ', 8 << 10));
    server.set(Answer::plain(&large));
    let why = kept_because(&library, &first.entry.source, &first);
    assert!(why.starts_with("the download is larger than"), "{why}");
}

#[test]
fn not_a_programme_or_too_many_redirects_keep_the_last_good_copy() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, library, first) = with_good_copy(&server);
    server.set(Answer::plain(b"<html><body>Maintenance</body></html>"));
    let why = kept_because(&library, &first.entry.source, &first);
    assert!(why.starts_with("what came is not a programme"), "{why}");
    server.set(Answer::Redirect {
        to: "/elsewhere".into(),
        body: Vec::new(),
    });
    // Every path but `/elsewhere` redirects, and `/elsewhere` answers with nothing readable.
    let why = kept_because(&library, &first.entry.source, &first);
    assert!(why.starts_with("what came is not a programme"), "{why}");
}

#[test]
fn offline_the_copy_opens_by_id_and_a_new_url_is_refused() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (_dir, library, first) = with_good_copy(&server);
    let url = first.entry.source.clone();
    drop(server);
    let offline = library
        .open_id(
            &first.entry.id,
            When::Offline,
            moment(),
            None,
            &mut |_| {},
            &mut Vec::new(),
        )
        .expect("offline by id");
    assert_eq!(
        (offline.news, offline.bytes),
        (News::NotAsked, GOOD.to_vec())
    );
    // The server down: asked now, the copy is kept and the note says why.
    let down = open(&library, &url, When::Now).expect("the copy");
    assert!(matches!(down.news, News::Kept(ref why) if why.contains("could not be reached")));
    let never = open(&library, "http://127.0.0.1:9/new.xml", When::Offline);
    assert!(matches!(never, Err(LibraryError::OfflineNew(_))));
}

#[test]
fn a_failed_first_download_keeps_nothing_and_never_shows_credentials() {
    let server = TestServer::start(Answer::Status(404));
    let dir = tempfile::tempdir().expect("temp dir");
    let library = library(dir.path());
    let url = server
        .url("/x.xml")
        .replace("http://", "http://me:hunter2@");
    let error = open(&library, &url, When::IfDue).expect_err("a 404");
    let message = error.to_string();
    assert!(message.contains("the server answered 404"), "{message}");
    assert!(!message.contains("hunter2"), "{message}");
    assert!(library.index().expect("index").programmes.is_empty());
}

#[test]
fn forget_removes_the_entry_and_its_copy() {
    let server = TestServer::start(Answer::plain(GOOD));
    let (dir, library, first) = with_good_copy(&server);
    let forgotten = library
        .forget(&first.entry.id, &mut Vec::new())
        .expect("forgotten");
    assert_eq!(forgotten.id, first.entry.id);
    assert!(library.index().expect("index").programmes.is_empty());
    let copies = std::fs::read_dir(dir.path().join("library/copies")).expect("copies");
    assert_eq!(copies.count(), 0);
    assert!(matches!(
        library.forget(&first.entry.id, &mut Vec::new()),
        Err(LibraryError::NoSuchId(_))
    ));
}

#[test]
fn an_unreadable_index_is_reported_and_set_aside_only_by_a_change() {
    let server = TestServer::start(Answer::plain(GOOD));
    let dir = tempfile::tempdir().expect("temp dir");
    let library = library(dir.path());
    std::fs::create_dir_all(library.dir()).expect("dir");
    let index = library.dir().join("index.json");
    std::fs::write(&index, "not json").expect("write");
    assert!(matches!(
        library.index(),
        Err(LibraryError::Unreadable { .. })
    ));
    assert_eq!(std::fs::read(&index).expect("left"), b"not json");
    let mut notes = Vec::new();
    library
        .open_url(
            &server.url("/s.xml"),
            When::IfDue,
            moment(),
            None,
            &mut |_| {},
            &mut notes,
        )
        .expect("kept anew");
    assert!(
        notes.iter().any(|n| n.contains("index.json.unreadable-")),
        "{notes:?}"
    );
    let aside = std::fs::read_dir(library.dir())
        .expect("dir")
        .flatten()
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("index.json.unreadable-")
        })
        .expect("set aside");
    assert_eq!(std::fs::read(aside.path()).expect("aside"), b"not json");
}

/// The KS programme (native JSON, many sessions), and the same with every day emptied, as a
/// server mid-rebuild may send it.
fn ks_and_emptied() -> (Vec<u8>, Vec<u8>) {
    let full = include_bytes!("../data/ks-toppmote-2024.json").to_vec();
    let mut programme: serde_json::Value = serde_json::from_slice(&full).expect("JSON");
    for day in programme["days"].as_array_mut().expect("days") {
        day["sessions"] = serde_json::json!([]);
    }
    (full, serde_json::to_vec(&programme).expect("JSON"))
}

#[test]
fn a_programme_with_no_sessions_where_the_last_had_many_never_replaces_it() {
    let (full, empty) = ks_and_emptied();
    let server = TestServer::start(Answer::plain(&full));
    let dir = tempfile::tempdir().expect("temp dir");
    let library = library(dir.path());
    let url = server.url("/programme.json");
    let first = open(&library, &url, When::IfDue).expect("first fetch");
    assert!(first.entry.sessions > 10, "{}", first.entry.sessions);
    server.set(Answer::plain(&empty));
    for _ in 0..2 {
        let opened = open(&library, &url, When::Now).expect("the last good copy");
        let News::Kept(why) = &opened.news else {
            panic!("the empty programme was taken: {:?}", opened.news);
        };
        assert_eq!(
            why,
            &format!(
                "what came has no sessions, where the copy kept has {}",
                first.entry.sessions
            )
        );
        assert_eq!(opened.bytes, full, "the last good bytes are given");
        assert_eq!(opened.entry.hash, first.entry.hash);
        assert_eq!(library.copy_of(&opened.entry).expect("the copy"), full);
    }
}
