//! The terminal's lifecycle and the event loop: events become actions, actions go to
//! [`App::update`], and the screen is drawn from the app.

use std::io;
use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::App;

mod events;

/// Runs the app until the user quits. The terminal is restored on return, on error and on panic.
/// With `ticking`, the clock follows the system's and the screen is redrawn each minute.
pub fn run(app: &mut App, ticking: bool) -> io::Result<()> {
    let mut terminal = ratatui::init();
    release_mouse_on_panic();
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, app, ticking));
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
    ticking: bool,
) -> io::Result<()> {
    // Start listening for events (resizes among them) before the first frame, so a resize
    // right after it is not missed.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while app.is_running() {
        terminal.draw(|frame| crate::ui::render(app, frame))?;
        // What no first frame needs is made while the user reads it (only the first call does
        // anything).
        app.index().start_later();
        // Sleeps until a key, a resize or the next minute: no CPU while nothing happens.
        let woken = if ticking {
            event::poll(until_next_minute(Utc::now()))?
        } else {
            true
        };
        if !woken {
            app.update(Action::Tick(Utc::now()));
            continue;
        }
        let event = event::read()?;
        if let Some(action) = events::action_for(&event, app.keymap(), app.context()) {
            app.update(action);
        }
    }
    Ok(())
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
