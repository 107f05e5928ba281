//! Thin on purpose: read the command line, load the programme and favourites, run the viewer.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use thiserror::Error;

use dagsorden::app::App;
use dagsorden::cli::{Cli, Command};
use dagsorden::commands;
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::{LoadError, Source};

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
        None => view(cli),
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
    let config_dir = match &cli.config_dir {
        Some(dir) => dir.clone(),
        None => FavouritesStore::default_dir().ok_or(Failure::NoConfigDir)?,
    };
    if !std::io::stdin().is_terminal() {
        return Err(Failure::NotATerminal("standard input"));
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::NotATerminal("standard output"));
    }
    let mut app = App::with_store(programme, FavouritesStore::in_dir(&config_dir));
    dagsorden::tui::run(&mut app)?;
    Ok(())
}
