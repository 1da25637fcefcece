//! How the allocator treats a build's memory: huge pages, and how soon freed memory goes back.
//!
//! Huge pages trade start-up for throughput. A large build touches hundreds of megabytes, and a
//! 4 KiB page fault costs enough that huge pages make it markedly faster, for somewhat more peak
//! memory. A small build touches little memory, and zeroing 2 MiB pages on first use makes it
//! slower (the figures are in `bench/README.md`). So the binary starts with huge pages off and a
//! build turns them on once it has counted its articles.
//!
//! mimalloc asks for huge pages on its arenas (`madvise`); the kernel honours that only while
//! the process allows it (`prctl(PR_SET_THP_DISABLE)`), which it checks at every page fault.
//!
//! mimalloc keeps memory freed for a second before it gives it back to the kernel. The largest
//! builds, whose peak memory is what limits them, have it back sooner.

/// From this many articles on, a build allows huge pages (no gain was measurable at 200).
pub const HUGE_PAGES_FROM_ARTICLES: usize = 500;

/// From this many articles on, a build forbids huge pages again: its peak memory is then what
/// limits it (#20), and partly used 2 MiB pages kept some 40 MB more resident at 100,000
/// articles, for no time gain measurable there (`bench/README.md`).
pub const HUGE_PAGES_UNTIL_ARTICLES: usize = 50_000;

/// Sets the allocator up for a build of `articles` articles, once it has counted them.
pub fn fit_to_build(articles: usize) {
    if huge_pages_pay(articles) {
        allow_huge_pages(true);
    }
    if articles >= HUGE_PAGES_UNTIL_ARTICLES {
        return_freed_memory_after(SOON_MS);
    }
}

/// How soon a build of [`HUGE_PAGES_UNTIL_ARTICLES`] or more hands freed memory back. At
/// 100,000 articles, mimalloc's default (1,000 ms) kept pages freed by rendered pages resident:
/// peak RSS 501–510 MB, against 442–450 MB with 50 ms, in the same time (three interleaved runs
/// each). At 10,000 articles, where huge pages are on, 50 ms cost ~7% of the wall time
/// (`bench/README.md`).
const SOON_MS: std::ffi::c_long = 50;

/// mimalloc's `mi_option_purge_delay` (its `mimalloc.h`; the Rust crate names no constant for it
/// in mimalloc 3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc to give memory freed back to the kernel after `ms` milliseconds, unless the
/// environment set `MIMALLOC_PURGE_DELAY`. Harmless when mimalloc is not the allocator (tests).
fn return_freed_memory_after(ms: std::ffi::c_long) {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: writes one integer. mimalloc reads every option once as the process starts,
        // and afterwards reads this one whole when it purges: a purge racing with this call
        // waits the old delay or the new one.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, ms) }
    }
}

/// Whether a build of `articles` articles gains from huge pages.
pub fn huge_pages_pay(articles: usize) -> bool {
    (HUGE_PAGES_FROM_ARTICLES..HUGE_PAGES_UNTIL_ARTICLES).contains(&articles)
}

/// Allows or forbids transparent huge pages for the whole process. A hint: failure changes
/// nothing but speed, so it is ignored.
pub fn allow_huge_pages(allow: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes one integer flag and no pointers.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            libc::c_ulong::from(!allow),
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        );
    }
    #[cfg(not(target_os = "linux"))]
    let _ = allow;
}

/// The process's resident memory now, in MiB (Linux only; for `NEWSPRINT_TRACE`).
pub fn resident_mib() -> Option<u64> {
    let kib: u64 = status_field("VmRSS")?.parse().ok()?;
    Some(kib / 1024)
}

/// The first word of a field of `/proc/self/status` (`VmRSS:   1234 kB` → `1234`).
fn status_field(name: &str) -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let value = status
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))?;
    Some(value.split_whitespace().next()?.to_string())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::{
        HUGE_PAGES_FROM_ARTICLES, HUGE_PAGES_UNTIL_ARTICLES, MI_OPTION_PURGE_DELAY, SOON_MS,
        allow_huge_pages, fit_to_build, huge_pages_pay, resident_mib, status_field,
    };

    /// The kernel's view of the flag (`THP_enabled`, Linux 5.0 and later).
    fn thp_enabled() -> Option<bool> {
        Some(status_field("THP_enabled")? == "1")
    }

    #[test]
    fn huge_pages_only_for_mid_sized_builds() {
        assert!(!huge_pages_pay(17));
        assert!(huge_pages_pay(HUGE_PAGES_FROM_ARTICLES));
        assert!(huge_pages_pay(10_000));
        assert!(!huge_pages_pay(HUGE_PAGES_UNTIL_ARTICLES));
        assert!(!huge_pages_pay(100_000));
    }

    #[test]
    fn only_the_largest_builds_have_freed_memory_back_soon() {
        // SAFETY: reads one integer.
        let delay = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return; // the environment's value wins
        }
        // mimalloc 3's default, which no other option of its has: the number names the option.
        assert_eq!(delay(), 1000);
        fit_to_build(10_000);
        assert_eq!(delay(), 1000);
        fit_to_build(HUGE_PAGES_UNTIL_ARTICLES);
        assert_eq!(delay(), SOON_MS);
    }

    #[test]
    fn resident_memory_is_read() {
        assert!(resident_mib().is_some_and(|mib| mib < 1 << 20));
    }

    #[test]
    fn the_flag_reaches_the_kernel() {
        if thp_enabled().is_none() {
            return; // an older kernel: nothing to observe
        }
        allow_huge_pages(false);
        assert_eq!(thp_enabled(), Some(false));
        allow_huge_pages(true);
        assert_eq!(thp_enabled(), Some(true));
    }
}
