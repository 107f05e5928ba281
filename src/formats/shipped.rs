//! The programmes compiled into the binary, so the app works offline with no file at hand.

/// Opened when no programme is named.
pub const DEFAULT_PROGRAMME: &str = "ks-toppmote-2024";

/// Name and text of each shipped programme.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "ks-toppmote-2024",
        include_str!("../../data/ks-toppmote-2024.json"),
    ),
    (
        "ks-toppmote-2021",
        include_str!("../../data/ks-toppmote-2021.json"),
    ),
];

pub(super) fn find(name: &str) -> Option<(&'static str, &'static str)> {
    SHIPPED.iter().copied().find(|(n, _)| *n == name)
}

pub(super) fn names_hint() -> String {
    let names: Vec<&str> = SHIPPED.iter().map(|(n, _)| *n).collect();
    crate::tr!("format.shipped_names", names = names.join(", "))
}
