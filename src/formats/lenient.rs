//! Serde types that take what real files hold instead of refusing it: a text field may be a
//! string, a number or null; a list may be null; an entry that is not an object is skipped.
//! Deserialisation stays typed (no `serde_json::Value`), so it is fast and keeps positions.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Visitor methods that take any scalar (and null) as `$empty`, for the lenient containers.
macro_rules! scalars_are {
    ($value:ty, $empty:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<$value, E> {
            Ok($empty)
        }
        fn visit_i64<E>(self, _: i64) -> Result<$value, E> {
            Ok($empty)
        }
        fn visit_u64<E>(self, _: u64) -> Result<$value, E> {
            Ok($empty)
        }
        fn visit_f64<E>(self, _: f64) -> Result<$value, E> {
            Ok($empty)
        }
        fn visit_str<E>(self, _: &str) -> Result<$value, E> {
            Ok($empty)
        }
        fn visit_unit<E>(self) -> Result<$value, E> {
            Ok($empty)
        }
        fn visit_none<E>(self) -> Result<$value, E> {
            Ok($empty)
        }
    };
}

/// A string, a number or a boolean as text; null or anything else as nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Text(pub Option<String>);

impl Text {
    pub(crate) fn as_deref(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, a number or null")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(Some(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_none<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
                Text::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// An object read as `T`, or `None` for anything that is not an object.
#[derive(Debug)]
pub(crate) struct Maybe<T>(pub Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Maybe<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Maybe<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Maybe(Some(t)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Maybe<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Maybe(None))
            }
            scalars_are!(Maybe<T>, Maybe(None));
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Maybe<T>, D::Error> {
                Maybe::deserialize(d)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<T> Default for Maybe<T> {
    fn default() -> Self {
        Self(None)
    }
}

/// A list of entries; null or a non-list is empty, and entries that are not objects are counted
/// as skipped.
#[derive(Debug)]
pub(crate) struct List<T> {
    pub items: Vec<T>,
    pub skipped: usize,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            skipped: 0,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListVisitor(PhantomData))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut list = List::default();
        while let Some(Maybe(item)) = seq.next_element::<Maybe<T>>()? {
            match item {
                Some(item) => list.items.push(item),
                None => list.skipped += 1,
            }
        }
        Ok(list)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(List::default())
    }
    scalars_are!(List<T>, List::default());
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<List<T>, D::Error> {
        d.deserialize_any(self)
    }
}

/// An object whose keys are names, in file order (`rooms` in schedule.json: room → events).
#[derive(Debug)]
pub(crate) struct Named<T>(pub Vec<(String, T)>);

impl<T> Default for Named<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Named<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Named<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of names")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Named<T>, A::Error> {
                let mut out = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, T>()? {
                    out.push((name, value));
                }
                Ok(Named(out))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Named<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Named::default())
            }
            scalars_are!(Named<T>, Named::default());
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

/// A list whose entries are read each as `T` (which must take any value); null or a non-list is
/// empty. For lists of ids, or of entries that may be text or objects.
#[derive(Debug)]
pub(crate) struct Items<T>(pub Vec<T>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Items<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<T>()? {
                    items.push(item);
                }
                Ok(Items(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items<T>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Items::default())
            }
            scalars_are!(Items<T>, Items::default());
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Items<T>, D::Error> {
                d.deserialize_any(self)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

/// A value that is text (a string or a number) in some files and an object read as `T` in
/// others (a speaker's id or `{id, name}`; a track's slug or `{slug}`); anything else is neither.
#[derive(Debug, Default)]
pub(crate) enum TextOr<T> {
    Text(String),
    Object(T),
    #[default]
    Neither,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for TextOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = TextOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text or an object")
            }
            fn visit_str<E>(self, v: &str) -> Result<TextOr<T>, E> {
                Ok(TextOr::Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<TextOr<T>, E> {
                Ok(TextOr::Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<TextOr<T>, E> {
                Ok(TextOr::Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<TextOr<T>, E> {
                Ok(TextOr::Text(v.to_string()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<TextOr<T>, E> {
                Ok(TextOr::Neither)
            }
            fn visit_unit<E>(self) -> Result<TextOr<T>, E> {
                Ok(TextOr::Neither)
            }
            fn visit_none<E>(self) -> Result<TextOr<T>, E> {
                Ok(TextOr::Neither)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<TextOr<T>, D::Error> {
                TextOr::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextOr<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TextOr::Neither)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TextOr<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(TextOr::Object)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

/// A text that may be written in several languages (`{"en": …, "de": …}`): the English one,
/// else the first given; a plain text as it is.
#[derive(Debug, Default)]
pub(crate) struct Localised(pub TextOr<Named<Text>>);

impl Localised {
    /// The text to show: the English one, else the first one given.
    pub(crate) fn pick(&self) -> Option<&str> {
        match &self.0 {
            TextOr::Text(text) => Some(text),
            TextOr::Object(Named(languages)) => {
                let given = || {
                    languages
                        .iter()
                        .filter_map(|(lang, t)| Some((lang, t.as_deref()?)))
                };
                given()
                    .find(|(lang, _)| *lang == "en")
                    .or_else(|| given().next())
                    .map(|(_, text)| text)
            }
            TextOr::Neither => None,
        }
    }

    pub(crate) fn into_text(self) -> Option<String> {
        self.pick().map(str::to_string)
    }
}

impl<'de> Deserialize<'de> for Localised {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TextOr::deserialize(deserializer).map(Localised)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Thing {
        name: Text,
        tags: List<Tag>,
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Tag {
        label: Text,
    }

    #[test]
    fn odd_values_are_taken_or_skipped_never_refused() {
        let json = r#"[
            {"name": "a", "tags": [{"label": 1}, "not an object", null, {"label": null}]},
            {"name": 42, "tags": null},
            {"name": ["x"], "tags": {"oops": 1}, "extra": true},
            "junk"
        ]"#;
        let list: List<Thing> = serde_json::from_str(json).expect("lenient");
        assert_eq!(list.skipped, 1);
        let names: Vec<Option<&str>> = list.items.iter().map(|t| t.name.as_deref()).collect();
        assert_eq!(names, [Some("a"), Some("42"), None]);
        assert_eq!(list.items[0].tags.items.len(), 2);
        assert_eq!(list.items[0].tags.skipped, 2);
        assert_eq!(list.items[0].tags.items[0].label.as_deref(), Some("1"));
    }

    #[test]
    fn ids_texts_objects_and_languages_each_in_their_shape() {
        #[derive(Deserialize, Default)]
        #[serde(default)]
        struct Ref {
            name: Text,
        }
        let json = r#"["a", 7, {"name": "b"}, null, [1], true]"#;
        let items: Items<TextOr<Ref>> = serde_json::from_str(json).expect("lenient");
        let read: Vec<String> = items
            .0
            .into_iter()
            .map(|item| match item {
                TextOr::Text(t) => t,
                TextOr::Object(r) => format!("object {}", r.name.0.unwrap_or_default()),
                TextOr::Neither => "-".into(),
            })
            .collect();
        assert_eq!(read, ["a", "7", "object b", "-", "-", "-"]);
        let text = |json: &str| {
            serde_json::from_str::<Localised>(json)
                .expect("lenient")
                .into_text()
        };
        assert_eq!(
            text(r#"{"de": "Hallo", "en": "Hello"}"#).as_deref(),
            Some("Hello")
        );
        assert_eq!(
            text(r#"{"de": "Hallo", "fr": "Salut"}"#).as_deref(),
            Some("Hallo")
        );
        assert_eq!(
            text(r#"{"de": null, "fr": "Salut"}"#).as_deref(),
            Some("Salut")
        );
        assert_eq!(text(r#""plain""#).as_deref(), Some("plain"));
        assert_eq!(text("null"), None);
        let none: Items<Text> = serde_json::from_str("null").expect("lenient");
        assert!(none.0.is_empty());
    }

    #[test]
    fn named_objects_keep_file_order() {
        let json = r#"{"Zeta": [1], "Alpha": [2, 3]}"#;
        let named: Named<Vec<u8>> = serde_json::from_str(json).expect("object");
        let keys: Vec<&str> = named.0.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(keys, ["Zeta", "Alpha"]);
    }
}
