//! Watching files that can change under the viewer. Each file's folder is watched rather than
//! the file, so that a file replaced whole (an editor's write-to-temp-and-rename, the store's
//! atomic save) is still seen; an editor's burst of events is folded into one by the debouncer.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::action::Action;

/// How long a burst of events is gathered before it is told as one.
const SETTLE: Duration = Duration::from_millis(200);

/// Files being watched; the watching stops when this is dropped.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

impl Watch {
    /// Watches each file of `files`, telling `tell` its action whenever it is written,
    /// replaced or removed. A file whose folder cannot be watched (not there) is left out.
    pub fn start(
        files: &[(PathBuf, Action)],
        tell: impl Fn(Action) + Send + 'static,
    ) -> notify_debouncer_mini::notify::Result<Self> {
        let files: Vec<(PathBuf, Action)> = files
            .iter()
            .filter_map(|(path, action)| Some((watched_path(path)?, action.clone())))
            .collect();
        let mut folders: Vec<PathBuf> = files
            .iter()
            .filter_map(|(p, _)| p.parent().map(Path::to_path_buf))
            .collect();
        folders.sort();
        folders.dedup();
        let mut debouncer = new_debouncer(SETTLE, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            for (path, action) in &files {
                if events.iter().any(|e| e.path == *path) {
                    tell(action.clone());
                }
            }
        })?;
        for folder in folders {
            debouncer
                .watcher()
                .watch(&folder, RecursiveMode::NonRecursive)?;
        }
        Ok(Self {
            _debouncer: debouncer,
        })
    }
}

/// The path events name for `file`: in its folder as the system has it (links followed), so
/// that a favourites file that is a link is watched where it is written.
fn watched_path(file: &Path) -> Option<PathBuf> {
    if let Ok(real) = file.canonicalize() {
        return Some(real);
    }
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty())?;
    Some(folder.canonicalize().ok()?.join(file.file_name()?))
}
