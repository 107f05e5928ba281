//! Web addresses from programme files: which of them may be opened, as what, and where they are
//! in running text. The one rule for what leaves dagsorden for the system's opener lives here
//! ([`openable`]): only an `http` or `https` address with a host, without white space or
//! control characters, and never with the user name or password some addresses carry (they are
//! dropped, so they are neither shown nor sent).

use std::ops::Range;

/// Longer than this, an address is not opened (browsers and openers refuse far shorter ones).
const MAX_URL_LEN: usize = 2048;

/// Why an address from the programme is not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Not `http://` or `https://`: a file, a program, a `javascript:` or other scheme.
    Scheme,
    /// `http://` with nothing after it.
    NoHost,
    /// White space or a control character inside it.
    Unsafe,
    /// Too long to be a real page's address.
    TooLong,
}

impl Refused {
    /// Why, in the user's language.
    pub(crate) fn reason(self) -> &'static str {
        match self {
            Self::Scheme => crate::tr!("link.refused_scheme"),
            Self::NoHost => crate::tr!("link.refused_host"),
            Self::Unsafe => crate::tr!("link.refused_unsafe"),
            Self::TooLong => crate::tr!("link.refused_long"),
        }
    }
}

/// The address as it may be shown and opened: `http(s)://host…` with any `user:password@`
/// dropped; or why it may not be opened at all.
pub(crate) fn openable(raw: &str) -> Result<String, Refused> {
    let url = raw.trim();
    if url.len() > MAX_URL_LEN {
        return Err(Refused::TooLong);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Refused::Unsafe);
    }
    let rest = scheme_rest(url).ok_or(Refused::Scheme)?;
    let scheme = &url[..url.len() - rest.len()];
    let (authority, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    // The host is what follows the last `@`; what comes before is a user name and password.
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if host.is_empty() || host.starts_with(':') {
        return Err(Refused::NoHost);
    }
    Ok(format!("{}{host}{path}", scheme.to_ascii_lowercase()))
}

/// An address of any scheme as it may be shown: without the `user:password@` it may carry.
pub(crate) fn without_credentials(raw: &str) -> String {
    let Some((scheme, rest)) = raw.split_once("://") else {
        return raw.to_string();
    };
    let (authority, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://{host}{path}"),
        None => raw.to_string(),
    }
}

/// What follows `http://` or `https://` (in any case), if `url` starts so.
fn scheme_rest(url: &str) -> Option<&str> {
    ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| &url[scheme.len()..])
    })
}

/// Where web addresses are in running text: each starts a word with `http://` or `https://`
/// and ends before white space, less the punctuation that ends a sentence around it.
pub(crate) fn find(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = next_start(text, from) {
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        let end = start + trimmed_len(&text[start..start + len]);
        if end > start && scheme_rest(&text[start..end]).is_some_and(|r| !r.is_empty()) {
            found.push(start..end);
        }
        from = start + len.max(1);
    }
    found
}

/// The next place at or after `from` where a word starts with `http`.
fn next_start(text: &str, from: usize) -> Option<usize> {
    let lower = text.get(from..)?;
    let mut offset = 0;
    loop {
        let at = lower[offset..]
            .char_indices()
            .find(|&(i, _)| starts_http(&lower[offset + i..]))
            .map(|(i, _)| offset + i)?;
        let begins_word = from + at == 0
            || text[..from + at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || "(<[\"'".contains(c));
        if begins_word {
            return Some(from + at);
        }
        offset = at + 4;
    }
}

fn starts_http(s: &str) -> bool {
    s.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("http"))
}

/// The length of an address once the punctuation after it is left out: `.`, `,`, `;`, `:`,
/// `!`, `?`, quotes, and a closing bracket it did not open.
fn trimmed_len(word: &str) -> usize {
    let mut end = word.len();
    while let Some(c) = word[..end].chars().next_back() {
        let closes_own = match c {
            ')' => word[..end].matches('(').count() >= word[..end].matches(')').count(),
            ']' => word[..end].matches('[').count() >= word[..end].matches(']').count(),
            _ => false,
        };
        if closes_own || !".,;:!?'\")]>".contains(c) {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("https://fosdem.org/2025/", "https://fosdem.org/2025/")]
    #[case("HTTP://Example.org/A?b=c#d", "http://Example.org/A?b=c#d")]
    #[case("http://example.org", "http://example.org")]
    #[case("https://user:secret@example.org/x", "https://example.org/x")]
    #[case("https://fosdem.org@evil.example/", "https://evil.example/")]
    #[case("https://example.org:8443/p", "https://example.org:8443/p")]
    #[case("  https://example.org/  ", "https://example.org/")]
    fn web_addresses_are_opened_without_credentials(#[case] raw: &str, #[case] opened: &str) {
        assert_eq!(openable(raw).as_deref(), Ok(opened));
    }

    #[rstest]
    #[case("file:///etc/passwd", Refused::Scheme)]
    #[case("/usr/bin/xcalc", Refused::Scheme)]
    #[case("javascript:alert(1)", Refused::Scheme)]
    #[case("-a Calculator", Refused::Unsafe)]
    #[case("--help", Refused::Scheme)]
    #[case("mailto:a@b.c", Refused::Scheme)]
    #[case("ftp://example.org/", Refused::Scheme)]
    #[case("https://", Refused::NoHost)]
    #[case("https:///path", Refused::NoHost)]
    #[case("https://user@/path", Refused::NoHost)]
    #[case("https://:80/", Refused::NoHost)]
    #[case("https://exa mple.org/", Refused::Unsafe)]
    #[case("https://example.org/\u{1b}]8;;x", Refused::Unsafe)]
    #[case("httpsx://example.org", Refused::Scheme)]
    fn anything_else_is_refused(#[case] raw: &str, #[case] why: Refused) {
        assert_eq!(openable(raw), Err(why));
    }

    #[test]
    fn credentials_are_never_shown_whatever_the_scheme() {
        assert_eq!(
            without_credentials("ftp://me:pw@files.example/a@b"),
            "ftp://files.example/a@b"
        );
        assert_eq!(
            without_credentials("mailto:a@b.example"),
            "mailto:a@b.example"
        );
    }

    #[test]
    fn very_long_addresses_are_refused() {
        let long = format!("https://example.org/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(openable(&long), Err(Refused::TooLong));
    }

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn addresses_are_found_in_running_text_without_the_sentence_around_them() {
        assert_eq!(
            found(
                "See https://fosdem.org/2025/. Or (http://a.example/x), https://w.example/a_(b)!"
            ),
            [
                "https://fosdem.org/2025/",
                "http://a.example/x",
                "https://w.example/a_(b)"
            ]
        );
        assert_eq!(
            found("HTTPS://A.example and https:// alone"),
            ["HTTPS://A.example"]
        );
        assert!(found("xhttps://no.example nohttp http").is_empty());
        assert_eq!(found("\"https://q.example/\""), ["https://q.example/"]);
    }
}
