//! The commands that print and exit instead of opening the viewer.

pub mod agenda;
pub mod check;
