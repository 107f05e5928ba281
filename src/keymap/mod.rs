//! The one table of keys. Key handling, the status-bar hints and the help overlay all read it,
//! so what the screen says a key does is what it does. The table starts as [`defaults::ROWS`]
//! and takes the user's own keys from the config file.

pub mod defaults;
mod key;
mod terminal;
pub(crate) use terminal::action_for;

pub use defaults::Row;
pub use key::{Key, KeyCode, Modifiers};

use crate::action::{Action, Pane};
use crate::i18n::t;
use crate::tr;

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
    /// Only while a session is read on the whole screen.
    Page,
    /// Only while the session's links are offered to choose from.
    Links,
}

use Scope::{Changes, Global, Help, In, Search};

/// A row of the table in force: the row's meaning with the keys it has now.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The default table's row: the action, where it applies and its words.
    pub row: &'static Row,
    /// The keys that do it now: the row's, or the config file's.
    pub keys: Vec<Key>,
    /// Whether the config file chose the keys.
    configured: bool,
}

impl Binding {
    /// What the keys do.
    pub fn action(&self) -> Action {
        self.row.action.clone()
    }

    /// Where the keys do it.
    pub fn scope(&self) -> Scope {
        self.row.scope
    }

    /// What the help overlay says the keys do, in the user's language.
    pub fn description(&self) -> &'static str {
        t(self.row.description)
    }
}

/// The user's wish for one action's keys, as read from the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    /// The action's name in the config file (`star`, `next-day`).
    pub name: String,
    /// The keys as written, parsed only when the keymap is built so each mistake is reported.
    pub keys: Vec<String>,
    /// Where in the config file it was written.
    pub line: usize,
}

/// Something in the user's keys that could not be done as asked, and what was done instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    /// The config file's line it was written on.
    pub line: usize,
    /// What went wrong and what was done instead, in the user's language.
    pub message: String,
}

/// The keys in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: defaults::ROWS
                .iter()
                .map(|row| Binding {
                    row,
                    keys: keys_of(row, row.keys),
                    configured: false,
                })
                .collect(),
        }
    }
}

/// A row's keys: the chosen ones, then the fixed ones, each once.
fn keys_of(row: &Row, chosen: &[Key]) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    for key in chosen.iter().chain(row.fixed) {
        if !keys.contains(key) {
            keys.push(*key);
        }
    }
    keys
}

/// The rows of a name.
fn rows_named<'a>(
    bindings: &'a mut [Binding],
    name: &'a str,
) -> impl Iterator<Item = &'a mut Binding> {
    bindings
        .iter_mut()
        .filter(move |b| b.row.name == Some(name))
}

impl Keymap {
    /// The default keys with the user's rebindings applied. What cannot be done as asked is
    /// reported, and the rest still applies: a bad line never costs the user a working keymap.
    pub fn with_rebindings(rebindings: &[Rebinding]) -> (Self, Vec<KeyProblem>) {
        let mut keymap = Self::default();
        let mut problems = Vec::new();
        for rebinding in rebindings {
            keymap.rebind(rebinding, &mut problems);
        }
        keymap.settle_conflicts(rebindings, &mut problems);
        // One choice can clash in several places (the main screen and the help, say).
        let mut seen = Vec::new();
        problems.retain(|p| {
            let new = !seen.contains(p);
            seen.push(p.clone());
            new
        });
        (keymap, problems)
    }

    fn rebind(&mut self, rebinding: &Rebinding, problems: &mut Vec<KeyProblem>) {
        let line = rebinding.line;
        let name = rebinding.name.as_str();
        if defaults::first_row(name).is_none() {
            problems.push(KeyProblem {
                line,
                message: tr!(
                    "config.unknown_action",
                    name = crate::text::shorten_for_message(name),
                    names = defaults::names().join(", ")
                ),
            });
            return;
        }
        let mut keys = Vec::new();
        for spec in &rebinding.keys {
            match Key::parse(spec) {
                Ok(key) if !keys.contains(&key) => keys.push(key),
                Ok(_) => {}
                Err(_) => problems.push(KeyProblem {
                    line,
                    message: tr!(
                        "config.unknown_key",
                        key = crate::text::shorten_for_message(spec),
                        name = name
                    ),
                }),
            }
        }
        let search_only = self
            .bindings
            .iter()
            .filter(|b| b.row.name == Some(name))
            .all(|b| b.row.scope == Search);
        if search_only {
            for key in keys.iter().filter(|k| k.types()) {
                problems.push(KeyProblem {
                    line,
                    message: tr!("config.types_in_search", key = key.label(), name = name),
                });
            }
        }
        for binding in rows_named(&mut self.bindings, name) {
            // While a search is typed, a letter is part of the query, never a command.
            let chosen: Vec<Key> = keys
                .iter()
                .copied()
                .filter(|k| binding.row.scope != Search || !k.types())
                .collect();
            binding.keys = keys_of(binding.row, &chosen);
            binding.configured = true;
        }
    }

    /// Where one key would mean two things at once, the config's choice beats a default (the
    /// default loses the key); between two choices of the config, the earlier row wins.
    fn settle_conflicts(&mut self, rebindings: &[Rebinding], problems: &mut Vec<KeyProblem>) {
        let line_of = |name: Option<&str>| {
            rebindings
                .iter()
                .rev()
                .find(|r| Some(r.name.as_str()) == name)
                .map_or(0, |r| r.line)
        };
        for context in Context::all() {
            while let Some((winner, loser, key)) = self.first_conflict(context) {
                let (win, lose) = (&self.bindings[winner], &self.bindings[loser]);
                let (win_name, lose_name) =
                    (win.row.name.unwrap_or("?"), lose.row.name.unwrap_or("?"));
                let line = line_of(win.row.name).max(line_of(lose.row.name));
                self.bindings[loser].keys.retain(|k| *k != key);
                let left = keys_label(&self.bindings[loser].keys);
                problems.push(KeyProblem {
                    line,
                    message: if left.is_empty() {
                        tr!(
                            "config.conflict_no_key",
                            key = key.label(),
                            winner = win_name,
                            loser = lose_name
                        )
                    } else {
                        tr!(
                            "config.conflict",
                            key = key.label(),
                            winner = win_name,
                            loser = lose_name,
                            left = left
                        )
                    },
                });
            }
        }
    }

    /// Two bindings in force together that share a key: `(keeps it, loses it, key)`.
    fn first_conflict(&self, context: Context) -> Option<(usize, usize, Key)> {
        let active: Vec<usize> = (0..self.bindings.len())
            .filter(|&i| context.admits(self.bindings[i].row.scope))
            .collect();
        for (n, &a) in active.iter().enumerate() {
            for &b in &active[n + 1..] {
                let (first, second) = (&self.bindings[a], &self.bindings[b]);
                let Some(key) = first.keys.iter().find(|k| second.keys.contains(k)) else {
                    continue;
                };
                let second_wins = second.configured && !first.configured
                    || second.row.fixed.contains(key) && !first.row.fixed.contains(key);
                return Some(if second_wins {
                    (b, a, *key)
                } else {
                    (a, b, *key)
                });
            }
        }
        None
    }

    /// The bindings in force, in the order they are tried.
    pub fn active(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| context.admits(b.row.scope))
    }

    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action a key press means here, if any.
    pub fn action_for_key(&self, key: &Key, context: Context) -> Option<Action> {
        let bound = self
            .active(context)
            .find(|b| b.keys.contains(key))
            .map(Binding::action);
        bound.or_else(|| typed(key, context))
    }

    /// `(keys, word)` pairs for the status bar in this context.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        self.hints_offered(context, |_| true)
    }

    /// As [`Self::hints`], of the actions `offered` says do something now.
    pub fn hints_offered(
        &self,
        context: Context,
        offered: impl Fn(&Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        self.active(context)
            .filter(|b| !b.keys.is_empty() && offered(&b.row.action))
            .filter_map(|b| Some((keys_label(&b.keys), t(b.row.hint?))))
            .collect()
    }

    /// The first key bound to `action` on the main screen, as shown; for text that names a key.
    pub fn key_for(&self, action: &Action) -> Option<String> {
        self.bindings
            .iter()
            .filter(|b| matches!(b.row.scope, Global | In(_)))
            .find(|b| b.row.action == *action && !b.keys.is_empty())
            .and_then(|b| b.keys.first())
            .map(Key::label)
    }

    /// All keys for `action` in `context`, as shown: `?/Esc`.
    pub fn keys_in(&self, action: &Action, context: Context) -> String {
        self.active(context)
            .find(|b| b.row.action == *action)
            .map(|b| keys_label(&b.keys))
            .unwrap_or_default()
    }
}

/// What the user sees the app as doing now, which decides the bindings in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The main screen, with this pane focused.
    Main(Pane),
    /// The help overlay is open.
    Help,
    /// Typing a search query: keys without a binding are typed.
    Search,
    /// The changes to the user's programme are shown.
    Changes,
    /// A session is read on the whole screen.
    Page,
    /// The session's links are offered to choose from.
    Links,
}

impl Context {
    fn admits(self, scope: Scope) -> bool {
        match (self, scope) {
            (Self::Main(focus), In(pane)) => focus == pane,
            (Self::Main(_), Global)
            | (Self::Help, Help)
            | (Self::Search, Search)
            | (Self::Changes, Changes)
            | (Self::Page, Scope::Page)
            | (Self::Links, Scope::Links) => true,
            _ => false,
        }
    }

    /// Every context there is.
    pub fn all() -> impl Iterator<Item = Context> {
        Pane::ALL.map(Context::Main).into_iter().chain([
            Context::Help,
            Context::Search,
            Context::Changes,
            Context::Page,
            Context::Links,
        ])
    }
}

/// While a search is typed, a printable character is part of the query.
fn typed(key: &Key, context: Context) -> Option<Action> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    (context == Context::Search && key.types() && !c.is_control()).then_some(Action::SearchType(c))
}

/// All keys of a binding, as shown: `↓/j`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn press(code: KeyCode) -> Key {
        Key::plain(code)
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
        assert_eq!(
            Keymap::default().action_for_key(&press(code), Context::Main(focus)),
            action
        );
    }

    #[test]
    fn help_overlay_closes_on_esc_and_quits_on_q() {
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Esc), Context::Help),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Char('q')), Context::Help),
            Some(Action::Quit)
        );
        let ctrl_c = Key::ctrl('c');
        assert_eq!(
            Keymap::default().action_for_key(&ctrl_c, Context::Help),
            Some(Action::Quit)
        );
        assert_eq!(
            Keymap::default().action_for_key(&ctrl_c, Context::Main(Pane::Browse)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn typing_a_search_takes_letters_but_keeps_its_keys() {
        let search = Context::Search;
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Char('q')), search),
            Some(Action::SearchType('q'))
        );
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Char('ø')), search),
            Some(Action::SearchType('ø'))
        );
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Char(' ')), search),
            Some(Action::SearchType(' '))
        );
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Esc), search),
            Some(Action::SearchCancel)
        );
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Enter), search),
            Some(Action::SearchAccept)
        );
        assert_eq!(
            Keymap::default().action_for_key(&press(KeyCode::Backspace), search),
            Some(Action::SearchBackspace)
        );
        let ctrl_n = Key::ctrl('n');
        assert_eq!(
            Keymap::default().action_for_key(&ctrl_n, search),
            Some(Action::Down)
        );
        let ctrl_x = Key::ctrl('x');
        assert_eq!(Keymap::default().action_for_key(&ctrl_x, search), None);
        assert_eq!(
            Keymap::default()
                .action_for_key(&press(KeyCode::Char('q')), Context::Main(Pane::Sessions)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn ctrl_changes_the_meaning_of_a_letter() {
        let ctrl_f = Key::ctrl('f');
        assert_eq!(
            Keymap::default().action_for_key(&ctrl_f, Context::Main(Pane::Sessions)),
            None
        );
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = Keymap::default().hints(Context::Main(Pane::Sessions));
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
    fn no_two_default_bindings_in_one_context_share_a_key() {
        let keymap = Keymap::default();
        for context in Context::all() {
            assert_eq!(keymap.first_conflict(context), None, "in {context:?}");
        }
    }

    fn rebind(pairs: &[(&str, &[&str])]) -> (Keymap, Vec<KeyProblem>) {
        let rebindings: Vec<Rebinding> = pairs
            .iter()
            .enumerate()
            .map(|(n, (name, keys))| Rebinding {
                name: (*name).to_string(),
                keys: keys.iter().map(|k| (*k).to_string()).collect(),
                line: n + 10,
            })
            .collect();
        Keymap::with_rebindings(&rebindings)
    }

    #[test]
    fn a_rebound_key_drives_its_action_and_the_old_key_is_free() {
        let (keymap, problems) = rebind(&[("star", &["*"]), ("down", &["ctrl-n", "down"])]);
        assert_eq!(problems, []);
        let sessions = Context::Main(Pane::Sessions);
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('*')), sessions),
            Some(Action::CycleStar)
        );
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('f')), sessions),
            None
        );
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('j')), sessions),
            None
        );
        let ctrl_n = Key::ctrl('n');
        assert_eq!(keymap.action_for_key(&ctrl_n, sessions), Some(Action::Down));
        // Scrolling the help follows the same name.
        assert_eq!(
            keymap.action_for_key(&ctrl_n, Context::Help),
            Some(Action::Down)
        );
        assert!(keymap.hints(sessions).contains(&("*".to_string(), "star")));
        assert_eq!(keymap.key_for(&Action::CycleStar).as_deref(), Some("*"));
    }

    #[test]
    fn esc_and_ctrl_c_stay_whatever_the_config_says() {
        let (keymap, problems) = rebind(&[("quit", &["Q"]), ("help", &["f1"])]);
        assert_eq!(problems, []);
        let ctrl_c = Key::ctrl('c');
        let main = Context::Main(Pane::Browse);
        assert_eq!(keymap.action_for_key(&ctrl_c, main), Some(Action::Quit));
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('q')), main),
            None
        );
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::F(1)), main),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Esc), Context::Help),
            Some(Action::ToggleHelp)
        );
        assert_eq!(keymap.keys_in(&Action::ToggleHelp, Context::Help), "F1/Esc");
    }

    #[test]
    fn a_chosen_key_takes_it_from_a_default_and_says_so() {
        let (keymap, problems) = rebind(&[("star", &["s"])]);
        let main = Context::Main(Pane::Sessions);
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('s')), main),
            Some(Action::CycleStar)
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 10);
        assert_eq!(
            problems[0].message,
            "key s: star takes it from starred-only, which now has no key"
        );
    }

    #[test]
    fn two_choices_of_one_key_keep_the_first() {
        let (keymap, problems) = rebind(&[("now", &["w"]), ("zone", &["w", "Z"])]);
        let main = Context::Main(Pane::Browse);
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('w')), main),
            Some(Action::ToggleNow)
        );
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('Z')), main),
            Some(Action::ToggleZone)
        );
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.line, p.message.as_str()))
                .collect::<Vec<_>>(),
            [(11, "key w: now takes it from zone, which keeps Z")]
        );
    }

    #[test]
    fn unknown_names_and_keys_are_reported_and_skipped() {
        let (keymap, problems) = rebind(&[("stra", &["x"]), ("star", &["hyper-x", "*"])]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].message.starts_with("unknown action \"stra\""),
            "{}",
            problems[0].message
        );
        assert!(problems[0].message.contains("star"), "lists the names");
        assert_eq!(problems[1].message, "unknown key \"hyper-x\" for star");
        let sessions = Context::Main(Pane::Sessions);
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('*')), sessions),
            Some(Action::CycleStar)
        );
    }

    #[test]
    fn one_clash_in_several_places_is_reported_once() {
        let (keymap, problems) = rebind(&[("help", &["q"])]);
        assert_eq!(
            problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>(),
            ["key q: help takes it from quit, which keeps Ctrl-C"]
        );
        let q = press(KeyCode::Char('q'));
        assert_eq!(
            keymap.action_for_key(&q, Context::Main(Pane::Browse)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            keymap.action_for_key(&q, Context::Help),
            Some(Action::ToggleHelp)
        );
    }

    #[test]
    fn a_letter_cannot_be_a_search_command() {
        let (keymap, problems) = rebind(&[("search-next", &["j", "ctrl-j"])]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            keymap.action_for_key(&press(KeyCode::Char('j')), Context::Search),
            Some(Action::SearchType('j'))
        );
        let ctrl_j = Key::ctrl('j');
        assert_eq!(
            keymap.action_for_key(&ctrl_j, Context::Search),
            Some(Action::Down)
        );
    }

    #[test]
    fn every_description_and_hint_is_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            for row in defaults::ROWS {
                for key in [Some(row.description), row.hint].into_iter().flatten() {
                    assert_ne!(
                        crate::i18n::text_in(lang, key),
                        key,
                        "{key} missing in {}",
                        lang.code()
                    );
                }
            }
        }
    }
}
