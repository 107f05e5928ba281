//! The commands that print and exit instead of opening the viewer. Each returns what to print;
//! `main` prints it, or the one line of a [`CommandError`], and sets the exit code.

pub mod agenda;
pub mod check;
pub mod settings;
pub mod transfer;

use std::fmt::Write;
use std::path::PathBuf;

use thiserror::Error;

use crate::app::Clock;
use crate::cli::{Command, ExportFormat, Input};
use crate::favourites::{FavouritesStore, Stars, StoreError};
use crate::formats::{Detail, LoadError, Loaded, Source};
use crate::tr;

/// Why a command could not do what it was asked; the message is the one line the user sees.
#[derive(Debug, Error)]
pub enum CommandError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    BadInput(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}", tr!("error.no_config_dir"))]
    NoConfigDir,
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a command prints: its result on standard output, and notes on standard error.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub notes: Vec<String>,
    /// The exit code: 0, or 1 when the command worked but found something wrong.
    pub exit: u8,
}

impl From<String> for Output {
    fn from(stdout: String) -> Self {
        Self {
            stdout,
            ..Self::default()
        }
    }
}

/// Where a command finds the favourites, the settings and the clock.
pub struct Context {
    pub config_dir: Option<PathBuf>,
    pub clock: Clock,
    /// The config as loaded, when there is a config directory.
    pub config: Option<crate::config::Config>,
}

impl Context {
    fn store(&self) -> Result<FavouritesStore, CommandError> {
        let dir = self.config_dir.as_ref().ok_or(CommandError::NoConfigDir)?;
        Ok(FavouritesStore::in_dir(dir))
    }

    /// The programme's stars for a command that only reads them: none without a config
    /// directory, and a note (not a failure) if the file cannot be read, which stays as it is.
    fn stars(&self, programme: &str, notes: &mut Vec<String>) -> Stars {
        let Ok(store) = self.store() else {
            return Stars::new();
        };
        store.load(programme).unwrap_or_else(|e| {
            notes.push(tr!("error.favourites_not_read", error = e));
            Stars::new()
        })
    }
}

fn load(input: &Input, detail: Detail) -> Result<Loaded, CommandError> {
    Ok(Source::from_argument(input.programme.as_deref()).load_with(input.format, detail)?)
}

/// Facts a line each, the values lined up after the longest label.
fn table(facts: &[(&str, String)]) -> String {
    let width = facts
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = String::new();
    for (label, value) in facts {
        let _ = writeln!(out, "{label:<width$}{value}");
    }
    out
}

/// Runs a command.
pub fn run(command: &Command, context: &Context) -> Result<Output, CommandError> {
    match command {
        Command::Check { input } => {
            let source = Source::from_argument(input.programme.as_deref());
            let loaded = source.load(input.format)?;
            Ok(check::summary(&source.display_name(), &loaded).into())
        }
        Command::Now {
            input,
            favourites,
            json,
        } => {
            let request = agenda::Request::Now {
                favourites: *favourites,
            };
            run_agenda(input, &request, *json, context)
        }
        Command::Next {
            input,
            favourites,
            json,
        } => {
            let request = agenda::Request::Next {
                favourites: *favourites,
            };
            run_agenda(input, &request, *json, context)
        }
        Command::List {
            input,
            day,
            favourites,
            theme,
            json,
        } => {
            let request = agenda::Request::List {
                day: *day,
                favourites: *favourites,
                theme: theme.clone(),
            };
            run_agenda(input, &request, *json, context)
        }
        Command::Export {
            programme,
            format,
            ics,
            all,
            output,
        } => {
            let format = if *ics { ExportFormat::Ics } else { *format };
            let input = Input {
                programme: programme.clone(),
                format: None,
            };
            let request = transfer::ExportRequest {
                format,
                all: *all,
                output: output.clone(),
            };
            transfer::export(&load(&input, Detail::Full)?.programme, &request, context)
        }
        Command::Convert { input, output } => {
            let json = crate::formats::native_write::write(&load(input, Detail::Full)?.programme);
            transfer::write_out(format!("{json}\n"), output.as_deref())
        }
        Command::Config { init } => config(*init, context),
        Command::ImportFavourites { file, programme } => {
            let input = Input {
                programme: programme.clone(),
                format: None,
            };
            transfer::import(&load(&input, Detail::Brief)?.programme, file, context)
        }
    }
}

/// `config`: where the file is, what is in force, what is wrong; `--init` writes the default.
fn config(init: bool, context: &Context) -> Result<Output, CommandError> {
    let dir = context
        .config_dir
        .as_ref()
        .ok_or(CommandError::NoConfigDir)?;
    if init {
        let path = crate::config::init(dir)?;
        return Ok(Output {
            stdout: String::new(),
            notes: vec![tr!("config.written", path = path.display())],
            exit: 0,
        });
    }
    let loaded = context
        .config
        .clone()
        .unwrap_or_else(|| crate::config::Config::load(dir));
    Ok(Output {
        stdout: settings::report(&loaded),
        notes: Vec::new(),
        exit: u8::from(!loaded.problems.is_empty()),
    })
}

fn run_agenda(
    input: &Input,
    request: &agenda::Request,
    json: bool,
    context: &Context,
) -> Result<Output, CommandError> {
    // Listings never show descriptions: they open faster without them.
    let programme = load(input, Detail::Brief)?.programme;
    let mut notes = Vec::new();
    let stars = context.stars(&programme.id, &mut notes);
    let stdout = agenda::run(&programme, &stars, context.clock, request, json)
        .map_err(CommandError::BadInput)?;
    Ok(Output {
        stdout,
        notes,
        exit: 0,
    })
}
