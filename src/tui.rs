//! The terminal's lifecycle and the event loop: events become actions, actions go to
//! [`App::update`], and the screen is drawn from the app.

use std::io;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::App;
use crate::keymap;

/// Runs the app until the user quits. The terminal is restored on return, on error and on panic.
pub fn run(app: &mut App) -> io::Result<()> {
    let mut terminal = ratatui::init();
    release_mouse_on_panic();
    let result =
        execute!(io::stdout(), EnableMouseCapture).and_then(|()| event_loop(&mut terminal, app));
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

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    while app.is_running() {
        terminal.draw(|frame| crate::ui::render(app, frame))?;
        // Blocks until something happens: no polling, no CPU while idle.
        let event = event::read()?;
        if let Some(action) = keymap::action_for_event(&event, app.context()) {
            app.update(action);
        }
    }
    Ok(())
}
