//! Text laid out for a pane of known width: headings, labelled fields whose values wrap under
//! themselves (a hanging indent), and paragraphs. Plain data: each piece of text says what it
//! is ([`Tone`]) and the screen decides how that looks. The app lays out the details and the
//! help as sheets, so it knows how far they scroll; the screen draws the same lines.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::links;

/// Width of a field's label column.
const LABEL_WIDTH: usize = 10;

/// What a piece of text is, which decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tone {
    /// Ordinary text.
    #[default]
    Plain,
    /// A heading or a title.
    Title,
    /// A note that matters less.
    Dim,
    /// A field's label.
    Label,
    /// A star, or a change to a starred session.
    Star,
    /// A clash, or a cancelled session.
    Clash,
    /// A session in progress.
    OnNow,
    /// A key to press.
    Key,
    /// A web address that can be opened.
    Link,
}

/// Some text of one tone; a web address also says where it leads (the whole address, even
/// where its text is cut to fit).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Piece {
    pub text: String,
    pub tone: Tone,
    pub link: Option<String>,
}

impl Piece {
    /// `text` in `tone`.
    pub(crate) fn new(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
            link: None,
        }
    }

    /// A web address as shown and opened (see [`links::openable`]); one that may not be opened
    /// is plain text, without any password it carries.
    pub(crate) fn link(raw: &str) -> Self {
        match links::openable(raw) {
            Ok(url) => Self {
                text: url.clone(),
                tone: Tone::Link,
                link: Some(url),
            },
            Err(_) => Self::plain(links::without_credentials(raw)),
        }
    }

    /// Ordinary text.
    pub(crate) fn plain(text: impl Into<String>) -> Self {
        Self::new(text, Tone::Plain)
    }

    /// How many columns it takes.
    pub(crate) fn width(&self) -> usize {
        self.text.width()
    }
}

/// One line of a sheet: its pieces, and the tone of the line as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct SheetLine {
    pub pieces: Vec<Piece>,
    pub tone: Tone,
}

impl SheetLine {
    fn of(pieces: Vec<Piece>) -> Self {
        Self {
            pieces,
            tone: Tone::Plain,
        }
    }

    /// The line's text, without its tones: what the tests compare.
    #[cfg(test)]
    fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Lines laid out for one width.
#[derive(Debug)]
pub(crate) struct Sheet {
    width: usize,
    label_width: usize,
    lines: Vec<SheetLine>,
}

impl Sheet {
    /// A sheet `width` columns wide.
    pub(crate) fn new(width: u16) -> Self {
        Self::with_labels(width, LABEL_WIDTH)
    }

    /// A sheet whose field labels take `label_width` columns.
    pub(crate) fn with_labels(width: u16, label_width: usize) -> Self {
        Self {
            width: usize::from(width).max(1),
            label_width,
            lines: Vec::new(),
        }
    }

    /// The lines laid out so far.
    pub(crate) fn into_lines(self) -> Vec<SheetLine> {
        self.lines
    }

    /// An empty line.
    pub(crate) fn blank(&mut self) {
        self.lines.push(SheetLine::default());
    }

    /// A heading, wrapped.
    pub(crate) fn heading(&mut self, text: &str) {
        self.styled(text, Tone::Title);
    }

    /// Plain text; each line of `text` is its own paragraph, wrapped.
    pub(crate) fn text(&mut self, text: &str) {
        self.styled(text, Tone::Plain);
    }

    /// Text of one tone; each line of `text` is its own paragraph, wrapped.
    pub(crate) fn styled(&mut self, text: &str, tone: Tone) {
        for paragraph in text.split('\n') {
            self.wrapped(paragraph, tone, "", "");
        }
    }

    /// `Label     value`, the value wrapping under itself; a value that is a web address is
    /// never broken (see [`Sheet::link_field`]).
    pub(crate) fn field(&mut self, label: &str, value: &str) {
        if is_one_address(value) {
            self.link_field(label, value);
        } else {
            self.field_pieces(label, vec![Piece::plain(value)]);
        }
    }

    /// A labelled web address, whole: beside its label when it fits there, else on a line of
    /// its own under the label; wider than the sheet, its text is cut with `…` while it still
    /// leads to the whole address.
    pub(crate) fn link_field(&mut self, label: &str, url: &str) {
        let link = Piece::link(url);
        let label_width = self.label_width;
        if label.width() < label_width && label_width + link.width() <= self.width {
            let label = Piece::new(format!("{label:<label_width$}"), Tone::Label);
            self.lines.push(SheetLine::of(vec![label, link]));
            return;
        }
        self.lines
            .push(SheetLine::of(vec![Piece::new(label, Tone::Label)]));
        self.link_line("", url);
    }

    /// A web address on a line of its own after `indent`, whole, or cut with `…` to fit while
    /// still leading to all of it.
    pub(crate) fn link_line(&mut self, indent: &str, url: &str) {
        let link = cut_to(Piece::link(url), self.width.saturating_sub(indent.width()));
        self.lines
            .push(SheetLine::of(vec![Piece::plain(indent), link]));
    }

    /// A field whose value has parts of different tones; it wraps as one text, the first
    /// part's tone kept.
    pub(crate) fn field_pieces(&mut self, label: &str, value: Vec<Piece>) {
        self.labelled(Piece::new(label, Tone::Label), value);
    }

    /// A value beside a label of any tone, the value wrapping under itself.
    pub(crate) fn labelled(&mut self, label: Piece, value: Vec<Piece>) {
        let label_width = self.label_width;
        let indent = " ".repeat(label_width);
        if self.width <= label_width + 8 || label.width() >= label_width {
            // Too narrow for two columns: the label on a line of its own.
            self.lines.push(SheetLine::of(vec![label]));
            self.push_pieces(value, &indent[..2.min(indent.len())]);
            return;
        }
        let label = Piece::new(format!("{:<label_width$}", label.text), label.tone);
        let text: String = value.iter().map(|p| p.text.as_str()).collect();
        if text.width() + label_width <= self.width {
            let mut pieces = vec![label];
            pieces.extend(value);
            self.lines.push(SheetLine::of(pieces));
            return;
        }
        let tone = value.first().map_or(Tone::Plain, |p| p.tone);
        let options = textwrap::Options::new(self.width)
            .initial_indent(&indent)
            .subsequent_indent(&indent);
        for (i, row) in textwrap::wrap(&text, options).into_iter().enumerate() {
            let body = row.get(label_width..).unwrap_or_default().to_string();
            let head = if i == 0 {
                label.clone()
            } else {
                Piece::plain(indent.clone())
            };
            self.lines
                .push(SheetLine::of(vec![head, Piece::new(body, tone)]));
        }
    }

    /// Parts of different tones as one wrapped paragraph indented by `indent`.
    pub(crate) fn push_pieces(&mut self, pieces: Vec<Piece>, indent: &str) {
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
        if text.width() + indent.len() <= self.width {
            let mut line = vec![Piece::plain(indent)];
            line.extend(pieces);
            self.lines.push(SheetLine::of(line));
            return;
        }
        let tone = pieces.first().map_or(Tone::Plain, |p| p.tone);
        self.wrapped(&text, tone, indent, indent);
    }

    fn wrapped(&mut self, text: &str, tone: Tone, first: &str, rest: &str) {
        if text.is_empty() {
            self.blank();
            return;
        }
        if !links::find(text).is_empty() {
            self.wrapped_with_links(text, tone, first, rest);
            return;
        }
        self.wrapped_words(text, tone, first, rest);
    }

    /// Wraps at spaces, breaking a word only when it is wider than a line.
    fn wrapped_words(&mut self, text: &str, tone: Tone, first: &str, rest: &str) {
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest);
        for row in textwrap::wrap(text, options) {
            self.lines.push(SheetLine {
                pieces: vec![Piece::plain(row.into_owned())],
                tone,
            });
        }
    }
}

impl Sheet {
    /// Wraps text with web addresses in it without ever breaking one: an address goes whole to
    /// the next line, and one wider than a whole line is cut to fit (leading to all of it).
    fn wrapped_with_links(&mut self, text: &str, tone: Tone, first: &str, rest: &str) {
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        for (i, row) in textwrap::wrap(text, options).into_iter().enumerate() {
            let indent = if i == 0 { first } else { rest };
            let body = row.get(indent.len()..).unwrap_or_default();
            let pieces = with_links(body);
            let width = self.width.saturating_sub(indent.width());
            match fit(pieces, width) {
                Some(pieces) => {
                    let mut line = vec![Piece::plain(indent)];
                    line.extend(pieces);
                    self.lines.push(SheetLine { pieces: line, tone });
                }
                // A word wider than a line that is not an address: broken as any other.
                None => self.wrapped_words(body, tone, indent, indent),
            }
        }
    }
}

/// Whether `value` is one web address and nothing else.
fn is_one_address(value: &str) -> bool {
    let found = links::find(value);
    found.len() == 1 && found[0] == (0..value.len())
}

/// A row of text as plain pieces and the web addresses in it.
fn with_links(row: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in links::find(row) {
        if range.start > at {
            pieces.push(Piece::plain(&row[at..range.start]));
        }
        pieces.push(Piece::link(&row[range.clone()]));
        at = range.end;
    }
    if at < row.len() {
        pieces.push(Piece::plain(&row[at..]));
    }
    pieces
}

/// The pieces within `width` columns: as they are, or with the widest address cut to fit;
/// `None` when they are too wide and have no address to cut.
fn fit(mut pieces: Vec<Piece>, width: usize) -> Option<Vec<Piece>> {
    let total: usize = pieces.iter().map(Piece::width).sum();
    if total <= width {
        return Some(pieces);
    }
    let widest = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| p.link.is_some())
        .max_by_key(|(_, p)| p.width())
        .map(|(i, _)| i)?;
    let others = total - pieces[widest].width();
    let piece = std::mem::take(&mut pieces[widest]);
    pieces[widest] = cut_to(piece, width.saturating_sub(others));
    Some(pieces)
}

/// The piece's text cut to `width` columns, ending in `…` when cut; where it leads is kept.
fn cut_to(piece: Piece, width: usize) -> Piece {
    if piece.width() <= width {
        return piece;
    }
    let mut text = String::new();
    let mut used = 0;
    for c in piece.text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        text.push(c);
        used += w;
    }
    text.push('…');
    Piece { text, ..piece }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(sheet: Sheet) -> Vec<String> {
        sheet.into_lines().iter().map(SheetLine::text).collect()
    }

    #[test]
    fn field_values_wrap_under_themselves() {
        let mut sheet = Sheet::new(30);
        sheet.field("When", "Tuesday 13 February 2024, time not announced");
        assert_eq!(
            rows(sheet),
            [
                "When      Tuesday 13 February",
                "          2024, time not",
                "          announced",
            ]
        );
    }

    #[test]
    fn short_fields_stay_on_one_line_with_their_tones() {
        let mut sheet = Sheet::new(40);
        sheet.field_pieces(
            "Star",
            vec![Piece::plain("★ starred"), Piece::plain(" (f)")],
        );
        let lines = sheet.into_lines();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].pieces.len(), 3);
    }

    #[test]
    fn a_very_narrow_sheet_puts_labels_above_values() {
        let mut sheet = Sheet::new(12);
        sheet.field("Room", "Nidarossalen");
        assert_eq!(rows(sheet), ["Room", "  Nidarossal", "  en"]);
    }

    #[test]
    fn paragraphs_wrap_and_blank_lines_stay() {
        let mut sheet = Sheet::new(10);
        sheet.text("one two three\n\nfour");
        assert_eq!(rows(sheet), ["one two", "three", "", "four"]);
    }

    const LONG: &str =
        "https://fosdem.org/2025/schedule/event/fosdem-2025-5830-unstoppable-f-droid/";

    #[test]
    fn an_address_in_a_paragraph_goes_whole_to_the_next_line() {
        let mut sheet = Sheet::new(80);
        sheet.text(&format!("Read more at {LONG} and come."));
        let lines = sheet.into_lines();
        let rows: Vec<String> = lines.iter().map(SheetLine::text).collect();
        assert_eq!(rows, ["Read more at", &format!("{LONG} and"), "come."]);
        let link = lines[1]
            .pieces
            .iter()
            .find(|p| p.link.is_some())
            .expect("a link");
        assert_eq!((link.tone, link.link.as_deref()), (Tone::Link, Some(LONG)));
    }

    #[test]
    fn an_address_wider_than_the_sheet_is_cut_but_leads_to_all_of_it() {
        let mut sheet = Sheet::new(30);
        sheet.text(&format!("See {LONG}."));
        let lines = sheet.into_lines();
        let rows: Vec<String> = lines.iter().map(SheetLine::text).collect();
        assert_eq!(rows, ["See", "https://fosdem.org/2025/sche…."]);
        assert_eq!(lines[1].pieces.iter().map(Piece::width).sum::<usize>(), 30);
        let link = lines[1]
            .pieces
            .iter()
            .find(|p| p.link.is_some())
            .expect("a link");
        assert_eq!(link.link.as_deref(), Some(LONG));
    }

    #[test]
    fn a_link_field_keeps_its_address_whole_under_its_label() {
        let mut sheet = Sheet::new(40);
        sheet.field("Link", "https://short.example/a");
        sheet.field("Link", LONG);
        sheet.field("Video", "https://me:secret@video.example/a");
        assert_eq!(
            rows(sheet),
            [
                "Link      https://short.example/a",
                "Link",
                "https://fosdem.org/2025/schedule/event/…",
                "Video     https://video.example/a",
            ]
        );
    }

    #[test]
    fn words_wider_than_a_line_still_break_beside_an_address() {
        let mut sheet = Sheet::new(10);
        sheet.text("https://a.example abcdefghijklmno");
        assert_eq!(rows(sheet), ["https://a…", "abcdefghij", "klmno"]);
    }
}
