//! Abstracts and descriptions as plain text: HTML tags stripped (block tags become line breaks),
//! entities decoded (twice where a file escaped them twice), then cleaned like all programme text.

use std::borrow::Cow;

use super::clean_block_opt;

/// Block-level tags that end a line of text.
const BREAKING_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "table",
];

/// Plain text from an abstract that may be HTML, plain text, or Markdown-ish.
pub(crate) fn plain_text(raw: Option<&str>) -> Option<String> {
    let raw = raw?;
    let text = if raw.contains('<') && looks_like_html(raw) {
        Cow::Owned(strip_tags(raw))
    } else {
        Cow::Borrowed(raw)
    };
    clean_block_opt(Some(&decode_entities(&text)))
}

/// Decodes HTML entities; a second pass undoes a file's double escaping (`&amp;amp;`).
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let once = html_escape::decode_html_entities(text);
    if has_entity(&once) {
        Cow::Owned(html_escape::decode_html_entities(&once).into_owned())
    } else {
        once
    }
}

/// `&name;` or `&#123;` somewhere in the text.
fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let name_len = rest
            .bytes()
            .take(32)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';')
    })
}

/// Whether any tag HTML puts paragraphs with appears, so the text's own line breaks are only
/// white space.
fn looks_like_html(text: &str) -> bool {
    text.match_indices('<')
        .any(|(at, _)| tag_at(&text[at..]).is_some_and(|(name, _)| breaking(name)))
}

fn breaking(name: &str) -> bool {
    BREAKING_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
}

/// The tag starting at `text` (which begins with `<`): its name (as written) and byte length.
fn tag_at(text: &str) -> Option<(&str, usize)> {
    let body = text.strip_prefix('<')?;
    let body_start = body.trim_start_matches('/');
    let first = body_start.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '!') {
        return None;
    }
    let end = body.find('>')?;
    let name_len = body_start
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    Some((&body_start[..name_len], end + 2))
}

/// Removes tags; block tags become line breaks and source line breaks become spaces.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '\n', '\r']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if !rest.starts_with('<') {
            out.push(' ');
            rest = &rest[1..];
            continue;
        }
        let Some((name, len)) = tag_at(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        out.push_str(tag_text(name, rest.starts_with("</")));
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// What a tag leaves in the text: a line break for block tags, a bullet for list items.
fn tag_text(name: &str, closing: bool) -> &'static str {
    let is = |tag: &str| name.eq_ignore_ascii_case(tag);
    if is("br") {
        "\n"
    } else if is("li") {
        if closing { "" } else { "\n• " }
    } else if breaking(name) {
        // `</p>` and `<p>` both end a paragraph; blank lines fold to one later.
        "\n\n"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(
        "<p>FOSDEM welcome and opening talk.</p>",
        "FOSDEM welcome and opening talk."
    )]
    #[case("<p>One\nline.</p><p>Two.</p>", "One line.\n\nTwo.")]
    #[case("a<br/>b<br>c", "a\nb\nc")]
    #[case("<ul><li>one</li><li>two</li></ul>", "• one\n• two")]
    #[case("<p>Tom &amp; Jerry &eacute;t&eacute;</p>", "Tom & Jerry été")]
    #[case("Rock &amp;amp; roll", "Rock & roll")]
    #[case("non&amp;#8209;breaking", "non\u{2011}breaking")]
    #[case("plain\ntext keeps\n\nits lines", "plain\ntext keeps\n\nits lines")]
    #[case("1 < 2 and 3 > 2", "1 < 2 and 3 > 2")]
    #[case("<p>a <a href=\"x\">link</a> &lt;b&gt;</p>", "a link <b>")]
    #[case("  \r\n  ", "")]
    fn abstracts_become_plain_text(#[case] raw: &str, #[case] plain: &str) {
        assert_eq!(plain_text(Some(raw)).unwrap_or_default(), plain);
    }

    #[test]
    fn escapes_hidden_in_entities_never_become_controls() {
        let text = plain_text(Some("<p>evil &#27;[2J &#x9b;31m done</p>")).unwrap_or_default();
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
}
