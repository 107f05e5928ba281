//! The words on screen, in the user's language.
//!
//! Each language is one TOML file beside this module (`en.toml`, `nb.toml`): a third language is
//! a third file and a line in [`Lang`]. Strings are looked up by key with [`t`] or the [`tr!`]
//! macro; `{name}` in a string is filled from the macro's arguments.

mod dates;

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use rustc_hash::FxHashMap;

pub use dates::{day_heading, day_name, long_date, month_name, short_date, span, weekday_name};

/// A language dagsorden speaks. A new one is a variant here, a row in [`LANGUAGES`] and a
/// file of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the default when nothing asks for another.
    #[default]
    En,
    /// Norwegian bokmål (also chosen for nynorsk and plain `no`).
    Nb,
}

/// Each language (in the order of [`Lang`]'s variants): its code, the locale names that ask
/// for it, and its words.
const LANGUAGES: [(Lang, &str, &[&str], &str); 2] = [
    (Lang::En, "en", &["en"], include_str!("en.toml")),
    // Nynorsk users read bokmål far better than English.
    (Lang::Nb, "nb", &["nb", "nn", "no"], include_str!("nb.toml")),
];

impl Lang {
    /// Every language, for the tests that check each has every word.
    pub const ALL: [Self; LANGUAGES.len()] = [Self::En, Self::Nb];

    fn row(self) -> &'static (Lang, &'static str, &'static [&'static str], &'static str) {
        &LANGUAGES[self as usize]
    }

    /// The code used on the command line and in the config file.
    pub fn code(self) -> &'static str {
        self.row().1
    }

    fn catalogue_source(self) -> &'static str {
        self.row().3
    }

    /// A language from a code or a locale name: `nb`, `nn_NO.UTF-8`, `en_GB`, `no`.
    pub fn from_code(code: &str) -> Option<Self> {
        let language = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        LANGUAGES
            .iter()
            .find(|(_, _, locales, _)| locales.contains(&language.as_str()))
            .map(|(lang, ..)| *lang)
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set decides, as in every other program.
    pub fn from_env() -> Option<Self> {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables, so it can be tested.
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())?;
        Self::from_code(&locale)
    }
}

/// The program's language, for every thread, as its place in [`Lang::ALL`].
static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread only, over the program's: tests in both languages run side by
    /// side on their own threads.
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The program speaks `lang` from now on, on every thread.
pub fn set_process_lang(lang: Lang) {
    PROCESS.store(lang as u8, Ordering::Relaxed);
}

/// This thread speaks `lang` from now on, whatever the program speaks.
pub fn set_lang(lang: Lang) {
    THREAD.with(|current| current.set(Some(lang)));
}

/// The language spoken now.
pub fn lang() -> Lang {
    THREAD.with(Cell::get).unwrap_or_else(|| {
        let index = usize::from(PROCESS.load(Ordering::Relaxed));
        Lang::ALL.get(index).copied().unwrap_or_default()
    })
}

type Catalogue = FxHashMap<String, String>;

/// A language's strings, read once. A malformed catalogue is a bug caught by the tests, so it
/// reads as empty rather than failing at run time.
fn catalogue(lang: Lang) -> &'static Catalogue {
    static CATALOGUES: [OnceLock<Catalogue>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let slot = &CATALOGUES[lang as usize];
    slot.get_or_init(|| parse_catalogue(lang.catalogue_source()).unwrap_or_default())
}

/// Flattens `[section] key = "text"` into `section.key → text`.
pub fn parse_catalogue(source: &str) -> Result<Catalogue, toml::de::Error> {
    fn walk(prefix: &str, table: &toml::Table, out: &mut Catalogue) {
        for (key, value) in table {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::Table(inner) => walk(&path, inner, out),
                toml::Value::String(text) => {
                    out.insert(path, text.clone());
                }
                other => {
                    out.insert(path, other.to_string());
                }
            }
        }
    }
    let table: toml::Table = toml::from_str(source)?;
    let mut out = Catalogue::default();
    walk("", &table, &mut out);
    Ok(out)
}

/// The text for `key` in the current language; English if the language lacks it, the key
/// itself if English does too (a test keeps that from happening).
pub fn t(key: &'static str) -> &'static str {
    text_in(lang(), key)
}

/// The text for `key` in `lang`.
pub fn text_in(lang: Lang, key: &'static str) -> &'static str {
    lookup_in(lang, key).unwrap_or(key)
}

/// The text for a key made at run time, if the current language (or English) has it.
pub fn lookup(key: &str) -> Option<&'static str> {
    lookup_in(lang(), key)
}

/// The text for a key made at run time in `lang`, if it (or English) has it.
pub fn lookup_in(lang: Lang, key: &str) -> Option<&'static str> {
    catalogue(lang)
        .get(key)
        .or_else(|| catalogue(Lang::En).get(key))
        .map(String::as_str)
}

/// Fills each `{name}` of `template` from `args`.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        let slot = format!("{{{name}}}");
        if out.contains(&slot) {
            out = out.replace(&slot, &value.to_string());
        }
    }
    out
}

/// `tr!("key")` is the text for a key; `tr!("key", name = value, …)` fills its `{name}` slots.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::t($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill($crate::i18n::t($key), &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_variants() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i);
            assert_eq!(LANGUAGES[i].0, lang);
        }
    }

    #[test]
    fn locale_names_choose_the_language() {
        assert_eq!(Lang::from_code("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("nn_NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_code("de_DE"), None);
        assert_eq!(Lang::from_code("C"), None);
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "nb_NO.UTF-8")])),
            Some(Lang::Nb)
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nb_NO.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "nn_NO"),
                ("LANG", "C")
            ])),
            Some(Lang::Nb)
        );
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(Lang::from_locale_vars(env(&[])), None);
    }

    #[test]
    fn slots_are_filled_by_name() {
        assert_eq!(
            fill("{n} of {total} sessions", &[("n", &3), ("total", &"7")]),
            "3 of 7 sessions"
        );
    }

    #[test]
    fn both_catalogues_parse_and_hold_the_same_keys() {
        let english = parse_catalogue(Lang::En.catalogue_source()).expect("en.toml parses");
        for lang in Lang::ALL {
            let other = parse_catalogue(lang.catalogue_source())
                .unwrap_or_else(|e| panic!("{}.toml does not parse: {e}", lang.code()));
            let mut missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let mut extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            missing.sort();
            extra.sort();
            assert!(missing.is_empty(), "{}.toml lacks {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{}.toml has keys English lacks: {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn slots_agree_between_languages() {
        let english = parse_catalogue(Lang::En.catalogue_source()).expect("en.toml parses");
        let norwegian = parse_catalogue(Lang::Nb.catalogue_source()).expect("nb.toml parses");
        for (key, text) in &english {
            let names = |s: &str| {
                let mut names: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                names.sort();
                names
            };
            assert_eq!(
                names(text),
                names(&norwegian[key]),
                "the {{name}} slots of {key} differ between en and nb"
            );
        }
    }
}
