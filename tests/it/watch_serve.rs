//! End to end: runs the real `newsprint watch` and `newsprint serve` on a small site in a
//! temporary folder, changes its files the ways editors and tools do, and checks the output
//! and the server. Every wait polls every 50 ms for up to 20 s, so a slow machine only makes
//! the tests slower, not flaky.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use crate::support::{PATIENCE, POLL, Running, Site, article};

fn watch(site: &Site, extra: &[&str]) -> Running {
    let root = site.root().to_str().unwrap();
    let mut args = vec!["watch", "--root", root];
    args.extend(extra);
    Running::start(&args)
}

#[test]
fn watch_follows_every_kind_of_save() {
    let site = Site::three_articles();
    let run = watch(&site, &[]);
    run.wait("the first build", || {
        site.read_or_empty("public/2025/03/alpha/index.html")
            .contains("Alpha talks begin")
    });
    run.wait("the watcher to start", || run.stdout().contains("watching"));
    edit_in_place(&site, &run);
    respell_a_tag(&site, &run);
    save_like_vim(&site, &run);
    #[cfg(target_os = "linux")]
    write_slowly(&site, &run);
    add_and_delete(&site, &run);
    break_and_fix(&site, &run);
}

/// An edit in place reaches the article, its tag page, the home page and the feed.
fn edit_in_place(site: &Site, run: &Running) {
    site.write(
        "content/2025/03/alpha.md",
        article("Alpha talks resume", "2025-03-10", "[Talks, Europe]"),
    );
    for page in [
        "2025/03/alpha/index.html",
        "tags/talks/index.html",
        "index.html",
        "atom.xml",
    ] {
        run.wait(page, || {
            site.read_or_empty(&format!("public/{page}"))
                .contains("Alpha talks resume")
        });
    }
    run.wait("the report line", || {
        run.stdout().contains("rebuilt content/2025/03/alpha.md: ")
    });
    assert!(
        run.stdout().contains(" files written in "),
        "{}",
        run.stdout()
    );
}

/// Pages show a tag as most of its articles spell it: editing one article can change how the
/// others' pages show it, and those pages must follow.
fn respell_a_tag(site: &Site, run: &Running) {
    // Talks (alpha) and TALKS (gamma) tie; the tie goes to the first in order: TALKS.
    site.write(
        "content/2025/03/gamma.md",
        article("Gamma truce", "2025-03-12", "[TALKS]"),
    );
    run.wait("alpha's page to show the new spelling", || {
        site.read_or_empty("public/2025/03/alpha/index.html")
            .contains("rel=\"tag\" data-pagefind-filter=\"tag\">TALKS</a>")
    });
}

/// vim: a scratch file, then a rename over the article.
fn save_like_vim(site: &Site, run: &Running) {
    site.write(
        "content/2025/03/.beta.md.swp",
        article("Beta sanctions widen", "2025-03-11", "[Sanctions]"),
    );
    fs::rename(
        site.path("content/2025/03/.beta.md.swp"),
        site.path("content/2025/03/beta.md"),
    )
    .unwrap();
    run.wait("the renamed-over article", || {
        site.read_or_empty("public/2025/03/beta/index.html")
            .contains("Beta sanctions widen")
    });
    // Printed just after the output is written.
    run.wait("its report line", || {
        run.stdout().contains("rebuilt content/2025/03/beta.md:")
    });
}

/// A file written in two parts with a pause between them, as a slow writer or a descheduled
/// one does: built once, whole, not first cut short. (inotify reports when the file is closed.)
#[cfg(target_os = "linux")]
fn write_slowly(site: &Site, run: &Running) {
    let rebuilds = || {
        run.stdout()
            .matches("rebuilt content/2025/03/beta.md:")
            .count()
    };
    let before = rebuilds();
    let text = article("Beta written slowly", "2025-03-11", "[Sanctions]") + "\nThe last line.\n";
    let (head, tail) = text.split_at(text.find("\n---\n").unwrap() + 5);
    let mut file = fs::File::create(site.path("content/2025/03/beta.md")).unwrap();
    file.write_all(head.as_bytes()).unwrap();
    file.flush().unwrap();
    // Ten times the watcher's settling time, so a burst that did not wait would end here.
    std::thread::sleep(Duration::from_millis(30));
    file.write_all(tail.as_bytes()).unwrap();
    drop(file);
    run.wait("the whole article", || {
        site.read_or_empty("public/2025/03/beta/index.html")
            .contains("The last line.")
    });
    run.wait("the report line", || rebuilds() > before);
    // Longer than the longest wait for a close: a second rebuild would have come by now.
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(rebuilds(), before + 1, "{}", run.stdout());
}

/// A new article in a new folder appears; a deleted one takes its page with it.
fn add_and_delete(site: &Site, run: &Running) {
    site.write(
        "content/2025/04/delta.md",
        article("Delta deal", "2025-04-01", "[Deals]"),
    );
    run.wait("the new article", || {
        site.read_or_empty("public/2025/04/delta/index.html")
            .contains("Delta deal")
    });
    run.wait("its tag page", || {
        site.path("public/tags/deals/index.html").is_file()
    });
    fs::remove_file(site.path("content/2025/03/gamma.md")).unwrap();
    run.wait("the page to go", || {
        !site.path("public/2025/03/gamma/index.html").exists()
    });
    run.wait("the home page to drop it", || {
        !site
            .read_or_empty("public/index.html")
            .contains("Gamma truce")
    });
}

/// A broken file: the error is printed, the last good page stays; the fix recovers.
fn break_and_fix(site: &Site, run: &Running) {
    let before = site.read_or_empty("public/2025/03/alpha/index.html");
    site.write(
        "content/2025/03/alpha.md",
        "---\ntitle: [Alpha broken\ndate: 2025-03-10\n---\n\nBody.\n",
    );
    run.wait("the error", || {
        run.stderr().contains("content/2025/03/alpha.md:2:")
    });
    assert!(
        run.stderr().contains("error: build failed with 1 error"),
        "{}",
        run.stderr()
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        site.read_or_empty("public/2025/03/alpha/index.html"),
        before
    );

    site.write(
        "content/2025/03/alpha.md",
        article("Alpha talks fixed", "2025-03-10", "[Talks]"),
    );
    run.wait("the fix", || {
        site.read_or_empty("public/2025/03/alpha/index.html")
            .contains("Alpha talks fixed")
    });
    run.wait("the dropped tag's page to go", || {
        !site.path("public/tags/europe/index.html").exists()
    });
}

#[test]
fn watch_survives_a_broken_start_and_polls() {
    let site = Site::three_articles();
    site.write("config.yaml", "title: Test Digest\nbase_url: not a url\n");
    let run = watch(&site, &["--poll"]);
    run.wait("the config error", || {
        run.stderr().contains("invalid base_url")
    });
    run.wait("the watcher to start", || run.stdout().contains("watching"));
    assert!(!site.path("public").exists());

    site.write(
        "config.yaml",
        "title: Test Digest\nbase_url: https://user.github.io/digest/\n",
    );
    run.wait("the full build", || {
        site.read_or_empty("public/index.html")
            .contains("Alpha talks begin")
    });
    run.wait("the report line", || {
        run.stdout().contains("rebuilt config.yaml: ")
    });

    site.write(
        "content/2025/03/beta.md",
        article("Beta polled", "2025-03-11", "[Sanctions]"),
    );
    run.wait("the polled edit", || {
        site.read_or_empty("public/2025/03/beta/index.html")
            .contains("Beta polled")
    });
}

/// A port nobody uses right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A response: status, headers (lowercase names) and body.
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

/// Sends a raw request and reads the whole response (the server closes every connection).
fn request(port: u16, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// An open live-reload stream.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(POLL)).unwrap();
        write!(
            stream,
            "GET /digest/__newsprint/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
        )
        .unwrap();
        Events {
            stream,
            seen: String::new(),
        }
    }

    /// Reads until the stream has shown `text` (since the last call), or fails after a while.
    fn expect(&mut self, text: &str) -> String {
        let started = Instant::now();
        let mut buffer = [0u8; 4096];
        while started.elapsed() < PATIENCE {
            if let Some(at) = self.seen.find(text) {
                let shown = self.seen[..at + text.len()].to_string();
                self.seen.drain(..at + text.len());
                return shown;
            }
            match self.stream.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
                Err(_) => {}
            }
        }
        panic!(
            "the event stream never showed {text:?}; it showed {:?}",
            self.seen
        );
    }
}

#[test]
fn serve_previews_with_live_reload() {
    let site = Site::three_articles();
    let port = free_port();
    let root = site.root().to_str().unwrap();
    let run = Running::start(&["serve", "--root", root, "--port", &port.to_string()]);
    let url = format!("http://127.0.0.1:{port}/digest/");
    run.wait("the serving line", || {
        run.stdout().contains(&format!("serving {url}"))
    });
    run.wait("the home page", || {
        request(port, "GET", "/digest/").status == 200
    });
    assert!(site.path(".serve/index.html").is_file() && !site.path("public").exists());
    check_pages(port, &url);
    check_refusals(port);
    check_live_reload(&site, port);
}

/// Redirects, pages with the reload script, types, 404 and folders.
fn check_pages(port: u16, url: &str) {
    let home = request(port, "GET", "/");
    assert_eq!(
        (home.status, home.header("location").as_deref()),
        (302, Some("/digest/"))
    );
    let page = request(port, "GET", "/digest/");
    assert_eq!(
        page.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(
        page.body.contains("<script data-newsprint-reload>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(&format!("href=\"{url}")),
        "links point at the local server"
    );
    assert!(page.body.trim_end().ends_with("</html>"));

    let head = request(port, "HEAD", "/digest/atom.xml");
    assert_eq!(head.status, 200);
    assert!(
        head.header("content-type")
            .unwrap()
            .starts_with("application/atom+xml")
    );
    assert!(head.body.is_empty());

    let missing = request(port, "GET", "/digest/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"), "{}", missing.body);
    let folder = request(port, "GET", "/digest/tags");
    assert_eq!(
        (folder.status, folder.header("location").as_deref()),
        (301, Some("/digest/tags/"))
    );
    assert_eq!(request(port, "GET", "/digest/tags/").status, 200);
}

/// Other methods, and every way out of the output folder.
fn check_refusals(port: u16) {
    assert_eq!(request(port, "POST", "/digest/").status, 405);
    for bad in [
        "/digest/../../etc/passwd",
        "/digest/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/digest/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/digest/..%2f..%2f..%2fetc/passwd",
        "/digest/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
        "/digest//etc/passwd",
        "/../../etc/passwd",
    ] {
        let reply = request(port, "GET", bad);
        assert!(
            (400..500).contains(&reply.status),
            "{bad}: {}",
            reply.status
        );
        assert!(!reply.body.contains("root:"), "{bad} leaked a file");
    }
}

/// An edit reloads the page; a broken build shows as an error, also to a page opened while it
/// is broken; the fix reloads.
fn check_live_reload(site: &Site, port: u16) {
    let mut events = Events::open(port);
    events.expect("event: hello");
    site.write(
        "content/2025/03/alpha.md",
        article("Alpha served", "2025-03-10", "[Talks]"),
    );
    events.expect("event: reload");
    assert!(
        request(port, "GET", "/digest/2025/03/alpha/")
            .body
            .contains("Alpha served")
    );

    site.write("content/2025/03/alpha.md", "---\ntitle: [broken\n---\n");
    events.expect("event: error");
    let shown = events.expect("\n\n");
    assert!(shown.contains("alpha.md:2:"), "{shown}");
    let mut late = Events::open(port);
    let first = late.expect("event: hello");
    assert!(first.contains("event: error"), "{first}");
    site.write(
        "content/2025/03/alpha.md",
        article("Alpha fixed", "2025-03-10", "[Talks]"),
    );
    events.expect("event: reload");
    late.expect("event: reload");
}

#[test]
fn serve_refuses_oversized_requests() {
    let site = Site::three_articles();
    let port = free_port();
    let root = site.root().to_str().unwrap();
    let run = Running::start(&["serve", "--root", root, "--port", &port.to_string()]);
    run.wait("the server", || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let huge = format!(
        "GET /digest/ HTTP/1.1\r\nX-Filler: {}\r\n\r\n",
        "a".repeat(16 * 1024)
    );
    // The server may close before reading it all; only its answer matters.
    let _ = stream.write_all(huge.as_bytes());
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:?}");
    let rebound = {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET /digest/ HTTP/1.1\r\nHost: attacker.example\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    };
    assert!(rebound.starts_with("HTTP/1.1 403"), "{rebound:?}");
}
