//! The commands that print and exit instead of opening the viewer. Each returns what to print;
//! `main` prints it, or the one line of a [`CommandError`], and sets the exit code.

pub(crate) mod agenda;
pub(crate) mod changes;
pub(crate) mod check;
pub(crate) mod library;
pub mod open;
pub mod settings;
pub(crate) mod transfer;

use std::fmt::Write;
use std::path::PathBuf;

use thiserror::Error;

use crate::cli::{Command, ExportFormat, Input};
use crate::favourites::{FavouritesStore, StoreError};
use crate::formats::Detail;
use crate::formats::LoadError;
use crate::library::{Library, LibraryError, Moment, When};
use crate::model::{Clock, Programme, Stars};
use crate::tr;
use crate::zones::{self, Asked, ZoneStore};

/// Why a command could not do what it was asked; the message is the one line the user sees.
#[derive(Debug, Error)]
pub enum CommandError {
    /// The programme could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// An argument the command cannot use (a theme the programme lacks, say); the message says
    /// which.
    #[error("{0}")]
    BadInput(String),
    /// The favourites could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The command needs the config directory and this system has none.
    #[error("{}", tr!("error.no_config_dir"))]
    NoConfigDir,
    /// The command needs the data directory (for the library) and this system has none.
    #[error("{}", tr!("error.no_data_dir"))]
    NoDataDir,
    /// The library could not do what was asked.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// The config file could not be written.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// A file the command reads (a calendar to import, say) could not be read.
    #[error("{}: {source}", crate::text::shown_path(.path))]
    File {
        /// The file, as the user named it.
        path: PathBuf,
        /// Why it could not be read.
        source: std::io::Error,
    },
    /// The output file could not be written; what was there is left as it was.
    #[error("{}", tr!("transfer.cannot_write", path = crate::text::shown_path(.path), error = .source))]
    Write {
        /// The file the output was meant for.
        path: PathBuf,
        /// Why it could not be written.
        source: std::io::Error,
    },
}

impl CommandError {
    /// 1 when the command did its work but could not write it out (as for a full standard
    /// output), 2 when it could not do what was asked.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Write { .. } => 1,
            _ => 2,
        }
    }
}

/// What a command prints: its result on standard output, and notes on standard error.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// The result, for scripts and pipes.
    pub stdout: String,
    /// Warnings and news for the user, one line each, kept off the result.
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
    /// Where the favourites and the config live; `None` when the system has no such place.
    pub config_dir: Option<PathBuf>,
    /// The time commands such as `now` and `next` ask about.
    pub clock: Clock,
    /// The config as loaded, when there is a config directory.
    pub config: Option<crate::config::Config>,
    /// The venue zone `--zone` asked for, if it did.
    pub zone: Option<Asked>,
    /// The programme library, when there is a data directory.
    pub library: Option<Library>,
    /// When to ask a programme's source for a newer copy (`--offline`: never).
    pub when: When,
    /// Told as a download comes in.
    pub progress: fn(crate::fetch::Progress),
}

impl Context {
    fn library(&self) -> Result<&Library, CommandError> {
        self.library.as_ref().ok_or(CommandError::NoDataDir)
    }

    fn store(&self) -> Result<FavouritesStore, CommandError> {
        let dir = self.config_dir.as_ref().ok_or(CommandError::NoConfigDir)?;
        Ok(FavouritesStore::in_dir(dir))
    }

    /// The clock for this programme: its venue zone as asked now or remembered for it
    /// (asked on the command line, it is remembered).
    fn clock_for(&self, programme: &Programme, notes: &mut Vec<String>) -> Clock {
        let store = self.config_dir.as_deref().map(ZoneStore::in_dir);
        Clock {
            venue: zones::choose(self.zone, store.as_ref(), &programme.id, notes),
            ..self.clock
        }
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

/// The programme `input` names, opened for a command; its notes (a copy kept, why) go to
/// `notes`.
fn load(
    input: &Input,
    detail: Detail,
    context: &Context,
    notes: &mut Vec<String>,
) -> Result<open::Opened, CommandError> {
    let mut progress = context.progress;
    let mut opening = open::Opening {
        library: context.library.as_ref(),
        when: context.when,
        moment: Moment::on(&context.clock),
        opener: open::Opener::Command,
        progress: &mut progress,
    };
    let opened = open::open(
        input.programme.as_deref(),
        input.format,
        detail,
        &mut opening,
    );
    crate::cli::progress::done();
    let mut opened = opened?;
    notes.append(&mut opened.notes);
    Ok(opened)
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

/// Runs a command on the programme `input` names (see [`crate::cli::Cli::chosen_input`]: the
/// command's own programme argument and the one before it, taken together).
pub fn run(command: &Command, input: &Input, context: &Context) -> Result<Output, CommandError> {
    match command {
        Command::Check { .. } => {
            let mut notes = Vec::new();
            let opened = load(input, Detail::Full, context, &mut notes)?;
            let loaded = &opened.loaded;
            let timeline = context
                .clock_for(&loaded.programme, &mut notes)
                .timeline(&loaded.programme);
            let summary = check::summary(&opened.origin, loaded, &timeline);
            Ok(Output {
                stdout: summary,
                notes,
                exit: 0,
            })
        }
        &Command::Now {
            favourites, json, ..
        } => run_agenda(input, &agenda::Request::Now { favourites }, json, context),
        &Command::Next {
            favourites, json, ..
        } => run_agenda(input, &agenda::Request::Next { favourites }, json, context),
        Command::List {
            day,
            favourites,
            theme,
            json,
            ..
        } => {
            let request = agenda::Request::List {
                day: *day,
                favourites: *favourites,
                theme: theme.clone(),
            };
            run_agenda(input, &request, *json, context)
        }
        Command::Export {
            format,
            ics,
            all,
            output,
            ..
        } => {
            let format = if *ics { ExportFormat::Ics } else { *format };
            let request = transfer::ExportRequest {
                format,
                all: *all,
                output: output.clone(),
            };
            let mut notes = Vec::new();
            let programme = load(input, Detail::Full, context, &mut notes)?
                .loaded
                .programme;
            with_notes(transfer::export(&programme, &request, context), notes)
        }
        Command::Convert { output, .. } => {
            let mut notes = Vec::new();
            let programme = load(input, Detail::Full, context, &mut notes)?
                .loaded
                .programme;
            let json = crate::formats::native_write::write(&programme);
            with_notes(
                transfer::write_out(format!("{json}\n"), output.as_deref()),
                notes,
            )
        }
        &Command::Programmes { json } => library::list(json, context),
        Command::Forget { id } => library::forget(id, context),
        Command::Refresh { .. } => library::refresh(input.programme.as_deref(), context),
        &Command::Changes { json, .. } => changes::run(input, json, context),
        Command::Config { init } => config(*init, context),
        Command::ImportFavourites { file, .. } => transfer::import_into(input, file, context),
    }
}

/// A command's output with `notes` (from opening its programme) before its own.
fn with_notes(
    output: Result<Output, CommandError>,
    mut notes: Vec<String>,
) -> Result<Output, CommandError> {
    let mut output = output?;
    notes.append(&mut output.notes);
    output.notes = notes;
    Ok(output)
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
            notes: vec![tr!("config.written", path = crate::text::shown_path(&path))],
            exit: 0,
        });
    }
    let loaded = context
        .config
        .clone()
        .unwrap_or_else(|| crate::config::Config::load(dir));
    Ok(Output {
        stdout: settings::report(&loaded, context.clock.shown),
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
    let mut notes = Vec::new();
    let programme = load(input, Detail::Brief, context, &mut notes)?
        .loaded
        .programme;
    let stars = context.stars(&programme.id, &mut notes);
    let clock = context.clock_for(&programme, &mut notes);
    let stdout =
        agenda::run(&programme, &stars, clock, request, json).map_err(CommandError::BadInput)?;
    Ok(Output {
        stdout,
        notes,
        exit: 0,
    })
}
