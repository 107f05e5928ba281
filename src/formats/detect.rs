//! Which format a file is in, from its content (never its name).

use std::fmt;
use std::str::FromStr;

use super::LoadError;

/// The programme formats dagsorden reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// dagsorden's own JSON.
    Native,
    /// frab / Pentabarf `schedule.xml`.
    FrabXml,
    /// The c3voc `schedule.json` that frab and pretalx publish.
    ScheduleJson,
    /// iCalendar (RFC 5545), `.ics`.
    ICalendar,
    /// Sessionize's API feeds ("All data", `view/Sessions`, `view/GridSmart`).
    Sessionize,
    /// The c3voc schedule v2: a flat list of events (the CCC hub's).
    ScheduleV2,
}

impl Format {
    /// Every format, in the order detection tries them (and errors name them): a new format
    /// joins by being listed here and saying in [`Self::recognises`] how its files open.
    pub const ALL: [Format; 6] = [
        Format::Native,
        Format::FrabXml,
        Format::ScheduleJson,
        Format::ICalendar,
        Format::Sessionize,
        Format::ScheduleV2,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Native => "native",
            Self::FrabXml => "xml",
            Self::ScheduleJson => "schedule-json",
            Self::ICalendar => "ical",
            Self::Sessionize => "sessionize",
            Self::ScheduleV2 => "schedule-v2",
        }
    }

    /// What the format is, for people.
    pub fn description(self) -> &'static str {
        match self {
            Self::Native => crate::tr!("format.native"),
            Self::FrabXml => "frab/Pentabarf schedule XML",
            Self::ScheduleJson => "frab/pretalx schedule.json",
            Self::ICalendar => "iCalendar",
            Self::Sessionize => "Sessionize",
            Self::ScheduleV2 => "c3voc schedule v2",
        }
    }

    /// The format the bytes are in: the first of [`Self::ALL`] that recognises them, or `None`
    /// when none does (see [`unrecognised`] for what to tell the user then).
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        let content = content_of(bytes);
        Self::ALL
            .into_iter()
            .find(|format| format.recognises(content))
    }

    /// Whether `content` (after any byte-order mark and leading white space) is in this format,
    /// judged from its opening only: a large programme is not read through.
    fn recognises(self, content: &[u8]) -> bool {
        match self {
            Self::Native => first_known_key(content) == Some(KnownKey::Native),
            Self::ScheduleJson => {
                first_known_key(content) == Some(KnownKey::Schedule)
                    && !super::sniff::is_schedule_v2(content)
            }
            Self::ScheduleV2 => {
                first_known_key(content) == Some(KnownKey::Schedule)
                    && super::sniff::is_schedule_v2(content)
            }
            Self::Sessionize => match content.first() {
                Some(b'{') => first_known_key(content) == Some(KnownKey::Sessionize),
                Some(b'[') => super::sniff::is_sessionize_view(content),
                _ => false,
            },
            Self::FrabXml => xml_root(content)
                .ok()
                .is_some_and(|root| root.eq_ignore_ascii_case(b"schedule")),
            Self::ICalendar => content
                .get(..CALENDAR_START.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(CALENDAR_START)),
        }
    }
}

/// The content without a byte-order mark and leading white space.
fn content_of(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The error for bytes no format recognised (or that one read but found no session in):
/// that the file looks cut off, when its opening already stops mid-way, or else what it looks
/// like and which formats were tried.
pub(crate) fn unrecognised(bytes: &[u8], origin: &str, tried: &[Format]) -> LoadError {
    let content = content_of(bytes);
    let unfinished = match content.first() {
        Some(b'{' | b'[') => json_shape(content).is_none(),
        Some(b'<') => xml_root(content).is_err(),
        // The opening line of a calendar, itself cut.
        Some(_) => {
            content.len() < CALENDAR_START.len()
                && CALENDAR_START[..content.len()].eq_ignore_ascii_case(content)
        }
        None => false,
    };
    if unfinished {
        return LoadError::cut_off(origin, bytes, bytes.len());
    }
    LoadError::Unrecognised {
        origin: origin.to_string(),
        tried: tried.to_vec(),
        looked_like: looks_like(content),
    }
}

/// What the content looks like, for a person: its root element and the elements in it, its
/// top-level keys, or its first words.
fn looks_like(content: &[u8]) -> String {
    match content.first() {
        None => crate::tr!("format.looks_empty").to_string(),
        Some(b'<') => {
            let root = String::from_utf8_lossy(xml_root(content).unwrap_or_default());
            let children = xml_children(content);
            if children.is_empty() {
                crate::tr!("format.looks_xml_empty", root = root)
            } else {
                crate::tr!(
                    "format.looks_xml",
                    root = root,
                    children = children.join(", ")
                )
            }
        }
        Some(_) if Format::ICalendar.recognises(content) => {
            let components = calendar_components(content);
            if components.is_empty() {
                crate::tr!("format.looks_ical_empty").to_string()
            } else {
                crate::tr!("format.looks_ical", components = components.join(", "))
            }
        }
        Some(b'{' | b'[') => match json_shape(content) {
            Some(shape) if content[0] == b'{' => {
                crate::tr!("format.looks_json_object", keys = shape)
            }
            _ => crate::tr!("format.looks_json_array").to_string(),
        },
        Some(_) => {
            let head = &content[..content.len().min(crate::text::MESSAGE_QUOTE_LIMIT * 4)];
            crate::tr!(
                "format.looks_text",
                start = format!(
                    "«{}»",
                    crate::text::clean_line(&String::from_utf8_lossy(head))
                )
            )
        }
    }
}

/// How an iCalendar file starts.
const CALENDAR_START: &[u8] = b"BEGIN:VCALENDAR";

/// The components inside a calendar (`VTODO`, `VTIMEZONE`), each once, in file order (a few).
fn calendar_components(content: &[u8]) -> Vec<String> {
    const SHOWN: usize = 8;
    let mut names: Vec<String> = Vec::new();
    for line in content.split(|&b| b == b'\n').skip(1) {
        let line = String::from_utf8_lossy(line);
        let Some(name) = line
            .get(..6)
            .filter(|begin| begin.eq_ignore_ascii_case("BEGIN:"))
            .map(|_| line[6..].trim().to_ascii_uppercase())
        else {
            continue;
        };
        if !names.contains(&name) {
            names.push(name);
            if names.len() == SHOWN {
                break;
            }
        }
    }
    names
}

/// Why an XML root could not be found: the opening ends first.
#[derive(Debug, PartialEq, Eq)]
struct Unfinished;

/// The name of the root element (its local name, without a prefix), skipping the XML
/// declaration, comments, processing instructions and a doctype.
fn xml_root(content: &[u8]) -> Result<&[u8], Unfinished> {
    let mut rest = content;
    loop {
        rest = content_of(rest);
        let skip_to =
            |rest: &[u8], end: &[u8]| find(rest, end).map(|at| at + end.len()).ok_or(Unfinished);
        if rest.starts_with(b"<?") {
            rest = &rest[skip_to(rest, b"?>")?..];
        } else if rest.starts_with(b"<!--") {
            rest = &rest[skip_to(rest, b"-->")?..];
        } else if rest.starts_with(b"<!") {
            // A doctype may hold an internal subset in brackets, with `>` inside it.
            let end = match (find(rest, b"["), find(rest, b">")) {
                (Some(open), Some(close)) if open < close => skip_to(rest, b"]>")?,
                (_, Some(close)) => close + 1,
                (_, None) => return Err(Unfinished),
            };
            rest = &rest[end..];
        } else if let Some(tag) = rest.strip_prefix(b"<") {
            let end = tag
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                .ok_or(Unfinished)?;
            let name = &tag[..end];
            let local = name
                .iter()
                .rposition(|&b| b == b':')
                .map_or(name, |c| &name[c + 1..]);
            return Ok(local);
        } else {
            return if rest.is_empty() {
                Err(Unfinished)
            } else {
                Ok(b"")
            };
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The names of the elements straight inside the root, each once, in file order (a few).
fn xml_children(content: &[u8]) -> Vec<String> {
    const SHOWN: usize = 8;
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut depth = 0usize;
    let mut names: Vec<String> = Vec::new();
    let mut buffer = Vec::new();
    while names.len() < SHOWN {
        match reader.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Start(e)) => {
                if depth == 1 {
                    note_child(&mut names, e.local_name().as_ref().as_bytes());
                }
                depth += 1;
            }
            Ok(quick_xml::events::Event::Empty(e)) if depth == 1 => {
                note_child(&mut names, e.local_name().as_ref().as_bytes());
            }
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            _ => {}
        }
        buffer.clear();
    }
    names
}

fn note_child(names: &mut Vec<String>, name: &[u8]) {
    let name = format!("<{}>", String::from_utf8_lossy(name));
    if !names.contains(&name) {
        names.push(name);
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_lowercase();
        let aliases: &[(&str, Format)] = &[
            ("json", Format::Native),
            ("frab", Format::FrabXml),
            ("pentabarf", Format::FrabXml),
            ("schedule.json", Format::ScheduleJson),
            ("pretalx", Format::ScheduleJson),
            ("ics", Format::ICalendar),
            ("icalendar", Format::ICalendar),
            ("schedule2", Format::ScheduleV2),
            ("v2", Format::ScheduleV2),
        ];
        Self::ALL
            .iter()
            .map(|f| (f.name(), *f))
            .chain(aliases.iter().copied())
            .find(|(name, _)| *name == wanted)
            .map(|(_, format)| format)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
                crate::tr!(
                    "import.unknown_format",
                    format = format!("{text:?}"),
                    known = names.join(", ")
                )
            })
    }
}

/// Top-level keys that tell the JSON formats apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KnownKey {
    /// The c3voc `schedule.json` wrapper.
    Schedule,
    /// A key of dagsorden's own format.
    Native,
    /// A list of Sessionize's "All data".
    Sessionize,
}

/// The first top-level key of the JSON object in `json` that tells the format, reading only as
/// far as that key (a large programme is not read through) and building nothing.
fn first_known_key(json: &[u8]) -> Option<KnownKey> {
    super::sniff::first_deciding_key(json, |path, key| {
        if !path.is_empty() {
            return None;
        }
        match key {
            b"schedule" => Some(KnownKey::Schedule),
            b"id" | b"title" | b"days" | b"themes" | b"parts" => Some(KnownKey::Native),
            b"sessions" | b"speakers" | b"categories" | b"questions" => Some(KnownKey::Sessionize),
            _ => None,
        }
    })
}

/// The keys of a JSON object and of the objects straight inside it, a few of each, as
/// `schedule {version, conference, events}, timestamp`; `None` when the text ends before the
/// object (or array) closes. Reads the whole value, so it is for messages, not detection.
fn json_shape(json: &[u8]) -> Option<String> {
    const SHOWN: usize = 8;
    let mut open: Vec<u8> = Vec::new();
    let mut keys: Vec<(String, Vec<String>)> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                let end = string_end(json, i + 1);
                if end >= json.len() {
                    return None;
                }
                if expecting_key {
                    let key = crate::text::clean_line(&String::from_utf8_lossy(&json[i + 1..end]));
                    let count = keys.len();
                    match (open.as_slice(), keys.last_mut()) {
                        ([b'{'], _) if count < SHOWN => keys.push((key, Vec::new())),
                        ([b'{', b'{'], Some((_, inner))) if inner.len() < SHOWN => {
                            inner.push(key);
                        }
                        _ => {}
                    }
                }
                expecting_key = false;
                i = end;
            }
            b @ (b'{' | b'[') => {
                open.push(b);
                expecting_key = b == b'{';
            }
            b'}' | b']' => {
                open.pop();
                if open.is_empty() {
                    return Some(shape_words(&keys));
                }
            }
            b',' => expecting_key = open.last() == Some(&b'{'),
            _ => {}
        }
        i += 1;
    }
    None
}

fn shape_words(keys: &[(String, Vec<String>)]) -> String {
    let words: Vec<String> = keys
        .iter()
        .map(|(key, inner)| {
            if inner.is_empty() {
                key.clone()
            } else {
                format!("{key} {{{}}}", inner.join(", "))
            }
        })
        .collect();
    words.join(", ")
}

/// The index of the quote closing the string whose content starts at `from`.
pub(super) fn string_end(json: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < json.len() {
        match json[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    json.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(b"<?xml version=\"1.0\"?><schedule/>", Some(Format::FrabXml))]
    #[case(b"\xef\xbb\xbf  <schedule>", Some(Format::FrabXml))]
    #[case(b"<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE s [<!ENTITY a \"b\">]>\n<Schedule x=\"1\">", Some(Format::FrabXml))]
    #[case(b"<foo><schedule/></foo>", None)]
    #[case(b"<?xml version=\"1.0\"?>", None)]
    #[case(b"BEGIN:VCALENDAR\r\nVERSION:2.0", Some(Format::ICalendar))]
    #[case(b"\r\nbegin:vcalendar\r\n", Some(Format::ICalendar))]
    #[case(b"{\"$schema\": \"x\", \"schedule\": {}}", Some(Format::ScheduleJson))]
    #[case(b"{\"schedule\": {\"conference\": {}}}", Some(Format::ScheduleJson))]
    #[case(
        b"{\"id\": \"x\", \"days\": [{\"schedule\": 1}]}",
        Some(Format::Native)
    )]
    #[case(b"{\"title\": \"\\\"schedule\", \"days\": []}", Some(Format::Native))]
    #[case(b"{\"a\": {\"schedule\": {}}, \"days\": []}", Some(Format::Native))]
    #[case(b"{\"sessions\": [], \"speakers\": []}", Some(Format::Sessionize))]
    #[case(b"[{\"groupId\": null, \"sessions\": []}]", Some(Format::Sessionize))]
    #[case(
        b"[{\"date\": \"2023-05-12T00:00:00\", \"rooms\": [], \"timeSlots\": []}]",
        Some(Format::Sessionize)
    )]
    #[case(
        b"{\"schedule\": {\"version\": \"1\", \"conference\": {\"days\": []}, \"events\": []}}",
        Some(Format::ScheduleV2)
    )]
    #[case(
        b"{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": {}}]}, \"events\": []}}",
        Some(Format::ScheduleJson)
    )]
    #[case(
        b"{\"schedule\": {\"conference\": {\"events\": []}}}",
        Some(Format::ScheduleJson)
    )]
    #[case(b"{\"a\": 1}", None)]
    #[case(b"[1, 2]", None)]
    #[case(b"null", None)]
    #[case(b"", None)]
    fn formats_are_told_by_their_content(#[case] bytes: &[u8], #[case] format: Option<Format>) {
        assert_eq!(Format::detect(bytes), format);
    }

    #[rstest]
    #[case(
        b"<foo><bar/><baz>x</baz><bar/></foo>",
        "it is XML with the root element <foo>, holding <bar>, <baz>"
    )]
    #[case(
        b"<schedule><entry><title>t</title></entry></schedule>",
        "it is XML with the root element <schedule>, holding <entry>"
    )]
    #[case(
        b"{\"schedule\": {\"version\": 1, \"events\": [{\"guid\": 1}]}, \"t\": 2}",
        "it is a JSON object with the keys schedule {version, events}, t"
    )]
    #[case(b"[{\"a\": 1}]", "it is a JSON array")]
    #[case(
        b"nul\n",
        "it is text, not JSON, XML or iCalendar, starting \u{ab}nul\u{bb}"
    )]
    #[case(b"  ", "the file is empty")]
    #[case(
        b"<schedule/>",
        "it is XML with the root element <schedule> and nothing in it"
    )]
    #[case(
        b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
        "it is an iCalendar file without events, holding VTODO"
    )]
    #[case(
        b"BEGIN:VCALENDAR\nEND:VCALENDAR\n",
        "it is an iCalendar file with nothing in it"
    )]
    fn unrecognised_files_are_described(#[case] bytes: &[u8], #[case] looks: &str) {
        match unrecognised(bytes, "f", &Format::ALL) {
            LoadError::Unrecognised {
                looked_like, tried, ..
            } => {
                assert_eq!(looked_like, looks);
                assert_eq!(tried, Format::ALL);
            }
            other => panic!("{other}"),
        }
    }

    #[rstest]
    #[case(b"{\"schedule\": {\"conf")]
    #[case(b"[1, 2")]
    #[case(b"<?xml version=\"1.0\"?><sched")]
    #[case(b"<!-- a comment that never ends")]
    #[case(b"BEGIN:VCAL")]
    fn an_opening_that_stops_is_cut_off(#[case] bytes: &[u8]) {
        let error = unrecognised(bytes, "f", &Format::ALL);
        assert!(matches!(error, LoadError::CutOff { .. }), "{error}");
    }

    #[test]
    fn format_names_round_trip_and_aliases_work() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert_eq!("ICS".parse::<Format>(), Ok(Format::ICalendar));
        assert!(
            "csv"
                .parse::<Format>()
                .is_err_and(|e| e.contains("known: native"))
        );
    }
}
