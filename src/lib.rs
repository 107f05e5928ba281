//! dagsorden: a terminal viewer for conference programmes.
//!
//! The domain ([`model`], [`formats`], [`favourites`], [`text`]) knows nothing about the terminal;
//! [`app`] holds the state and changes it only in [`app::App::update`]; [`ui`] draws it; the
//! terminal loop ([`tui`]) does the work update asks for through [`effects`].

pub mod action;
pub mod app;
pub mod changes;
pub mod cli;
pub mod commands;
pub mod config;
pub(crate) mod disk;
pub(crate) mod export;
pub mod favourites;
pub mod fetch;
pub mod formats;
pub(crate) mod fsread;
pub mod i18n;
pub mod index;
pub mod keymap;
pub mod library;
pub mod live;
pub mod model;
pub(crate) mod planner;
pub mod text;
pub mod tui;
pub mod ui;
pub mod zones;
