//! Text laid out for a pane of known width: headings, labelled fields whose values wrap under
//! themselves (a hanging indent), and paragraphs. Plain data: each piece of text says what it
//! is ([`Tone`]) and the screen decides how that looks. The app lays out the details and the
//! help as sheets, so it knows how far they scroll; the screen draws the same lines.

use unicode_width::UnicodeWidthStr;

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
}

/// Some text of one tone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Piece {
    pub text: String,
    pub tone: Tone,
}

impl Piece {
    /// `text` in `tone`.
    pub(crate) fn new(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
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

    /// `Label     value`, the value wrapping under itself.
    pub(crate) fn field(&mut self, label: &str, value: &str) {
        self.field_pieces(label, vec![Piece::plain(value)]);
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
}
