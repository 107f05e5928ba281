//! The programme as the viewer sees it: plain data and pure queries, no terminal.

mod daytime;
mod programme;
mod stored;
mod time;

pub use daytime::DayTime;
pub use programme::{
    Day, Description, Kind, Link, Part, Programme, Session, Speaker, Theme, Venue,
};
pub use time::{
    Chosen, SetClock, Shown, Span, Timeline, VenueZone, Zone, ZoneSource, utc_offset_name,
    venue_zone,
};
