//! The native programme format: the shipped programmes say what the seeds say, and broken files
//! give one clear message with the file, the place and what is wrong.

use chrono::NaiveDate;
use dagsorden::formats::{LoadError, SHIPPED, Source, native};
use dagsorden::model::{DayTime, Kind, Programme};

fn shipped(name: &'static str) -> Programme {
    Source::Shipped(name)
        .load(None)
        .expect("shipped programme loads")
        .programme
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn session<'a>(p: &'a Programme, id: &str) -> &'a dagsorden::model::Session {
    &p.sessions[p
        .session_index(id)
        .unwrap_or_else(|| panic!("no session {id}"))]
}

#[test]
fn toppmote_2024_has_three_days_at_clarion_trondheim() {
    let p = shipped("ks-toppmote-2024");
    assert_eq!(p.subtitle.as_deref(), Some("Som vi sår"));
    assert_eq!(p.venue.name.as_deref(), Some("Clarion Hotel"));
    assert_eq!(p.venue.city.as_deref(), Some("Trondheim"));
    assert_eq!(p.time_zone, Some(chrono_tz::Europe::Oslo));
    let dates: Vec<_> = p.days.iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        [date(2024, 2, 12), date(2024, 2, 13), date(2024, 2, 14)]
    );
    let windows: Vec<_> = p
        .days
        .iter()
        .map(|d| {
            (
                d.opens.map(|t| t.to_string()),
                d.closes.map(|t| t.to_string()),
            )
        })
        .collect();
    assert_eq!(windows[0], (None, None));
    assert_eq!(windows[1], (Some("09:00".into()), Some("15:00".into())));
    assert_eq!(windows[2], (Some("09:15".into()), Some("15:00".into())));
    let parts: Vec<&str> = p.parts.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        parts,
        [
            "Toppmøte barn og unge",
            "Kommunalpolitisk toppmøte",
            "KS' Landsting"
        ]
    );
    assert!(
        p.registration
            .as_deref()
            .is_some_and(|r| r.contains("tto@ks.no"))
    );
    assert!(
        p.streaming
            .as_deref()
            .is_some_and(|r| r.contains("digitalt"))
    );
    assert!(
        p.press
            .as_deref()
            .is_some_and(|r| r.contains("begge dager"))
    );
}

#[test]
fn toppmote_2024_has_four_themes_and_seven_items_without_times() {
    let p = shipped("ks-toppmote-2024");
    let themes: Vec<&str> = p.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        themes,
        [
            "Bærekraftig velferd",
            "Inkluderende samfunnsliv",
            "En grønn fremtid",
            "Et trygt og sikkert samfunn"
        ]
    );
    let toppmote = p.parts.iter().position(|x| x.id == "toppmote");
    let items: Vec<_> = p.sessions.iter().filter(|s| s.part == toppmote).collect();
    assert_eq!(items.len(), 7);
    assert!(
        items
            .iter()
            .all(|s| s.day == 1 && s.start.is_none() && s.end.is_none())
    );
    assert!(items.iter().all(|s| s.streamed && s.open_to_press));
    assert_eq!(
        items[0].title,
        "Vi kårer Norges mest næringsvennlige kommune"
    );
    assert_eq!(items[0].kind, Kind::Award);
    let climate = session(&p, "toppmote-klima-og-natur");
    assert_eq!(
        climate
            .themes
            .iter()
            .map(|&t| p.themes[t].name.as_str())
            .collect::<Vec<_>>(),
        ["En grønn fremtid"]
    );
    assert!(
        p.sessions.iter().all(|s| s.start.is_none()),
        "the seeds give no session times"
    );
}

#[test]
fn landstinget_opens_on_13_february_and_elects_on_the_14th() {
    let p = shipped("ks-toppmote-2024");
    let minister = session(&p, "landstinget-helse-og-omsorgsministeren");
    assert_eq!(minister.day, 1);
    assert_eq!(minister.time_note.as_deref(), Some("ettermiddagen"));
    assert_eq!(minister.speakers[0].name, "Ingvild Kjerkol");
    assert_eq!(
        minister.speakers[0].role.as_deref(),
        Some("helse- og omsorgsminister")
    );
    let chair = session(&p, "landstinget-tale-styreleder");
    assert_eq!(chair.speakers[0].name, "Gunn Marit Helgesen");
    assert_eq!(
        session(&p, "landstinget-politisk-debatt").kind,
        Kind::Debate
    );
    let election = session(&p, "landstinget-valg-hovedstyret");
    assert_eq!((election.day, &election.kind), (2, &Kind::Election));
}

#[test]
fn toppmote_2021_is_undated_with_its_moderator_and_speakers() {
    let p = shipped("ks-toppmote-2021");
    assert_eq!(p.days.len(), 1);
    assert_eq!(p.days[0].date, None);
    assert_eq!(p.hosts[0].name, "Mah-Rukh Ali");
    let speakers: Vec<&str> = p
        .sessions
        .iter()
        .flat_map(|s| &s.speakers)
        .map(|s| s.name.as_str())
        .collect();
    for name in [
        "Erna Solberg",
        "Nikolai Astrup",
        "Torbjørn Røe Isaksen",
        "Guri Melby",
        "Jonas Gahr Støre",
        "Sylvi Listhaug",
        "Marit Arnstad",
        "Astrid Hoem",
        "Synnøve Kronen Snyen",
        "Kronprinsen",
    ] {
        assert!(speakers.contains(&name), "{name} missing");
    }
    let prince = session(&p, "kronprinsen-unge-utenfor");
    assert_eq!(p.themes[prince.themes[0]].name, "Unge som står utenfor");
    assert_eq!(p.themes.len(), 4);
}

#[test]
fn every_shipped_programme_loads_and_is_found_by_name() {
    for (name, _) in SHIPPED {
        assert_eq!(Source::from_argument(Some(name)), Source::Shipped(name));
        assert_eq!(
            Source::from_argument(Some(&format!("{name}.json"))),
            Source::Shipped(name)
        );
        assert!(!shipped(name).sessions.is_empty());
    }
    assert_eq!(
        Source::from_argument(None),
        Source::Shipped("ks-toppmote-2024")
    );
}

fn error_of(json: &str) -> String {
    match native::parse(json.as_bytes(), "test.json") {
        Ok(_) => panic!("expected an error for {json}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn broken_files_say_where_and_what() {
    let cases = [
        ("", "test.json:1:1: not valid JSON"),
        ("<xml/>", "test.json:1:1: not valid JSON"),
        ("{\"id\": \"x\",", "file ends too early"),
        (
            "\n  [1, 2]",
            "test.json:2:3: not a programme: expected a JSON object, found an array",
        ),
        ("{\"id\": \"x\", \"title\": \"t\"}", "missing field `days`"),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"days\": [{\"sessions\": [{\"id\": \"a\",\n \"title\": \"A\", \"start\": \"9.30\"}]}]}",
            "test.json:2:30: days[0].sessions[0].start: invalid value \"9.30\", expected a time HH:MM",
        ),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"days\": [{\"date\": \"2024-02-30\"}]}",
            "days[0].date: invalid value \"2024-02-30\", expected a date YYYY-MM-DD",
        ),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"time_zone\": \"Europe/Trondheim\", \"days\": []}",
            "time_zone: invalid value \"Europe/Trondheim\"",
        ),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"days\": [{\"sessions\": [{\"id\": \"a\", \"title\": \"A\", \"themes\": [\"nope\"]}]}]}",
            "test.json: days[0].sessions[0].themes[0]: unknown theme \"nope\"",
        ),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"days\": [{\"sessions\": [{\"id\": \"a\", \"title\": \"A\"}]}, {\"sessions\": [{\"id\": \"a\", \"title\": \"B\"}]}]}",
            "days[1].sessions[0].id: session id \"a\" is used twice (first at days[0].sessions[0])",
        ),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"days\": [{\"sessions\": [{\"id\": \"a\", \"title\": \"A\", \"end\": \"10:00\"}]}]}",
            "days[0].sessions[0].end: an end needs a start",
        ),
        (
            "{\"id\": \" \", \"title\": \"t\", \"days\": []}",
            "id: must not be empty",
        ),
        (
            "{\"id\": \"x\", \"title\": \"t\", \"days\": []} trailing",
            "not valid JSON: trailing characters",
        ),
    ];
    for (json, expected) in cases {
        let message = error_of(json);
        assert!(
            message.contains(expected),
            "for {json:?}\n got: {message}\nwant: {expected}"
        );
        assert!(!message.contains('\n'), "one line: {message}");
    }
}

#[test]
fn a_missing_file_names_the_shipped_programmes() {
    let error = Source::from_argument(Some("/no/such/programme.json"))
        .load(None)
        .expect_err("missing");
    assert!(matches!(error, LoadError::NotFound { .. }));
    assert!(error.to_string().contains("ks-toppmote-2024"), "{error}");
}

#[test]
fn times_nulls_and_untrusted_text() {
    let json = r#"{"id": "x", "title": "Evil\u001b[2J title", "subtitle": null, "hosts": null,
        "days": [{"date": "2024-02-13", "sessions": [
          {"id": "late", "title": "Late", "start": "23:00", "end": "01:30", "kind": "party",
           "speakers": [{"name": " Ada\u0007 ", "role": null}], "themes": null},
          {"id": "untimed", "title": "Untimed"},
          {"id": "early", "title": "Early", "start": "9:00", "end": "09:45"}]}]}"#;
    let p = native::parse(json.as_bytes(), "t.json").expect("valid");
    assert_eq!(p.title, "Evil title");
    let order: Vec<&str> = p.day_sessions(0).iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["early", "late", "untimed"]);
    let late = &p.day_sessions(0)[1];
    assert_eq!(late.end, DayTime::parse("25:30"));
    assert_eq!(late.duration_minutes(), Some(150));
    assert_eq!(late.kind, Kind::Other("party".into()));
    assert_eq!(late.speakers[0].name, "Ada");
}

#[test]
fn the_documented_example_loads() {
    let doc = include_str!("../docs/programme-format.md");
    let start = doc.find("```json\n").expect("an example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the example ends");
    let p = native::parse(&doc.as_bytes()[start..end], "docs/programme-format.md")
        .expect("the example in the format doc is a valid programme");
    assert_eq!(p.sessions.len(), 3);
    let untimed = &p.sessions[p.session_index("dinner").expect("dinner")];
    assert_eq!(
        (untimed.start, untimed.time_note.as_deref()),
        (None, Some("evening"))
    );
}
