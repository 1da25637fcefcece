//! Whether the kernel may back this process's heap with transparent huge pages (2 MiB).
//!
//! Huge pages trade start-up for throughput. A large build touches hundreds of megabytes, and a
//! 4 KiB page fault costs enough that huge pages make it markedly faster, for somewhat more peak
//! memory. A small build touches little memory, and zeroing 2 MiB pages on first use makes it
//! slower (the figures are in `bench/README.md`). So the binary starts with huge pages off and a
//! build turns them on once it has counted its articles.
//!
//! mimalloc asks for huge pages on its arenas (`madvise`); the kernel honours that only while
//! the process allows it (`prctl(PR_SET_THP_DISABLE)`), which it checks at every page fault.

/// From this many articles on, a build allows huge pages (no gain was measurable at 200).
pub const HUGE_PAGES_FROM_ARTICLES: usize = 500;

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
    use super::{allow_huge_pages, resident_mib, status_field};

    /// The kernel's view of the flag (`THP_enabled`, Linux 5.0 and later).
    fn thp_enabled() -> Option<bool> {
        Some(status_field("THP_enabled")? == "1")
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
