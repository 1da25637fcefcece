//! The preview server of `newsprint serve`: serves the output folder over HTTP with live reload.
//!
//! Input: a bound [`TcpListener`], the output folder and the site's base path (`/digest/`).
//! Output: a thread that answers `GET` and `HEAD` for files of the output, with a
//! live-reload script in every page ([`reload`]), until the process ends.
//!
//! Why a small hand-written HTTP/1.1 server on `std::net` and not a crate: the project has no
//! async runtime, so the candidates were synchronous servers, and the well-kept one, `tiny_http`
//! 0.12, does fine for SSE (a response reader that blocks on a channel) but gives no control
//! over the limits a server that anyone on the machine can reach needs: it reads header lines
//! of any length, sets no read timeout and starts a thread for every connection with no cap.
//! What a preview needs is small — one request per connection (`Connection: close`), no
//! bodies, no chunking — so [`http`] does exactly that, with the head capped at 8 KiB (431),
//! 10 s to send it (1 s when the server is nearly full; 408), 256 connections at once (503
//! beyond), and every path checked by
//! [`files`] before anything is read. Live-reload streams stay open as long as their page, so
//! they count against a cap of their own ([`MAX_EVENT_STREAMS`]): open tabs can never take
//! the places page requests need.

pub mod files;
pub mod http;
pub mod reload;

use std::fs;
use std::io;
use std::net::{IpAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use files::Resolved;
use http::{Body, HeadError, Response};
use reload::Hub;

/// The most connections served at once; more get a 503.
pub const MAX_CONNECTIONS: usize = 256;
/// The most live-reload streams open at once, counted apart from [`MAX_CONNECTIONS`].
pub const MAX_EVENT_STREAMS: usize = 256;
/// How long a client may wait before sending its request while the server is nearly full.
const BUSY_HEAD_TIMEOUT: Duration = Duration::from_secs(1);
/// How often a waiting client's patience is checked.
const READ_SLICE: Duration = Duration::from_millis(250);
/// How long a write may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// What the server serves.
#[derive(Debug, Clone)]
pub struct ServeSite {
    /// The output folder.
    pub output: PathBuf,
    /// The site's base path, starting and ending with `/`: `/digest/`.
    pub base_path: String,
    /// Answer only requests whose `Host` is this machine (against DNS rebinding): on when
    /// listening on a loopback address.
    pub local_only: bool,
}

/// The state every connection shares.
#[derive(Debug)]
struct Shared {
    site: ServeSite,
    hub: Arc<Hub>,
    connections: AtomicUsize,
    streams: AtomicUsize,
}

/// Starts serving on `listener` in a background thread; returns the hub to publish builds to.
pub fn start(listener: TcpListener, site: ServeSite) -> io::Result<Arc<Hub>> {
    let hub = Arc::new(Hub::default());
    let shared = Arc::new(Shared {
        site,
        hub: hub.clone(),
        connections: AtomicUsize::new(0),
        streams: AtomicUsize::new(0),
    });
    std::thread::Builder::new()
        .name("newsprint-serve".into())
        .spawn(move || accept(&listener, &shared))?;
    Ok(hub)
}

/// Accepts connections forever, one thread each, up to [`MAX_CONNECTIONS`].
fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // Out of file descriptors, most likely: give the open connections time to finish.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        let Some(slot) = Slot::take(shared, Place::Request) else {
            let mut busy = Response::text(503, "too many connections; try again");
            busy.headers.push(("Retry-After", "1".into()));
            let _ = busy.send(&mut stream, false);
            continue;
        };
        let shared = shared.clone();
        let _ = std::thread::Builder::new()
            .name("newsprint-connection".into())
            .spawn(move || handle(stream, &shared, slot));
    }
}

/// What a connection holds a place for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Reading a request and answering it: one of [`MAX_CONNECTIONS`].
    Request,
    /// A live-reload stream: one of [`MAX_EVENT_STREAMS`].
    Stream,
}

/// One place of its kind; given back when dropped.
struct Slot(Arc<Shared>, Place);

impl Slot {
    fn take(shared: &Arc<Shared>, place: Place) -> Option<Slot> {
        let limit = match place {
            Place::Request => MAX_CONNECTIONS,
            Place::Stream => MAX_EVENT_STREAMS,
        };
        shared
            .count(place)
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < limit).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(shared.clone(), place))
    }
}

impl Shared {
    fn count(&self, place: Place) -> &AtomicUsize {
        match place {
            Place::Request => &self.connections,
            Place::Stream => &self.streams,
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.count(self.1).fetch_sub(1, Ordering::AcqRel);
    }
}

/// Reads one request and answers it; `slot` is the request's place among the connections.
fn handle(mut stream: TcpStream, shared: &Arc<Shared>, slot: Slot) {
    let _ = stream.set_read_timeout(Some(READ_SLICE));
    // A client that has sent nothing may wait its full time while there is room; when the
    // server fills up (many silent clients), it is cut short so others can be served.
    let patience = || {
        if shared.connections.load(Ordering::Acquire) > MAX_CONNECTIONS * 3 / 4 {
            BUSY_HEAD_TIMEOUT
        } else {
            http::HEAD_TIMEOUT
        }
    };
    let head = match http::read_head(&mut stream, &patience) {
        Ok(head) => head,
        Err(error) => {
            let response = match error {
                HeadError::TooLarge => Response::text(431, "request head too large"),
                HeadError::TimedOut => Response::text(408, "request timed out"),
                HeadError::Malformed => Response::text(400, "bad request"),
                HeadError::Closed => return,
            };
            let _ = response.send(&mut stream, false);
            linger(&mut stream);
            return;
        }
    };
    let head_only = head.method == "HEAD";
    let response = match route(&head, &shared.site) {
        Route::Events if !head_only => match Slot::take(shared, Place::Stream) {
            // The stream has a place of its own: the request's is free for pages again.
            Some(stream_slot) => {
                drop(slot);
                return serve_events(stream, &shared.hub, stream_slot);
            }
            None => {
                let mut busy = Response::text(503, "too many live-reload streams");
                busy.headers.push(("Retry-After", "5".into()));
                busy
            }
        },
        Route::Events => events_response(),
        Route::Reply(response) => response,
        Route::File { path, status } => file_response(&path, status, shared),
        Route::NotFound => not_found(shared),
    };
    let refused = response.status >= 400 && response.status != 404;
    let _ = response.send(&mut stream, head_only);
    if refused {
        linger(&mut stream);
    }
}

/// Closes gently after a refusal: a socket closed with unread input resets the connection,
/// which can make the client lose the answer it was sent. So stop writing, then read and drop
/// what is still coming, for a little while.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 4096];
    let mut left: usize = 64 * 1024;
    while left > 0 {
        match io::Read::read(stream, &mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// What a request asks for.
#[derive(Debug)]
enum Route {
    /// A finished response (redirects and refusals).
    Reply(Response),
    /// A file of the output.
    File { path: PathBuf, status: u16 },
    /// Nothing there: the site's 404 page.
    NotFound,
    /// The live-reload event stream.
    Events,
}

/// Decides what a request gets. Only the file checks touch the disk.
fn route(head: &http::Head, site: &ServeSite) -> Route {
    if head.method != "GET" && head.method != "HEAD" {
        let mut response = Response::text(405, "only GET and HEAD are supported");
        response.headers.push(("Allow", "GET, HEAD".into()));
        return Route::Reply(response);
    }
    if site.local_only && !head.host.as_deref().is_none_or(is_local_host) {
        return Route::Reply(Response::text(
            403,
            "this preview server answers only to localhost",
        ));
    }
    let raw_path = head
        .target
        .split_once('?')
        .map_or(head.target.as_str(), |(path, _)| path);
    let Some(path) = files::percent_decode(raw_path).filter(|p| p.starts_with('/')) else {
        return Route::Reply(Response::text(400, "bad request path"));
    };
    let base = site.base_path.as_str();
    if path == "/" && base != "/" {
        return Route::Reply(Response::redirect(302, base));
    }
    if path == base.trim_end_matches('/') {
        return Route::Reply(Response::redirect(301, base));
    }
    let Some(inner) = path.strip_prefix(base) else {
        return Route::NotFound;
    };
    if inner == reload::EVENTS_PATH {
        return Route::Events;
    }
    let Some(relative) = files::safe_relative(inner) else {
        return Route::Reply(Response::text(400, "bad request path"));
    };
    match files::resolve(
        &site.output,
        &relative,
        inner.is_empty() || inner.ends_with('/'),
    ) {
        Resolved::File(path) => Route::File { path, status: 200 },
        Resolved::Folder => {
            let query = head
                .target
                .split_once('?')
                .map(|(_, q)| format!("?{q}"))
                .unwrap_or_default();
            Route::Reply(Response::redirect(301, &format!("{raw_path}/{query}")))
        }
        Resolved::Missing => Route::NotFound,
    }
}

/// Whether a `Host` header names this machine: `localhost` or a loopback address.
fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// A file of the output; pages get the live-reload script.
fn file_response(path: &std::path::Path, status: u16, shared: &Shared) -> Response {
    let content_type = files::content_type(path);
    let headers = vec![
        ("Content-Type", content_type.to_string()),
        // Every request sees the latest build.
        ("Cache-Control", "no-store".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
    ];
    // A rebuild may remove the file between the lookup and the read: that is a miss, not an
    // error of the server.
    let unreadable = |error: io::Error| match error.kind() {
        io::ErrorKind::NotFound if status != 404 => not_found(shared),
        io::ErrorKind::NotFound => Response::text(404, "not found"),
        _ => Response::text(500, "cannot read the file"),
    };
    let body = if files::is_html(path) {
        // The build number is taken before the read: a page read during a publish then reloads
        // once more, instead of carrying the new number with the old content and never reloading.
        let generation = shared.hub.generation();
        match fs::read(path) {
            Ok(bytes) => Body::Bytes(with_script(bytes, shared, generation).into_bytes()),
            Err(error) => return unreadable(error),
        }
    } else {
        match fs::File::open(path).and_then(|file| Ok((file.metadata()?.len(), file))) {
            Ok((length, file)) => Body::File(file, length),
            Err(error) => return unreadable(error),
        }
    };
    Response {
        status,
        headers,
        body,
    }
}

fn with_script(bytes: Vec<u8>, shared: &Shared, generation: u64) -> String {
    let html = String::from_utf8_lossy(&bytes);
    let script = reload::script(&shared.site.base_path, generation);
    reload::inject(&html, &script)
}

/// The site's `404.html` with status 404, or a plain page when it has none (not built yet).
fn not_found(shared: &Shared) -> Response {
    let page = files::resolve(&shared.site.output, std::path::Path::new("404.html"), false);
    if let Resolved::File(path) = page {
        return file_response(&path, 404, shared);
    }
    let html = "<!doctype html><title>Not found</title><body><h1>Not found</h1>\
                <p>Nothing here (yet): if the site is being built, this page reloads when it is.</p></body>";
    Response {
        status: 404,
        headers: vec![
            ("Content-Type", "text/html; charset=utf-8".into()),
            ("Cache-Control", "no-store".into()),
        ],
        body: Body::Bytes(
            with_script(html.as_bytes().to_vec(), shared, shared.hub.generation()).into_bytes(),
        ),
    }
}

fn events_response() -> Response {
    Response {
        status: 200,
        headers: vec![
            ("Content-Type", "text/event-stream".into()),
            ("Cache-Control", "no-store".into()),
        ],
        body: Body::Bytes(Vec::new()),
    }
}

/// Holds the connection open and streams live-reload events on it, until the page goes away;
/// `slot` is given back then.
fn serve_events(mut stream: TcpStream, hub: &Hub, slot: Slot) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: close\r\n\r\n";
    // A page sends nothing after its request, so a read that returns 0 means it closed its end
    // (a tab closed or reloaded): noticed within a check, not at the next failed write.
    let probe = stream.try_clone();
    let _ = stream.set_read_timeout(Some(Duration::from_millis(1)));
    let closed = || {
        let Ok(mut probe) = probe.as_ref() else {
            return false;
        };
        let mut sink = [0u8; 256];
        match io::Read::read(&mut probe, &mut sink) {
            Ok(0) => true,
            Ok(_) => false,
            Err(error) => !matches!(
                error.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::Interrupted
            ),
        }
    };
    if io::Write::write_all(&mut stream, head.as_bytes()).is_ok() {
        let _ = reload::stream(&mut stream, hub, &closed);
    }
    drop(slot);
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::Head;

    fn site(output: PathBuf) -> ServeSite {
        ServeSite {
            output,
            base_path: "/digest/".into(),
            local_only: true,
        }
    }

    fn get(target: &str, site: &ServeSite) -> Route {
        let head = Head {
            method: "GET".into(),
            target: target.into(),
            host: Some("127.0.0.1:1111".into()),
        };
        route(&head, site)
    }

    fn status(route: &Route) -> (u16, Option<String>) {
        match route {
            Route::Reply(r) => (
                r.status,
                r.headers
                    .iter()
                    .find(|(n, _)| *n == "Location")
                    .map(|(_, v)| v.clone()),
            ),
            Route::File { status, .. } => (*status, None),
            Route::NotFound => (404, None),
            Route::Events => (200, None),
        }
    }

    #[test]
    fn routes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(out.join("tags")).unwrap();
        fs::write(out.join("index.html"), "home").unwrap();
        fs::write(out.join("tags/index.html"), "tags").unwrap();
        let site = site(out);
        assert_eq!(status(&get("/", &site)), (302, Some("/digest/".into())));
        assert_eq!(
            status(&get("/digest", &site)),
            (301, Some("/digest/".into()))
        );
        assert_eq!(status(&get("/digest/", &site)).0, 200);
        assert_eq!(status(&get("/digest/?x=1", &site)).0, 200);
        assert_eq!(
            status(&get("/digest/tags?p=2", &site)),
            (301, Some("/digest/tags/?p=2".into()))
        );
        assert_eq!(status(&get("/digest/tags/", &site)).0, 200);
        assert_eq!(status(&get("/digest/nope/", &site)).0, 404);
        assert_eq!(status(&get("/other/", &site)).0, 404);
        assert!(matches!(
            get("/digest/__newsprint/events", &site),
            Route::Events
        ));
        for bad in [
            "/digest/../../etc/passwd",
            "/digest/%2e%2e/%2e%2e/etc/passwd",
            "/digest/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/digest/..%2f..%2fetc/passwd",
            "/digest/%5c..%5cx",
            "/digest/%00",
            "/digest//etc/passwd",
            "/digest/%zz",
            "digest/",
        ] {
            assert_eq!(status(&get(bad, &site)).0, 400, "{bad}");
        }
    }

    #[test]
    fn connections_are_capped() {
        let shared = Arc::new(Shared {
            site: site(PathBuf::from("/nonexistent")),
            hub: Arc::new(Hub::default()),
            connections: AtomicUsize::new(MAX_CONNECTIONS - 1),
            streams: AtomicUsize::new(MAX_EVENT_STREAMS - 1),
        });
        for place in [Place::Request, Place::Stream] {
            let last = Slot::take(&shared, place).expect("one place left");
            assert!(Slot::take(&shared, place).is_none());
            drop(last);
            assert!(Slot::take(&shared, place).is_some());
        }
        // Full streams leave requests their places, and the other way round.
        let _streams: Vec<Slot> = std::iter::from_fn(|| Slot::take(&shared, Place::Stream))
            .take(MAX_EVENT_STREAMS)
            .collect();
        assert!(Slot::take(&shared, Place::Request).is_some());
    }

    #[test]
    fn only_get_and_head_and_only_local_hosts() {
        let site = site(PathBuf::from("/nonexistent"));
        let post = Head {
            method: "POST".into(),
            target: "/digest/".into(),
            host: None,
        };
        assert_eq!(status(&route(&post, &site)).0, 405);
        let rebound = Head {
            method: "GET".into(),
            target: "/digest/".into(),
            host: Some("evil.example:1111".into()),
        };
        assert_eq!(status(&route(&rebound, &site)).0, 403);
        for host in ["localhost:1111", "127.0.0.1", "[::1]:1111", "LOCALHOST"] {
            assert!(is_local_host(host), "{host}");
        }
        assert!(!is_local_host("192.0.2.1:1111"));
    }
}
