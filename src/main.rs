//! Thin on purpose: read the command line, load the programme and favourites, run the viewer.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use thiserror::Error;

use dagsorden::app::{App, Clock};
use dagsorden::cli::{Cli, Command};
use dagsorden::commands;
use dagsorden::commands::agenda::Request;
use dagsorden::favourites::{FavouritesStore, Stars};
use dagsorden::formats::{LoadError, Source};
use dagsorden::model::{Shown, Zone};

#[derive(Debug, Error)]
enum Failure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("needs an interactive terminal ({0} is not one); run it in a terminal window")]
    NotATerminal(&'static str),
    #[error("no config directory could be found; give one with --config-dir DIR")]
    NoConfigDir,
    #[error("terminal error: {0}")]
    Terminal(#[from] std::io::Error),
    #[error("{0}")]
    BadInput(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("dagsorden: {failure}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    match &cli.command {
        Some(Command::Check { programme }) => check(programme, cli),
        Some(Command::Now {
            programme,
            favourites,
            json,
        }) => {
            let request = Request::Now {
                favourites: *favourites,
            };
            agenda(cli, programme.as_deref(), &request, *json)
        }
        Some(Command::Next {
            programme,
            favourites,
            json,
        }) => {
            let request = Request::Next {
                favourites: *favourites,
            };
            agenda(cli, programme.as_deref(), &request, *json)
        }
        Some(Command::List {
            programme,
            day,
            favourites,
            theme,
            json,
        }) => {
            let request = Request::List {
                day: *day,
                favourites: *favourites,
                theme: theme.clone(),
            };
            agenda(cli, programme.as_deref(), &request, *json)
        }
        None => view(cli),
    }
}

/// `now`, `next` or `list`: the programme, its stars and the clock, printed.
fn agenda(
    cli: &Cli,
    programme: Option<&str>,
    request: &Request,
    json: bool,
) -> Result<(), Failure> {
    let programme = Source::from_argument(programme).load(cli.format)?.programme;
    let stars = read_stars(cli, &programme.id);
    let output = commands::agenda::run(&programme, &stars, clock(cli), request, json)
        .map_err(Failure::BadInput)?;
    print!("{output}");
    Ok(())
}

/// The programme's stars for a command that only reads them; none if there is no config
/// directory, and a warning (not a failure) if the file cannot be read.
fn read_stars(cli: &Cli, programme: &str) -> Stars {
    let Ok(dir) = config_dir(cli) else {
        return Stars::new();
    };
    FavouritesStore::in_dir(&dir).load(programme).map_or_else(
        |e| {
            eprintln!("dagsorden: favourites not read: {e}");
            Stars::new()
        },
        |(stars, _)| stars,
    )
}

fn config_dir(cli: &Cli) -> Result<std::path::PathBuf, Failure> {
    match &cli.config_dir {
        Some(dir) => Ok(dir.clone()),
        None => FavouritesStore::default_dir().ok_or(Failure::NoConfigDir),
    }
}

fn check(programme: &str, cli: &Cli) -> Result<(), Failure> {
    let source = Source::from_argument(Some(programme));
    let loaded = source.load(cli.format)?;
    print!(
        "{}",
        commands::check::summary(&source.display_name(), &loaded)
    );
    Ok(())
}

fn view(cli: &Cli) -> Result<(), Failure> {
    // Everything that can fail on input fails here, before the terminal is touched.
    let programme = Source::from_argument(cli.programme.as_deref())
        .load(cli.format)?
        .programme;
    let config_dir = config_dir(cli)?;
    if !std::io::stdin().is_terminal() {
        return Err(Failure::NotATerminal("standard input"));
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::NotATerminal("standard output"));
    }
    let mut app = App::with_store(programme, FavouritesStore::in_dir(&config_dir), clock(cli));
    dagsorden::tui::run(&mut app, cli.now.is_none())?;
    Ok(())
}

fn clock(cli: &Cli) -> Clock {
    Clock {
        set: cli.now,
        local: Zone::local(),
        shown: if cli.local_time {
            Shown::Local
        } else {
            Shown::Venue
        },
    }
}
