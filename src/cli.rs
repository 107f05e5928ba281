//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::formats::Format;

/// Browse a conference programme in the terminal: days, sessions, themes, and your stars.
///
/// PROGRAMME is a file (dagsorden JSON, frab/Pentabarf schedule.xml, frab/pretalx
/// schedule.json, or iCalendar .ics; the format is told from the content) or the name of a
/// shipped programme (ks-toppmote-2024, ks-toppmote-2021). Without it, the KS toppmøte 2024
/// programme opens.
#[derive(Debug, Parser)]
#[command(name = "dagsorden", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A programme file or the name of a shipped programme.
    pub programme: Option<String>,

    /// Read the file as this format instead of telling it from the content
    /// (native, xml, schedule-json, ical).
    #[arg(long, global = true, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Where favourites are kept (default: the user's config directory for dagsorden).
    #[arg(long, global = true, value_name = "DIR", env = "DAGSORDEN_CONFIG_DIR")]
    pub config_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read a programme and print what it holds (format, days, rooms, sessions, warnings);
    /// exit 2 with one line of error if it cannot be read.
    Check {
        /// A programme file or the name of a shipped programme.
        programme: String,
    },
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("dagsorden").chain(args.iter().copied()))
            .expect("valid command line")
    }

    #[test]
    fn a_programme_alone_opens_the_viewer() {
        let cli = parse(&["fosdem.xml", "--format", "xml"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.programme.as_deref(), Some("fosdem.xml"));
        assert_eq!(cli.format, Some(Format::FrabXml));
    }

    #[test]
    fn check_takes_its_file_and_the_global_options() {
        let cli = parse(&[
            "--config-dir",
            "/tmp/x",
            "check",
            "a.ics",
            "--format",
            "ics",
        ]);
        assert!(
            matches!(cli.command, Some(Command::Check { ref programme }) if programme == "a.ics")
        );
        assert_eq!(cli.format, Some(Format::ICalendar));
        assert_eq!(cli.config_dir, Some(PathBuf::from("/tmp/x")));
    }

    #[test]
    fn an_unknown_format_is_refused() {
        let args = ["dagsorden", "x", "--format", "csv"];
        assert!(Cli::try_parse_from(args).is_err());
    }
}
