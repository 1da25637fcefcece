//! The `newsprint` binary: parse the command line, run the command, print errors, exit.

use std::process::ExitCode;

use clap::Parser;

use newsprint::cli::{Cli, Command};
use newsprint::commands;
use newsprint::error::{Error, Style};
use newsprint::pipeline::Report;

// A build allocates millions of small strings and values from two or more threads; mimalloc
// does that markedly faster than the system allocator (measured with bench/run). It asks the
// kernel for huge pages, which only large builds gain from: see `newsprint::memory`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Forbids huge pages before anything allocates: mimalloc's first arena is set up before
/// `main`, and a page faulted in then would already be a 2 MiB one. `.preinit_array` entries run
/// before every constructor of the program and its libraries (ELF, executables only).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".preinit_array")]
static FORBID_HUGE_PAGES_AT_START: extern "C" fn() = forbid_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn forbid_huge_pages() {
    newsprint::memory::allow_huge_pages(false);
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Build(args) => match commands::build::run(args) {
            Ok(report) => {
                print_warnings(&report);
                println!("{}", report.summary());
                0
            }
            Err(errors) => {
                eprintln!("{}", errors.report(Style::for_stderr()));
                errors.exit_code()
            }
        },
        Command::Check(args) => match commands::check::run(args) {
            Ok(report) => {
                print_warnings(&report);
                println!(
                    "checked {} articles and {} pages: no problems",
                    report.articles, report.rendered
                );
                0
            }
            Err(errors) => {
                eprintln!("{}", errors.report(Style::for_stderr()));
                errors.exit_code()
            }
        },
        Command::Init(args) => match commands::init::run(args) {
            Ok(files) => {
                for file in files {
                    println!("created {}", file.display());
                }
                println!("{}", commands::init::next_steps(&args.dir));
                0
            }
            Err(error) => {
                eprintln!("{}", error.report(Style::for_stderr()));
                error.exit_code()
            }
        },
        Command::Email(args) => match commands::email::run(args) {
            Ok(exported) => {
                for warning in &exported.warnings {
                    eprintln!("warning: {warning}");
                }
                for file in &exported.files {
                    println!("wrote {}", file.display());
                }
                println!("subject: {}", exported.subject);
                if let Some(preheader) = &exported.preheader {
                    println!("preheader: {preheader}");
                }
                println!("html: {} bytes", exported.html_bytes);
                0
            }
            Err(errors) => {
                eprintln!("{}", errors.report(Style::for_stderr()));
                errors.exit_code()
            }
        },
        Command::Watch(args) => finish(commands::watch::run(args)),
        Command::Serve(args) => finish(commands::serve::run(args)),
        Command::New(args) => match commands::new::run(args) {
            Ok(path) if args.publish => {
                println!("created {}", path.display());
                0
            }
            Ok(path) => {
                println!(
                    "created {} as a draft: `newsprint serve --drafts` shows it; delete \
                     `draft: true` to publish",
                    path.display()
                );
                0
            }
            Err(error) => {
                eprintln!("{}", error.report(Style::for_stderr()));
                error.exit_code()
            }
        },
    };
    ExitCode::from(code as u8)
}

/// The exit code of a command that runs until stopped.
fn finish(result: Result<(), Error>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("{}", error.report(Style::for_stderr()));
            error.exit_code()
        }
    }
}

fn print_warnings(report: &Report) {
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
}
