//! `dagsorden config`: where the config file is, the settings it gives, and what is wrong in it.

use std::fmt::Write;

use crate::config::{ColourScheme, Config, StartView};
use crate::i18n::Lang;
use crate::model::Shown;
use crate::tr;

/// The word the file uses for a value.
fn name_of<T: PartialEq>(names: &[(&'static str, T)], wanted: &T) -> &'static str {
    names
        .iter()
        .find(|(_, v)| v == wanted)
        .map_or("", |(n, _)| *n)
}

/// What `dagsorden config` prints: the file, each setting as it is in force (and where it
/// comes from when not from the file), the keys it changes and every problem with its line.
/// `shown` is the clock in force, which `--local-time` may have changed.
pub fn report(config: &Config, shown: Shown) -> String {
    let s = &config.settings;
    let word = |shown| match shown {
        Shown::Venue => "venue",
        Shown::Local => "local",
    };
    let lang = crate::i18n::lang().code();
    let theme = name_of(&ColourScheme::NAMES, &s.colour_scheme.unwrap_or_default());
    // No view in the file opens the day.
    let view = name_of(&StartView::NAMES, &s.view.unwrap_or(StartView::Day));
    let mut facts = vec![
        (
            tr!("config.report_file"),
            crate::text::shown_path(&config.path),
        ),
        (
            tr!("config.report_language"),
            in_force(lang, s.lang.map(Lang::code), "--lang/DAGSORDEN_LANG"),
        ),
        (
            tr!("config.report_theme"),
            in_force(theme, s.colour_scheme.is_some().then_some(theme), ""),
        ),
        (
            tr!("config.report_view"),
            in_force(view, s.view.is_some().then_some(view), ""),
        ),
        (
            tr!("config.report_times"),
            in_force(word(shown), s.times.map(word), "--local-time"),
        ),
        (tr!("config.report_keys"), keys(config)),
        (
            tr!("config.report_problems"),
            config.problems.len().to_string(),
        ),
    ];
    if !config.exists {
        let _ = write!(facts[0].1, " ({})", tr!("config.report_missing"));
    }
    let mut out = super::table(&facts);
    for problem in &config.problems {
        let _ = writeln!(out, "  {problem}");
    }
    out
}

/// A setting's value in force: alone when the file gives it, else with why it is what it is —
/// not set in the file, or set there but overridden (by `overridden_by`).
fn in_force(value: &str, in_file: Option<&str>, overridden_by: &str) -> String {
    match in_file {
        Some(file) if file == value => value.to_string(),
        Some(file) => format!(
            "{value} ({})",
            tr!("config.report_overridden", by = overridden_by, file = file)
        ),
        None => format!("{value} ({})", tr!("config.report_not_set")),
    }
}

/// The actions the file gives keys to, each with the keys it has now; actions that do not
/// exist are problems, not keys.
fn keys(config: &Config) -> String {
    let mut changed: Vec<String> = Vec::new();
    for rebinding in &config.settings.keys {
        let name = rebinding.name.as_str();
        if crate::keymap::defaults::first_row(name).is_none() {
            continue;
        }
        let mut keys: Vec<String> = Vec::new();
        for binding in config
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.row.name == Some(name))
        {
            for key in binding.keys.iter().map(crate::keymap::Key::spec) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        let keys = if keys.is_empty() {
            tr!("config.report_no_key").to_string()
        } else {
            keys.join("/")
        };
        let line = crate::text::clean_line(&format!("{name} = {keys}"));
        if !changed.contains(&line) {
            changed.push(line);
        }
    }
    if changed.is_empty() {
        tr!("config.report_default").to_string()
    } else {
        changed.join(", ")
    }
}
