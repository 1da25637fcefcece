//! The `newsprint` binary: parse the command line, run the command, print errors, exit.

use std::process::ExitCode;

use clap::Parser;

use newsprint::cli::{Cli, Command};
use newsprint::commands;
use newsprint::pipeline::Report;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Build(args) => match commands::build::run(args) {
            Ok(report) => {
                print_warnings(&report);
                println!(
                    "built {} articles, {} files in {} ms",
                    report.articles,
                    report.written,
                    report.elapsed.as_millis()
                );
                0
            }
            Err(errors) => {
                eprintln!("{errors}");
                errors.exit_code()
            }
        },
        Command::New(args) => match commands::new::run(args) {
            Ok(path) => {
                println!("created {}", path.display());
                0
            }
            Err(error) => {
                eprintln!("error: {error}");
                error.exit_code()
            }
        },
    };
    ExitCode::from(code as u8)
}

fn print_warnings(report: &Report) {
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
}
