//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::formats::Format;
use crate::i18n::Lang;
use crate::model::SetClock;
use crate::zones::ZoneRequest;

mod chosen;
mod localise;
pub mod progress;
pub mod resolve;
mod usage;
pub use chosen::Conflict;
pub use localise::command;
pub use usage::{mistake, mistyped_command, not_a_command};

/// Browse a conference programme in the terminal: days, sessions, themes, and your stars.
///
/// PROGRAMME is an http(s) URL, the id of a programme in the library, a file (dagsorden JSON, frab/Pentabarf schedule.xml, frab/pretalx
/// schedule.json, c3voc schedule v2, a Sessionize feed, or iCalendar .ics; the format is told
/// from the content) or the name of a shipped programme (ks-toppmote-2024, ks-toppmote-2021). Without it, the KS toppmøte 2024
/// programme opens (on a first run; after that, the one opened last).
#[derive(Debug, Parser)]
#[command(name = "dagsorden", version, about)]
pub struct Cli {
    /// The command to run; without one, the viewer opens.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The programme the viewer opens.
    #[command(flatten)]
    pub input: Input,

    /// Where favourites are kept (default: the user's config directory for dagsorden).
    #[arg(long, global = true, value_name = "DIR", env = "DAGSORDEN_CONFIG_DIR")]
    pub config_dir: Option<PathBuf>,

    /// Set the clock (it then stands still): the venue's time as 2024-02-13T10:30, or a time
    /// with its offset as 2024-02-13T10:30:00+01:00. Default: the system clock.
    #[arg(long, global = true, value_name = "TIME", env = "DAGSORDEN_NOW", value_parser = parse_clock)]
    pub now: Option<SetClock>,

    /// Where the programme library is kept (default: the user's data directory for dagsorden).
    #[arg(long, global = true, value_name = "DIR", env = "DAGSORDEN_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Never touch the network: programmes from URLs open from the library's last good copy.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Show times in this machine's time zone instead of the venue's.
    #[arg(long, global = true)]
    pub local_time: bool,

    /// The venue's time zone (Europe/Brussels), over the file's and this computer's; remembered
    /// for the programme. `auto` forgets it: the file's zone, else this computer's.
    #[arg(long, global = true, value_name = "AREA/CITY", env = "DAGSORDEN_ZONE", value_parser = parse_zone)]
    pub zone: Option<ZoneRequest>,

    /// Language: nb (norsk bokmål) or en (English). Default: the config file's, else
    /// `LC_ALL` / `LC_MESSAGES` / `LANG`, else English.
    #[arg(long, global = true, value_name = "nb|en", env = "DAGSORDEN_LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// No colour on screen (as the `NO_COLOR` environment variable does); states keep their
    /// symbols and words.
    #[arg(long, global = true)]
    pub no_color: bool,
}

/// Which programme, and how to read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct Input {
    /// A URL, a library id, a programme file or the name of a shipped programme (default: the
    /// one opened last, else ks-toppmote-2024).
    pub programme: Option<String>,

    /// Read the file as this format instead of telling it from the content
    /// (native, xml, schedule-json, ical, sessionize, schedule-v2).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
}

/// The commands that print and exit.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the sessions on now, each with the minutes left.
    Now {
        /// The programme to read.
        #[command(flatten)]
        input: Input,
        /// Only starred sessions.
        #[arg(long)]
        favourites: bool,
        /// Print JSON instead of aligned lines.
        #[arg(long)]
        json: bool,
    },
    /// Print the next session in each room, or with --favourites the next starred session.
    Next {
        /// The programme to read.
        #[command(flatten)]
        input: Input,
        /// The next starred session instead.
        #[arg(long)]
        favourites: bool,
        /// Print JSON instead of aligned lines.
        #[arg(long)]
        json: bool,
    },
    /// Print sessions one a line: all, or a day's, starred ones, or one theme's.
    List {
        /// The programme to read.
        #[command(flatten)]
        input: Input,
        /// Only this day: a date (2024-02-13) or `today`.
        #[arg(long, value_name = "DATE|today", value_parser = parse_day)]
        day: Option<DaySelector>,
        /// Only starred sessions.
        #[arg(long)]
        favourites: bool,
        /// Only sessions of this theme (its id or its name).
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
        /// Print JSON instead of aligned lines.
        #[arg(long)]
        json: bool,
    },
    /// Read a programme and print what it holds (format, days, rooms, sessions, warnings);
    /// exit 2 with one line of error if it cannot be read.
    Check {
        /// The programme to read.
        #[command(flatten)]
        input: Input,
    },
    /// Write the starred sessions (or --all) as a calendar (.ics) or a printable agenda.
    Export {
        /// A programme file or the name of a shipped programme (default: ks-toppmote-2024).
        programme: Option<String>,
        /// What to write: ics (a calendar for calendar programs), md or text (an agenda).
        #[arg(long, value_name = "ics|md|text", default_value = "ics", value_parser = parse_export)]
        format: ExportFormat,
        /// The same as --format ics.
        #[arg(long, conflicts_with = "format")]
        ics: bool,
        /// Every session, not only the starred ones.
        #[arg(long)]
        all: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a programme (of any format) in dagsorden's own JSON, to keep, edit or share it.
    Convert {
        /// The programme to read.
        #[command(flatten)]
        input: Input,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show where the config file is, the settings in force and any problems in it (exit 1 if
    /// there are); with --init, write a commented default file to start from.
    Config {
        /// Write the commented default config file (never over an existing one).
        #[arg(long)]
        init: bool,
    },
    /// Star the sessions an exported calendar (.ics) names; stars already set are kept.
    ImportFavourites {
        /// The calendar file.
        file: PathBuf,
        /// The programme to star them in (default: ks-toppmote-2024).
        programme: Option<String>,
    },
    /// List the programmes in the library: id, title, age, stars and source.
    Programmes {
        /// Print JSON instead of aligned lines.
        #[arg(long)]
        json: bool,
    },
    /// Remove a programme from the library (its stars are kept).
    Forget {
        /// The programme's id in the library.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Ask for a newer copy of a programme in the library now (of every one without PROGRAMME);
    /// a download that fails keeps the last good copy.
    Refresh {
        /// A library id or URL (default: every programme in the library).
        programme: Option<String>,
    },
    /// Print what changed in a programme since you last looked at it in the viewer, changes to
    /// starred sessions first; changes nothing (nothing is taken as seen).
    Changes {
        /// The programme to read.
        #[command(flatten)]
        input: Input,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// Whether `word` is the name of a command, so never a programme's id in the library.
pub fn is_command_name(word: &str) -> bool {
    use clap::CommandFactory;
    word == "help"
        || Cli::command()
            .get_subcommands()
            .any(|c| c.get_name() == word)
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// An iCalendar file, for calendar programs.
    Ics,
    /// A printable agenda in Markdown.
    Markdown,
    /// A printable agenda in plain text.
    Text,
}

fn parse_export(text: &str) -> Result<ExportFormat, String> {
    match text.trim().to_lowercase().as_str() {
        "ics" | "ical" | "icalendar" => Ok(ExportFormat::Ics),
        "md" | "markdown" => Ok(ExportFormat::Markdown),
        "text" | "txt" => Ok(ExportFormat::Text),
        _ => Err(crate::tr!(
            "cli.mistake.bad_export",
            text = crate::text::shorten_for_message(text)
        )),
    }
}

/// Which day `list --day` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySelector {
    /// The day it is at the venue, by the clock in force.
    Today,
    /// A calendar date.
    Date(chrono::NaiveDate),
}

fn parse_day(text: &str) -> Result<DaySelector, String> {
    if text.trim().eq_ignore_ascii_case("today") {
        return Ok(DaySelector::Today);
    }
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(DaySelector::Date)
        .map_err(|_| {
            crate::tr!(
                "cli.mistake.bad_day",
                text = crate::text::shorten_for_message(text)
            )
        })
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text.trim()).ok_or_else(|| {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        crate::tr!(
            "cli.mistake.bad_language",
            text = crate::text::shorten_for_message(text),
            known = known.join(", ")
        )
    })
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

fn parse_clock(text: &str) -> Result<SetClock, String> {
    text.parse()
}

fn parse_zone(text: &str) -> Result<ZoneRequest, String> {
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
        assert_eq!(cli.input.programme.as_deref(), Some("fosdem.xml"));
        assert_eq!(cli.input.format, Some(Format::FrabXml));
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
        let Some(Command::Check { input }) = cli.command else {
            panic!("not check: {:?}", cli.command);
        };
        assert_eq!(input.programme.as_deref(), Some("a.ics"));
        assert_eq!(input.format, Some(Format::ICalendar));
        assert_eq!(cli.config_dir, Some(PathBuf::from("/tmp/x")));
    }

    #[test]
    fn list_takes_a_day_a_theme_and_json() {
        let cli = parse(&[
            "list",
            "fosdem.xml",
            "--day",
            "2025-02-01",
            "--theme",
            "LLVM",
            "--json",
        ]);
        let Some(Command::List {
            input,
            day,
            theme,
            json,
            favourites,
        }) = cli.command
        else {
            panic!("not list: {:?}", cli.command);
        };
        assert_eq!(input.programme.as_deref(), Some("fosdem.xml"));
        assert_eq!(
            day,
            chrono::NaiveDate::from_ymd_opt(2025, 2, 1).map(DaySelector::Date)
        );
        assert_eq!(
            (theme.as_deref(), json, favourites),
            (Some("LLVM"), true, false)
        );
        let today = parse(&["list", "--day", "Today", "--now", "2024-02-13T10:30"]);
        assert!(matches!(
            today.command,
            Some(Command::List {
                day: Some(DaySelector::Today),
                ..
            })
        ));
        assert!(today.now.is_some());
        assert!(Cli::try_parse_from(["dagsorden", "list", "--day", "13.02"]).is_err());
    }

    #[test]
    fn export_writes_a_calendar_unless_told_otherwise() {
        let cli = parse(&["export", "--all", "-o", "x.ics"]);
        let Some(Command::Export {
            format,
            all,
            output,
            ..
        }) = cli.command
        else {
            panic!("not export");
        };
        assert_eq!(
            (format, all, output),
            (ExportFormat::Ics, true, Some(PathBuf::from("x.ics")))
        );
        let md = parse(&["export", "fosdem.xml", "--format", "md"]);
        assert!(matches!(
            md.command,
            Some(Command::Export {
                format: ExportFormat::Markdown,
                ..
            })
        ));
        assert!(Cli::try_parse_from(["dagsorden", "export", "--ics", "--format", "md"]).is_err());
        let import = parse(&["import-favourites", "mine.ics", "fosdem.xml"]);
        assert!(
            matches!(import.command, Some(Command::ImportFavourites { ref programme, .. }) if programme.as_deref() == Some("fosdem.xml"))
        );
    }

    #[test]
    fn an_unknown_format_is_refused() {
        let args = ["dagsorden", "x", "--format", "csv"];
        assert!(Cli::try_parse_from(args).is_err());
    }
}
