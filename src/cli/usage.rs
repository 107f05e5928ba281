//! A mistake on the command line, told in one line in the user's language (clap's own report
//! runs to several lines, in English).

use std::path::Path;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::formats::Source;
use crate::text::clean_line;
use crate::tr;

/// What is wrong, in one line; `None` when clap should print as it does (help, the version, or
/// the help a bare subcommand asks for).
pub fn mistake(error: &Error) -> Option<String> {
    let context = |kind| error.get(kind).map(value_text);
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let what = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => with_suggestion(
            tr!("cli.mistake.unknown_argument", arg = arg),
            context(ContextKind::SuggestedArg),
        ),
        ErrorKind::InvalidSubcommand => with_suggestion(
            tr!(
                "cli.mistake.unknown_command",
                command = context(ContextKind::InvalidSubcommand).unwrap_or_default()
            ),
            context(ContextKind::SuggestedSubcommand),
        ),
        ErrorKind::InvalidValue => invalid_value(
            &arg,
            &context(ContextKind::InvalidValue).unwrap_or_default(),
            context(ContextKind::ValidValue),
        ),
        // The reason is our own parser's, already in the user's language.
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(reason) => format!("{arg}: {reason}"),
            None => first_line(error),
        },
        ErrorKind::MissingRequiredArgument => tr!("cli.mistake.missing", args = arg),
        ErrorKind::ArgumentConflict => tr!(
            "cli.mistake.conflict",
            arg = arg,
            other = context(ContextKind::PriorArg).unwrap_or_default()
        ),
        _ => first_line(error),
    };
    Some(finish(&what))
}

/// What to say when the word given where a programme or a command goes is neither a file, a
/// shipped programme nor a command, but is near a command's name (`lsit`): that, with the
/// command meant. `None` for anything else, which is then reported as a missing file.
pub fn not_a_command(word: &str) -> Option<String> {
    // A path or a name with an extension is a file, however near a command it is.
    let file_like = word.contains(['/', '\\', '.']);
    let missing_file =
        Source::from_argument(Some(word)) == Source::File(word.into()) && !Path::new(word).exists();
    if file_like || !missing_file {
        return None;
    }
    let suggestion = suggested_command(word)?;
    let said = with_suggestion(
        tr!("cli.mistake.no_such_command_or_file", word = word),
        Some(suggestion),
    );
    Some(finish(&said))
}

/// As [`not_a_command`], for a command line clap could not read because of such a word
/// (`dagsorden lsit FILE`: the file then looks like a stray argument).
pub fn mistyped_command<I, T>(args: I) -> Option<String>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = super::command()
        .ignore_errors(true)
        .try_get_matches_from(args)
        .ok()?;
    let word = matches.try_get_one::<String>("programme").ok()??;
    not_a_command(word)
}

/// The command clap would suggest for a word, by its own measure of nearness.
fn suggested_command(word: &str) -> Option<String> {
    // dagsorden's commands without its programme argument, which would take any word.
    let root = super::Cli::command();
    let commands = clap::Command::new("dagsorden")
        .disable_help_subcommand(true)
        .subcommands(root.get_subcommands().cloned());
    let error = commands.try_get_matches_from(["dagsorden", word]).err()?;
    // clap lists the near ones from least to most alike (`exprt`: next, export): the last one.
    match error.get(ContextKind::SuggestedSubcommand)? {
        ContextValue::Strings(names) => names.last().cloned(),
        other => Some(value_text(other)),
    }
}

/// A value clap refused (none at all, or not one of those it knows).
fn invalid_value(arg: &str, value: &str, known: Option<String>) -> String {
    if value.is_empty() {
        return tr!("cli.mistake.no_value", arg = arg);
    }
    let said = tr!(
        "cli.mistake.invalid_value",
        value = crate::text::shorten_for_message(value),
        arg = arg
    );
    match known {
        Some(values) => format!("{said} ({})", tr!("cli.mistake.one_of", values = values)),
        None => said,
    }
}

/// The line as said, with where to read more. The words may echo what was typed; nothing typed
/// may steer the terminal.
fn finish(what: &str) -> String {
    format!("{} ({})", clean_line(what), tr!("cli.mistake.more"))
}

fn with_suggestion(said: String, suggestion: Option<String>) -> String {
    match suggestion {
        Some(suggestion) => format!(
            "{said}; {}",
            tr!("cli.mistake.did_you_mean", suggestion = suggestion)
        ),
        None => said,
    }
}

fn value_text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(text) => text.clone(),
        ContextValue::Strings(texts) => texts.join(", "),
        ContextValue::StyledStr(text) => text.to_string(),
        ContextValue::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Clap's own first line, for the rare mistakes not worded here.
fn first_line(error: &Error) -> String {
    let rendered = error.render().to_string();
    let line = rendered.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};

    fn mistake_in(lang: Lang, args: &[&str]) -> Option<String> {
        i18n::set_lang(lang);
        let error = super::super::command()
            .try_get_matches_from(std::iter::once("dagsorden").chain(args.iter().copied()))
            .expect_err("a mistake");
        let said = mistake(&error);
        i18n::set_lang(Lang::En);
        said
    }

    #[test]
    fn each_mistake_is_one_line_in_the_language() {
        let cases: &[(&[&str], &str, &str)] = &[
            (
                &["--bogus"],
                "unexpected argument '--bogus' (dagsorden --help tells more)",
                "uventet argument «--bogus» (dagsorden --help forteller mer)",
            ),
            (
                &["next", "--favorites"],
                "unexpected argument '--favorites'; did you mean '--favourites'? (dagsorden --help tells more)",
                "uventet argument «--favorites»; mente du «--favourites»? (dagsorden --help forteller mer)",
            ),
            (
                &["list", "--day"],
                "no value after '--day <DATE|today>' (dagsorden --help tells more)",
                "ingen verdi etter «--day <DATO|today>» (dagsorden --help forteller mer)",
            ),
        ];
        for (args, english, norwegian) in cases {
            assert_eq!(mistake_in(Lang::En, args).as_deref(), Some(*english));
            assert_eq!(mistake_in(Lang::Nb, args).as_deref(), Some(*norwegian));
        }
    }

    #[test]
    fn a_bad_value_says_why_in_the_language() {
        let said = mistake_in(Lang::Nb, &["list", "--day", "i morgen"]).expect("said");
        assert!(said.starts_with("--day <DATO|today>: "), "{said}");
        assert!(said.contains("2024-02-13"), "{said}");
        assert!(!said.contains("invalid"), "{said}");
    }

    #[test]
    fn help_and_version_are_left_to_clap() {
        assert_eq!(mistake_in(Lang::En, &["--help"]), None);
        assert_eq!(mistake_in(Lang::En, &["--version"]), None);
    }

    #[test]
    fn a_mistyped_command_is_told_apart_from_a_missing_file() {
        i18n::set_lang(Lang::En);
        assert_eq!(
            not_a_command("lsit").as_deref(),
            Some(
                "no such command or file 'lsit'; did you mean 'list'? (dagsorden --help tells more)"
            )
        );
        assert_eq!(
            not_a_command("exprt").as_deref(),
            Some(
                "no such command or file 'exprt'; did you mean 'export'? (dagsorden --help tells more)"
            ),
            "one command, the nearest"
        );
        assert_eq!(not_a_command("nofile.xml"), None, "a file name");
        assert_eq!(not_a_command("/nonexistent/programme.xml"), None, "a path");
        assert_eq!(
            not_a_command("lsit.ics"),
            None,
            "a file name near a command"
        );
        assert_eq!(not_a_command("ks-toppmote-2024"), None, "shipped");
        assert_eq!(not_a_command("zzzzzz"), None, "near no command");
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("lsit");
        std::fs::write(&file, "x").expect("write");
        assert_eq!(not_a_command(&file.to_string_lossy()), None, "a file");
        let said = mistyped_command(["dagsorden", "lsit", "fosdem.xml", "--json"]);
        assert!(said.is_some_and(|s| s.contains("did you mean 'list'")));
        assert_eq!(mistyped_command(["dagsorden", "list", "--bogus"]), None);
    }

    #[test]
    fn what_was_typed_cannot_steer_the_terminal() {
        let said = mistake_in(Lang::En, &["--\u{1b}[2Jx"]).expect("said");
        assert!(!said.chars().any(char::is_control), "{said:?}");
    }
}
