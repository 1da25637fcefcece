//! `newsprint serve`: builds, watches and serves the site locally with live reload.
//!
//! Input: the parsed flags. Output: a preview server on `--bind:--port` and the watch loop of
//! [`crate::watch`], until Ctrl-C. The site is built with its base URL's path on the local
//! origin (`https://user.github.io/digest/` previews at `http://127.0.0.1:1111/digest/`), into
//! `<root>/.serve/` unless `--output` says otherwise, so a production `public/` is never
//! overwritten with local links. Add `.serve/` to the site's `.gitignore`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};

use crate::cli::{ServeArgs, SiteArgs};
use crate::config::{Config, Overrides};
use crate::error::{Error, Result};
use crate::output::OutputDir;
use crate::serve::{self, ServeSite};
use crate::url::BaseUrl;
use crate::watch::{self, WatchOptions};

/// The output folder of `serve` under the site root, when `--output` is not given.
pub const SERVE_OUTPUT: &str = ".serve";

/// Serves the site until Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<()> {
    let site_args = &args.watch.site;
    if !site_args.root.is_dir() {
        return Err(Error::Usage(format!(
            "the site folder `{}` does not exist",
            site_args.root.display()
        )));
    }
    let address = SocketAddr::new(args.bind, args.port);
    let listener = TcpListener::bind(address)
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let local = local_base_url(args, bound);
    let served = SiteArgs {
        output: Some(
            site_args
                .output
                .clone()
                .unwrap_or_else(|| site_args.root.join(SERVE_OUTPUT)),
        ),
        base_url: Some(local.as_str().to_string()),
        ..site_args.clone()
    };
    let build = served.build_options();
    let output = OutputDir::new(&build.root, &build.output)?;
    output.claim(build.force)?;
    let site = ServeSite {
        output: output.path,
        base_path: local.path().to_string(),
        local_only: args.bind.is_loopback(),
    };
    let hub = serve::start(listener, site)
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    println!("serving {local}");
    if args.open {
        open_browser(local.as_str());
    }
    let options = WatchOptions {
        build,
        poll: args.watch.poll,
    };
    watch::run(&options, &mut |event| hub.publish(event))
}

/// The site's base URL moved to the local server: config's (or `--base-url`'s) path on
/// `http://<address>`. With a broken `config.yaml` the path is not known yet: the site is then
/// previewed at `/` until `serve` is restarted.
fn local_base_url(args: &ServeArgs, bound: SocketAddr) -> BaseUrl {
    // An unspecified address (0.0.0.0) cannot be browsed to; links use loopback instead.
    let host = match bound.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let origin = format!("http://{}", SocketAddr::new(host, bound.port()));
    let overrides = Overrides {
        base_url: args.watch.site.base_url.clone(),
    };
    match Config::load(&args.watch.site.root, &overrides) {
        Ok(config) => config.base_url.with_origin(&origin),
        Err(error) => {
            eprintln!(
                "error: {error}\n\nwarning: previewing at / until config.yaml is fixed and serve restarted"
            );
            BaseUrl::parse(&origin)
                .unwrap_or_else(|_| unreachable!("an IP address and port make a valid URL"))
        }
    }
}

/// Opens `url` in the default browser; failing to is not worth stopping for.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Ok(mut child) = spawned {
        // Reap it when it exits, so no zombie is left behind.
        std::thread::spawn(move || child.wait());
    }
}
