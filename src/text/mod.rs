//! Programme text is untrusted: these functions make it safe to put on a terminal.
//!
//! Every string read from a programme file passes through here — at load time, or for a
//! session's description when it is shown — so no control character or escape sequence can
//! reach the screen, whatever the file holds.

pub(crate) mod html;
pub(crate) mod links;
pub(crate) mod sheet;
pub(crate) mod symbols;

/// One line of text: escape sequences and control characters removed, runs of white space
/// (line breaks included) folded to one space, ends trimmed.
pub fn clean_line(raw: &str) -> String {
    if is_clean_line(raw) {
        return raw.to_string();
    }
    if has_escape_introducer(raw) {
        line_from(strip_controls(raw), raw.len())
    } else {
        clean_plain(raw, false)
    }
}

fn line_from(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut space = false;
    for c in chars {
        if c == '\n' || is_space(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A block of text that keeps its paragraphs: as [`clean_line`] within each line, at most one
/// blank line between paragraphs, no blank lines at either end.
pub fn clean_block(raw: &str) -> String {
    if is_clean_block(raw) {
        return raw.to_string();
    }
    if has_escape_introducer(raw) {
        block_from(strip_controls(raw), raw.len())
    } else {
        clean_plain(raw, true)
    }
}

/// [`clean_line`] (or with `keep_lines`, [`clean_block`]) of a text without escape sequences,
/// a byte at a time: ASCII is copied as it is, other characters are decoded only to be checked.
fn clean_plain(raw: &str, keep_lines: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    // What to put before the next visible character: a space, or line breaks.
    let mut space = false;
    let mut breaks = 0usize;
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (kind, len) = if b < 0x80 {
            let kind = match b {
                b'\n' if keep_lines => Kind::Break,
                b' ' | b'\t' | b'\r' | b'\n' => Kind::Space,
                0x21..=0x7e => Kind::Visible,
                _ => Kind::Dropped,
            };
            (kind, 1)
        } else {
            let c = raw[i..].chars().next().unwrap_or(' ');
            let kind = if is_invisible_control(c) {
                Kind::Dropped
            } else if c.is_whitespace() {
                Kind::Space
            } else {
                Kind::Visible
            };
            (kind, c.len_utf8())
        };
        match kind {
            Kind::Break => {
                breaks += 1;
                space = false;
            }
            Kind::Space => space = breaks == 0 && !out.is_empty(),
            Kind::Dropped => {}
            Kind::Visible => {
                if !out.is_empty() {
                    match breaks {
                        0 if space => out.push(' '),
                        0 => {}
                        1 => out.push('\n'),
                        _ => out.push_str("\n\n"),
                    }
                }
                breaks = 0;
                space = false;
                // A run of plain ASCII (a word) is copied at once.
                let run = bytes[i + len..]
                    .iter()
                    .take_while(|b| (0x21..=0x7e).contains(*b))
                    .count();
                out.push_str(&raw[i..i + len + run]);
                i += run;
            }
        }
        i += len;
    }
    out
}

/// What a character is to the cleaners.
#[derive(Clone, Copy)]
enum Kind {
    Visible,
    Space,
    Break,
    Dropped,
}

fn block_from(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    // What to put before the next visible character: a space, or one or two line breaks.
    let mut space = false;
    let mut breaks = 0;
    for c in chars {
        if c == '\n' {
            breaks += 1;
            space = false;
        } else if is_space(c) {
            space = breaks == 0 && !out.is_empty();
        } else {
            if !out.is_empty() {
                match breaks {
                    0 if space => out.push(' '),
                    0 => {}
                    1 => out.push('\n'),
                    _ => out.push_str("\n\n"),
                }
            }
            breaks = 0;
            space = false;
            out.push(c);
        }
    }
    out
}

/// Whether a block is already as [`clean_block`] makes it: clean lines, no blank line at either
/// end, never two blank lines together.
fn is_clean_block(raw: &str) -> bool {
    let mut previous_blank = true;
    for line in raw.split('\n') {
        let blank = line.is_empty();
        if (blank && previous_blank) || !is_clean_line(line) {
            return false;
        }
        previous_blank = blank;
    }
    !previous_blank
}

/// Whether a line is already as [`clean_line`] makes it: no controls, no white space but single
/// spaces between words. Most text is, and is then taken as it is.
fn is_clean_line(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    if bytes.is_ascii() {
        return is_clean_ascii(bytes);
    }
    let mut previous_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' if previous_space => return false,
            b' ' => previous_space = true,
            0x21..=0x7e => previous_space = false,
            0x80.. => {
                // Only a character outside ASCII is decoded, to be checked.
                let c = raw[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() || is_invisible_control(c) {
                    return false;
                }
                previous_space = false;
                i += c.len_utf8();
                continue;
            }
            // ASCII controls and DEL.
            _ => return false,
        }
        i += 1;
    }
    true
}

/// Printable ASCII with no two spaces in a row; written as counts without early exits, which
/// the compiler turns into wide instructions (most text is short and clean).
fn is_clean_ascii(bytes: &[u8]) -> bool {
    let unprintable = bytes
        .iter()
        .filter(|&&b| b.wrapping_sub(b' ') >= 0x5f)
        .count();
    let two_spaces = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .filter(|&(&a, &b)| a == b' ' && b == b' ')
        .count();
    unprintable == 0 && two_spaces == 0
}

/// As [`clean_block`], borrowing the text when it is already clean.
pub fn clean_block_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    if is_clean_block(raw) {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(clean_block(raw))
    }
}

/// As [`clean_line`], borrowing the text when it is already clean.
pub fn clean_line_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    if is_clean_line(raw) {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(clean_line(raw))
    }
}

/// As [`clean_line`], keeping the string itself when it is already clean (no copy).
pub fn clean_line_owned(raw: String) -> String {
    if is_clean_line(&raw) {
        raw
    } else {
        clean_line(&raw)
    }
}

/// As [`clean_opt`], keeping the string itself when it is already clean.
pub fn clean_opt_owned(raw: Option<String>) -> Option<String> {
    raw.map(clean_line_owned).filter(|s| !s.is_empty())
}

/// An optional text: cleaned, and `None` when nothing visible is left.
pub fn clean_opt(raw: Option<&str>) -> Option<String> {
    raw.map(clean_line).filter(|s| !s.is_empty())
}

/// An optional block of text: cleaned, and `None` when nothing visible is left.
pub fn clean_block_opt(raw: Option<&str>) -> Option<String> {
    raw.map(clean_block).filter(|s| !s.is_empty())
}

/// A path as it may be shown: a file name can hold any byte, so it is cleaned as a line (bytes
/// that are not UTF-8 shown as U+FFFD). For every path named in a message or a note.
pub fn shown_path(path: &std::path::Path) -> String {
    clean_line_owned(path.to_string_lossy().into_owned())
}

/// The most characters of outside text a message quotes: enough to recognise it, short enough
/// that an error stays one line (a parser can otherwise quote a whole 400 KB line of a file).
pub const MESSAGE_QUOTE_LIMIT: usize = 120;

/// Outside text made fit for a one-line message: cleaned as [`clean_line`], and cut to
/// [`MESSAGE_QUOTE_LIMIT`] characters with `…` where it was longer.
pub fn shorten_for_message(raw: &str) -> String {
    // Only a little more than what can be kept is cleaned: the rest would be cut anyway.
    let head = match raw.char_indices().nth(MESSAGE_QUOTE_LIMIT * 4) {
        Some((end, _)) => &raw[..end],
        None => raw,
    };
    let line = clean_line(head);
    if head.len() == raw.len() && line.chars().count() <= MESSAGE_QUOTE_LIMIT {
        return line;
    }
    let kept: String = line.chars().take(MESSAGE_QUOTE_LIMIT - 1).collect();
    format!("{}…", kept.trim_end())
}

/// White space other than a line break (after [`strip_controls`], the only ASCII ones left are
/// the space and the line break).
fn is_space(c: char) -> bool {
    c == ' ' || (!c.is_ascii() && c.is_whitespace())
}

/// Whether the text holds the start of an escape sequence (ESC, or a C1 CSI, OSC, DCS, PM, APC
/// or SOS), so the careful [`strip_controls`] must read it.
fn has_escape_introducer(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == 0x1b
            || (b == 0xc2 && matches!(bytes.get(i + 1), Some(0x90 | 0x9b | 0x9d | 0x9e | 0x9f)))
    })
}

/// Characters of `raw` with escape sequences dropped whole and control characters dropped or,
/// for tabs and carriage returns, turned into white space the cleaners then fold.
fn strip_controls(raw: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = raw.chars().peekable();
    std::iter::from_fn(move || {
        loop {
            let c = chars.next()?;
            match c {
                '\n' => return Some('\n'),
                '\t' | '\r' => return Some(' '),
                '\u{1b}' => skip_escape_sequence(&mut chars),
                '\u{9b}' => skip_csi_body(&mut chars),
                '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' => skip_string_body(&mut chars),
                c if is_invisible_control(c) => {}
                c => return Some(c),
            }
        }
    })
}

/// Controls, C1 controls and the bidirectional marks and overrides that can make text lie about
/// its order (the Arabic letter mark among them).
fn is_invisible_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
        || c == '\u{feff}'
}

/// After ESC: a CSI (`ESC [`), a string command (OSC `ESC ]`, DCS `ESC P`, APC, PM, SOS) or a
/// two-character escape; all of it is dropped.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi_body(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => skip_string_body(chars),
        // ESC followed by intermediates then a final byte, e.g. `ESC ( B`.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates up to the final byte (`@` to `~`).
fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// A string command runs to BEL or ST (`ESC \` or U+009C).
fn skip_string_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn messages_quote_a_short_clean_line() {
        assert_eq!(shorten_for_message("short\n text"), "short text");
        let long = format!("\u{1b}[2J{}", "é".repeat(500_000));
        let short = shorten_for_message(&long);
        assert_eq!(short.chars().count(), MESSAGE_QUOTE_LIMIT);
        assert!(short.ends_with('…') && !short.contains('\u{1b}'), "{short}");
    }

    #[rstest]
    #[case("plain", "plain")]
    #[case("  spaced   out\t text ", "spaced out text")]
    #[case("red \u{1b}[31mtext\u{1b}[0m", "red text")]
    #[case("title\u{1b}]0;pwned\u{7}bar", "titlebar")]
    #[case("osc with st \u{1b}]8;;http://x\u{1b}\\link", "osc with st link")]
    #[case("c1 csi \u{9b}2Jclear", "c1 csi clear")]
    #[case("bell\u{7} and nul\u{0}", "bell and nul")]
    #[case("charset \u{1b}(Bok", "charset ok")]
    #[case("line\r\nbreak", "line break")]
    #[case("bidi \u{202e}desrever", "bidi desrever")]
    #[case(
        "marks \u{61c}a\u{200e}b\u{200f}c\u{202a}d\u{2066}e\u{2069}",
        "marks abcde"
    )]
    #[case("dangling escape \u{1b}", "dangling escape")]
    #[case("Trøndelag – «Som vi sår» 🌱 中文", "Trøndelag – «Som vi sår» 🌱 中文")]
    fn cleans_one_line(#[case] raw: &str, #[case] clean: &str) {
        assert_eq!(clean_line(raw), clean);
    }

    #[test]
    fn blocks_keep_paragraphs_but_not_noise() {
        let raw = "\n\n First  line\r\nsecond\u{1b}[2J line\n\n\n\nnext para \n\n";
        assert_eq!(clean_block(raw), "First line\nsecond line\n\nnext para");
    }

    #[rstest]
    #[case("already clean", true)]
    #[case("æøå «quoted» – dash", true)]
    #[case("two  spaces", false)]
    #[case(" leading", false)]
    #[case("tab\there", false)]
    #[case("nbsp\u{a0}here", false)]
    #[case("c1\u{85}next", false)]
    #[case("bidi\u{202e}x", false)]
    #[case("bom\u{feff}x", false)]
    #[case("arabic letter mark\u{61c}x", false)]
    fn clean_text_is_taken_as_it_is(#[case] text: &str, #[case] clean: bool) {
        assert_eq!(is_clean_line(text), clean);
        assert_eq!(clean_line(text) == text, clean);
    }

    #[test]
    fn every_ascii_byte_is_judged_as_cleaning_would() {
        for b in 0u8..0x80 {
            for text in [
                format!("ab{}cd", b as char),
                format!("a {}  ", b as char),
                format!("{}", b as char).repeat(40),
            ] {
                assert_eq!(is_clean_line(&text), clean_line(&text) == text, "{text:?}");
            }
        }
    }

    #[rstest]
    #[case("one\n\ntwo\nthree", true)]
    #[case("\nleading", false)]
    #[case("trailing\n", false)]
    #[case("two\n\n\nblank", false)]
    #[case("space \nend", false)]
    #[case("", false)]
    fn clean_blocks_are_taken_as_they_are(#[case] text: &str, #[case] clean: bool) {
        assert_eq!(is_clean_block(text), clean);
        if clean {
            assert_eq!(clean_block(text), text);
        }
    }

    #[test]
    fn blocks_fold_spaces_within_lines_and_keep_one_blank_line() {
        assert_eq!(clean_block("a  b \n  c\n\n\n d  "), "a b\nc\n\nd");
        assert_eq!(clean_block("\n\n\n"), "");
        assert_eq!(clean_block("one line"), "one line");
    }

    #[test]
    fn a_path_is_shown_without_what_could_steer_the_terminal() {
        let path = std::path::Path::new("/tmp/a\u{1b}]0;pwned\u{7}b\u{202e}c\u{61c}.ics");
        assert_eq!(shown_path(path), "/tmp/abc.ics");
        assert_eq!(
            shown_path(std::path::Path::new("plain/name.xml")),
            "plain/name.xml"
        );
    }

    #[test]
    fn nothing_visible_is_none() {
        assert_eq!(clean_opt(Some(" \u{1b}[0m ")), None);
        assert_eq!(clean_block_opt(None), None);
        assert_eq!(clean_opt(Some(" a ")).as_deref(), Some("a"));
    }

    #[test]
    fn no_control_survives_any_byte() {
        for b in 0u32..0x2000 {
            let c = char::from_u32(b).unwrap_or(' ');
            let cleaned = clean_block(&format!("a{c}[1mb\u{1b}{c}c"));
            assert!(
                !cleaned
                    .chars()
                    .any(|c| c != '\n' && is_invisible_control(c)),
                "{b:#x} left {cleaned:?}"
            );
        }
    }
}
