//! Thin on purpose: read the command line and the settings, then run a command or the viewer.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;
use thiserror::Error;

use dagsorden::app::{App, Clock};
use dagsorden::cli::Cli;
use dagsorden::commands::{self, CommandError, Context};
use dagsorden::config::Config;
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::{LoadError, Source};
use dagsorden::i18n::{self, Lang};
use dagsorden::model::{Shown, Zone};
use dagsorden::tr;
use dagsorden::ui::theme::Theme;
use dagsorden::zones::{self, Asked, ZoneRequest, ZoneStore};

#[derive(Debug, Error)]
enum Failure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error("{}", tr!("error.not_a_terminal", stream = .0))]
    NotATerminal(&'static str),
    #[error("{}", tr!("error.no_config_dir"))]
    NoConfigDir,
    #[error("{}", tr!("error.terminal", error = .0))]
    Terminal(#[from] std::io::Error),
}

fn main() -> ExitCode {
    // `--help` and clap's own errors come before the settings are read, in the language the
    // command line and the environment already name.
    let early = early_lang();
    i18n::set_process_lang(early);
    let parsed = dagsorden::cli::command()
        .try_get_matches()
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, zone_asked(&matches))));
    let (cli, zone) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => match dagsorden::cli::mistake(&error) {
            Some(line) => {
                eprintln!("dagsorden: {line}");
                return ExitCode::from(2);
            }
            None => error.exit(),
        },
    };
    // What clap read beats the early reading where an odd spelling made them differ.
    i18n::set_process_lang(cli.lang.unwrap_or(early));
    let config_dir = config_dir(&cli);
    // Read once the language is settled, so its problems are in the user's language.
    let config = config_dir.as_deref().map(Config::load);
    match run(&cli, config_dir, config, zone) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("dagsorden: {failure}");
            ExitCode::from(2)
        }
    }
}

/// The language as far as it can be told before the command line is parsed: `--lang`,
/// `DAGSORDEN_LANG`, the config file in `--config-dir` or the default directory, the locale.
fn early_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let value_of = |name: &str| {
        let prefix = format!("{name}=");
        args.iter().enumerate().find_map(|(i, arg)| {
            if arg == name {
                args.get(i + 1).cloned()
            } else {
                arg.strip_prefix(&prefix).map(str::to_string)
            }
        })
    };
    // A language that is not known (`--lang de`) is passed over for the next way of telling.
    let named = [value_of("--lang"), std::env::var("DAGSORDEN_LANG").ok()];
    if let Some(lang) = named
        .iter()
        .flatten()
        .find_map(|code| Lang::from_code(code))
    {
        return lang;
    }
    let dir = value_of("--config-dir")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("DAGSORDEN_CONFIG_DIR").map(PathBuf::from))
        .or_else(FavouritesStore::default_dir);
    dir.and_then(|d| dagsorden::config::language_in(&d))
        .or_else(Lang::from_env)
        .unwrap_or_default()
}

/// What `--zone` asked for, and whether on the command line (so to be remembered) rather than
/// by `DAGSORDEN_ZONE`.
fn zone_asked(matches: &clap::ArgMatches) -> Option<Asked> {
    let (request, source) =
        std::iter::successors(Some(matches), |m| m.subcommand().map(|(_, sub)| sub)).find_map(
            |m| {
                let request = m.get_one::<ZoneRequest>("zone").copied()?;
                Some((request, m.value_source("zone")?))
            },
        )?;
    Some(Asked {
        request,
        remember: source == clap::parser::ValueSource::CommandLine,
    })
}

fn run(
    cli: &Cli,
    config_dir: Option<PathBuf>,
    config: Option<Config>,
    zone: Option<Asked>,
) -> Result<u8, Failure> {
    let clock = clock(cli, config.as_ref());
    let Some(command) = &cli.command else {
        view(cli, config_dir, config, clock, zone)?;
        return Ok(0);
    };
    let context = Context {
        config_dir,
        clock,
        config,
        zone,
    };
    let output = commands::run(command, &context)?;
    print!("{}", output.stdout);
    for note in output.notes {
        eprintln!("dagsorden: {note}");
    }
    Ok(output.exit)
}

fn view(
    cli: &Cli,
    config_dir: Option<PathBuf>,
    config: Option<Config>,
    clock: Clock,
    zone: Option<Asked>,
) -> Result<(), Failure> {
    // Everything that can fail on input fails here, before the terminal is touched.
    let programme = Source::from_argument(cli.input.programme.as_deref())
        .load(cli.input.format)?
        .programme;
    let config_dir = config_dir.ok_or(Failure::NoConfigDir)?;
    let mut notes = Vec::new();
    let store = ZoneStore::in_dir(&config_dir);
    let clock = Clock {
        venue: zones::choose(zone, Some(&store), &programme.id, &mut notes),
        ..clock
    };
    if !std::io::stdin().is_terminal() {
        return Err(Failure::NotATerminal("stdin"));
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::NotATerminal("stdout"));
    }
    let config = config.unwrap_or_else(|| Config::none(&config_dir));
    let theme = theme(cli, &config);
    let mut app = App::with_store(programme, FavouritesStore::in_dir(&config_dir), clock);
    app.configure(&config, theme);
    if let Some(note) = notes.first() {
        app.note(note.clone());
    }
    dagsorden::tui::run(&mut app, cli.now.is_none())?;
    Ok(())
}

/// `--no-color` and `NO_COLOR` (set and not empty, as no-color.org asks) beat the config.
fn theme(cli: &Cli, config: &Config) -> Theme {
    let no_color = cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color {
        Theme::NoColor
    } else {
        config.settings.theme.unwrap_or_default()
    }
}

/// `--config-dir`, or the user's config directory for dagsorden.
fn config_dir(cli: &Cli) -> Option<PathBuf> {
    cli.config_dir.clone().or_else(FavouritesStore::default_dir)
}

fn clock(cli: &Cli, config: Option<&Config>) -> Clock {
    let configured = config.and_then(|c| c.settings.times);
    Clock {
        set: cli.now,
        local: Zone::local(),
        shown: if cli.local_time {
            Shown::Local
        } else {
            configured.unwrap_or(Shown::Venue)
        },
        // Chosen for the programme once it is read.
        venue: None,
    }
}
