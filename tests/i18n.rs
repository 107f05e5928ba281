//! Every string the program asks for is in every language, and the screens speak the language
//! chosen.

mod common;

use std::path::Path;

use common::{app_at, clock_at, draw, run, screen_text};
use dagsorden::action::{Action, Pane};
use dagsorden::i18n::{self, Lang};

/// Every `tr!("key"…)` in the source.
fn keys_used() -> Vec<(String, String)> {
    fn walk(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                for (at, _) in text.match_indices("tr!(") {
                    // `include_str!(` is not ours.
                    let before = text[..at].chars().next_back();
                    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                    let in_comment = text[line_start..at].trim_start().starts_with("//");
                    if in_comment || before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = text[at + 4..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let key = &rest[..rest.find('"').expect("closing quote")];
                    found.push((key.to_string(), path.display().to_string()));
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    found
}

#[test]
fn every_key_the_program_uses_is_in_every_language() {
    let used = keys_used();
    assert!(used.len() > 200, "found only {} uses of tr!", used.len());
    for lang in Lang::ALL {
        for (key, file) in &used {
            assert_ne!(
                i18n::text_in(lang, leak(key)),
                key.as_str(),
                "{key} (used in {file}) is missing from {}.toml",
                lang.code()
            );
        }
    }
}

fn leak(key: &str) -> &'static str {
    Box::leak(key.to_string().into_boxed_str())
}

fn screen_in(lang: Lang, actions: &[Action]) -> String {
    i18n::set_lang(lang);
    let (_dir, mut app) = app_at("ks-toppmote-2024", clock_at("2024-02-13T10:30"));
    run(&mut app, actions);
    let screen = screen_text(&draw(&mut app, 120, 40));
    i18n::set_lang(Lang::En);
    screen
}

#[test]
fn a_norwegian_user_sees_norwegian() {
    let screen = screen_in(Lang::Nb, &[Action::Down, Action::CycleStar]);
    for words in [
        "Økter · tir 13. feb",
        "Detaljer",
        "Filtre",
        "tirsdag 13. februar 2024, tid",
        "Når",
        "★ Må:",
    ] {
        assert!(screen.contains(words), "no {words:?} on\n{screen}");
    }
    for english in ["Sessions", "Details", "Filters", "not announced", "quit"] {
        assert!(
            !screen.contains(english),
            "English {english:?} on\n{screen}"
        );
    }
    let hints = screen_in(Lang::Nb, &[Action::Down]);
    let status_bar = hints.lines().last().expect("a status bar");
    for hint in ["stjerne", "avslutt", "søk", "hjelp"] {
        assert!(status_bar.contains(hint), "no {hint:?} in {status_bar:?}");
    }
}

#[test]
fn the_help_is_norwegian_too() {
    let screen = screen_in(Lang::Nb, &[Action::ToggleHelp]);
    assert!(screen.contains("Taster — ?/Esc lukker"), "{screen}");
    assert!(screen.contains("Overalt"), "{screen}");
    assert!(screen.contains("alle taster"), "{screen}");
    assert!(
        screen.contains("bla etter dager, rom eller innledere"),
        "{screen}"
    );
}

#[test]
fn the_filters_pane_and_browse_speak_the_language() {
    let screen = screen_in(
        Lang::Nb,
        &[Action::Focus(Pane::Filters), Action::NextBrowse],
    );
    assert!(screen.contains("Alle temaer"), "{screen}");
    // The KS programme names no rooms, so browsing goes on to the speakers.
    assert!(screen.contains("[Innledere]"), "{screen}");
}

#[test]
fn warnings_name_their_place_in_the_language() {
    let xml = r#"<schedule><conference><title>P</title></conference>
      <day index="1" date="2025-02-01"><room name="A">
        <event id="7"><title>No time</title></event>
      </room></day></schedule>"#;
    let warning = |lang| {
        i18n::set_lang(lang);
        let loaded = dagsorden::formats::parse(xml.as_bytes(), "p", None).expect("loads");
        i18n::set_lang(Lang::En);
        loaded.warnings[0].to_string()
    };
    assert!(warning(Lang::Nb).starts_with("dag 1, hendelse 7: "));
    assert!(warning(Lang::En).starts_with("day 1, event 7: "));
}
