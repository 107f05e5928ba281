//! Programme text is untrusted: these functions make it safe to put on a terminal.
//!
//! Every string read from a programme file passes through here once, at load time, so no
//! control character or escape sequence can reach the screen, whatever the file holds.

/// One line of text: escape sequences and control characters removed, runs of white space
/// (line breaks included) folded to one space, ends trimmed.
pub fn clean_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in strip_controls(raw) {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// A block of text that keeps its paragraphs: as [`clean_line`] within each line, at most one
/// blank line between paragraphs, no blank lines at either end.
pub fn clean_block(raw: &str) -> String {
    let kept: String = strip_controls(raw).collect();
    let mut out = String::with_capacity(kept.len());
    let mut blank_run = 0;
    for line in kept.split('\n').map(clean_line) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank_run = 0;
    }
    out
}

/// An optional text: cleaned, and `None` when nothing visible is left.
pub fn clean_opt(raw: Option<&str>) -> Option<String> {
    raw.map(clean_line).filter(|s| !s.is_empty())
}

/// An optional block of text: cleaned, and `None` when nothing visible is left.
pub fn clean_block_opt(raw: Option<&str>) -> Option<String> {
    raw.map(clean_block).filter(|s| !s.is_empty())
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

/// Controls, C1 controls and the bidirectional overrides that can make text lie about its order.
fn is_invisible_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
