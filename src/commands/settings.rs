//! `dagsorden config`: where the config file is, the settings it gives, and what is wrong in it.

use std::fmt::Write;

use crate::config::{Config, StartView};
use crate::i18n::Lang;
use crate::model::Shown;
use crate::tr;
use crate::ui::theme::Theme;

/// The word the file uses for a value.
fn name_of<T: PartialEq>(names: &[(&'static str, T)], wanted: &T) -> &'static str {
    names
        .iter()
        .find(|(_, v)| v == wanted)
        .map_or("", |(n, _)| *n)
}

/// What `dagsorden config` prints: the file, the settings it gives, the keys it changes and
/// every problem with its line.
pub fn report(config: &Config) -> String {
    let s = &config.settings;
    let default = tr!("config.report_default");
    let or_default =
        |value: Option<&str>| value.map_or_else(|| default.to_string(), str::to_string);
    let changed: Vec<String> = s
        .keys
        .iter()
        .map(|r| crate::text::clean_line(&format!("{} = {}", r.name, r.keys.join("/"))))
        .collect();
    let mut facts = vec![
        (tr!("config.report_file"), config.path.display().to_string()),
        (
            tr!("config.report_language"),
            format!(
                "{} ({})",
                crate::i18n::lang().code(),
                or_default(s.lang.map(Lang::code))
            ),
        ),
        (
            tr!("config.report_theme"),
            or_default(s.theme.map(|t| name_of(&Theme::NAMES, &t))),
        ),
        (
            tr!("config.report_view"),
            or_default(s.view.map(|v| name_of(&StartView::NAMES, &v))),
        ),
        (
            tr!("config.report_times"),
            or_default(s.times.map(|t| match t {
                Shown::Venue => "venue",
                Shown::Local => "local",
            })),
        ),
        (
            tr!("config.report_keys"),
            if changed.is_empty() {
                default.to_string()
            } else {
                changed.join(", ")
            },
        ),
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
