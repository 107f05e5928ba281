//! The one table of keys. Key handling, the status-bar hints and the help overlay all read it,
//! so what the screen says a key does is what it does.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::{Action, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere on the main screen.
    Global,
    /// Only while this pane has focus.
    In(Pane),
    /// Only while the help overlay is open.
    Help,
    /// Only while a search query is being typed.
    Search,
    /// Only while the changes to the user's programme are shown.
    Changes,
}

/// One key, with the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// How the key is written on screen.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        // Shift is part of the character itself ('G', '?'), so only Ctrl and Alt must agree.
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        self.code == event.code && (event.modifiers & relevant) == (self.modifiers & relevant)
    }
}

/// A row of the table: the keys, what they do, where, and the short word for the status bar.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub scope: Scope,
    /// What the help overlay says the keys do.
    pub description: &'static str,
    /// The status-bar word, for the bindings worth a place there.
    pub hint: Option<&'static str>,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    scope: Scope,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        scope,
        description,
        hint,
    }
}

use Scope::{Changes, Global, Help, In, Search};

/// Every key of dagsorden. Earlier rows win where two could match.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(&[Key::plain(KeyCode::Esc), Key::char('?')], Action::ToggleHelp, Help, "close this help", Some("close")),
    bind(&[Key::plain(KeyCode::Down), Key::char('j')], Action::Down, Help, "scroll down", Some("scroll")),
    bind(&[Key::plain(KeyCode::Up), Key::char('k')], Action::Up, Help, "scroll up", None),
    bind(&[Key::plain(KeyCode::PageDown)], Action::PageDown, Help, "page down", None),
    bind(&[Key::plain(KeyCode::PageUp)], Action::PageUp, Help, "page up", None),
    bind(&[Key::char('q'), Key::ctrl('c')], Action::Quit, Help, "quit", Some("quit")),
    bind(&[Key::plain(KeyCode::Enter), Key::plain(KeyCode::Esc)], Action::DismissChanges, Changes, "seen: close, and do not show these again", Some("seen")),
    bind(&[Key::plain(KeyCode::Down), Key::char('j')], Action::Down, Changes, "scroll down", Some("scroll")),
    bind(&[Key::plain(KeyCode::Up), Key::char('k')], Action::Up, Changes, "scroll up", None),
    bind(&[Key::plain(KeyCode::PageDown)], Action::PageDown, Changes, "page down", None),
    bind(&[Key::plain(KeyCode::PageUp)], Action::PageUp, Changes, "page up", None),
    bind(&[Key::char('q'), Key::ctrl('c')], Action::Quit, Changes, "quit", Some("quit")),
    bind(&[Key::plain(KeyCode::Enter)], Action::SearchAccept, Search, "open the result: its details, the results kept", Some("open")),
    bind(&[Key::plain(KeyCode::Esc)], Action::SearchCancel, Search, "leave the search, back to what was shown", Some("back")),
    bind(&[Key::plain(KeyCode::Down), Key::ctrl('n')], Action::Down, Search, "next result", Some("results")),
    bind(&[Key::plain(KeyCode::Up), Key::ctrl('p')], Action::Up, Search, "previous result", None),
    bind(&[Key::plain(KeyCode::PageDown)], Action::PageDown, Search, "results one page down", None),
    bind(&[Key::plain(KeyCode::PageUp)], Action::PageUp, Search, "results one page up", None),
    bind(&[Key::plain(KeyCode::Backspace)], Action::SearchBackspace, Search, "remove the last letter", None),
    bind(&[Key::ctrl('c')], Action::Quit, Search, "quit", None),
    bind(&[Key::plain(KeyCode::Enter)], Action::Open, In(Pane::Browse), "show the day's, room's or speaker's sessions", Some("sessions")),
    bind(&[Key::plain(KeyCode::Enter)], Action::Open, In(Pane::Sessions), "read the session's details", Some("details")),
    bind(&[Key::plain(KeyCode::Enter), Key::char(' ')], Action::Open, In(Pane::Filters), "filter by this theme, part or room (again: stop)", Some("filter")),
    bind(&[Key::char('f'), Key::char(' ')], Action::CycleStar, In(Pane::Sessions), "star: must ★, again maybe ☆, again none", Some("star")),
    bind(&[Key::char('f'), Key::char(' ')], Action::CycleStar, In(Pane::Details), "star: must ★, again maybe ☆, again none", Some("star")),
    bind(&[Key::plain(KeyCode::Up), Key::char('k')], Action::Up, Global, "move up (in details: scroll)", None),
    bind(&[Key::plain(KeyCode::Down), Key::char('j')], Action::Down, Global, "move down (in details: scroll)", Some("move")),
    bind(&[Key::plain(KeyCode::PageUp)], Action::PageUp, Global, "one page up", None),
    bind(&[Key::plain(KeyCode::PageDown)], Action::PageDown, Global, "one page down", None),
    bind(&[Key::plain(KeyCode::Home), Key::char('g')], Action::Top, Global, "go to the first row", None),
    bind(&[Key::plain(KeyCode::End), Key::char('G')], Action::Bottom, Global, "go to the last row", None),
    bind(&[Key::plain(KeyCode::Tab)], Action::NextPane, Global, "next pane", Some("pane")),
    bind(&[Key::plain(KeyCode::BackTab)], Action::PrevPane, Global, "previous pane", None),
    bind(&[Key::plain(KeyCode::Left), Key::char('h')], Action::FocusLeft, Global, "pane to the left", None),
    bind(&[Key::plain(KeyCode::Right), Key::char('l')], Action::FocusRight, Global, "pane to the right", None),
    bind(&[Key::char('1')], Action::Focus(Pane::Browse), Global, "go to Days / Rooms / Speakers", None),
    bind(&[Key::char('2')], Action::Focus(Pane::Sessions), Global, "go to Sessions", None),
    bind(&[Key::char('3')], Action::Focus(Pane::Details), Global, "go to Details", None),
    bind(&[Key::char('4')], Action::Focus(Pane::Filters), Global, "go to Filters", None),
    bind(&[Key::char('['), Key::char('p')], Action::PrevDay, Global, "previous day", None),
    bind(&[Key::char(']'), Key::char('n')], Action::NextDay, Global, "next day", Some("day")),
    bind(&[Key::char('m')], Action::ToggleMyProgramme, Global, "my programme: the plan of starred sessions, with clashes and gaps", Some("my programme")),
    bind(&[Key::char('o')], Action::ToggleNow, Global, "on now and next in each room", Some("now")),
    bind(&[Key::char('t')], Action::JumpToNow, Global, "go to the current time", None),
    bind(&[Key::char('z')], Action::ToggleZone, Global, "times in the venue's zone or your own", None),
    bind(&[Key::char('x')], Action::TogglePast, Global, "hide or show sessions that are over", None),
    bind(&[Key::char('/')], Action::StartSearch, Global, "search titles, speakers, rooms, themes, descriptions", Some("search")),
    bind(&[Key::char('v')], Action::NextBrowse, Global, "browse by days, rooms or speakers", None),
    bind(&[Key::char('s')], Action::ToggleStarredOnly, Global, "show only starred sessions (again: all)", None),
    bind(&[Key::char('c')], Action::ClearFilters, Global, "clear every filter", None),
    bind(&[Key::char('e')], Action::ExportFavourites, Global, "export the starred sessions to a calendar file (.ics) beside the favourites", None),
    bind(&[Key::char('?')], Action::ToggleHelp, Global, "all keys", Some("help")),
    bind(&[Key::char('q'), Key::ctrl('c')], Action::Quit, Global, "quit", Some("quit")),
    bind(&[Key::plain(KeyCode::Esc)], Action::Back, Global, "quit (closes an overlay first)", None),
];

/// What the user sees the app as doing now, which decides the bindings in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Main(Pane),
    Help,
    /// Typing a search query: keys without a binding are typed.
    Search,
    /// The changes to the user's programme are shown.
    Changes,
}

impl Context {
    fn admits(self, scope: Scope) -> bool {
        match (self, scope) {
            (Self::Main(focus), In(pane)) => focus == pane,
            (Self::Main(_), Global)
            | (Self::Help, Help)
            | (Self::Search, Search)
            | (Self::Changes, Changes) => true,
            _ => false,
        }
    }
}

/// The bindings in force, in the order they are tried.
pub fn active(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| context.admits(b.scope))
}

/// The action a key press means here, if any.
pub fn action_for_key(event: &KeyEvent, context: Context) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = active(context)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    bound.or_else(|| typed(event, context))
}

/// While a search is typed, a printable character is part of the query.
fn typed(event: &KeyEvent, context: Context) -> Option<Action> {
    let KeyCode::Char(c) = event.code else {
        return None;
    };
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    (context == Context::Search && plain && !c.is_control()).then_some(Action::SearchType(c))
}

/// Translates any terminal event into an action.
pub fn action_for_event(event: &Event, context: Context) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(key, context),
        Event::Mouse(mouse) => action_for_mouse(*mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
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

/// `(keys, word)` pairs for the status bar in this context.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    active(context)
        .filter_map(|b| Some((keys_label(b.keys), b.hint?)))
        .collect()
}

/// The first key bound to `action` anywhere, as shown; for text that names a key.
pub fn key_for(action: Action) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(Key::label)
}

/// All keys of a binding, as shown: `↓/j`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[rstest]
    #[case(KeyCode::Char('j'), Pane::Sessions, Some(Action::Down))]
    #[case(KeyCode::Down, Pane::Browse, Some(Action::Down))]
    #[case(KeyCode::Enter, Pane::Browse, Some(Action::Open))]
    #[case(KeyCode::Char(' '), Pane::Sessions, Some(Action::CycleStar))]
    #[case(KeyCode::Char(' '), Pane::Filters, Some(Action::Open))]
    #[case(KeyCode::Char('f'), Pane::Browse, None)]
    #[case(KeyCode::Char('f'), Pane::Details, Some(Action::CycleStar))]
    #[case(KeyCode::Char('o'), Pane::Browse, Some(Action::ToggleNow))]
    #[case(KeyCode::Char('t'), Pane::Filters, Some(Action::JumpToNow))]
    #[case(KeyCode::Char('z'), Pane::Sessions, Some(Action::ToggleZone))]
    #[case(KeyCode::Char('x'), Pane::Sessions, Some(Action::TogglePast))]
    #[case(KeyCode::Char('G'), Pane::Filters, Some(Action::Bottom))]
    #[case(KeyCode::BackTab, Pane::Filters, Some(Action::PrevPane))]
    #[case(KeyCode::Esc, Pane::Sessions, Some(Action::Back))]
    #[case(KeyCode::Char('y'), Pane::Sessions, None)]
    fn keys_mean_actions_on_the_main_screen(
        #[case] code: KeyCode,
        #[case] focus: Pane,
        #[case] action: Option<Action>,
    ) {
        assert_eq!(action_for_key(&press(code), Context::Main(focus)), action);
    }

    #[test]
    fn help_overlay_closes_on_esc_and_quits_on_q() {
        assert_eq!(
            action_for_key(&press(KeyCode::Esc), Context::Help),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for_key(&press(KeyCode::Char('q')), Context::Help),
            Some(Action::Quit)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(&ctrl_c, Context::Help), Some(Action::Quit));
        assert_eq!(
            action_for_key(&ctrl_c, Context::Main(Pane::Browse)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn typing_a_search_takes_letters_but_keeps_its_keys() {
        let search = Context::Search;
        assert_eq!(
            action_for_key(&press(KeyCode::Char('q')), search),
            Some(Action::SearchType('q'))
        );
        assert_eq!(
            action_for_key(&press(KeyCode::Char('ø')), search),
            Some(Action::SearchType('ø'))
        );
        assert_eq!(
            action_for_key(&press(KeyCode::Char(' ')), search),
            Some(Action::SearchType(' '))
        );
        assert_eq!(
            action_for_key(&press(KeyCode::Esc), search),
            Some(Action::SearchCancel)
        );
        assert_eq!(
            action_for_key(&press(KeyCode::Enter), search),
            Some(Action::SearchAccept)
        );
        assert_eq!(
            action_for_key(&press(KeyCode::Backspace), search),
            Some(Action::SearchBackspace)
        );
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(&ctrl_n, search), Some(Action::Down));
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(&ctrl_x, search), None);
        assert_eq!(
            action_for_key(&press(KeyCode::Char('q')), Context::Main(Pane::Sessions)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn ctrl_changes_the_meaning_of_a_letter() {
        let ctrl_f = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(&ctrl_f, Context::Main(Pane::Sessions)), None);
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints(Context::Main(Pane::Sessions));
        assert!(
            hints.contains(&("f/Space".to_string(), "star")),
            "{hints:?}"
        );
        assert!(
            hints.contains(&("q/Ctrl-C".to_string(), "quit")),
            "{hints:?}"
        );
        assert!(!hints.iter().any(|(_, w)| *w == "filter"));
    }

    #[test]
    fn no_two_bindings_in_one_context_share_a_key() {
        let contexts = Pane::ALL.map(Context::Main).into_iter().chain([
            Context::Help,
            Context::Search,
            Context::Changes,
        ]);
        for context in contexts {
            let mut seen: Vec<(Key, Scope)> = Vec::new();
            for binding in active(context) {
                for key in binding.keys {
                    // A pane's binding may deliberately override a global one; two rows of the
                    // same scope may not both claim a key.
                    assert!(
                        !seen.iter().any(|(k, s)| k == key && *s == binding.scope),
                        "{} bound twice in {context:?}",
                        key.label()
                    );
                    seen.push((*key, binding.scope));
                }
            }
        }
    }
}
