//! The terminal's lifecycle and the event loop: events become actions, actions go to
//! [`App::update`], the work it asks for is done here ([`crate::effects`]) and its outcome fed
//! back, and the screen is drawn from the app.

use std::io;
use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::App;
use crate::effects;
use crate::favourites::FavouritesStore;

mod events;

/// Runs the app until the user quits. The terminal is restored on return, on error and on panic.
/// With `ticking`, the clock follows the system's and the screen is redrawn each minute.
/// Saves go to `store`.
pub fn run(app: &mut App, store: &FavouritesStore, ticking: bool) -> io::Result<()> {
    let mut terminal = ratatui::init();
    release_mouse_on_panic();
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, app, store, ticking));
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

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &FavouritesStore,
    ticking: bool,
) -> io::Result<()> {
    // Start listening for events (resizes among them) before the first frame, so a resize
    // right after it is not missed.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    let mut effects = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while app.is_running() {
        terminal.draw(|frame| crate::ui::render(app, frame))?;
        // The work an action asked for is done once its frame is up (what no first frame needs
        // is made while the user reads it); its outcome is drawn next.
        if !effects.is_empty() {
            effects::perform_all(app, std::mem::take(&mut effects), Some(store));
            continue;
        }
        effects = match next_action(app, ticking)? {
            Some(action) => app.update(action),
            None => Vec::new(),
        };
    }
    Ok(())
}

/// Sleeps until a key, a resize or the next minute (no CPU while nothing happens), and says what
/// the user did or that the clock moved on.
fn next_action(app: &App, ticking: bool) -> io::Result<Option<Action>> {
    let woken = if ticking {
        event::poll(until_next_minute(Utc::now()))?
    } else {
        true
    };
    if !woken {
        return Ok(Some(Action::Tick(Utc::now())));
    }
    let event = event::read()?;
    Ok(events::action_for(&event, app.keymap(), app.context()))
}

/// How long until the clock shows the next minute (a little after, so it surely has).
fn until_next_minute(now: DateTime<Utc>) -> Duration {
    let into_minute = u64::from(now.second()) * 1000 + u64::from(now.timestamp_subsec_millis());
    Duration::from_millis(60_000 - into_minute.min(59_999) + 20)
}

#[cfg(test)]
mod tests {
    use super::*;

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
