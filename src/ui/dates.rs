//! How dates read on screen: worded by [`crate::i18n`]; a day's name by [`crate::model::day_name`].

pub use crate::i18n::{long_date, short_date, span};
