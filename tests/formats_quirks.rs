//! Small hand-written files, one per quirk real programme files have (see the formats notes):
//! each is read the way a person at the venue would expect, and none is refused for it.

use dagsorden::formats::{Format, Loaded, parse};
use dagsorden::model::{DayTime, Kind, Programme, Session};

fn load(text: &str) -> Loaded {
    parse(text.as_bytes(), "quirk", None).unwrap_or_else(|e| panic!("{e}"))
}

fn error(text: &str) -> String {
    match parse(text.as_bytes(), "broken", None) {
        Ok(loaded) => panic!(
            "expected an error, read {} sessions",
            loaded.programme.sessions.len()
        ),
        Err(e) => e.to_string(),
    }
}

fn session<'a>(p: &'a Programme, title: &str) -> &'a Session {
    p.sessions
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no session {title:?} in {:?}", titles(p)))
}

fn titles(p: &Programme) -> Vec<&str> {
    p.sessions.iter().map(|s| s.title.as_str()).collect()
}

/// The keys of every session with this title, in programme order.
fn keys_titled<'a>(p: &'a Programme, title: &str) -> Vec<&'a str> {
    p.sessions
        .iter()
        .filter(|s| s.title == title)
        .map(|s| s.id.as_str())
        .collect()
}

/// `day 1 09:30–10:00 Room`.
fn slot(p: &Programme, s: &Session) -> String {
    let t =
        |t: Option<dagsorden::model::DayTime>| t.map_or_else(|| "--:--".into(), |t| t.to_string());
    let date = p.days[s.day]
        .date
        .map_or_else(|| format!("day {}", s.day + 1), |d| d.to_string());
    format!(
        "{date} {}–{} {}",
        t(s.start),
        t(s.end),
        p.room_name(s).unwrap_or("-")
    )
}

const OLD_PENTABARF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>  Old   Conference  </title>
    <day_change>09:00:00</day_change>
    <unknown_element><nested>ignored</nested></unknown_element>
  </conference>
  <day index="1" date="2010-02-06">
    <event id="1">
      <start>10:00</start><duration>1:30</duration><room>Main hall</room>
      <title>Straight under the day</title>
      <persons><person id="7">   Ada   Lovelace  </person><person id="8"></person></persons>
    </event>
    <event id="2">
      <start>01:30</start><duration>00:30:00</duration><room>Main hall</room>
      <title>After midnight</title>
      <persons/>
    </event>
  </day>
</schedule>"#;

#[test]
fn old_pentabarf_events_under_the_day_with_local_times() {
    let loaded = load(OLD_PENTABARF);
    assert_eq!(loaded.format, Format::FrabXml);
    let p = &loaded.programme;
    assert_eq!(p.title, "Old Conference");
    let first = session(p, "Straight under the day");
    assert_eq!(slot(p, first), "2010-02-06 10:00–11:30 Main hall");
    assert_eq!(first.speakers.len(), 1, "an empty person is no speaker");
    assert_eq!(first.speakers[0].name, "Ada Lovelace");
    let late = session(p, "After midnight");
    assert_eq!(
        slot(p, late),
        "2010-02-06 01:30–02:00 Main hall",
        "before the day change: the night after"
    );
    assert_eq!(late.start.map(DayTime::minutes), Some(25 * 60 + 30));
    assert!(late.speakers.is_empty());
}

const FRAB_QUIRKS: &str = r#"<schedule>
  <conference><title>Quirks</title><time_zone_name>Europe/Brussels</time_zone_name></conference>
  <day index="1" date="2025-02-01" start="2025-02-01T09:00:00+01:00" end="2025-02-02T04:00:00+01:00">
    <room name="Parent room">
      <event guid="g-1" id="10">
        <date>2025-02-01T10:00:00+01:00</date><start>11:00</start><duration>00:45</duration>
        <room>Own room</room><title>Date wins over start</title><track>Tools</track>
        <abstract>&lt;p&gt;Rock &amp;amp; roll &amp;#8209; &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</abstract>
        <description>&lt;p&gt;Rock &amp;amp; roll &amp;#8209; &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description>
        <links><link href="https://example.org/slides">Slides</link><link>no href</link></links>
      </event>
      <event guid="g-2" id="11">
        <date>2025-02-01T09:00:00Z</date><duration>12:00</duration><title>Offset differs: twelve hours</title>
      </event>
      <event guid="g-3" id="12">
        <date>2025-02-01T20:00:00+01:00</date><duration>26:00</duration><title>Longer than a day</title>
      </event>
      <event guid="g-4" id="13">
        <date>2025-02-01T14:00:00+01:00</date><duration>0:30</duration><title>Repeated</title>
      </event>
      <event guid="g-4" id="13">
        <date>2025-02-01T16:00:00+01:00</date><duration>0:30</duration><title>Repeated</title>
      </event>
      <event guid="g-5" id="14">
        <date>2025-02-01T17:00:00+01:00</date><duration>0:30</duration><title></title>
      </event>
      <event guid="g-6" id="15">
        <date>not a date</date><duration>forever</duration><title>Time unreadable</title>
      </event>
      <event guid="g-7" id="16">
        <date>2025-02-01T18:00:00+01:00</date><duration>00:30</duration>
        <title>Evil &#27;[2J title&#x7;</title>
        <type>&#27;[31mred&#x7; kind</type>
        <persons><person>Ok&#x1b;]0;pwned&#x7; Name</person></persons>
      </event>
    </room>
  </day>
</schedule>"#;

#[test]
fn frab_xml_quirks_are_survived() {
    let loaded = load(FRAB_QUIRKS);
    let p = &loaded.programme;
    let first = session(p, "Date wins over start");
    assert_eq!(
        slot(p, first),
        "2025-02-01 10:00–10:45 Parent room",
        "the parent room is the rule"
    );
    assert_eq!(
        first.description_text().as_deref(),
        Some("Rock & roll \u{2011} bold\n\nSecond"),
        "HTML stripped, double escapes decoded, a description equal to the abstract shown once"
    );
    assert_eq!(first.links.len(), 1);
    assert_eq!(first.links[0].title.as_deref(), Some("Slides"));
    let utc = session(p, "Offset differs: twelve hours");
    assert_eq!(
        slot(p, utc),
        "2025-02-01 10:00–22:00 Parent room",
        "UTC shown in the venue's zone"
    );
    assert_eq!(
        slot(p, session(p, "Longer than a day")),
        "2025-02-01 20:00–22:00 Parent room"
    );
    assert_eq!(
        session(p, "Longer than a day").duration_minutes(),
        Some(26 * 60)
    );
    let repeated = keys_titled(p, "Repeated");
    assert_eq!(
        repeated,
        ["g-4", "g-4@2025-02-01T16:00"],
        "a repeat is a second session with its own key"
    );
    let unreadable = session(p, "Time unreadable");
    assert_eq!(
        (unreadable.start, unreadable.day),
        (None, 0),
        "kept, without a guessed time"
    );
    let evil = session(p, "Evil title");
    assert!(!evil.title.chars().any(char::is_control));
    assert_eq!(
        evil.kind,
        Kind::Other("red kind".into()),
        "a file's own kind is cleaned"
    );
    assert!(
        !evil.speakers[0].name.chars().any(char::is_control),
        "{:?}",
        evil.speakers
    );
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("event 14") && w.contains("without a title")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("event 15") && w.contains("without a time")),
        "{warnings:?}"
    );
    assert_eq!(
        p.days[0].closes.map(|t| t.to_string()).as_deref(),
        Some("04:00")
    );
}

/// As a static-site generator writes frab: people straight in the event as one list, an empty
/// duration, descriptions in CDATA, and a break listed with the same id in every room.
#[test]
fn a_hand_made_frab_file_is_read_as_meant() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>2019-05-31</version>
  <conference><title>Semantic Web Day</title><acronym></acronym></conference>
  <day date="2019-05-22" start="2019-05-22" end="2019-05-22" index="1">
    <room name="Main Track">
      <event id="101"><title>Welcome</title><date>2019-05-22T09:00:00Z</date><start>09:00</start>
        <duration>00:10</duration><person>Dr. Ada Lovelace, Charles Babbage</person>
        <track>Main Track</track><description><![CDATA[]]></description></event>
      <event id="997"><title>Coffee</title><date>2019-05-22T11:00:00Z</date><start>11:00</start>
        <duration>00:20</duration><person></person><track>Pause</track></event>
      <event id="300"><title>Hackathon</title><date>2019-05-22T09:40:00Z</date><start>09:40</start>
        <duration></duration><person></person>
        <description><![CDATA[<p>Bring a <em>laptop</em> &amp; ideas</p>]]></description></event>
    </room>
    <room name="Tutorials">
      <event id="997"><title>Coffee</title><date>2019-05-22T11:00:00Z</date><start>11:00</start>
        <duration>00:20</duration><person></person><track>Pause</track></event>
    </room>
  </day>
</schedule>"#;
    let loaded = load(xml);
    let p = &loaded.programme;
    let welcome = session(p, "Welcome");
    let names: Vec<&str> = welcome.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Dr. Ada Lovelace", "Charles Babbage"]);
    assert_eq!(slot(p, welcome), "2019-05-22 09:00–09:10 Main Track");
    let hackathon = session(p, "Hackathon");
    assert!(hackathon.speakers.is_empty());
    assert_eq!(hackathon.end, None, "no length given, none guessed");
    assert_eq!(
        hackathon.description_text().as_deref(),
        Some("Bring a laptop & ideas"),
        "the CDATA is HTML, read as such"
    );
    let coffee = keys_titled(p, "Coffee");
    assert_eq!(coffee.len(), 2, "one coffee break in each room");
    assert_ne!(coffee[0], coffee[1], "each with a key of its own");
}

#[test]
fn a_day_dated_in_utc_is_shown_on_its_local_date() {
    let xml = r#"<schedule><conference><title>Far east</title><time_zone_name>Asia/Tokyo</time_zone_name></conference>
      <day index="1" date="2024-05-31"><room name="A">
        <event id="1"><date>2024-06-01T09:00:00+09:00</date><duration>01:00</duration><title>Morning</title></event>
        <event id="2"><date>2024-06-01T17:00:00+09:00</date><duration>01:00</duration><title>Evening</title></event>
      </room></day></schedule>"#;
    let p = load(xml).programme;
    assert_eq!(slot(&p, session(&p, "Morning")), "2024-06-01 09:00–10:00 A");
}

#[test]
fn references_are_resolved_and_unknown_entities_kept_as_written() {
    let xml = r#"<schedule><conference><title>Refs</title></conference>
      <day index="1" date="2025-02-01"><room name="A">
        <event id="1"><date>2025-02-01T09:00:00+01:00</date><duration>01:00</duration>
          <title>Caf&#233; &amp; &#x1F331; &unknown; end</title>
          <abstract>&lt;p&gt;One &amp;amp; two&lt;/p&gt;</abstract></event>
      </room></day></schedule>"#;
    let p = load(xml).programme;
    let s = &p.sessions[0];
    assert_eq!(s.title, "Café & 🌱 &unknown; end");
    assert_eq!(s.description_text().as_deref(), Some("One & two"));
}

#[test]
fn a_warning_that_quotes_the_file_puts_no_escape_on_the_terminal() {
    let xml = r#"<schedule><conference><title>Ids</title></conference>
      <day index="1" date="2025-02-01"><room name="A">
        <event id="&#27;]0;pwned&#7;1"><title>No time</title></event>
      </room></day></schedule>"#;
    let warnings: Vec<String> = load(xml).warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with("day 1, event 1: ")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().all(|w| !w.chars().any(char::is_control)),
        "{warnings:?}"
    );
}

#[test]
fn broken_xml_names_the_place() {
    let message = error("<schedule>\n  <day>\n  </schedule>");
    assert!(message.starts_with("broken:3:"), "{message}");
    assert!(message.contains("not valid XML"), "{message}");
    let message = error("<html><body>not a schedule</body></html>");
    assert_eq!(
        message,
        "broken: not a programme dagsorden can read (tried native, xml, schedule-json, ical, sessionize, schedule-v2): \
         it is XML with the root element <html>, holding <body>"
    );
    let forced = parse(b"<html><body/></html>", "broken", Some(Format::FrabXml));
    let message = forced.expect_err("not frab").to_string();
    assert!(message.contains("not a frab schedule"), "{message}");
}

const SCHEDULE_JSON: &str = r##"{
  "$schema": "https://c3voc.de/schedule/schema.json",
  "timestamp": "2019-12-01T00:00:00Z",
  "schedule": {
    "version": 7,
    "conference": {
      "acronym": "qc25", "title": " Quirk Camp ", "time_zone_name": null, "daysCount": 2,
      "tracks": [{"name": "Hardware", "color": "#fff"}, {"name": "Unused track"}],
      "days": [
        {"index": 1, "date": "2025-08-20", "day_start": "2025-08-20T10:00:00+02:00",
         "day_end": "2025-08-21T04:00:00+02:00", "venue": "field",
         "rooms": {
           "Zelt": [
             {"guid": null, "id": 101, "date": "2025-08-20T11:00:00+02:00", "start": "11:00",
              "duration": "1:30", "room": "Wrong", "title": "Numbers for ids", "subtitle": null,
              "track": "Hardware", "type": "workshop", "abstract": "", "description": null,
              "persons": [{"id": 1, "public_name": " frab person "}, {"code": "X1", "name": "pretalx person", "biography": "…"}, null, "just a string"],
              "links": [{"url": "https://example.org", "title": "Site"}], "answers": [{"q": 1}]},
             "not an event",
             {"id": "102", "date": "2025-08-21T01:00:00+02:00", "duration": "02:00:00", "title": "Late night"}
           ],
           "Bühne": [
             {"id": 103, "start": "23:30", "duration": "00:45", "title": "Only a start"}
           ]
         }},
        {"index": 2, "date": "2025-08-21", "rooms": null}
      ]
    }
  }
}"##;

#[test]
fn schedule_json_quirks_are_survived() {
    let loaded = load(SCHEDULE_JSON);
    assert_eq!(loaded.format, Format::ScheduleJson);
    let p = &loaded.programme;
    assert_eq!((p.id.as_str(), p.title.as_str()), ("qc25", "Quirk Camp"));
    assert_eq!(p.days.len(), 2, "an empty day is still a day of the file");
    let rooms: Vec<&str> = p.rooms.iter().map(String::as_str).collect();
    assert_eq!(
        rooms,
        ["Zelt", "Bühne"],
        "rooms in file order, the key not the event's own"
    );
    let themes: Vec<&str> = p.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(themes, ["Hardware", "Unused track"]);
    let first = session(p, "Numbers for ids");
    assert_eq!(first.id, "101");
    assert_eq!(slot(p, first), "2025-08-20 11:00–12:30 Zelt");
    let names: Vec<&str> = first.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["frab person", "pretalx person"]);
    assert_eq!(first.description, None, "empty and null are nothing");
    assert_eq!(first.kind, dagsorden::model::Kind::Workshop);
    assert_eq!(
        slot(p, session(p, "Late night")),
        "2025-08-20 01:00–03:00 Zelt"
    );
    assert_eq!(
        slot(p, session(p, "Only a start")),
        "2025-08-20 23:30–00:15 Bühne"
    );
    assert!(loaded.warnings.iter().any(|w| {
        w.to_string()
            .contains("1 entries that are not events skipped")
    }));
}

#[test]
fn broken_schedule_json_names_the_place() {
    let message = error("{\"schedule\": {\"conference\": {\"days\": [\n  {\"rooms\": }]}}}");
    assert!(message.starts_with("broken:2:"), "{message}");
    assert!(message.contains("not valid JSON"), "{message}");
    let message = error("{\"schedule\": 3}");
    assert!(message.contains("no \"schedule\" object"), "{message}");
}

/// The iCalendar file beside these tests: folded lines (one fold inside "ø"), CRLF, a TZID
/// without a VTIMEZONE, UTC, an all-day event, a repeated UID, a night session, odd lines.
fn nordlys() -> Loaded {
    let bytes = include_bytes!("fixtures/nordlys.ics");
    parse(bytes, "nordlys.ics", None).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn icalendar_as_conferences_publish_it() {
    let loaded = nordlys();
    assert_eq!(loaded.format, Format::ICalendar);
    let p = &loaded.programme;
    assert_eq!(p.title, "Nordlys-konferansen 2025");
    assert_eq!(
        p.subtitle.as_deref(),
        Some("Konferanse om beredskap, klima og samfunn i nord. Møtested Tøst og vest"),
        "the \"ø\" split by a fold is whole"
    );
    assert_eq!(
        p.time_zone,
        Some(chrono_tz::Europe::Oslo),
        "resolved through IANA, no VTIMEZONE"
    );
    let opening = session(
        p,
        "Åpning: «Beredskap i nord» – velkommen til Tromsø, Nord-Norges største by med æøå ÆØÅ",
    );
    assert_eq!(slot(p, opening), "2025-03-11 09:00–09:30 Storsalen");
    assert_eq!(
        opening.description_text().as_deref(),
        Some("Første linje\nAndre linje, med komma; og semikolon.")
    );
    let themes: Vec<&str> = opening
        .themes
        .iter()
        .map(|&t| p.themes[t].name.as_str())
        .collect();
    assert_eq!(themes, ["Beredskap", "Nordområdene"]);
    assert_eq!(opening.speakers[0].name, "Kari Nordmann");
    assert_eq!(opening.url.as_deref(), Some("https://example.org/opening"));
    let utc = session(p, "Klima og natur (UTC time)");
    assert_eq!(
        slot(p, utc),
        "2025-03-11 11:00–11:45 Lillesalen",
        "10:00Z is 11:00 in Oslo"
    );
    let night = session(p, "Nattkino");
    assert_eq!(
        slot(p, night),
        "2025-03-11 00:30–01:30 Kinoen",
        "the small hours belong to the evening before"
    );
    let tours = keys_titled(p, "Omvisning");
    assert_eq!(tours, ["repeat@nordlys", "repeat@nordlys@2025-03-12T14:00"]);
    let all_day = session(p, "Utstilling hele dagen");
    assert_eq!(
        (all_day.start, all_day.time_note.as_deref()),
        (None, Some("all day"))
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("broken@nordlys"))
    );
}

#[test]
fn icalendar_floating_and_utc_only() {
    let floating = "BEGIN:VCALENDAR\nX-WR-CALNAME:Floating\nBEGIN:VEVENT\nUID:a\nDTSTART:20250311T090000\nDTEND:20250311T100000\nSUMMARY:Wall clock\nEND:VEVENT\nEND:VCALENDAR\n";
    let p = load(floating).programme;
    assert_eq!(p.time_zone, None);
    let s = session(&p, "Wall clock");
    assert_eq!(
        (slot(&p, s), s.utc_offset),
        ("2025-03-11 09:00–10:00 -".to_string(), None)
    );

    let utc = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250311T090000Z\r\nDTEND:20250311T093000Z\r\nSUMMARY:In UTC\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let p = parse(utc.as_bytes(), "talks/utc-only.ics", None)
        .expect("reads")
        .programme;
    assert_eq!(
        p.id, "utc-only",
        "a calendar without a name is named after its file"
    );
    let s = session(&p, "In UTC");
    assert_eq!(slot(&p, s), "2025-03-11 09:00–09:30 -");
    assert_eq!(s.utc_offset.map(|o| o.local_minus_utc()), Some(0));

    let named_zone = "BEGIN:VCALENDAR\nX-WR-TIMEZONE:America/New_York\nBEGIN:VEVENT\nUID:c\nDTSTART:20250311T140000Z\nSUMMARY:Zone from the calendar\nEND:VEVENT\nEND:VCALENDAR\n";
    let p = load(named_zone).programme;
    assert_eq!(
        slot(&p, session(&p, "Zone from the calendar")),
        "2025-03-11 10:00–--:-- -"
    );
}

#[test]
fn not_an_icalendar_file() {
    let message = error("BEGIN:VCALENDARX\nnothing");
    assert!(message.contains("not an iCalendar file"), "{message}");
}

#[test]
fn a_forced_format_overrides_what_the_content_looks_like() {
    let forced = parse(OLD_PENTABARF.as_bytes(), "x.json", Some(Format::Native));
    let message = forced.expect_err("XML is not dagsorden JSON").to_string();
    assert!(message.contains("not valid JSON"), "{message}");
}
