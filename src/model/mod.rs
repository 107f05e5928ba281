//! The programme as the viewer sees it: plain data and pure queries, no terminal.

mod daytime;
mod programme;
mod stars;
mod stored;
mod time;
mod words;

pub use daytime::DayTime;
pub use programme::{
    Day, Description, Group, Kind, Link, Part, Programme, Session, Speaker, Theme, Venue,
};
pub use stars::{Level, Seen, Star, Stars};
pub use time::{
    Chosen, Clock, SetClock, Shown, Span, Timeline, VenueZone, Zone, ZoneSource, utc_offset_name,
    venue_zone,
};
pub use words::{clock, time_range, time_range_words, written_range_words};
