//! A mistake on the command line, told in one line in the user's language (clap's own report
//! runs to several lines, in English).

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

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

/// A value clap refused (none at all, or not one of those it knows).
fn invalid_value(arg: &str, value: &str, known: Option<String>) -> String {
    if value.is_empty() {
        return tr!("cli.mistake.no_value", arg = arg);
    }
    let said = tr!("cli.mistake.invalid_value", value = value, arg = arg);
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
    fn what_was_typed_cannot_steer_the_terminal() {
        let said = mistake_in(Lang::En, &["--\u{1b}[2Jx"]).expect("said");
        assert!(!said.chars().any(char::is_control), "{said:?}");
    }
}
