//! One key: how it is shown on screen and written in the config file. Plain data: the terminal
//! edge (`crate::tui`) turns what the terminal sends into a [`Key`].

/// A key on the keyboard, apart from the modifiers held with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A key that types a character; Shift is part of the character (`G`, `?`).
    Char(char),
    /// A function key, F1 to F12.
    F(u8),
    /// Enter, also called Return.
    Enter,
    /// Escape: the key that always backs out.
    Esc,
    /// Tab, without Shift.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace: deletes to the left.
    Backspace,
    /// The up arrow.
    Up,
    /// The down arrow.
    Down,
    /// The left arrow.
    Left,
    /// The right arrow.
    Right,
    /// Page Up (Prior).
    PageUp,
    /// Page Down (Next).
    PageDown,
    /// Home: to the start.
    Home,
    /// End: to the end.
    End,
    /// Insert.
    Insert,
    /// Delete: deletes to the right.
    Delete,
}

/// The modifiers that change what a key means. Shift is not one: it is part of the character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Modifiers {
    /// Ctrl (Control) held.
    pub ctrl: bool,
    /// Alt (Option, Meta) held.
    pub alt: bool,
}

impl Modifiers {
    /// No modifier held.
    pub const NONE: Self = Self {
        ctrl: false,
        alt: false,
    };
    /// Ctrl held.
    pub const CTRL: Self = Self {
        ctrl: true,
        alt: false,
    };
    /// Alt held.
    pub const ALT: Self = Self {
        ctrl: false,
        alt: true,
    };

    /// Whether neither Ctrl nor Alt is held.
    pub fn is_empty(self) -> bool {
        !self.ctrl && !self.alt
    }
}

/// One key, with the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// What must be held with it; a binding matches only the exact set.
    pub modifiers: Modifiers,
}

/// Names of keys that are not characters, as written in the config file (first name) and the
/// other names accepted for them.
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("page-up", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("page-down", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("insert", KeyCode::Insert),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
];

impl Key {
    /// A key with `modifiers` held, as a terminal or the config names it. Ctrl-letters are
    /// the same key whatever Shift says (terminals send Ctrl with a capital when it is held).
    pub fn new(code: KeyCode, modifiers: Modifiers) -> Self {
        let code = match code {
            KeyCode::Char(c) if modifiers.ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Self { code, modifiers }
    }

    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: Modifiers::NONE,
        }
    }

    /// A key that types `c`.
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Ctrl with `c`, which must be lower case to match a press.
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: Modifiers::CTRL,
        }
    }

    /// A key as the config file writes it: `j`, `G`, `?`, `space`, `enter`, `ctrl-d`, `alt-x`,
    /// `f1`, `page-down`. Case matters for letters (`G` is shift-g), not for names.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut modifiers = Modifiers::NONE;
        let mut rest = spec.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = if lower.starts_with("ctrl-") {
                "ctrl-"
            } else if lower.starts_with("alt-") {
                "alt-"
            } else {
                break;
            };
            // `ctrl--` is Ctrl with the minus key.
            if rest.len() == prefix.len() {
                break;
            }
            if prefix == "ctrl-" {
                modifiers.ctrl = true;
            } else {
                modifiers.alt = true;
            }
            rest = &rest[prefix.len()..];
        }
        let code = Self::code(rest).ok_or_else(|| format!("{spec:?}"))?;
        Ok(Self::new(code, modifiers))
    }

    fn code(name: &str) -> Option<KeyCode> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then_some(KeyCode::Char(c));
        }
        let lower = name.to_ascii_lowercase();
        if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
            return Some(*code);
        }
        let number = lower.strip_prefix('f')?.parse::<u8>().ok()?;
        (1..=12).contains(&number).then_some(KeyCode::F(number))
    }

    /// The key as the config file writes it; [`Key::parse`] reads it back.
    pub fn spec(&self) -> String {
        let name = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(n, _)| (*n).to_string()),
        };
        let mut prefix = String::new();
        if self.modifiers.ctrl {
            prefix.push_str("ctrl-");
        }
        if self.modifiers.alt {
            prefix.push_str("alt-");
        }
        prefix + &name
    }

    /// How the key is written on screen: `j`, `Space`, `Ctrl-C`, `↓`.
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
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.ctrl {
            label.push_str("Ctrl-");
        }
        if self.modifiers.alt {
            label.push_str("Alt-");
        }
        if self.modifiers.is_empty() {
            name
        } else {
            label + &name.to_uppercase()
        }
    }

    /// A key that types a character: while a search is typed, such a key is part of the query.
    pub fn types(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && self.modifiers.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_spellings_are_read() {
        assert_eq!(Key::parse("j"), Ok(Key::char('j')));
        assert_eq!(Key::parse("G"), Ok(Key::char('G')));
        assert_eq!(Key::parse("?"), Ok(Key::char('?')));
        assert_eq!(Key::parse("space"), Ok(Key::char(' ')));
        assert_eq!(Key::parse("Enter"), Ok(Key::plain(KeyCode::Enter)));
        assert_eq!(Key::parse("ctrl-d"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("Ctrl-D"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("pgdn"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("f5"), Ok(Key::plain(KeyCode::F(5))));
        assert_eq!(Key::parse("ctrl--"), Ok(Key::ctrl('-')));
        assert_eq!(
            Key::parse("alt-x"),
            Ok(Key {
                code: KeyCode::Char('x'),
                modifiers: Modifiers::ALT
            })
        );
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f13").is_err());
        assert!(Key::parse("").is_err());
        assert!(Key::parse("jk").is_err());
    }

    #[test]
    fn every_key_reads_back_as_written() {
        let keys = [
            Key::char('j'),
            Key::char(' '),
            Key::ctrl('c'),
            Key::plain(KeyCode::BackTab),
            Key::plain(KeyCode::PageUp),
            Key::plain(KeyCode::F(12)),
            Key::plain(KeyCode::Esc),
        ];
        for key in keys {
            assert_eq!(Key::parse(&key.spec()), Ok(key), "{}", key.spec());
        }
    }

    #[test]
    fn labels_read_like_keyboards() {
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::char(' ').label(), "Space");
        assert_eq!(Key::plain(KeyCode::Down).label(), "↓");
        assert_eq!(Key::plain(KeyCode::F(2)).label(), "F2");
    }
}
