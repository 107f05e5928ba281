//! `--help` in the user's language: every heading, command and option takes its words from the
//! language file (`[cli]`), so `dagsorden --help` speaks as the screen does. (The doc comments
//! on [`super::Cli`] say the same in English, for the code.)

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n;
use crate::tr;

/// The command line as clap reads it, its help in the current language.
pub fn command() -> Command {
    localise(Cli::command(), None)
}

/// Gives a command, its arguments and its subcommands their words. `sub` is the subcommand's
/// name, `None` for dagsorden itself.
fn localise(mut command: Command, sub: Option<&str>) -> Command {
    match sub {
        None => {
            command = command
                .about(tr!("cli.about"))
                .long_about(tr!("cli.long_about"))
                .subcommand_help_heading(tr!("cli.commands"))
                .subcommand_value_name(tr!("cli.command_value"))
                .disable_version_flag(true)
                .arg(
                    Arg::new("version")
                        .short('V')
                        .long("version")
                        .action(ArgAction::Version)
                        .help(tr!("cli.version")),
                );
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
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr!("cli.help")),
        );
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
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help).long_help(None::<&str>),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name.as_str(), |s| localise(s, Some(&name)));
    }
    command
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
        for english in ["Usage:", "Options:", "Print help", "Commands:"] {
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
        assert!(help.contains("Usage:"), "{help}");
        assert!(help.contains("Browse a conference programme"), "{help}");
    }
}
