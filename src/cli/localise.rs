//! `--help` in the user's language: every heading, command and option takes its words from the
//! language file (`[cli]`), so `dagsorden --help` speaks as the screen does. (The doc comments
//! on [`super::Cli`] say the same in English, for the code.)

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n;
use crate::tr;

/// The command line as clap reads it, its help in the current language.
pub fn command() -> Command {
    let mut command = localise(Cli::command(), None);
    // clap makes its `help` command when the command is built, with English words.
    command.build();
    if command.find_subcommand("help").is_some() {
        command = command.mut_subcommand("help", |help| help.about(tr!("cli.sub.help")));
    }
    command
}

/// Gives a command, its arguments and its subcommands their words. `sub` is the subcommand's
/// name, `None` for dagsorden itself.
fn localise(mut command: Command, sub: Option<&str>) -> Command {
    let path = sub.map_or_else(|| "dagsorden".to_string(), |s| format!("dagsorden {s}"));
    match sub {
        None => {
            command = command
                .about(tr!("cli.about"))
                .long_about(tr!("cli.long_about"))
                .subcommand_help_heading(tr!("cli.commands"))
                .subcommand_value_name(tr!("cli.command_value"))
                .disable_version_flag(true)
                .arg(flag("version", 'V', ArgAction::Version, tr!("cli.version")));
        }
        Some(name) => {
            if let Some(about) = i18n::lookup(&format!("cli.sub.{name}")) {
                command = command.about(about).long_about(None::<&str>);
            }
        }
    }
    command = command
        .help_template(template())
        .disable_help_flag(true)
        .arg(flag("help", 'h', ArgAction::Help, tr!("cli.help")));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = sub
            .and_then(|s| i18n::lookup(&format!("cli.{s}.{id}")))
            .or_else(|| i18n::lookup(&format!("cli.arg.{id}")));
        command = command.mut_arg(id.as_str(), |arg| {
            let heading = if arg.is_positional() {
                tr!("cli.arguments")
            } else {
                tr!("cli.options")
            };
            let arg = localise_value_name(arg.help_heading(heading));
            let arg = match help {
                Some(help) => arg.help(help).long_help(None::<&str>),
                None => arg,
            };
            say_default(arg)
        });
    }
    let usage = usage(&command, &path);
    command = command.override_usage(usage);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name.as_str(), |s| localise(s, Some(&name)));
    }
    command
}

/// The name an argument's value goes by (`FILE`, `DATE|today`) in the current language, where
/// the language file has one (`[cli.value]`, keyed by the English name in lower case).
fn localise_value_name(arg: Arg) -> Arg {
    let english = value_name(&arg);
    let key = format!("cli.value.{}", english.to_lowercase().replace('|', "_or_"));
    match i18n::lookup(&key) {
        Some(name) => arg.value_name(name),
        None => arg,
    }
}

/// The default value of an option that takes one, said in the current language at the end of
/// its help (clap would say it in English).
fn say_default(arg: Arg) -> Arg {
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let help = arg.get_help().map(ToString::to_string);
    let Some(help) = help.filter(|_| !defaults.is_empty() && arg.get_action().takes_values())
    else {
        return arg;
    };
    let said = tr!("cli.default", value = defaults.join(", "));
    arg.help(format!("{help} [{said}]"))
        .hide_default_value(true)
}

/// The name of an argument's value as clap writes it: its value name, or its id in capitals.
fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string)
}

/// `-V/--version` and `-h/--help`, with their words in the current language.
fn flag(name: &'static str, short: char, action: ArgAction, help: &str) -> Arg {
    Arg::new(name)
        .short(short)
        .long(name)
        .action(action)
        .help(help.to_string())
}

/// The usage line clap would write, in the current language: `[OPTIONS]` is a word too.
fn usage(command: &Command, path: &str) -> String {
    let mut parts = vec![path.to_string()];
    if command
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        parts.push(format!("[{}]", tr!("cli.options_value")));
    }
    for arg in command.get_positionals() {
        let name = value_name(arg);
        parts.push(if arg.is_required_set() {
            format!("<{name}>")
        } else {
            format!("[{name}]")
        });
    }
    if command.has_subcommands() {
        parts.push(format!("[{}]", tr!("cli.command_value")));
    }
    parts.join(" ")
}

/// clap's layout, with the usage heading in the current language.
fn template() -> String {
    format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!("cli.usage")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every argument and command of dagsorden, as `(subcommand, id)`.
    fn everything() -> Vec<(Option<String>, String)> {
        let root = Cli::command();
        let mut all: Vec<(Option<String>, String)> = root
            .get_arguments()
            .map(|a| (None, a.get_id().to_string()))
            .collect();
        for sub in root.get_subcommands() {
            all.push((Some(sub.get_name().to_string()), String::new()));
            for arg in sub.get_arguments() {
                all.push((Some(sub.get_name().to_string()), arg.get_id().to_string()));
            }
        }
        all
    }

    #[test]
    fn every_option_and_command_has_norwegian_words() {
        for (sub, id) in everything() {
            let found = match (&sub, id.as_str()) {
                (Some(s), "") => i18n::lookup_in(Lang::Nb, &format!("cli.sub.{s}")),
                (Some(s), id) => i18n::lookup_in(Lang::Nb, &format!("cli.{s}.{id}"))
                    .or_else(|| i18n::lookup_in(Lang::Nb, &format!("cli.arg.{id}"))),
                (None, id) => i18n::lookup_in(Lang::Nb, &format!("cli.arg.{id}")),
            };
            assert!(found.is_some(), "no Norwegian help for {sub:?} {id}");
        }
    }

    #[test]
    fn norwegian_help_reads_norwegian() {
        i18n::set_lang(Lang::Nb);
        let mut command = command();
        let help = command.render_help().to_string();
        let mut list = command.find_subcommand_mut("list").expect("list").clone();
        let list_help = list.render_help().to_string();
        i18n::set_lang(Lang::En);
        for words in [
            "Bruk:",
            "Kommandoer:",
            "Valg:",
            "--lang",
            "Vis hjelp",
            "Språk",
        ] {
            assert!(help.contains(words), "{words:?} not in\n{help}");
        }
        assert!(
            help.contains("Bruk: dagsorden [VALG] [PROGRAM] [KOMMANDO]"),
            "{help}"
        );
        assert!(
            list_help.contains("Bruk: dagsorden list [VALG] [PROGRAM]"),
            "{list_help}"
        );
        assert!(list_help.contains("--day <DATO|today>"), "{list_help}");
        let mut export = command
            .find_subcommand_mut("export")
            .expect("export")
            .clone();
        let export_help = export.render_help().to_string();
        assert!(export_help.contains("[standard: ics]"), "{export_help}");
        for english in [
            "Usage:",
            "Options:",
            "Print help",
            "Commands:",
            "OPTIONS",
            "PROGRAMME",
        ] {
            assert!(!help.contains(english), "{english:?} in\n{help}");
        }
        assert!(
            list_help.contains("Bare stjernemerkede økter"),
            "{list_help}"
        );
        assert!(!list_help.contains("Options:"), "{list_help}");
    }

    #[test]
    fn english_help_is_the_doc_comments() {
        i18n::set_lang(Lang::En);
        let help = command().render_help().to_string();
        assert!(
            help.contains("Usage: dagsorden [OPTIONS] [PROGRAMME] [COMMAND]"),
            "{help}"
        );
        assert!(help.contains("Browse a conference programme"), "{help}");
    }
}
