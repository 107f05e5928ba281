//! The shipped programmes validate against the published JSON Schema, and the schema is strict
//! enough to catch what the loader rejects on shape.

use dagsorden::formats::SHIPPED;
use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../data/programme.schema.json"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn shipped_programmes_validate() {
    let validator = validator();
    for (name, text) in SHIPPED {
        let programme: Value = serde_json::from_str(text).expect("programme is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&programme)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    let validator = validator();
    let bad = [
        json!({"id": "x", "title": "t"}),
        json!({"id": "x", "title": "t", "days": [{"sessions": [{"id": "a", "title": "A", "start": "9.30"}]}]}),
        json!({"id": "x", "title": "t", "days": [{"sessions": [{"title": "A"}]}]}),
        json!({"id": "", "title": "t", "days": []}),
        json!({"id": "x", "title": "t", "days": [{"date": "13.02.2024"}]}),
    ];
    for programme in bad {
        assert!(
            !validator.is_valid(&programme),
            "schema accepted {programme}"
        );
        let loaded = dagsorden::formats::native::parse(programme.to_string().as_bytes(), "t.json");
        assert!(loaded.is_err(), "loader accepted {programme}");
    }
}
