//! The command line: commands and flags, parsed by clap. No logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// newsprint: a fast, strict static site generator for news digests.
#[derive(Debug, Parser)]
#[command(name = "newsprint", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder.
    Build(SiteArgs),
    /// Write a new article with its front matter filled in.
    New(NewArgs),
}

/// Flags shared by every command that builds.
#[derive(Debug, Clone, Args)]
pub struct SiteArgs {
    /// The site folder (holds config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The output folder [default: <root>/public].
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Override config.yaml's base_url, e.g. https://me.github.io/digest/.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future.
    #[arg(long)]
    pub future: bool,
}

/// Flags of `newsprint new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The headline.
    pub title: String,
    /// Comma-separated tags, e.g. Russia,Ukraine.
    #[arg(long, value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Publication date (RFC 3339 or YYYY-MM-DD) [default: now].
    #[arg(long)]
    pub date: Option<String>,
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}
