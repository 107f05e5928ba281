//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// Browse a conference programme in the terminal: days, sessions, themes, and your stars.
#[derive(Debug, Parser)]
#[command(name = "dagsorden", version, about)]
pub struct Cli {
    /// A programme file, or the name of a shipped programme (ks-toppmote-2024, ks-toppmote-2021).
    /// Without it, the KS toppmøte 2024 programme opens.
    pub programme: Option<String>,

    /// Where favourites are kept (default: the user's config directory for dagsorden).
    #[arg(long, value_name = "DIR", env = "DAGSORDEN_CONFIG_DIR")]
    pub config_dir: Option<PathBuf>,
}
