//! The integration tests: one binary that runs the real `newsprint` on sites in temporary
//! folders (fixtures under `tests/fixtures/`, or files a test writes) through one harness,
//! [`support`], and checks exit codes, messages and the output tree.
//!
//! Run one area with a filter: `cargo test --test it build::`. The slow and root-only tests are
//! `#[ignore]`d: `cargo test --test it -- --ignored hardening::` (see `.ci/run`).

mod build;
mod build_in_place;
mod discovery;
mod edition_feed_cache;
mod editions;
mod email;
mod feeds;
mod hardening;
mod images;
mod languages;
mod memory;
mod output_size;
mod polish;
mod publish;
mod ship;
mod size;
mod support;
mod trust_limits;
mod trust_paths;
mod watch_serve;
