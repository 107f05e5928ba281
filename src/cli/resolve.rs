//! What the PROGRAMME argument names: a URL, a programme in the library by its id, a file, or a
//! shipped programme. An existing file wins over an id (a file named `fosdem-2025` in the
//! current directory is that file), an id over a shipped name; without an argument, the
//! programme opened last, else the shipped default.

use std::path::Path;

use crate::fetch::url::is_url;
use crate::formats::{DEFAULT_PROGRAMME, SHIPPED, Source};
use crate::library::Index;

/// A programme as the command line names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// An http(s) address.
    Url(String),
    /// The id of a programme in the library.
    Id(String),
    /// A file or a shipped programme.
    Source(Source),
}

/// What `argument` names, the library's index (if there is one) telling ids.
pub fn named(argument: Option<&str>, index: Option<&Index>) -> Named {
    let Some(argument) = argument else {
        return last_opened(index);
    };
    if is_url(argument) {
        return Named::Url(argument.to_string());
    }
    if !Path::new(argument).exists() && index.is_some_and(|i| i.by_id(argument).is_some()) {
        return Named::Id(argument.to_string());
    }
    Named::Source(Source::from_argument(Some(argument)))
}

/// The programme opened last, if it is still there; else the shipped default.
fn last_opened(index: Option<&Index>) -> Named {
    let last = index.and_then(|i| i.last.as_deref().map(|last| (i, last)));
    match last {
        Some((index, id)) if index.by_id(id).is_some() => Named::Id(id.to_string()),
        Some((_, name)) => match SHIPPED.iter().find(|(n, _)| *n == name) {
            Some((name, _)) => Named::Source(Source::Shipped(name)),
            None => Named::Source(Source::Shipped(DEFAULT_PROGRAMME)),
        },
        None => Named::Source(Source::Shipped(DEFAULT_PROGRAMME)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(json: &str) -> Index {
        serde_json::from_str(json).expect("an index")
    }

    const ONE: &str = r#"{"version":1,"last":"fosdem-2025","programmes":[{"id":"fosdem-2025",
        "title":"FOSDEM 2025","programme":"fosdem","source":"https://fosdem.org/2025/schedule/xml",
        "copy":"c","fetched":"2025-01-01T00:00:00Z","checked":"2025-01-01T00:00:00Z",
        "hash":"h","sessions":3}]}"#;

    #[test]
    fn urls_ids_files_and_shipped_names_are_told_apart() {
        let index = index(ONE);
        let named = |a| named(Some(a), Some(&index));
        assert_eq!(named("HTTPS://x/y"), Named::Url("HTTPS://x/y".into()));
        assert_eq!(named("fosdem-2025"), Named::Id("fosdem-2025".into()));
        assert_eq!(
            named("ks-toppmote-2021"),
            Named::Source(Source::Shipped("ks-toppmote-2021"))
        );
        assert_eq!(
            named("Cargo.toml"),
            Named::Source(Source::File("Cargo.toml".into()))
        );
    }

    #[test]
    fn no_argument_opens_the_last_programme_else_the_default() {
        assert_eq!(
            named(None, Some(&index(ONE))),
            Named::Id("fosdem-2025".into())
        );
        let default = Named::Source(Source::Shipped(DEFAULT_PROGRAMME));
        assert_eq!(named(None, None), default);
        let gone = index(r#"{"version":1,"last":"gone"}"#);
        assert_eq!(named(None, Some(&gone)), default);
        let shipped = index(r#"{"version":1,"last":"ks-toppmote-2021"}"#);
        assert_eq!(
            named(None, Some(&shipped)),
            Named::Source(Source::Shipped("ks-toppmote-2021"))
        );
    }
}
