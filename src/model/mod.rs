//! The programme as the viewer sees it: plain data and pure queries, no terminal.

mod daytime;
mod programme;

pub use daytime::DayTime;
pub use programme::{Day, Kind, Link, Part, Programme, Session, Speaker, Theme, Venue};
