//! Which format a file is in, from its content (never its name).

use std::fmt;
use std::str::FromStr;

/// The programme formats dagsorden reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// The format the bytes are in; anything unrecognised is tried as dagsorden's JSON, whose
    /// errors then say what is wrong.
    pub fn detect(bytes: &[u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len());
        let content = &bytes[start..];
        if content.starts_with(b"<") {
            Self::FrabXml
        } else if content
            .get(..15)
            .is_some_and(|head| head.eq_ignore_ascii_case(b"BEGIN:VCALENDAR"))
        {
            Self::ICalendar
        } else if content.starts_with(b"{") && first_known_key(content) == Some(KnownKey::Schedule)
        {
            if super::sniff::is_schedule_v2(content) {
                Self::ScheduleV2
            } else {
                Self::ScheduleJson
            }
        } else if (content.starts_with(b"{")
            && first_known_key(content) == Some(KnownKey::Sessionize))
            || (content.starts_with(b"[") && super::sniff::is_sessionize_view(content))
        {
            Self::Sessionize
        } else {
            Self::Native
        }
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
    let mut depth = 0usize;
    let mut i = 0;
    // At depth 1, the next string is a key when we are right after `{` or `,`.
    let mut expecting_key = false;
    while i < json.len() {
        match json[i] {
            b'"' => {
                let end = string_end(json, i + 1);
                if depth == 1 && expecting_key {
                    match &json[i + 1..end.min(json.len())] {
                        b"schedule" => return Some(KnownKey::Schedule),
                        b"id" | b"title" | b"days" | b"themes" | b"parts" => {
                            return Some(KnownKey::Native);
                        }
                        b"sessions" | b"speakers" | b"categories" | b"questions" => {
                            return Some(KnownKey::Sessionize);
                        }
                        _ => {}
                    }
                }
                expecting_key = false;
                i = end;
            }
            b'{' | b'[' => {
                depth += 1;
                expecting_key = depth == 1 && json[i] == b'{';
            }
            b'}' | b']' => {
                if depth <= 1 {
                    return None;
                }
                depth -= 1;
            }
            b',' => expecting_key = depth == 1,
            _ => {}
        }
        i += 1;
    }
    None
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
    #[case(b"<?xml version=\"1.0\"?><schedule/>", Format::FrabXml)]
    #[case(b"\xef\xbb\xbf  <schedule>", Format::FrabXml)]
    #[case(b"BEGIN:VCALENDAR\r\nVERSION:2.0", Format::ICalendar)]
    #[case(b"\r\nbegin:vcalendar\r\n", Format::ICalendar)]
    #[case(b"{\"$schema\": \"x\", \"schedule\": {}}", Format::ScheduleJson)]
    #[case(b"{\"schedule\": {\"conference\": {}}}", Format::ScheduleJson)]
    #[case(b"{\"id\": \"x\", \"days\": [{\"schedule\": 1}]}", Format::Native)]
    #[case(b"{\"title\": \"\\\"schedule\", \"days\": []}", Format::Native)]
    #[case(b"{\"a\": {\"schedule\": {}}, \"days\": []}", Format::Native)]
    #[case(b"[1, 2]", Format::Native)]
    #[case(b"{\"sessions\": [], \"speakers\": []}", Format::Sessionize)]
    #[case(b"[{\"groupId\": null, \"sessions\": []}]", Format::Sessionize)]
    #[case(
        b"[{\"date\": \"2023-05-12T00:00:00\", \"rooms\": [], \"timeSlots\": []}]",
        Format::Sessionize
    )]
    #[case(
        b"{\"schedule\": {\"version\": \"1\", \"conference\": {\"days\": []}, \"events\": []}}",
        Format::ScheduleV2
    )]
    #[case(
        b"{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": {}}]}, \"events\": []}}",
        Format::ScheduleJson
    )]
    #[case(
        b"{\"schedule\": {\"conference\": {\"events\": []}}}",
        Format::ScheduleJson
    )]
    #[case(b"", Format::Native)]
    fn formats_are_told_by_their_content(#[case] bytes: &[u8], #[case] format: Format) {
        assert_eq!(Format::detect(bytes), format);
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
