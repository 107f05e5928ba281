//! Refreshing the programme shown: the library asks its source (a URL, or the file it was read
//! from) with the same checks as any download, and the outcome becomes the action the app hears.

use crate::action::{Action, Refreshed};
use crate::formats::{Detail, Format};
use crate::library::{Library, Moment, News, Opened, When};
use crate::model::Clock;

/// Asks one programme's source for a newer copy through the library.
#[derive(Debug, Clone)]
pub struct Refresher {
    library: Library,
    id: String,
    format: Option<Format>,
    clock: Clock,
}

impl Refresher {
    /// Refreshes the library's programme `id`, read as `format` (or as its content shows),
    /// the day told by `clock`.
    pub fn new(library: Library, id: String, format: Option<Format>, clock: Clock) -> Self {
        Self {
            library,
            id,
            format,
            clock,
        }
    }

    /// Asks the source now and reads what came; the outcome as the app hears it. Blocks until
    /// the source answers or the download's time is up: run it on a thread of its own.
    pub fn refresh(&self) -> Action {
        let mut notes = Vec::new();
        let opened = self.library.open_id(
            &self.id,
            When::Now,
            Moment::on(&self.clock),
            self.format,
            &mut |_| {},
            &mut notes,
        );
        Action::Refreshed(match opened {
            Ok(opened) => self.outcome(opened),
            Err(e) => Refreshed::Failed(e.to_string()),
        })
    }

    /// Starts [`Refresher::refresh`] on a thread; its outcome goes to `tell`.
    pub fn start(&self, tell: impl FnOnce(Action) + Send + 'static) {
        let refresher = self.clone();
        std::thread::spawn(move || tell(refresher.refresh()));
    }

    fn outcome(&self, opened: Opened) -> Refreshed {
        let at = opened.entry.checked;
        match opened.news {
            News::Updated | News::First => {
                let origin = opened.entry.shown_source();
                match crate::formats::parse_with(&opened.bytes, &origin, self.format, Detail::Full)
                {
                    Ok(loaded) => Refreshed::New(Box::new(loaded.programme), at),
                    Err(e) => Refreshed::Failed(e.to_string()),
                }
            }
            News::UpToDate | News::NotAsked => Refreshed::UpToDate(at),
            News::Kept(why) => Refreshed::Failed(why),
        }
    }
}
