//! Site and tag feeds: Atom 1.0, RSS 2.0 and JSON Feed 1.1, built in code so escaping is exact.
//!
//! Input: a [`Feed`] (which articles, the feed's own URL). Output: the feed document's bytes.

use crate::config::Config;
use crate::site::Entry;

/// The three feed formats newsprint writes for the site and for every tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedFormat {
    /// `atom.xml`.
    Atom,
    /// `rss.xml`.
    Rss,
    /// `feed.json`.
    Json,
}

impl FeedFormat {
    /// All formats.
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json];

    /// The file name in its folder.
    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "atom.xml",
            FeedFormat::Rss => "rss.xml",
            FeedFormat::Json => "feed.json",
        }
    }
}

/// One feed to write.
#[derive(Debug)]
pub struct Feed<'a> {
    /// The site's config (title, base URL, language, feed options).
    pub config: &'a Config,
    /// The feed's title: the site title, or "Site — Tag".
    pub title: String,
    /// The feed's description.
    pub description: String,
    /// The folder of the feed inside the output: `""` for the site, `tags/russia/` for a tag.
    pub folder: String,
    /// The page the feed belongs to (absolute): the home page or the tag page.
    pub home_url: String,
    /// The newest articles, newest first, at most `config.feeds.limit`.
    pub entries: Vec<&'a Entry>,
}

/// Renders `feed` in `format`.
pub fn render(feed: &Feed<'_>, format: FeedFormat) -> Vec<u8> {
    let _ = (feed, format);
    unimplemented!("feeds are being written")
}
