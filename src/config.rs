//! The user's settings: `config.toml` in the config directory, beside the favourites. It exists
//! only when the user asks for it (`dagsorden config --init`). Every setting is optional, and a
//! wrong one is reported with its line and left at its default; the file never stops the app.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod refresh;
mod scheme;
pub use refresh::Refresh;
pub use scheme::ColourScheme;

use crate::i18n::Lang;
use crate::keymap::{Keymap, Rebinding, defaults};
use crate::model::Shown;
use crate::tr;

/// The file's name in the config directory.
pub const FILE_NAME: &str = "config.toml";

/// What the sessions pane shows when the app opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartView {
    /// The sessions of a day: today's during the programme, else the first.
    Day,
    /// What is on now and next.
    Now,
    /// The starred sessions as a plan.
    MyProgramme,
    /// The rooms in the browse pane.
    Rooms,
    /// The speakers in the browse pane.
    Speakers,
}

impl StartView {
    /// Each view with the name the config file gives it, for reading and for the default file.
    pub const NAMES: [(&'static str, Self); 5] = [
        ("day", Self::Day),
        ("now", Self::Now),
        ("my-programme", Self::MyProgramme),
        ("rooms", Self::Rooms),
        ("speakers", Self::Speakers),
    ];
}

/// The settings the file gives; `None` where it gives none (or a wrong one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The language for every word, over the environment's.
    pub lang: Option<Lang>,
    /// Colours, or none.
    pub colour_scheme: Option<ColourScheme>,
    /// What the sessions pane shows at start.
    pub view: Option<StartView>,
    /// Whether times are shown in the venue's clock or the user's.
    pub times: Option<Shown>,
    /// Keys the user binds to actions, over the defaults.
    pub keys: Vec<Rebinding>,
    /// When programmes from URLs are asked for again (`[refresh]`).
    pub refresh: Refresh,
}

/// A line of the file that could not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line in the file, from 1; 0 when the problem is with the file as a whole.
    pub line: usize,
    /// What is wrong, in the user's language.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            f.write_str(&tr!(
                "config.at_line",
                line = self.line,
                message = self.message
            ))
        }
    }
}

/// The config as loaded: where it is, what it says, the keys it makes, and what was wrong.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the file is, or would be: `config` shows it.
    pub path: PathBuf,
    /// Whether there is a file there; without one the defaults hold.
    pub exists: bool,
    /// What the file sets.
    pub settings: Settings,
    /// The default keys with the file's bindings applied.
    pub keymap: Keymap,
    /// What in the file could not be used; the rest still is.
    pub problems: Vec<Problem>,
}

/// Why `config --init` wrote nothing.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// There is a config file already, and it is never overwritten.
    #[error("{}", tr!("config.exists", path = crate::text::shown_path(.0)))]
    Exists(PathBuf),
    /// The file could not be written.
    #[error("{}", tr!("config.not_written", path = crate::text::shown_path(.0), error = .1))]
    Write(PathBuf, std::io::Error),
    /// The directory named for the config is something else (a file, say).
    #[error("{}", tr!("favourites.config_dir", path = crate::text::shown_path(.0), error = .1))]
    Dir(PathBuf, std::io::Error),
}

impl Config {
    /// Reads `config.toml` from `dir`; a missing file is the defaults, an unreadable one is the
    /// defaults and a problem.
    pub fn load(dir: &Path) -> Self {
        let path = dir.join(FILE_NAME);
        let (exists, settings, mut problems) = match read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let (settings, problems) = parse(&text);
                    (true, settings, problems)
                }
                Err(_) => (
                    true,
                    Settings::default(),
                    vec![problem(0, tr!("config.not_utf8").into())],
                ),
            },
            Err(e) if e.is_not_found() => (false, Settings::default(), Vec::new()),
            // There, but not readable (or not a file, or far too large).
            Err(e) => (
                true,
                Settings::default(),
                vec![problem(0, tr!("config.unreadable", error = e))],
            ),
        };
        let (keymap, key_problems) = Keymap::with_rebindings(&settings.keys);
        problems.extend(key_problems.into_iter().map(|p| problem(p.line, p.message)));
        problems.sort_by_key(|p| p.line);
        Self {
            path,
            exists,
            settings,
            keymap,
            problems,
        }
    }

    /// The defaults, as when there is no file.
    pub fn none(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
            exists: false,
            settings: Settings::default(),
            keymap: Keymap::default(),
            problems: Vec::new(),
        }
    }
}

/// Just the language the config file in `dir` names, if it names one it can: for the moments
/// before everything else is read.
pub fn language_in(dir: &Path) -> Option<Lang> {
    let text = String::from_utf8(read(&dir.join(FILE_NAME)).ok()?).ok()?;
    parse(&text).0.lang
}

/// The most a config file may hold: a commented file with every setting and a key for every
/// action is a few KB, so anything near this is not a config file (and is not read whole).
pub const CONFIG_SIZE_CAP: u64 = 256 << 10;

/// The file's bytes: only a regular file (a FIFO or a device would hang every command) and
/// no more than [`CONFIG_SIZE_CAP`].
fn read(path: &Path) -> Result<Vec<u8>, crate::fsread::ReadError> {
    crate::fsread::read_capped(path, CONFIG_SIZE_CAP)
}

/// A problem, its words cleaned: they quote the file, and the file may hold anything.
fn problem(line: usize, message: String) -> Problem {
    Problem {
        line,
        message: crate::text::clean_line_owned(message),
    }
}

/// Writes the commented default file into `dir`; never over a file the user has.
pub fn init(dir: &Path) -> Result<PathBuf, ConfigError> {
    let path = dir.join(FILE_NAME);
    if dir.exists() && !dir.is_dir() {
        let not_a_directory = std::io::ErrorKind::NotADirectory.into();
        return Err(ConfigError::Dir(dir.to_path_buf(), not_a_directory));
    }
    if path.exists() {
        return Err(ConfigError::Exists(path));
    }
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, default_text().as_bytes()))
    });
    match written {
        Ok(()) => Ok(path),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(ConfigError::Exists(path)),
        Err(e) => Err(ConfigError::Write(path, e)),
    }
}

/// The file `config --init` writes: every setting, commented out at its default.
pub fn default_text() -> String {
    let mut text = String::new();
    for line in tr!("config.file_intro").lines() {
        let _ = writeln!(text, "# {line}");
    }
    let settings = [
        ("config.file_language", "language = \"nb\""),
        ("config.file_theme", "theme = \"default\""),
        ("config.file_view", "view = \"day\""),
        ("config.file_times", "times = \"venue\""),
    ];
    for (comment, setting) in settings {
        text.push('\n');
        for line in crate::i18n::t(comment).lines() {
            let _ = writeln!(text, "# {line}");
        }
        let _ = writeln!(text, "# {setting}");
    }
    text.push_str("\n[keys]\n");
    for line in tr!("config.file_keys").lines() {
        let _ = writeln!(text, "# {line}");
    }
    for name in defaults::names() {
        let Some(row) = defaults::first_row(name) else {
            continue;
        };
        let keys: Vec<String> = row.keys.iter().map(|k| format!("{:?}", k.spec())).collect();
        let setting = format!("{name} = [{}]", keys.join(", "));
        let _ = writeln!(
            text,
            "# {setting:<36} # {}",
            crate::i18n::t(row.description)
        );
    }
    text
}

/// Reads the settings from the file's text; what is wrong is reported and skipped.
pub fn parse(text: &str) -> (Settings, Vec<Problem>) {
    let lines = LineIndex::new(text);
    let (table, errors) = DeTable::parse_recoverable(text);
    let mut problems: Vec<Problem> = errors
        .iter()
        .map(|e| {
            let line = e.span().map_or(0, |s| lines.line(s.start));
            problem(line, tr!("config.syntax", error = e.message().trim()))
        })
        .collect();
    let mut settings = Settings::default();
    for (key, value) in table.get_ref() {
        let line = lines.line(key.span().start);
        let name = key.get_ref().as_ref();
        let found = match name {
            "language" => choice(value, &Lang::ALL.map(|l| (l.code(), l)), name, &lines)
                .map(|lang| settings.lang = Some(lang)),
            "theme" => choice(value, &ColourScheme::NAMES, name, &lines)
                .map(|t| settings.colour_scheme = Some(t)),
            "view" => {
                choice(value, &StartView::NAMES, name, &lines).map(|v| settings.view = Some(v))
            }
            "times" => choice(
                value,
                &[("venue", Shown::Venue), ("local", Shown::Local)],
                name,
                &lines,
            )
            .map(|s| settings.times = Some(s)),
            "keys" => keys(value, &lines).map(|(keys, mut more)| {
                settings.keys = keys;
                problems.append(&mut more);
            }),
            "refresh" => {
                settings.refresh = refresh::parse(value, &lines, &mut problems);
                Ok(())
            }
            _ => Err(problem(
                line,
                tr!(
                    "config.unknown_setting",
                    name = name,
                    names = "language, theme, view, times, [keys], [refresh]"
                ),
            )),
        };
        if let Err(p) = found {
            problems.push(p);
        }
    }
    (settings, problems)
}

/// One of a few words.
fn choice<T: Copy>(
    value: &Spanned<DeValue<'_>>,
    names: &[(&str, T)],
    setting: &str,
    lines: &LineIndex,
) -> Result<T, Problem> {
    let line = lines.line(value.span().start);
    let allowed = || {
        names
            .iter()
            .map(|(n, _)| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let DeValue::String(word) = value.get_ref() else {
        return Err(problem(
            line,
            tr!("config.not_a_word", name = setting, allowed = allowed()),
        ));
    };
    names
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            problem(
                line,
                tr!(
                    "config.bad_choice",
                    name = setting,
                    value = crate::text::shorten_for_message(word),
                    allowed = allowed()
                ),
            )
        })
}

/// The `[keys]` table: `name = "key"` or `name = ["key", …]`.
fn keys(
    value: &Spanned<DeValue<'_>>,
    lines: &LineIndex,
) -> Result<(Vec<Rebinding>, Vec<Problem>), Problem> {
    let DeValue::Table(table) = value.get_ref() else {
        return Err(problem(
            lines.line(value.span().start),
            tr!("config.keys_not_table").into(),
        ));
    };
    let mut rebindings = Vec::new();
    let mut problems = Vec::new();
    for (name, keys) in table {
        let line = lines.line(name.span().start);
        let strings: Option<Vec<String>> = match keys.get_ref() {
            DeValue::String(key) => Some(vec![key.to_string()]),
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(key) => Some(key.to_string()),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        match strings {
            Some(keys) => rebindings.push(Rebinding {
                name: name.get_ref().to_string(),
                keys,
                line,
            }),
            None => problems.push(problem(
                line,
                tr!("config.keys_not_strings", name = name.get_ref().as_ref()),
            )),
        }
    }
    Ok((rebindings, problems))
}

/// Byte offsets to line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}
