//! Venue zones the user set with `--zone`, remembered per programme in `zones.json` beside the
//! favourites, so a programme without a zone of its own keeps the clock it was given.
//!
//! A change takes a lock and is written atomically, as the favourites are; a file that cannot
//! be understood is reported and left as it is, never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::favourites::StoreError;
use crate::model::Chosen;
use crate::tr;

/// The file's name in the config directory, beside the favourites.
pub const FILE_NAME: &str = "zones.json";
const LOCK_NAME: &str = "zones.lock";
const TEMP_PREFIX: &str = ".zones.";
/// What `--zone` takes to forget a remembered zone.
pub const AUTO: &str = "auto";

/// A `--zone` and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// The zone asked for, or to forget the remembered one.
    pub request: ZoneRequest,
    /// Given on the command line, so remembered (or forgotten); a zone from the environment
    /// (`DAGSORDEN_ZONE`) holds for the run only, or every programme opened would keep it.
    pub remember: bool,
}

/// What `--zone` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneRequest {
    /// This zone is the venue's, for this run and, remembered, the next ones.
    Set(Tz),
    /// Forget the zone remembered: the file's zone again, else this computer's.
    Auto,
}

impl std::str::FromStr for ZoneRequest {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.eq_ignore_ascii_case(AUTO) {
            return Ok(Self::Auto);
        }
        text.parse::<Tz>().map(Self::Set).map_err(|_| {
            tr!(
                "cli.mistake.bad_zone",
                text = crate::text::shorten_for_message(text)
            )
        })
    }
}

/// The file: programme id → IANA zone name.
#[derive(Debug, Default, Serialize, Deserialize)]
struct ZonesFile {
    #[serde(default)]
    programmes: BTreeMap<String, String>,
}

/// Where remembered zones live; every method works on the file as it is on disk now.
#[derive(Debug, Clone)]
pub struct ZoneStore {
    path: PathBuf,
}

impl ZoneStore {
    /// A store in `dir` (the file is made on the first zone remembered).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
        }
    }

    /// The zone remembered for the programme, if any. A name that is no zone (the file was
    /// edited by hand) is an error naming it, so the user hears why it is not used.
    pub fn remembered(&self, programme: &str) -> Result<Option<Tz>, StoreError> {
        let file = self.read()?;
        let Some(name) = file.programmes.get(programme) else {
            return Ok(None);
        };
        name.parse().map(Some).map_err(|_| StoreError::Read {
            path: self.path.clone(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                tr!(
                    "cli.mistake.bad_zone",
                    text = crate::text::shorten_for_message(name)
                ),
            ),
        })
    }

    /// Remembers `zone` for the programme (`None` forgets it). Nothing is written when the file
    /// already says so.
    pub fn remember(&self, programme: &str, zone: Option<Tz>) -> Result<(), StoreError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let error = |source| StoreError::Write {
            path: self.path.clone(),
            source,
        };
        let wanted = zone.map(|z| z.name().to_string());
        if self.read()?.programmes.get(programme) == wanted.as_ref() {
            return Ok(());
        }
        std::fs::create_dir_all(dir).map_err(error)?;
        let _lock = crate::disk::lock(&dir.join(LOCK_NAME)).map_err(error)?;
        // Read again under the lock: another instance may have remembered another programme's.
        let mut file = self.read()?;
        match wanted {
            Some(name) => file.programmes.insert(programme.to_string(), name),
            None => file.programmes.remove(programme),
        };
        let mut json = serde_json::to_vec_pretty(&file).map_err(|e| error(e.into()))?;
        json.push(b'\n');
        crate::disk::write_atomically_as(&self.path, TEMP_PREFIX, &json).map_err(error)
    }

    /// The file; empty when there is none yet, an error when it cannot be read or understood.
    fn read(&self) -> Result<ZonesFile, StoreError> {
        let unreadable = |source| StoreError::Read {
            path: self.path.clone(),
            source,
        };
        match crate::fsread::read_capped(&self.path, crate::fsread::STORE_SIZE_CAP)
            .map_err(std::io::Error::from)
        {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| unreadable(std::io::Error::new(std::io::ErrorKind::InvalidData, e))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ZonesFile::default()),
            Err(e) => Err(unreadable(e)),
        }
    }
}

/// The venue zone the user chose for a programme: the one asked for now (remembered, or with
/// `auto` forgotten, when given on the command line), else the one remembered. A problem with
/// the file is a note: a zone asked for is used all the same.
pub fn choose(
    asked: Option<Asked>,
    store: Option<&ZoneStore>,
    programme: &str,
    notes: &mut Vec<String>,
) -> Option<Chosen> {
    let mut note = |e: StoreError| notes.push(tr!("zone.store_problem", error = e));
    let store = store.filter(|_| asked.is_none_or(|a| a.remember));
    match asked.map(|a| a.request) {
        Some(ZoneRequest::Set(zone)) => {
            if let Some(Err(e)) = store.map(|s| s.remember(programme, Some(zone))) {
                note(e);
            }
            Some(Chosen {
                zone,
                remembered: false,
            })
        }
        Some(ZoneRequest::Auto) => {
            if let Some(Err(e)) = store.map(|s| s.remember(programme, None)) {
                note(e);
            }
            None
        }
        None => match store.map(|s| s.remembered(programme)) {
            Some(Ok(zone)) => zone.map(|zone| Chosen {
                zone,
                remembered: true,
            }),
            Some(Err(e)) => {
                note(e);
                None
            }
            None => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_name_that_is_no_zone_is_said_not_dropped() {
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let (dir, store) = store();
        std::fs::write(
            dir.path().join(FILE_NAME),
            br#"{"programmes": {"fosdem-2020": "Europe/Brusels"}}"#,
        )
        .expect("write");
        let mut notes = Vec::new();
        assert_eq!(choose(None, Some(&store), "fosdem-2020", &mut notes), None);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("Europe/Brusels"), "{notes:?}");
        assert!(choose(None, Some(&store), "other", &mut Vec::new()).is_none());
    }

    fn store() -> (tempfile::TempDir, ZoneStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = ZoneStore::in_dir(dir.path());
        (dir, store)
    }

    const BRUSSELS: Tz = chrono_tz::Europe::Brussels;

    fn given(request: ZoneRequest) -> Asked {
        Asked {
            request,
            remember: true,
        }
    }

    /// `--zone Europe/Brussels` given for `programme`.
    fn brussels_given(
        store: &ZoneStore,
        programme: &str,
        notes: &mut Vec<String>,
    ) -> Option<Chosen> {
        choose(
            Some(given(ZoneRequest::Set(BRUSSELS))),
            Some(store),
            programme,
            notes,
        )
    }

    #[test]
    fn a_zone_given_is_remembered_for_its_programme_only() {
        let (_dir, store) = store();
        let mut notes = Vec::new();
        let first = brussels_given(&store, "fosdem-2020", &mut notes);
        assert_eq!(
            first.map(|c| (c.zone, c.remembered)),
            Some((BRUSSELS, false))
        );
        let later = choose(None, Some(&store), "fosdem-2020", &mut notes);
        assert_eq!(
            later.map(|c| (c.zone, c.remembered)),
            Some((BRUSSELS, true))
        );
        assert_eq!(choose(None, Some(&store), "other", &mut notes), None);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn auto_forgets() {
        let (_dir, store) = store();
        let mut notes = Vec::new();
        brussels_given(&store, "p", &mut notes);
        assert_eq!(
            choose(
                Some(given(ZoneRequest::Auto)),
                Some(&store),
                "p",
                &mut notes
            ),
            None
        );
        assert_eq!(choose(None, Some(&store), "p", &mut notes), None);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn an_unreadable_file_is_reported_and_left_alone() {
        let (dir, store) = store();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, b"{ not json").expect("write");
        let mut notes = Vec::new();
        let used = brussels_given(&store, "p", &mut notes);
        assert!(used.is_some(), "the zone asked for is used all the same");
        assert_eq!(choose(None, Some(&store), "p", &mut notes), None);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains(FILE_NAME), "{notes:?}");
        assert_eq!(std::fs::read(&path).expect("read"), b"{ not json");
    }

    #[test]
    fn a_zone_from_the_environment_is_not_remembered() {
        let (_dir, store) = store();
        let mut notes = Vec::new();
        let from_env = Some(Asked {
            request: ZoneRequest::Set(BRUSSELS),
            remember: false,
        });
        assert!(choose(from_env, Some(&store), "p", &mut notes).is_some());
        assert_eq!(choose(None, Some(&store), "p", &mut notes), None);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn requests_read_zone_names_and_auto() {
        assert_eq!(
            " Europe/Brussels ".parse::<ZoneRequest>(),
            Ok(ZoneRequest::Set(BRUSSELS))
        );
        assert_eq!("AUTO".parse::<ZoneRequest>(), Ok(ZoneRequest::Auto));
        let refused = "Europe/Brusels"
            .parse::<ZoneRequest>()
            .expect_err("unknown");
        assert!(refused.contains("Europe/Brusels"), "{refused}");
    }
}
