//! The id a programme goes by in the library: a short slug a person can type
//! (`fosdem-2025`), from the programme's title or else its address, never one already taken.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest slug, in characters: enough for a title, short enough to type.
const MAX_LEN: usize = 40;

/// Parts of an address that say nothing about which programme it is.
const NOISE: [&str; 12] = [
    "www", "schedule", "export", "xml", "json", "ics", "org", "com", "net", "events", "api",
    "index",
];

/// A slug of `title`, or of `source` (a URL or a path) when the title gives none.
pub fn of(title: &str, source: &str) -> String {
    let from_title = slugify(title);
    if !from_title.is_empty() {
        return from_title;
    }
    let from_source = slugify(&meaningful_words(source).join(" "));
    if from_source.is_empty() {
        "programme".to_string()
    } else {
        from_source
    }
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..=u32::MAX)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_string())
}

/// Lower-case ASCII letters and digits, every other run of characters one `-`, at most
/// [`MAX_LEN`] long and cut at a word.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        match fold(c) {
            Some(letters) => slug.push_str(letters),
            None if c.is_ascii_alphanumeric() => slug.push(c.to_ascii_lowercase()),
            None if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            None => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.len() <= MAX_LEN {
        return slug.to_string();
    }
    let cut = &slug[..MAX_LEN];
    cut.rfind('-')
        .map_or(cut, |at| &cut[..at])
        .trim_end_matches('-')
        .to_string()
}

/// Letters that do not decompose into an ASCII letter and a mark.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// The words of an address or path that may name the programme: host and path, without the
/// scheme, credentials, query, file extension and the usual noise.
fn meaningful_words(source: &str) -> Vec<String> {
    let bare = super::super::fetch::url::without_credentials(source);
    let rest = bare.split_once("://").map_or(bare.as_str(), |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    rest.split(['/', '.', '-', '_', ':'])
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !NOISE.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_becomes_a_slug() {
        assert_eq!(
            of("FOSDEM 2025", "https://fosdem.org/2025/schedule/xml"),
            "fosdem-2025"
        );
        assert_eq!(of("KS Toppmøte 2024", ""), "ks-toppmote-2024");
        assert_eq!(
            of("  38C3: Illegal Instructions!  ", ""),
            "38c3-illegal-instructions"
        );
        assert_eq!(of("Ærlig Café – Straße", ""), "aerlig-cafe-strasse");
    }

    #[test]
    fn without_a_title_the_address_names_it() {
        assert_eq!(
            of("", "https://fosdem.org/2025/schedule/xml"),
            "fosdem-2025"
        );
        assert_eq!(
            of(
                "",
                "https://u:p@pretalx.com/pycon-de-2025/schedule/export/schedule.json"
            ),
            "pretalx-pycon-de-2025"
        );
        assert_eq!(of("🎉", "/home/me/talks.ics"), "home-me-talks");
        assert_eq!(of("", ""), "programme");
    }

    #[test]
    fn a_long_title_is_cut_at_a_word() {
        let slug = slugify("The Very Long Annual International Conference on Everything 2025");
        assert!(slug.len() <= MAX_LEN, "{slug}");
        assert!(!slug.ends_with('-'));
        assert_eq!(slug, "the-very-long-annual-international");
    }

    #[test]
    fn a_taken_slug_gets_a_number() {
        let taken = ["fosdem-2025", "fosdem-2025-2"];
        assert_eq!(
            unique("fosdem-2025", |s| taken.contains(&s)),
            "fosdem-2025-3"
        );
        assert_eq!(unique("38c3", |s| taken.contains(&s)), "38c3");
    }
}
