//! Text laid out for a pane of known width: headings, labelled fields whose values wrap under
//! themselves (a hanging indent), and paragraphs. The details pane and the help are sheets.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::style;

/// Width of a field's label column.
const LABEL_WIDTH: usize = 10;

pub struct Sheet {
    width: usize,
    label_width: usize,
    lines: Vec<Line<'static>>,
}

impl Sheet {
    pub fn new(width: u16) -> Self {
        Self::with_labels(width, LABEL_WIDTH)
    }

    /// A sheet whose field labels take `label_width` columns.
    pub fn with_labels(width: u16, label_width: usize) -> Self {
        Self {
            width: usize::from(width).max(1),
            label_width,
            lines: Vec::new(),
        }
    }

    pub fn into_lines(self) -> Vec<Line<'static>> {
        self.lines
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    /// A bold line, wrapped.
    pub fn heading(&mut self, text: &str) {
        self.styled(text, style::TITLE);
    }

    /// Plain text; each line of `text` is its own paragraph, wrapped.
    pub fn text(&mut self, text: &str) {
        self.styled(text, Style::new());
    }

    pub fn styled(&mut self, text: &str, style: Style) {
        for paragraph in text.split('\n') {
            self.wrapped(paragraph, style, "", "");
        }
    }

    /// `Label     value`, the value wrapping under itself.
    pub fn field(&mut self, label: &str, value: &str) {
        self.field_spans(label, vec![Span::raw(value.to_string())]);
    }

    /// A field whose value has styled parts; it wraps as one text, the first part's style kept.
    pub fn field_spans(&mut self, label: &str, value: Vec<Span<'static>>) {
        self.labelled(Span::styled(label.to_string(), style::LABEL), value);
    }

    /// A value beside a label of any style, the value wrapping under itself.
    pub fn labelled(&mut self, label: Span<'static>, value: Vec<Span<'static>>) {
        let label_width = self.label_width;
        let indent = " ".repeat(label_width);
        if self.width <= label_width + 8 || label.width() >= label_width {
            // Too narrow for two columns: the label on a line of its own.
            self.lines.push(Line::from(label));
            self.push_spans(value, &indent[..2.min(indent.len())]);
            return;
        }
        let label = Span::styled(format!("{:<label_width$}", label.content), label.style);
        let text: String = value.iter().map(|s| s.content.as_ref()).collect();
        let unwrapped = Line::from(value.clone());
        if unwrapped.width() + label_width <= self.width {
            let mut spans = vec![label];
            spans.extend(value);
            self.lines.push(Line::from(spans));
            return;
        }
        let style = value.first().map_or_else(Style::new, |s| s.style);
        let options = textwrap::Options::new(self.width).subsequent_indent(&indent);
        let options = options.initial_indent(&indent);
        for (i, row) in textwrap::wrap(&text, options).into_iter().enumerate() {
            let body = row.get(label_width..).unwrap_or_default().to_string();
            let head = if i == 0 {
                label.clone()
            } else {
                Span::raw(indent.clone())
            };
            self.lines
                .push(Line::from(vec![head, Span::styled(body, style)]));
        }
    }

    /// Styled parts as one wrapped paragraph indented by `indent`.
    pub fn push_spans(&mut self, spans: Vec<Span<'static>>, indent: &str) {
        let line = Line::from(spans);
        if line.width() + indent.len() <= self.width {
            let mut spans = vec![Span::raw(indent.to_string())];
            spans.extend(line.spans);
            self.lines.push(Line::from(spans));
            return;
        }
        let style = line.spans.first().map_or_else(Style::new, |s| s.style);
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        self.wrapped(&text, style, indent, indent);
    }

    fn wrapped(&mut self, text: &str, style: Style, first: &str, rest: &str) {
        if text.is_empty() {
            self.blank();
            return;
        }
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest);
        for row in textwrap::wrap(text, options) {
            self.lines.push(Line::styled(row.into_owned(), style));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(sheet: Sheet) -> Vec<String> {
        sheet
            .into_lines()
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
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
    fn short_fields_stay_on_one_line_with_their_styles() {
        let mut sheet = Sheet::new(40);
        sheet.field_spans("Star", vec![Span::raw("★ starred"), Span::raw(" (f)")]);
        let lines = sheet.into_lines();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].spans.len(), 3);
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
