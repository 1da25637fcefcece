//! `measure REPORT CMD [ARGS...]`: runs CMD, waits for it with wait4(2), and writes
//! `exit_code wall_ns user_us sys_us maxrss_kib` to the file REPORT; exits with CMD's code.
//!
//! Why not let bench/run call os.wait4 itself: Linux keeps a process's peak RSS across exec, so
//! a child forked from the Python runner reports at least the runner's own RSS (≈20 MB), which
//! swamps small tools. Forked from this ~1 MB process, the figure is the tool's own.

use std::ffi::{c_int, c_long};
use std::process::{Command, ExitCode};
use std::time::Instant;

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
compile_error!("measure supports 64-bit Linux only (struct rusage layout)");

#[repr(C)]
#[derive(Default)]
struct Timeval {
    sec: c_long,
    usec: c_long,
}

/// `struct rusage` on 64-bit Linux: two timevals, then 14 longs (ru_maxrss first, in KiB).
#[repr(C)]
#[derive(Default)]
struct Rusage {
    utime: Timeval,
    stime: Timeval,
    maxrss: c_long,
    rest: [c_long; 13],
}

unsafe extern "C" {
    fn wait4(pid: c_int, status: *mut c_int, options: c_int, rusage: *mut Rusage) -> c_int;
}

fn micros(t: &Timeval) -> i64 {
    i64::from(t.sec) * 1_000_000 + i64::from(t.usec)
}

/// The shell's convention: the exit code, or 128 + the signal that ended the process.
fn exit_code(status: c_int) -> i32 {
    if status & 0x7f == 0 { (status >> 8) & 0xff } else { 128 + (status & 0x7f) }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [report, cmd, cmd_args @ ..] = args.as_slice() else {
        eprintln!("usage: measure REPORT CMD [ARGS...]");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let child = match Command::new(cmd).args(cmd_args).spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("measure: cannot run {cmd}: {e}");
            return ExitCode::from(127);
        }
    };
    let pid = c_int::try_from(child.id()).expect("pid fits in c_int");
    let (mut status, mut usage) = (0, Rusage::default());
    // SAFETY: valid pointers to a c_int and a correctly laid-out struct rusage.
    let waited = unsafe { wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if waited != pid {
        eprintln!("measure: wait4 failed: {}", std::io::Error::last_os_error());
        return ExitCode::from(125);
    }
    let code = exit_code(status);
    let line = format!(
        "{code} {} {} {} {}\n",
        wall.as_nanos(),
        micros(&usage.utime),
        micros(&usage.stime),
        usage.maxrss
    );
    if let Err(e) = std::fs::write(report, line) {
        eprintln!("measure: cannot write {report}: {e}");
        return ExitCode::from(125);
    }
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
