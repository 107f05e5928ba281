//! Addresses as the user types them: telling a URL from a file name, and showing one without
//! the user name and password it may carry (`https://user:secret@host/…`).

/// Whether `argument` is an `http://` or `https://` address (in any letter case).
pub fn is_url(argument: &str) -> bool {
    scheme_end(argument).is_some()
}

/// The index just past `://` of an http(s) address.
fn scheme_end(text: &str) -> Option<usize> {
    ["http://", "https://"].iter().find_map(|scheme| {
        text.get(..scheme.len())
            .filter(|start| start.eq_ignore_ascii_case(scheme))
            .map(|_| scheme.len())
    })
}

/// `url` without its credentials: the one function every message and listing shows a URL
/// through, so a password in an address is never printed or written to a listing.
pub fn without_credentials(url: &str) -> String {
    let Some(start) = scheme_end(url).or_else(|| url.find("://").map(|i| i + 3)) else {
        return url.to_string();
    };
    let rest = &url[start..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_len].rfind('@') {
        Some(at) => format!("{}{}", &url[..start], &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// `url` as messages show it: without credentials, and cleaned for the terminal.
pub fn shown(url: &str) -> String {
    crate::text::clean_line_owned(without_credentials(url))
}

/// `detail` (an error from the HTTP client, which may quote the address) with the
/// credentials of `url` taken out wherever they appear.
pub(crate) fn redacted(detail: &str, url: &str) -> String {
    let bare = without_credentials(url);
    if bare == url {
        return detail.to_string();
    }
    let start = scheme_end(url).unwrap_or(0);
    let userinfo_len = url.len() - bare.len();
    let userinfo = &url[start..start + userinfo_len];
    detail.replace(url, &bare).replace(userinfo, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_and_https_in_any_case_are_urls_and_nothing_else_is() {
        for url in [
            "http://a",
            "https://fosdem.org/2025/schedule/xml",
            "HTTPS://X",
        ] {
            assert!(is_url(url), "{url}");
        }
        for other in [
            "ftp://a",
            "fosdem.xml",
            "/tmp/http://x",
            "http:/x",
            "",
            "https:",
        ] {
            assert!(!is_url(other), "{other}");
        }
    }

    #[test]
    fn credentials_are_stripped_and_the_rest_kept() {
        let cases = [
            ("https://user:secret@host/p?q=1", "https://host/p?q=1"),
            ("http://user@host", "http://host"),
            ("https://a:b@c@host:8080/x", "https://host:8080/x"),
            ("https://host/path@notuser", "https://host/path@notuser"),
            ("https://host/?mail=a@b", "https://host/?mail=a@b"),
            ("https://host#x@y", "https://host#x@y"),
            ("HTTPS://u:p@host", "HTTPS://host"),
            ("ftp://u:p@host/f", "ftp://host/f"),
            ("no url at all", "no url at all"),
        ];
        for (url, bare) in cases {
            assert_eq!(without_credentials(url), bare, "{url}");
        }
    }

    #[test]
    fn a_detail_quoting_the_url_loses_its_credentials() {
        let url = "https://me:hunter2@example.org/s.xml";
        let detail = format!("failed to connect to {url} (me:hunter2@ was refused)");
        let clean = redacted(&detail, url);
        assert!(!clean.contains("hunter2"), "{clean}");
        assert!(clean.contains("https://example.org/s.xml"), "{clean}");
        assert_eq!(redacted("plain", "https://host/x"), "plain");
    }

    #[test]
    fn a_shown_url_is_clean_for_the_terminal() {
        assert_eq!(
            shown("https://u:p@host/\u{1b}[2Jx"),
            shown("https://host/\u{1b}[2Jx")
        );
        assert!(!shown("https://host/\u{1b}[2Jx").contains('\u{1b}'));
    }
}
