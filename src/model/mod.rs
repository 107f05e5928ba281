//! The programme as the viewer sees it: plain data and pure queries, no terminal.

mod daytime;
mod programme;
mod time;

pub use daytime::DayTime;
pub use programme::{
    Day, Description, Kind, Link, Part, Programme, Session, Speaker, Theme, Venue,
};
pub use time::{SetClock, Shown, Span, Timeline, Zone, utc_offset_name};
