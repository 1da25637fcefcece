//! The command line: commands and flags, parsed by clap. No logic lives here.

use std::net::IpAddr;
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
    /// Build in memory and report every problem (front matter, links, URLs); write nothing.
    Check(SiteArgs),
    /// Create a new site in an empty folder, with a GitHub Pages workflow.
    Init(InitArgs),
    /// Build the site, then rebuild what each change touches until Ctrl-C.
    Watch(WatchArgs),
    /// Build, watch and serve the site locally, reloading the browser on every change.
    Serve(ServeArgs),
    /// Export one edition as an email: <id>.html, <id>.txt and <id>.eml.
    Email(EmailArgs),
}

/// Flags shared by every command that builds.
#[derive(Debug, Clone, Args)]
pub struct SiteArgs {
    /// The site folder (holds config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The output folder [default: <root>/public; serve: <root>/.serve].
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
    /// Replace an output folder that is not empty and was not made by newsprint (it lacks
    /// `.newsprint-output`); never one holding `.git`.
    #[arg(long)]
    pub force: bool,
}

/// Flags of `newsprint new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The headline (not with --edition).
    #[arg(required_unless_present = "edition")]
    pub title: Option<String>,
    /// Write an edition intro instead: content/editions/<edition id>.md, for DATE (YYYY-MM-DD)
    /// or today's edition.
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "today", conflicts_with_all = ["title", "tags"])]
    pub edition: Option<String>,
    /// Comma-separated tags, e.g. Russia,Ukraine.
    #[arg(long, value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Publication date (RFC 3339 or YYYY-MM-DD) [default: now].
    #[arg(long)]
    pub date: Option<String>,
    /// Write it ready to publish, without `draft: true`.
    #[arg(long)]
    pub publish: bool,
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Flags of `newsprint watch`.
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// The site folder, the output folder and what to include, as for `build`.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Poll the files instead of using the OS's change events (network drives, WSL, containers).
    #[arg(long)]
    pub poll: bool,
}

/// Flags of `newsprint serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// As for `watch`; the output defaults to <root>/.serve, so a production public/ is never
    /// touched, and only the base URL's path is used, on the local server.
    #[command(flatten)]
    pub watch: WatchArgs,
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; the default serves this machine only.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Open the site in the browser once it is served.
    #[arg(long)]
    pub open: bool,
}

/// Flags of `newsprint email`.
#[derive(Debug, Clone, Args)]
pub struct EmailArgs {
    /// The edition: `latest`, its id (2025-03-16, 2025-W11) or its number.
    #[arg(long, default_value = "latest")]
    pub edition: String,
    /// The language of the edition: a code from `languages:` [default: the site's `language`].
    #[arg(long)]
    pub lang: Option<String>,
    /// The newsletter service whose merge tags to use [default: email.esp in config.yaml].
    #[arg(long, value_enum)]
    pub esp: Option<crate::config::Esp>,
    /// The folder to write into [default: <root>/email]. Never the published output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Override config.yaml's base_url (every link in the email is made from it).
    #[arg(long)]
    pub base_url: Option<String>,
}

/// Flags of `newsprint init`.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// The folder to create the site in (must be empty or missing).
    pub dir: PathBuf,
    /// The site's name [default: the folder's name, e.g. my-digest → My Digest].
    #[arg(long)]
    pub title: Option<String>,
    /// Where the site will be published, e.g. https://me.github.io/digest/
    /// [default: https://example.org/; the Pages workflow passes the real URL].
    #[arg(long)]
    pub base_url: Option<String>,
}
