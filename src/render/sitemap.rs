//! `sitemap.xml`, `news-sitemap.xml` and `robots.txt`.
//!
//! Input: the site and the list of pages. Output: the documents' bytes.

use crate::date::Date;
use crate::site::Site;

/// One URL in the sitemap.
#[derive(Debug)]
pub struct SitemapUrl {
    /// Absolute URL.
    pub loc: String,
    /// Last modification, when known.
    pub lastmod: Option<Date>,
}

/// `sitemap.xml` listing `urls`.
pub fn sitemap(urls: &[SitemapUrl]) -> Vec<u8> {
    let _ = urls;
    unimplemented!("sitemaps are being written")
}

/// `news-sitemap.xml`: articles of the two days before `now`, at most 1,000.
pub fn news_sitemap(site: &Site, now: &Date) -> Vec<u8> {
    let _ = (site, now);
    unimplemented!("sitemaps are being written")
}

/// `robots.txt` pointing at the sitemap.
pub fn robots(site: &Site) -> Vec<u8> {
    let _ = site;
    unimplemented!("sitemaps are being written")
}
