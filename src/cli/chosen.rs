//! Which programme a command reads. The usage line lets it be named before the command
//! (`dagsorden FILE list`, `dagsorden --format xml FILE list`) or after it (`dagsorden list FILE`);
//! either way it is the one used, and two different ones are refused rather than one ignored.

use thiserror::Error;

use super::{Cli, Command, Input};
use crate::formats::Format;
use crate::text::clean_line;
use crate::tr;

/// A command line that names the programme in a way that cannot be followed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Conflict {
    /// One programme before the command, another after it.
    #[error("{}", tr!("cli.mistake.two_programmes", before = clean_line(.before), after = clean_line(.after)))]
    Programmes {
        /// The programme named before the command.
        before: String,
        /// The programme named after it.
        after: String,
    },
    /// One `--format` before the command, another after it.
    #[error("{}", tr!("cli.mistake.two_formats", before = .before, after = .after))]
    Formats {
        /// The format named before the command.
        before: Format,
        /// The format named after it.
        after: Format,
    },
    /// A programme (or its format) named for a command that reads none.
    #[error("{}", tr!("cli.mistake.reads_no_programme", command = .command, named = clean_line(.named)))]
    NotRead {
        /// The command, as typed.
        command: &'static str,
        /// What was named for it, as typed.
        named: String,
    },
}

impl Cli {
    /// The programme `command` reads, and in which format: what is named before the command
    /// and after it, taken together.
    pub fn chosen_input(&self, command: &Command) -> Result<Input, Conflict> {
        let before = &self.input;
        let after = match command {
            Command::Now { input, .. }
            | Command::Next { input, .. }
            | Command::List { input, .. }
            | Command::Check { input }
            | Command::Changes { input, .. }
            | Command::Convert { input, .. } => input.clone(),
            Command::Export { programme, .. }
            | Command::ImportFavourites { programme, .. }
            | Command::Refresh { programme } => Input {
                programme: programme.clone(),
                format: None,
            },
            Command::Config { .. } => return none_for("config", before),
            Command::Programmes { .. } => return none_for("programmes", before),
            Command::Forget { .. } => return none_for("forget", before),
        };
        Ok(Input {
            programme: one_of(
                before.programme.clone(),
                after.programme,
                |before, after| Conflict::Programmes { before, after },
            )?,
            format: one_of(before.format, after.format, |before, after| {
                Conflict::Formats { before, after }
            })?,
        })
    }
}

/// The one value named, if any; the same value named twice is one.
fn one_of<T: PartialEq>(
    before: Option<T>,
    after: Option<T>,
    conflict: impl FnOnce(T, T) -> Conflict,
) -> Result<Option<T>, Conflict> {
    match (before, after) {
        (Some(before), Some(after)) if before != after => Err(conflict(before, after)),
        (before, after) => Ok(after.or(before)),
    }
}

/// No programme, for a command that reads none; naming one is a mistake worth saying.
fn none_for(command: &'static str, before: &Input) -> Result<Input, Conflict> {
    let named = before
        .programme
        .clone()
        .or_else(|| before.format.map(|f| format!("--format {f}")));
    match named {
        Some(named) => Err(Conflict::NotRead { command, named }),
        None => Ok(Input::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn chosen(args: &[&str]) -> Result<Input, Conflict> {
        let cli = Cli::try_parse_from(std::iter::once("dagsorden").chain(args.iter().copied()))
            .expect("valid command line");
        let command = cli.command.as_ref().expect("a command");
        cli.chosen_input(command)
    }

    fn programme(args: &[&str]) -> Option<String> {
        chosen(args).expect("no conflict").programme
    }

    #[test]
    fn a_programme_before_the_command_is_the_one_read() {
        for command in [
            "check",
            "list",
            "now",
            "next",
            "convert",
            "export",
            "import-favourites",
        ] {
            let mut args = vec!["f.xml", command];
            if command == "import-favourites" {
                args.push("mine.ics");
            }
            assert_eq!(programme(&args).as_deref(), Some("f.xml"), "{command}");
        }
        assert_eq!(programme(&["export", "--all"]), None);
    }

    #[test]
    fn the_format_before_the_command_is_the_one_read() {
        let input = chosen(&["--format", "xml", "f", "list"]).expect("no conflict");
        assert_eq!(input.format, Some(Format::FrabXml));
        let input = chosen(&["--format", "xml", "f", "export", "--format", "md"]).expect("ok");
        assert_eq!(input.format, Some(Format::FrabXml), "export's own --format");
    }

    #[test]
    fn the_same_programme_twice_is_one() {
        assert_eq!(
            programme(&["f.xml", "list", "f.xml"]).as_deref(),
            Some("f.xml")
        );
        assert_eq!(programme(&["list", "f.xml"]).as_deref(), Some("f.xml"));
    }

    #[test]
    fn two_programmes_or_two_formats_are_refused() {
        assert_eq!(
            chosen(&["a.xml", "check", "b.xml"]),
            Err(Conflict::Programmes {
                before: "a.xml".into(),
                after: "b.xml".into()
            })
        );
        assert!(matches!(
            chosen(&["--format", "xml", "a", "check", "--format", "ical"]),
            Err(Conflict::Formats { .. })
        ));
        assert!(matches!(
            chosen(&["a.xml", "config"]),
            Err(Conflict::NotRead { .. })
        ));
        assert_eq!(chosen(&["config"]), Ok(Input::default()));
    }
}
