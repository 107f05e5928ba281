//! The loop's side of [`Effect`]: doing the work [`App::update`] asks for and turning each
//! outcome into the action that tells the app. The terminal loop and the scenario tests both go
//! through here, so the tests see what the user would.

use std::path::Path;

use crate::action::Action;
use crate::app::{App, Effect, Setup};
use crate::changes;
use crate::favourites::{FavouritesStore, StoreError};
use crate::model::{Clock, Programme, Stars};

/// Opens the viewer on `programme` with the stars `store` holds (a problem reading them is the
/// first thing it says), and does what the app asks for at once.
pub fn open(programme: Programme, store: &FavouritesStore, clock: Clock, setup: Setup) -> App {
    let mut setup = Setup {
        files: store.path().parent().map(Path::to_path_buf),
        ..setup
    };
    let stars = match store.load(&programme.id) {
        Ok(stars) => stars,
        Err(e) => {
            setup.problems.insert(0, e.to_string());
            Stars::new()
        }
    };
    let mut app = App::new(programme, stars, clock, setup);
    let effects = app.effects_at_start();
    perform_all(&mut app, effects, Some(store));
    app
}

/// Performs `effects` and feeds each outcome back to the app, until it asks for nothing more.
pub fn perform_all(app: &mut App, effects: Vec<Effect>, store: Option<&FavouritesStore>) {
    let mut pending = effects;
    while !pending.is_empty() {
        let outcomes: Vec<Action> = pending
            .into_iter()
            .filter_map(|effect| perform(effect, app, store))
            .collect();
        pending = outcomes
            .into_iter()
            .flat_map(|outcome| app.update(outcome))
            .collect();
    }
}

/// Does one piece of work; what came of it, as the action that tells the app (none when there is
/// nothing to tell).
pub fn perform(effect: Effect, app: &App, store: Option<&FavouritesStore>) -> Option<Action> {
    match effect {
        Effect::SaveStar {
            programme,
            key,
            star,
        } => Some(saved(store?.set(&programme, &key, star))),
        Effect::SaveSeen { programme, changes } => {
            Some(saved(store?.modify(&programme, |stars| {
                changes::acknowledge(stars, &changes);
            })))
        }
        // Quiet: the records only help tell later changes, and the next start tries again.
        Effect::SaveRecords { programme, records } => store?
            .modify(&programme, |stars| changes::fill_in(stars, &records))
            .ok()
            .map(|(stars, notice)| Action::Saved { stars, notice }),
        Effect::Export {
            path,
            text,
            sessions,
            left_out,
        } => Some(match write_file(&path, &text) {
            Ok(()) => Action::Exported {
                path,
                sessions,
                left_out,
            },
            Err(e) => Action::ExportFailed {
                path,
                why: e.to_string(),
            },
        }),
        Effect::StartIndexes => {
            app.index().start_later();
            None
        }
    }
}

fn saved(result: Result<(Stars, Option<crate::favourites::Notice>), StoreError>) -> Action {
    match result {
        Ok((stars, notice)) => Action::Saved { stars, notice },
        Err(e) => Action::SaveFailed(e.to_string()),
    }
}

/// Writes a whole file atomically, making its directory first.
fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::disk::write_atomically(path, text.as_bytes())
}
