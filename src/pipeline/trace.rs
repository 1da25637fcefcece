//! Stage timings, printed to stderr when `NEWSPRINT_TRACE` is set: how `watch` and `build` were
//! profiled, kept so anyone can see where a rebuild's time and memory go.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// Stage timings of an update, printed when `NEWSPRINT_TRACE` is set (for profiling watch).
pub struct Trace(Option<(Instant, Cell<Instant>)>);

impl Trace {
    /// Starts timing (a no-op unless `NEWSPRINT_TRACE` is set).
    pub fn start() -> Trace {
        let now = Instant::now();
        Trace(std::env::var_os("NEWSPRINT_TRACE").map(|_| (now, Cell::new(now))))
    }

    /// Prints the time since the last mark.
    pub fn mark(&self, stage: &str) {
        if let Some((start, last)) = &self.0 {
            let now = Instant::now();
            eprintln!(
                "trace: {stage:<10} {:>7.2} ms (total {:>7.2} ms){}",
                (now - last.get()).as_secs_f64() * 1e3,
                (now - *start).as_secs_f64() * 1e3,
                crate::memory::resident_mib()
                    .map_or(String::new(), |mib| format!(", resident {mib} MiB"))
            );
            last.set(now);
        }
    }

    /// Prints the pages that took longest to render, of `pages` (path, time); every page under
    /// `NEWSPRINT_TRACE=pages`.
    pub fn slowest<'p>(&self, pages: impl Iterator<Item = (&'p String, Duration)>) {
        if self.0.is_none() {
            return;
        }
        let mut pages: Vec<_> = pages.collect();
        pages.sort_by_key(|(_, took)| std::cmp::Reverse(*took));
        // `NEWSPRINT_TRACE=pages` lists every page.
        let every = std::env::var_os("NEWSPRINT_TRACE").is_some_and(|value| value == "pages");
        for (path, took) in pages.iter().take(if every { pages.len() } else { 3 }) {
            eprintln!("trace:   {:>7.2} ms {path}", took.as_secs_f64() * 1e3);
        }
    }
}
