//! newsprint turns a folder of Markdown news articles into a static news site.
//!
//! The pipeline runs one way: [`config`] reads `config.yaml`; [`content`] walks `content/` and
//! parses each article's front matter (in parallel); [`markdown`] renders bodies and resolves
//! links between files (in parallel); [`site`] sorts articles and indexes them by tag; [`render`]
//! turns every page, feed and sitemap into bytes through the Tera theme (in parallel); and
//! [`output`] stages the result and swaps it into place. [`claims`] checks that every output path
//! has one source and none takes a path newsprint writes itself. [`pipeline`] keeps all of it in memory
//! so `watch` and `serve` redo only what a change touches. Every problem becomes an
//! [`error::Error`] with a file, line and column, and a build reports all of them.

#![warn(missing_docs)]

pub mod claims;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod date;
pub mod email;
pub mod error;
pub mod i18n;
pub mod images;
pub mod markdown;
pub mod memory;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod url;
pub mod watch;
pub mod yaml;

/// The most items one parallel task takes on at a time (rayon's `with_max_len`). Left alone,
/// rayon cuts a list into a few long runs, one per split, and a run no core has started cannot
/// be shared: at the end of each stage of a big build one core worked alone while the other
/// waited.
pub const MAX_ITEMS_PER_TASK: usize = 16;
