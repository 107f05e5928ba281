//! The terminal's events in our own words: a crossterm key press becomes a [`Key`] the keymap
//! looks up, a click or a turn of the wheel an [`Action`], a resize the new size. Only this
//! file knows crossterm's events.

use ratatui::crossterm::event::{
    Event, KeyCode as TermCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use crate::action::Action;
use crate::keymap::{Context, Key, KeyCode, Keymap, Modifiers};

/// The action a terminal event means in `context`, if any.
pub(super) fn action_for(event: &Event, keymap: &Keymap, context: Context) -> Option<Action> {
    match event {
        Event::Key(press) => key_of(press).and_then(|key| keymap.action_for_key(&key, context)),
        Event::Mouse(mouse) => action_for_mouse(*mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The key a press is; `None` for a release, or a key no binding can name (media keys, say).
fn key_of(press: &KeyEvent) -> Option<Key> {
    if press.kind == KeyEventKind::Release {
        return None;
    }
    let code = match press.code {
        TermCode::Char(c) => KeyCode::Char(c),
        TermCode::F(n) => KeyCode::F(n),
        TermCode::Enter => KeyCode::Enter,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        TermCode::Insert => KeyCode::Insert,
        TermCode::Delete => KeyCode::Delete,
        _ => return None,
    };
    // Shift is part of the character itself ('G', '?'), so only Ctrl and Alt are kept.
    let modifiers = Modifiers {
        ctrl: press.modifiers.contains(KeyModifiers::CONTROL),
        alt: press.modifiers.contains(KeyModifiers::ALT),
    };
    Some(Key::new(code, modifiers))
}

fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            column,
            row,
            down: false,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Pane;

    fn action(event: &Event) -> Option<Action> {
        action_for(event, &Keymap::default(), Context::Main(Pane::Sessions))
    }

    fn press(code: TermCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn a_press_is_looked_up_in_the_keymap() {
        assert_eq!(
            action(&press(TermCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action(&press(TermCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn shift_with_ctrl_is_still_the_ctrl_letter() {
        let shifted = KeyModifiers::CONTROL | KeyModifiers::SHIFT;
        assert_eq!(
            action(&press(TermCode::Char('C'), shifted)),
            Some(Action::Quit)
        );
        assert_eq!(
            action(&press(TermCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
    }

    #[test]
    fn a_release_or_an_unnamed_key_means_nothing() {
        let mut release = KeyEvent::new(TermCode::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action(&Event::Key(release)), None);
        assert_eq!(action(&press(TermCode::Null, KeyModifiers::NONE)), None);
    }

    #[test]
    fn mouse_and_resize_become_actions() {
        let click = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        };
        assert_eq!(
            action(&Event::Mouse(click)),
            Some(Action::Click { column: 3, row: 4 })
        );
        assert_eq!(
            action(&Event::Resize(80, 24)),
            Some(Action::Resize {
                width: 80,
                height: 24
            })
        );
    }
}
