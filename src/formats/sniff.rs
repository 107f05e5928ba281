//! A look into a JSON file's keys, where the first top-level key is not enough to tell its
//! format: reads only as far as the deciding key, builds nothing, and survives a cut-off file.

use super::detect::string_end;

/// Whether a `{"schedule": …}` file is the v2 schedule (`schedule.events`) rather than the
/// v1 `schedule.json` (`schedule.conference.days[].rooms`); whichever shows first decides.
pub(super) fn is_schedule_v2(json: &[u8]) -> bool {
    first_deciding_key(json, |path, key| match (path, key) {
        ([b"schedule"], b"events") => Some(true),
        ([b"schedule", b"conference", b"days", LIST], b"rooms") => Some(false),
        _ => None,
    })
    .unwrap_or(false)
}

/// Whether a top-level list is one of Sessionize's views: its entries carry Sessionize's own
/// key names (groups, grid days, speakers).
pub(super) fn is_sessionize_view(json: &[u8]) -> bool {
    const KEYS: &[&[u8]] = &[
        b"groupId",
        b"groupName",
        b"timeSlots",
        b"isDefault",
        b"firstName",
        b"fullName",
        b"tagLine",
        b"startsAt",
        b"isServiceSession",
    ];
    first_deciding_key(json, |path, key| {
        (path == [LIST] && KEYS.contains(&key)).then_some(true)
    })
    .unwrap_or(false)
}

/// How a path names the entries of a list.
const LIST: &[u8] = b"[]";

/// Walks the object keys of `json` in order, giving `decide` each key and the path to the object
/// that holds it (keys, and [`LIST`] for list entries), until `decide` answers.
pub(super) fn first_deciding_key<T>(
    json: &[u8],
    mut decide: impl FnMut(&[&[u8]], &[u8]) -> Option<T>,
) -> Option<T> {
    // One entry per open container: its name in the path, and whether it is an object.
    let mut path: Vec<&[u8]> = Vec::new();
    let mut objects: Vec<bool> = Vec::new();
    // The key most recently read in the innermost object: the name of what opens next.
    let mut last_key: &[u8] = b"";
    let mut expecting_key = false;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                let end = string_end(json, i + 1);
                if expecting_key && objects.last() == Some(&true) {
                    let key = &json[i + 1..end.min(json.len())];
                    if let Some(answer) = decide(&path[1..], key) {
                        return Some(answer);
                    }
                    last_key = key;
                }
                expecting_key = false;
                i = end;
            }
            open @ (b'{' | b'[') => {
                let in_list = objects.last() == Some(&false);
                path.push(if in_list { LIST } else { last_key });
                objects.push(open == b'{');
                expecting_key = open == b'{';
            }
            b'}' | b']' => {
                path.pop();
                objects.pop();
                if objects.is_empty() {
                    return None;
                }
            }
            b',' => expecting_key = objects.last() == Some(&true),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_seen_with_their_paths() {
        let json = br#"{"a": {"b": [{"c": 1, "d": "}"}], "e": 2}, "f": [[{"g": 0}]]}"#;
        let mut seen = Vec::new();
        let none: Option<()> = first_deciding_key(json, |path, key| {
            let path: Vec<String> = path
                .iter()
                .map(|p| String::from_utf8_lossy(p).into_owned())
                .collect();
            seen.push(format!(
                "{}/{}",
                path.join("."),
                String::from_utf8_lossy(key)
            ));
            None
        });
        assert_eq!(none, None);
        assert_eq!(
            seen,
            [
                "/a",
                "a/b",
                "a.b.[]/c",
                "a.b.[]/d",
                "a/e",
                "/f",
                "f.[].[]/g"
            ]
        );
    }

    #[test]
    fn a_cut_off_file_is_still_told() {
        assert!(is_schedule_v2(
            br#"{"schedule": {"version": "x", "events": [{"gu"#
        ));
        assert!(!is_schedule_v2(
            br#"{"schedule": {"conference": {"days": [{"rooms": {"#
        ));
        assert!(is_sessionize_view(br#"[{"groupId": 1, "sessions": [{"id"#));
        assert!(!is_sessionize_view(br#"[{"id": 1}, 2]"#));
    }
}
