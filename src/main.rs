//! Thin on purpose: read the command line, then run a command or the viewer.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use thiserror::Error;

use dagsorden::app::{App, Clock};
use dagsorden::cli::Cli;
use dagsorden::commands::{self, CommandError, Context};
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::{LoadError, Source};
use dagsorden::model::{Shown, Zone};

#[derive(Debug, Error)]
enum Failure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error("needs an interactive terminal ({0} is not one); run it in a terminal window")]
    NotATerminal(&'static str),
    #[error("no config directory could be found; give one with --config-dir DIR")]
    NoConfigDir,
    #[error("terminal error: {0}")]
    Terminal(#[from] std::io::Error),
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
    let Some(command) = &cli.command else {
        return view(cli);
    };
    let context = Context {
        config_dir: config_dir(cli),
        clock: clock(cli),
    };
    let output = commands::run(command, &context)?;
    print!("{}", output.stdout);
    for note in output.notes {
        eprintln!("dagsorden: {note}");
    }
    Ok(())
}

fn view(cli: &Cli) -> Result<(), Failure> {
    // Everything that can fail on input fails here, before the terminal is touched.
    let programme = Source::from_argument(cli.input.programme.as_deref())
        .load(cli.input.format)?
        .programme;
    let config_dir = config_dir(cli).ok_or(Failure::NoConfigDir)?;
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

/// `--config-dir`, or the user's config directory for dagsorden.
fn config_dir(cli: &Cli) -> Option<PathBuf> {
    cli.config_dir.clone().or_else(FavouritesStore::default_dir)
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
