//! One module per command: each turns parsed flags into a call of the library.

pub mod build;
pub mod check;
pub mod email;
pub mod init;
pub mod new;
pub mod serve;
pub mod watch;
