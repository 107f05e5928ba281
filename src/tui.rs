//! The terminal's lifecycle and the event loop: events become actions, actions go to
//! [`App::update`], the work it asks for ([`Effect`]) is done here and its outcome fed back as
//! an action, and the screen is drawn from the app. The scenario tests perform effects through
//! the same functions, so they see what the user would.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use std::path::Path;

use crate::action::Action;
use crate::app::{App, Effect, Setup};
use crate::changes;
use crate::favourites::{FavouritesStore, StoreError};
use crate::live::{Background, Watch};
use crate::model::{Clock, Programme, Stars};

/// Runs the app until the user quits. The terminal is restored on return, on error and on panic.
/// With `ticking`, the clock follows the system's and the screen is redrawn each minute.
/// Saves go to `store`; refreshes and watched files are `background`'s.
pub fn run(
    app: &mut App,
    store: &FavouritesStore,
    ticking: bool,
    background: &Background,
) -> io::Result<()> {
    let mut terminal = ratatui::init();
    release_mouse_on_panic();
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, app, store, ticking, background));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// `ratatui::init` restores the screen on panic; mouse reporting must be switched off as well,
/// or the shell receives the mouse's escape codes afterwards.
fn release_mouse_on_panic() {
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        restore_screen(info);
    }));
}

/// What wakes the loop: the terminal, or background work telling what came of it.
enum Input {
    /// A key, a mouse event, a resize.
    Terminal(event::Event),
    /// The terminal could not be read.
    Broken(io::Error),
    /// A refresh finished, a watched file changed.
    Outcome(Action),
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &FavouritesStore,
    ticking: bool,
    background: &Background,
) -> io::Result<()> {
    // Start listening for events (resizes among them) before the first frame, so a resize
    // right after it is not missed.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    let mut effects = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let (send, inbox) = mpsc::channel();
    read_terminal(send.clone());
    // Watching is a help, not a need: without it, `R` still reads the programme again.
    let _watch = Watch::start(&background.watched, {
        let send = send.clone();
        move |action| {
            let _ = send.send(Input::Outcome(action));
        }
    });
    while app.is_running() {
        terminal.draw(|frame| crate::ui::render(app, frame))?;
        // The work an action asked for is done once its frame is up (what no first frame needs
        // is made while the user reads it); its outcome is drawn next.
        if !effects.is_empty() {
            let here = start_in_background(std::mem::take(&mut effects), background, &send);
            perform_all(app, here, Some(store), &SystemOpener);
            continue;
        }
        effects = match next_action(app, ticking, &inbox)? {
            Some(action) => app.update(action),
            None => Vec::new(),
        };
    }
    Ok(())
}

/// Reads the terminal on a thread of its own, so that background work can wake the loop too.
fn read_terminal(send: Sender<Input>) {
    std::thread::spawn(move || {
        loop {
            let input = event::read().map_or_else(Input::Broken, Input::Terminal);
            let broken = matches!(input, Input::Broken(_));
            if send.send(input).is_err() || broken {
                return;
            }
        }
    });
}

/// Starts the refreshes among `effects` on threads of their own (their outcome comes back
/// through `send`); the rest are to be done here.
fn start_in_background(
    effects: Vec<Effect>,
    background: &Background,
    send: &Sender<Input>,
) -> Vec<Effect> {
    let (asked, here): (Vec<Effect>, Vec<Effect>) = effects
        .into_iter()
        .partition(|e| matches!(e, Effect::Refresh));
    for _ in asked {
        let send = send.clone();
        let tell = move |action| {
            let _ = send.send(Input::Outcome(action));
        };
        match &background.refresher {
            Some(refresher) => refresher.start(tell),
            None => tell(Action::Refreshed(crate::action::Refreshed::Failed(
                crate::tr!("status.refresh_nothing").into(),
            ))),
        }
    }
    here
}

/// Sleeps until a key, a resize, background news or the next minute (no CPU while nothing
/// happens), and says what the user did, what came of the work, or that the clock moved on.
fn next_action(app: &App, ticking: bool, inbox: &Receiver<Input>) -> io::Result<Option<Action>> {
    match inbox.recv_timeout(until_next_minute(Utc::now())) {
        Ok(Input::Terminal(event)) => Ok(crate::keymap::action_for(
            &event,
            app.keymap(),
            app.context(),
        )),
        Ok(Input::Outcome(action)) => Ok(Some(action)),
        Ok(Input::Broken(e)) => Err(e),
        // A clock set by hand stands still; the world's time still makes refreshes due.
        Err(RecvTimeoutError::Timeout) if ticking => Ok(Some(Action::Tick(Utc::now()))),
        Err(RecvTimeoutError::Timeout) => Ok(Some(Action::Wall(Utc::now()))),
        Err(RecvTimeoutError::Disconnected) => Err(io::Error::other("no terminal input")),
    }
}

/// How long until the clock shows the next minute (a little after, so it surely has).
fn until_next_minute(now: DateTime<Utc>) -> Duration {
    let into_minute = u64::from(now.second()) * 1000 + u64::from(now.timestamp_subsec_millis());
    Duration::from_millis(60_000 - into_minute.min(59_999) + 20)
}

// --- the work the app asks for -------------------------------------------------------------

/// Opens the viewer on `programme` with the stars `store` holds (a problem reading them is the
/// first thing it says), and does what the app asks for at once.
pub fn open(programme: Programme, store: &FavouritesStore, clock: Clock, setup: Setup) -> App {
    let mut setup = Setup {
        files: store.path().parent().map(Path::to_path_buf),
        ..setup
    };
    let stars = match store.load(&programme.id) {
        Ok(stars) => stars,
        Err(e) => {
            setup.problems.insert(0, e.to_string());
            Stars::new()
        }
    };
    let mut app = App::new(programme, stars, clock, setup);
    let effects = app.effects_at_start();
    // Nothing asks to open a link before the user has seen the screen.
    perform_all(&mut app, effects, Some(store), &NoOpener);
    app
}

/// Performs `effects` and feeds each outcome back to the app, until it asks for nothing more.
/// Links go to `opener`.
pub fn perform_all(
    app: &mut App,
    effects: Vec<Effect>,
    store: Option<&FavouritesStore>,
    opener: &dyn Opener,
) {
    let mut pending = effects;
    while !pending.is_empty() {
        let outcomes: Vec<Action> = pending
            .into_iter()
            .filter_map(|effect| perform(effect, app, store, opener))
            .collect();
        pending = outcomes
            .into_iter()
            .flat_map(|outcome| app.update(outcome))
            .collect();
    }
}

/// Does one piece of work; what came of it, as the action that tells the app (none when there is
/// nothing to tell).
pub fn perform(
    effect: Effect,
    app: &App,
    store: Option<&FavouritesStore>,
    opener: &dyn Opener,
) -> Option<Action> {
    match effect {
        Effect::SaveStar {
            programme,
            key,
            star,
        } => Some(saved(store?.set(&programme, &key, star))),
        Effect::SaveSeen { programme, changes } => {
            Some(saved(store?.modify(&programme, |stars| {
                changes::acknowledge(stars, &changes);
            })))
        }
        // Quiet: the records only help tell later changes, and the next start tries again.
        Effect::SaveRecords { programme, records } => store?
            .modify(&programme, |stars| changes::fill_in(stars, &records))
            .ok()
            .map(|(stars, notice)| Action::Saved { stars, notice }),
        Effect::SaveLooked { file, sessions } => file
            .save(&sessions)
            .err()
            .map(|e| Action::SaveFailed(e.to_string())),
        Effect::Export {
            path,
            text,
            sessions,
            left_out,
        } => Some(match write_file(&path, &text) {
            Ok(()) => Action::Exported {
                path,
                sessions,
                left_out,
            },
            Err(e) => Action::ExportFailed {
                path,
                why: e.to_string(),
            },
        }),
        Effect::StartIndexes => {
            app.index().start_later();
            None
        }
        Effect::OpenUrl(url) => Some(open_url(&url, opener)),
        // Quiet on failure: the file changed under us, and the next save says what is wrong.
        Effect::ReloadStars { programme } => {
            store?.load(&programme).ok().map(Action::StarsReloaded)
        }
        // Done on a thread of its own by the loop (see [`crate::live`]), never here.
        Effect::Refresh => None,
    }
}

// --- web links -----------------------------------------------------------------------------

/// What opens a web address outside dagsorden: the system's browser, or in tests a stand-in
/// that only records it.
pub trait Opener {
    /// Hands `url` to whatever shows it; returns once it is started, not when it is done.
    fn open(&self, url: &str) -> io::Result<()>;
}

/// The platform's opener (`xdg-open` and friends, `open`, the Windows shell) through the `open`
/// crate; or, when `DAGSORDEN_OPENER` names a program, that program with the address as its
/// one argument (a browser of the user's choice, or a script in the end-to-end tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemOpener;

impl Opener for SystemOpener {
    fn open(&self, url: &str) -> io::Result<()> {
        match std::env::var_os("DAGSORDEN_OPENER").filter(|p| !p.is_empty()) {
            Some(program) => {
                let mut child = std::process::Command::new(program)
                    .arg(url)
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()?;
                // Reaped when it ends, so no zombie stays behind; the screen does not wait.
                std::thread::spawn(move || child.wait());
                Ok(())
            }
            None => open::that_detached(url),
        }
    }
}

/// Opens nothing, and says so.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOpener;

impl Opener for NoOpener {
    fn open(&self, _url: &str) -> io::Result<()> {
        Err(io::Error::other("no opener"))
    }
}

/// Opens `url` if the one check for web addresses passes again (no effect carries anything
/// else, but nothing from a programme file reaches the system's opener unchecked).
fn open_url(url: &str, opener: &dyn Opener) -> Action {
    let checked = crate::text::links::openable(url).map_err(|r| r.reason().to_string());
    match checked.and_then(|url| opener.open(&url).map(|()| url).map_err(|e| e.to_string())) {
        Ok(url) => Action::Opened(url),
        Err(why) => Action::OpenFailed {
            url: crate::text::links::without_credentials(url),
            why,
        },
    }
}

// --- terminal hyperlinks -------------------------------------------------------------------

/// Whether to mark web addresses as terminal hyperlinks (OSC 8). `DAGSORDEN_HYPERLINKS` decides
/// when set (`1`/`on`/`yes`/`always` or `0`/`off`/`no`/`never`); otherwise only terminals known
/// to show them say yes, and never inside tmux or screen, which may pass them on garbled.
/// `var` reads the environment (a map in the tests).
pub fn hyperlinks_wanted(var: &dyn Fn(&str) -> Option<String>) -> bool {
    if let Some(choice) = var("DAGSORDEN_HYPERLINKS") {
        match choice.trim().to_ascii_lowercase().as_str() {
            "1" | "on" | "yes" | "always" | "true" => return true,
            "0" | "off" | "no" | "never" | "false" => return false,
            _ => {}
        }
    }
    if var("TMUX").is_some() || var("STY").is_some() {
        return false;
    }
    let term = var("TERM").unwrap_or_default();
    if term == "dumb" || term.starts_with("screen") || term.starts_with("tmux") {
        return false;
    }
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let known_program =
        ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "rio"].contains(&program.as_str());
    let known_term = [
        "xterm-kitty",
        "foot",
        "foot-extra",
        "xterm-ghostty",
        "alacritty",
    ]
    .contains(&term.as_str());
    // VTE 0.50 (GNOME Terminal, Tilix, Terminator…) was the first to show them.
    let vte = var("VTE_VERSION")
        .and_then(|v| v.trim().parse::<u32>().ok())
        .is_some_and(|v| v >= 5000);
    known_program
        || known_term
        || vte
        || var("WT_SESSION").is_some()
        || var("KONSOLE_VERSION").is_some()
}

fn saved(result: Result<(Stars, Option<crate::favourites::Notice>), StoreError>) -> Action {
    match result {
        Ok((stars, notice)) => Action::Saved { stars, notice },
        Err(e) => Action::SaveFailed(e.to_string()),
    }
}

/// Writes a whole file atomically, making its directory first.
fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::disk::write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn hyperlinks_only_where_the_terminal_is_known_to_show_them() {
        assert!(!hyperlinks_wanted(&env(&[])));
        assert!(!hyperlinks_wanted(&env(&[("TERM", "xterm-256color")])));
        assert!(!hyperlinks_wanted(&env(&[("TERM", "linux")])));
        assert!(hyperlinks_wanted(&env(&[("TERM", "xterm-kitty")])));
        assert!(hyperlinks_wanted(&env(&[("TERM_PROGRAM", "WezTerm")])));
        assert!(hyperlinks_wanted(&env(&[("VTE_VERSION", "7600")])));
        assert!(!hyperlinks_wanted(&env(&[("VTE_VERSION", "4205")])));
        assert!(!hyperlinks_wanted(&env(&[
            ("TERM_PROGRAM", "iTerm.app"),
            ("TMUX", "/tmp/tmux-1000/default,1,0")
        ])));
    }

    #[test]
    fn the_environment_can_say_yes_or_no_to_hyperlinks() {
        assert!(hyperlinks_wanted(&env(&[("DAGSORDEN_HYPERLINKS", "1")])));
        assert!(hyperlinks_wanted(&env(&[
            ("DAGSORDEN_HYPERLINKS", "always"),
            ("TMUX", "x")
        ])));
        assert!(!hyperlinks_wanted(&env(&[
            ("DAGSORDEN_HYPERLINKS", "off"),
            ("TERM", "xterm-kitty")
        ])));
        assert!(hyperlinks_wanted(&env(&[
            ("DAGSORDEN_HYPERLINKS", "maybe"),
            ("TERM", "xterm-kitty")
        ])));
    }

    /// Records what it was asked to open; opens nothing.
    #[derive(Default)]
    struct Recorder(std::cell::RefCell<Vec<String>>);

    impl Opener for Recorder {
        fn open(&self, url: &str) -> io::Result<()> {
            self.0.borrow_mut().push(url.to_string());
            Ok(())
        }
    }

    #[test]
    fn only_checked_web_addresses_reach_the_opener() {
        let recorder = Recorder::default();
        assert_eq!(
            open_url("https://me:pw@fosdem.org/2025/", &recorder),
            Action::Opened("https://fosdem.org/2025/".into())
        );
        assert!(matches!(
            open_url("file:///etc/passwd", &recorder),
            Action::OpenFailed { .. }
        ));
        assert!(matches!(
            open_url("--version", &recorder),
            Action::OpenFailed { .. }
        ));
        assert_eq!(*recorder.0.borrow(), ["https://fosdem.org/2025/"]);
    }

    #[test]
    fn an_opener_that_fails_is_reported() {
        assert_eq!(
            open_url("https://fosdem.org/", &NoOpener),
            Action::OpenFailed {
                url: "https://fosdem.org/".into(),
                why: "no opener".into()
            }
        );
    }

    #[test]
    fn the_clock_wakes_just_after_each_minute() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("time").to_utc();
        assert_eq!(
            until_next_minute(at("2024-02-13T10:30:00Z")),
            Duration::from_millis(60_020)
        );
        assert_eq!(
            until_next_minute(at("2024-02-13T10:30:59.5Z")),
            Duration::from_millis(520)
        );
    }
}
