//! Files that change under the viewer: a star set in one window reaches every other window
//! through the favourites file, and a programme file replaced whole (as editors save) is told.
//! Generous timeouts; how fast is never asserted.

mod common;

use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::{clock, perform, programme, run, with_store};
use dagsorden::action::Action;
use dagsorden::favourites::FavouritesStore;
use dagsorden::live::Watch;

/// How long a test waits for the system to tell of a change before it fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// Watches `file`, its changes told as `action` through the receiver.
fn watch(file: &std::path::Path, action: Action) -> (Watch, Receiver<Action>) {
    let (send, receive) = channel();
    let watch = Watch::start(&[(file.to_path_buf(), action)], move |action| {
        let _ = send.send(action);
    })
    .expect("watching");
    (watch, receive)
}

#[test]
fn a_star_set_in_one_window_appears_in_the_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = || FavouritesStore::in_dir(dir.path());
    let mut one = with_store(programme("ks-toppmote-2024"), store(), clock());
    let mut other = with_store(programme("ks-toppmote-2024"), store(), clock());
    let (_watch, told) = watch(store().path(), Action::FavouritesChanged);
    run(&mut one, &[Action::CycleStar]);
    assert_eq!(one.starred_count(), 1);
    let action = told.recv_timeout(PATIENCE).expect("told of the change");
    assert_eq!(action, Action::FavouritesChanged);
    perform(&mut other, action);
    assert_eq!(other.starred_count(), 1, "the other window shows the star");
    assert_eq!(
        other.level(one.selected_index().expect("a session")),
        one.level(one.selected_index().expect("a session"))
    );
    // And back: a star removed in the other window goes from the first.
    run(&mut other, &[Action::CycleStar, Action::CycleStar]);
    assert_eq!(other.starred_count(), 0);
    // Every change is told; the last one told carries the file as it is now.
    while let Ok(action) = told.recv_timeout(PATIENCE) {
        perform(&mut one, action);
        if one.starred_count() == 0 {
            break;
        }
    }
    assert_eq!(one.starred_count(), 0, "the first window sees it gone");
}

#[test]
fn reading_the_stars_again_changes_nothing_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = with_store(
        programme("ks-toppmote-2024"),
        FavouritesStore::in_dir(dir.path()),
        clock(),
    );
    perform(&mut app, Action::FavouritesChanged);
    let files: Vec<_> = std::fs::read_dir(dir.path()).expect("the dir").collect();
    assert!(files.is_empty(), "{files:?}");
}

#[test]
fn a_programme_file_replaced_whole_is_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("schedule.xml");
    std::fs::write(&file, "first").expect("write");
    let (_watch, told) = watch(&file, Action::SourceChanged);
    // As editors save: a new file beside it, renamed over it.
    let temp = dir.path().join(".schedule.xml.swp");
    std::fs::write(&temp, "second").expect("write");
    std::fs::rename(&temp, &file).expect("rename");
    assert_eq!(
        told.recv_timeout(PATIENCE).expect("told of the change"),
        Action::SourceChanged
    );
    // Written in place, too.
    while told.try_recv().is_ok() {}
    std::fs::write(&file, "third").expect("write");
    assert_eq!(
        told.recv_timeout(PATIENCE).expect("told of the change"),
        Action::SourceChanged
    );
}
