//! Thin on purpose: read the command line and the settings, then run a command or the viewer.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;
use thiserror::Error;

use dagsorden::action::Action;
use dagsorden::app::{Live, Setup};
use dagsorden::changes::looked::{LastLooked, LookedFile};
use dagsorden::cli::{Cli, Conflict};
use dagsorden::commands::open::{Opener, Opening};
use dagsorden::commands::{self, CommandError, Context, Output};
use dagsorden::config::{ColourScheme, Config};
use dagsorden::favourites::FavouritesStore;
use dagsorden::formats::{Detail, LoadError};
use dagsorden::i18n::{self, Lang};
use dagsorden::library::{Entry, Library, Moment, When};
use dagsorden::live::{Background, Refresher};
use dagsorden::model::{Clock, Shown, Zone};
use dagsorden::tr;
use dagsorden::zones::{self, Asked, ZoneRequest, ZoneStore};

#[derive(Debug, Error)]
enum Failure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error(transparent)]
    Conflict(#[from] Conflict),
    /// A word that is no file, no shipped programme and no command, but near one.
    #[error("{0}")]
    NotACommand(String),
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
    dagsorden::formats::cache::use_user_cache();
    let parsed = dagsorden::cli::command()
        .try_get_matches()
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, zone_asked(&matches))));
    let (cli, zone) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return clap_answer(&error),
    };
    // What clap read beats the early reading where an odd spelling made them differ.
    i18n::set_process_lang(cli.lang.unwrap_or(early));
    let config_dir = config_dir(&cli);
    // Read once the language is settled, so its problems are in the user's language.
    let config = config_dir.as_deref().map(Config::load);
    match run(&cli, config_dir, config, zone) {
        Ok(output) => finish(&output),
        Err(Failure::Command(error)) => {
            say(&error.to_string());
            ExitCode::from(error.exit_code())
        }
        Err(failure) => refuse(&failure.to_string()),
    }
}

/// Which of the two streams to write to.
#[derive(Clone, Copy)]
enum Stream {
    Stdout,
    Stderr,
}

/// Every word dagsorden prints outside the viewer goes through here: all of `text`, flushed.
/// Never panics: a failed write is the caller's to judge.
fn write(stream: Stream, text: &str) -> std::io::Result<()> {
    fn all(mut out: impl Write, text: &str) -> std::io::Result<()> {
        out.write_all(text.as_bytes())?;
        out.flush()
    }
    match stream {
        Stream::Stdout => all(std::io::stdout().lock(), text),
        Stream::Stderr => all(std::io::stderr().lock(), text),
    }
}

/// A command's output, then its notes; the command's exit code. A reader that stopped reading
/// (`dagsorden list | head -1`) ends it quietly with that code, as other Unix tools end; any
/// other failed write (a full disk) is one line on standard error and exit 1.
fn finish(output: &Output) -> ExitCode {
    match write(Stream::Stdout, &output.stdout) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return ExitCode::from(output.exit);
        }
        Err(e) => {
            say(&tr!("error.cannot_write_output", error = e));
            return ExitCode::from(1);
        }
    }
    for note in &output.notes {
        say(note);
    }
    ExitCode::from(output.exit)
}

/// One line on standard error after `dagsorden: `, cleaned (it may quote a file name, a file or
/// the command line). If even standard error cannot be written, there is no one left to tell.
fn say(line: &str) {
    let line = dagsorden::text::clean_line(line);
    let _ = write(Stream::Stderr, &format!("dagsorden: {line}\n"));
}

/// A command that could not be done: its one line, exit 2.
fn refuse(line: &str) -> ExitCode {
    say(line);
    ExitCode::from(2)
}

/// What clap had to say instead of a command line: a mistake in one line (a mistyped command
/// before other words is the mistake that matters), exit 2; or the help or the version,
/// written as every other output is (a closed pipe ends it quietly, a full disk is one line and
/// exit 1), styled only for a terminal.
fn clap_answer(error: &clap::Error) -> ExitCode {
    if let Some(line) = dagsorden::cli::mistake(error) {
        let mistyped = dagsorden::cli::mistyped_command(std::env::args_os());
        return refuse(&mistyped.unwrap_or(line));
    }
    let text = if std::io::stdout().is_terminal() {
        error.render().ansi().to_string()
    } else {
        error.render().to_string()
    };
    finish(&Output {
        stdout: text,
        notes: Vec::new(),
        exit: u8::try_from(error.exit_code()).unwrap_or(2),
    })
}

/// The language as far as it can be told before the command line is parsed: `--lang`,
/// `DAGSORDEN_LANG`, the config file in `--config-dir` or the default directory, the locale.
fn early_lang() -> Lang {
    // Arguments as the system gives them: a file name may be any bytes, never a panic here.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let value_of = |name: &str| {
        let prefix = format!("{name}=");
        args.iter().enumerate().find_map(|(i, arg)| {
            if arg.as_os_str() == name {
                args.get(i + 1).cloned()
            } else {
                arg.to_str()
                    .and_then(|a| a.strip_prefix(&prefix))
                    .map(std::ffi::OsString::from)
            }
        })
    };
    // A language that is not known (`--lang de`) is passed over for the next way of telling.
    let named = [
        value_of("--lang").and_then(|v| v.into_string().ok()),
        std::env::var("DAGSORDEN_LANG").ok(),
    ];
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
) -> Result<Output, Failure> {
    let clock = clock(cli, config.as_ref());
    let Some(command) = &cli.command else {
        view(cli, config_dir, config, clock, zone)?;
        return Ok(Output::default());
    };
    let input = cli.chosen_input(command)?;
    let context = Context {
        library: library(cli, config.as_ref()),
        when: when(cli),
        progress: dagsorden::cli::progress::show,
        config_dir,
        clock,
        config,
        zone,
    };
    Ok(commands::run(command, &input, &context)?)
}

fn view(
    cli: &Cli,
    config_dir: Option<PathBuf>,
    config: Option<Config>,
    clock: Clock,
    zone: Option<Asked>,
) -> Result<(), Failure> {
    // Everything that can fail on input fails here, before the terminal is touched.
    let library = library(cli, config.as_ref());
    let kept = |id: &str| {
        let index = library.as_ref().and_then(|l| l.index().ok());
        index.is_some_and(|i| i.by_id(id).is_some())
    };
    if let Some(line) = cli
        .input
        .programme
        .as_deref()
        .filter(|word| !kept(word))
        .and_then(dagsorden::cli::not_a_command)
    {
        return Err(Failure::NotACommand(line));
    }
    let mut progress = dagsorden::cli::progress::show;
    let mut opening = Opening {
        library: library.as_ref(),
        when: when(cli),
        moment: Moment::on(&clock),
        opener: Opener::Viewer,
        progress: &mut progress,
    };
    let opened = commands::open::open(
        cli.input.programme.as_deref(),
        cli.input.format,
        Detail::Full,
        &mut opening,
    );
    dagsorden::cli::progress::done();
    let opened = opened?;
    let kept = kept_entry(library.as_ref(), opened.id.as_deref());
    let programme = opened.loaded.programme;
    let config_dir = config_dir.ok_or(Failure::NoConfigDir)?;
    let mut notes = opened.notes;
    // A shipped programme changes only with dagsorden itself: nothing to record (and a first
    // run writes nothing in the data directory).
    let shipped = matches!(
        dagsorden::cli::resolve::named(
            cli.input.programme.as_deref(),
            library.as_ref().and_then(|l| l.index().ok()).as_ref()
        ),
        dagsorden::cli::resolve::Named::Source(dagsorden::formats::Source::Shipped(_))
    );
    let looked = library.as_ref().filter(|_| !shipped).and_then(|l| {
        let file = LookedFile::of(l.data_dir(), opened.id.as_deref(), &programme.id);
        LastLooked::load(file, &mut notes)
    });
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
    let colour_scheme = colour_scheme(cli, &config);
    let mut setup = Setup::from_config(&config, colour_scheme);
    setup.hyperlinks = dagsorden::tui::hyperlinks_wanted(&|name| std::env::var(name).ok());
    setup.problems.extend(notes);
    setup.looked = looked;
    setup.export_dir = std::env::current_dir().ok();
    setup.live = kept.as_ref().map(|(library, entry)| Live {
        kept: entry.kept(),
        policy: library.policy,
        offline: cli.offline,
    });
    let store = FavouritesStore::in_dir(&config_dir);
    let background = background(kept, &store, cli.input.format, clock);
    let mut app = dagsorden::tui::open(programme, &store, clock, setup);
    dagsorden::tui::run(&mut app, &store, cli.now.is_none(), &background)?;
    Ok(())
}

/// The library's entry for the programme opened, when it came through the library.
fn kept_entry<'a>(library: Option<&'a Library>, id: Option<&str>) -> Option<(&'a Library, Entry)> {
    let library = library?;
    let entry = library.index().ok()?.by_id(id?)?.clone();
    Some((library, entry))
}

/// What the viewer keeps current: the programme from its source (a file is watched too), and
/// the favourites from their file.
fn background(
    kept: Option<(&Library, Entry)>,
    store: &FavouritesStore,
    format: Option<dagsorden::formats::Format>,
    clock: Clock,
) -> Background {
    let mut watched = vec![(store.path().to_path_buf(), Action::FavouritesChanged)];
    let refresher = kept.map(|(library, entry)| {
        if !entry.is_url() {
            watched.push((PathBuf::from(&entry.source), Action::SourceChanged));
        }
        Refresher::new(library.clone(), entry.id, format, clock)
    });
    Background { refresher, watched }
}

/// The programme library in `--data-dir` or the user's data directory, its downloads and
/// refreshes as the config says.
fn library(cli: &Cli, config: Option<&Config>) -> Option<Library> {
    let dir = cli.data_dir.clone().or_else(Library::default_data_dir)?;
    let mut library = Library::in_dir(&dir);
    if let Some(refresh) = config.map(|c| c.settings.refresh) {
        library.policy = refresh.policy.unwrap_or_default();
        if let Some(timeout) = refresh.timeout {
            library.limits.total = timeout;
        }
    }
    Some(library)
}

/// `--offline` never asks; otherwise a copy is asked for again when the policy says.
fn when(cli: &Cli) -> When {
    if cli.offline {
        When::Offline
    } else {
        When::IfDue
    }
}

/// `--no-color` and `NO_COLOR` (set and not empty, as no-color.org asks) beat the config.
fn colour_scheme(cli: &Cli, config: &Config) -> ColourScheme {
    let no_color = cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color {
        ColourScheme::NoColor
    } else {
        config.settings.colour_scheme.unwrap_or_default()
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
