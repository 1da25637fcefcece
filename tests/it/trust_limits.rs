//! Issue #13, classes 3, 6, 7 and 8: bounded output, valid values, protocol-sized sitemaps and a
//! preview server that stays available. Each test runs the real `newsprint` on a site made in a
//! temporary folder. Waits poll for up to 20 s, so a slow machine makes them slower, not flaky.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{BIN, Site, stderr};

const PATIENCE: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);

fn newsprint() -> Command {
    Command::new(BIN)
}

/// A site with only a config.
fn basic() -> Site {
    Site::with_config("title: Limits\nbase_url: https://user.github.io/digest/\n")
}

fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}\n")
}

/// Every file under `dir` with its size.
fn sizes(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                files.push((entry.path(), meta.len()));
            }
        }
    }
    files
}

// ---------------------------------------------------------------------------------------------
// Class 3: bounded memory and output for any input.

/// 16,000 broken links on one 300 KB line: the first 20 errors, then one line for the rest, and
/// no error carries the whole line.
#[test]
fn errors_per_file_are_capped_and_snippets_cut() {
    let site = basic();
    let links: String = (0..16_000)
        .map(|i| format!("[l{i}](gone-{i:05}.md) "))
        .collect();
    assert!(links.len() > 300_000);
    site.write(
        "content/2025/03/broken.md",
        article("Broken", "2025-03-16", "", &links),
    );
    let output = site.build_with(&[]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.len() < 32 * 1024, "stderr is {} bytes", text.len());
    assert_eq!(text.matches("does not resolve").count(), 20, "{text}");
    assert!(
        text.contains("and 15980 more errors in "),
        "no summary line: {text}"
    );
    assert!(
        text.contains("error: build failed with 16000 errors"),
        "{text}"
    );
    // The line is cut around the column, with markers, and the caret still points at the link.
    let snippet = text
        .lines()
        .find(|line| line.starts_with("5 | "))
        .expect("a source line");
    assert!(snippet.chars().count() < 200, "{snippet}");
    assert!(snippet.contains('…'), "{snippet}");
}

/// One big article with many tags: every feed stays within `feeds.max_bytes` (entries fall back
/// to their summary), so the output is a small multiple of the content, not tags × body.
#[test]
fn feeds_are_bounded_in_bytes() {
    let site = basic();
    let paragraph = "Negotiators met again in the capital to discuss the ceasefire terms. ";
    let body: String = (0..2_000)
        .map(|i| format!("{} {i}\n\n", paragraph.repeat(10)))
        .collect();
    assert!(body.len() > 1_300_000);
    let tags: Vec<String> = (0..20).map(|i| format!("tag{i}")).collect();
    site.write(
        "content/2025/03/huge.md",
        article(
            "Huge",
            "2025-03-16",
            &format!("tags: [{}]\n", tags.join(", ")),
            &body,
        ),
    );
    site.write(
        "content/2025/03/small.md",
        article("Small", "2025-03-15", "tags: [tag1]\n", "A short one."),
    );
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let files = sizes(&site.path("public"));
    let total: u64 = files.iter().map(|(_, size)| size).sum();
    for (path, size) in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        if ["atom.xml", "rss.xml", "feed.json"].contains(&name) {
            assert!(*size <= 1024 * 1024, "{} is {size} bytes", path.display());
        }
    }
    assert!(
        total < 4 * body.len() as u64,
        "{total} bytes of output for {} of content",
        body.len()
    );
    // Entries fell back to the summary (the first paragraph), and the small article kept its
    // full text.
    let atom = site.read("public/atom.xml");
    assert!(atom.contains("<summary type=\"html\">"), "{atom:.400}");
    assert!(atom.contains("A short one."));
    let feed: serde_json::Value = serde_json::from_str(&site.read("public/feed.json")).unwrap();
    assert_eq!(feed["items"].as_array().unwrap().len(), 2);

    // The limit is the site's to set.
    site.write(
        "config.yaml",
        "title: Limits\nbase_url: https://user.github.io/digest/\nfeeds:\n  max_bytes: 4000000\n",
    );
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let atom = site.read("public/atom.xml");
    assert!(
        atom.len() > 1_300_000,
        "full content is back: {}",
        atom.len()
    );
    site.write(
        "config.yaml",
        "title: Limits\nbase_url: https://user.github.io/digest/\nfeeds:\n  max_byte: 4\n",
    );
    let output = site.build_with(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("unknown key `max_byte`"),
        "{}",
        stderr(&output)
    );
}

// ---------------------------------------------------------------------------------------------
// Class 6: every value is valid where it lands.

#[test]
fn out_of_range_offsets_and_years_are_front_matter_errors() {
    for (date, column) in [
        ("2025-03-16T10:00:00+24:00", 7),
        ("2025-03-16T10:00:00-25:30", 7),
        ("0000-03-16", 7),
        ("0000-03-16T10:00:00Z", 7),
    ] {
        let site = basic();
        site.write("content/2025/03/a.md", article("A", date, "", "Text."));
        let output = site.build_with(&[]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{date}: {text}");
        assert!(
            text.contains(&format!("content/2025/03/a.md:3:{column}")),
            "{date}: {text}"
        );
        assert!(text.contains(&format!("invalid date `{date}`")), "{text}");
    }
}

#[test]
fn control_characters_are_dropped_from_html() {
    let site = basic();
    site.write(
        "content/2025/03/a.md",
        "---\ntitle: \"Bell\\u0007 and \\u0085next\\u001b[31m\"\ndate: 2025-03-16\n---\nText \u{1} with \u{7f}controls\u{8}.\n",
    );
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    for (path, _) in sizes(&site.path("public")) {
        let text = fs::read_to_string(&path).unwrap();
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        assert!(bad.is_empty(), "{}: {bad:?}", path.display());
    }
    let page = site.read("public/2025/03/a/index.html");
    assert!(page.contains("Bell and next[31m"), "title kept its text");
    assert!(page.contains("Text  with controls."));
    // JSON-LD says what the page says, without the escaped controls either.
    assert!(
        page.contains("\"headline\":\"Bell and next[31m\""),
        "{page}"
    );
}

#[test]
fn source_and_image_urls_are_percent_encoded_everywhere() {
    let site = basic();
    site.write(
        "content/2025/03/a.md",
        article(
            "A",
            "2025-03-16",
            "source: https://e.org/a\"b<c>d e\nimage: https://e.org/i\"m<g> x.png\n",
            "Text.",
        ),
    );
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    for file in [
        "2025/03/a/index.html",
        "atom.xml",
        "rss.xml",
        "feed.json",
        "index.html",
    ] {
        let text = site.read(&format!("public/{file}"));
        for raw in [
            "a\"b", "a&quot;b", "a\\\"b", "b<c", "b&lt;c", "d e", "i\"m", "i&quot;m", "m<g",
            "m&lt;g",
        ] {
            assert!(!text.contains(raw), "{file} holds {raw:?}");
        }
    }
    let page = site.read("public/2025/03/a/index.html");
    assert!(page.contains("https://e.org/a%22b%3Cc%3Ed%20e"), "{page}");
    assert!(
        page.contains("https://e.org/i%22m%3Cg%3E%20x.png"),
        "{page}"
    );
    let feed = site.read("public/feed.json");
    assert!(feed.contains("\"external_url\":\"https://e.org/a%22b%3Cc%3Ed%20e\""));
    assert!(feed.contains("\"image\":\"https://e.org/i%22m%3Cg%3E%20x.png\""));
}

#[test]
fn protocol_relative_urls_become_https() {
    let site = basic();
    site.write(
        "content/2025/03/a.md",
        article(
            "A",
            "2025-03-16",
            "image: //img.example/lead.png\n",
            "See [the report](//host.example/x) and ![map](//img.example/y.png).",
        ),
    );
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    for file in [
        "2025/03/a/index.html",
        "index.html",
        "atom.xml",
        "feed.json",
    ] {
        let text = site.read(&format!("public/{file}"));
        for (at, _) in text
            .match_indices("//host.example")
            .chain(text.match_indices("//img.example"))
        {
            assert!(
                text[..at].ends_with("https:"),
                "{file}: {}",
                &text[at.saturating_sub(20)..at + 20]
            );
        }
    }
    let page = site.read("public/2025/03/a/index.html");
    assert!(page.contains("href=\"https://host.example/x\""), "{page}");
    assert!(page.contains("src=\"https://img.example/y.png\""), "{page}");
    assert!(page.contains("https://img.example/lead.png"), "{page}");
}

/// The URL of a content file named with `%XX` leads to that file: decoding the URL's path once
/// gives the file's path in the output.
#[test]
fn percent_in_file_names_gets_a_url_that_reaches_the_file() {
    let site = basic();
    site.write("content/2025/03/100%25 report.pdf", "pdf");
    site.write("content/2025/03/a%2Fb.png", "png");
    site.write(
        "content/2025/03/a.md",
        article(
            "A",
            "2025-03-16",
            "",
            "[Report](<100%2525 report.pdf>) and ![chart](a%252Fb.png)",
        ),
    );
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.path("public/2025/03/100%25 report.pdf").is_file());
    assert!(site.path("public/2025/03/a%2Fb.png").is_file());
    let page = site.read("public/2025/03/a/index.html");
    // Root-relative, as pages link into the site (#20).
    let base = "/digest/";
    for (written, file) in [
        ("2025/03/100%2525%20report.pdf", "2025/03/100%25 report.pdf"),
        ("2025/03/a%252Fb.png", "2025/03/a%2Fb.png"),
    ] {
        let url = format!("{base}{written}");
        assert!(page.contains(&url), "{url} not in {page}");
        assert_eq!(newsprint::url::percent_decode(written).unwrap(), file);
    }
}

/// As root, permissions do not stop reads, so the build runs as `nobody` there.
#[test]
fn unreadable_folder_under_content_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let site = basic();
    site.write(
        "content/2025/03/a.md",
        article("A", "2025-03-16", "", "Text."),
    );
    site.write(
        "content/2025/04/b.md",
        article("B", "2025-04-16", "", "Text."),
    );
    let root = unsafe { libc::geteuid() } == 0;
    let mut command = newsprint();
    if root {
        const NOBODY: u32 = 65534;
        for (path, _) in sizes(site.root()) {
            std::os::unix::fs::chown(&path, Some(NOBODY), Some(NOBODY)).unwrap();
        }
        for dir in [
            "",
            "content",
            "content/2025",
            "content/2025/03",
            "content/2025/04",
        ] {
            std::os::unix::fs::chown(site.path(dir), Some(NOBODY), Some(NOBODY)).unwrap();
        }
        fs::set_permissions(site.root(), fs::Permissions::from_mode(0o755)).unwrap();
        command.uid(NOBODY).gid(NOBODY);
    }
    fs::set_permissions(
        site.path("content/2025/04"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let output = command
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--output")
        .arg(site.path("public"))
        .output()
        .unwrap();
    fs::set_permissions(
        site.path("content/2025/04"),
        fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("content/2025/04"), "{text}");
    assert!(!site.path("public").exists(), "nothing is published");
}

#[test]
fn base_url_is_validated_as_a_url() {
    for bad in ["https://host:99999/", "http://[::1/"] {
        let site = Site::with_config(&format!("title: T\nbase_url: \"{bad}\"\n"));
        let output = site.build_with(&[]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{bad}: {text}");
        assert!(
            text.contains(&format!("invalid base_url `{bad}`")),
            "{text}"
        );
        assert!(text.contains("config.yaml:2:"), "{text}");

        let site = basic();
        let output = site.build_with(&["--base-url", bad]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{bad}: {text}");
        assert!(
            text.contains(&format!("invalid --base-url `{bad}`")),
            "{text}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Class 7: sitemaps follow the protocol at any size.

/// A small site keeps one `sitemap.xml` with every page; robots.txt points at it. (Splitting into
/// an index past 50,000 URLs or 50 MB is unit-tested in `render::sitemap` with lowered limits.)
#[test]
fn small_site_has_one_sitemap_that_robots_names() {
    let site = basic();
    for day in 10..15 {
        site.write(
            &format!("content/2025/03/a{day}.md"),
            article("A", &format!("2025-03-{day}"), "tags: [x]\n", "Text."),
        );
    }
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<urlset"), "{sitemap}");
    // 5 articles, home, tag index, tag page, 5 one-day editions and the editions index, the
    // author index, and the archive's index, year and month.
    assert_eq!(
        sitemap.matches("<loc>").count(),
        5 + 1 + 1 + 1 + 5 + 1 + 1 + 3
    );
    assert!(!site.path("public/sitemap-1.xml").exists());
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: https://user.github.io/digest/sitemap.xml\n")
    );
}

/// Past 50,000 URLs, `sitemap.xml` is an index of `sitemap-N.xml` files of at most 50,000 each.
/// 50,001 URLs come as cheaply as they can from one tag and `paginate: 1` (each article is an
/// article page, a home page and a tag page), but that is still 50,000 pages: from 15 s to
/// minutes on a busy machine, so it runs on request. The splitting is unit-tested with lowered
/// limits in `render::sitemap` and `render::tests`.
#[test]
#[ignore = "slow: builds 16,667 articles into 50,001 pages; run with --ignored"]
fn large_site_gets_a_sitemap_index() {
    let site = Site::with_config(
        "title: Many\nbase_url: https://user.github.io/digest/\npaginate: 1\nfeeds:\n  limit: 1\n",
    );
    let count = 16_667;
    for i in 0..count {
        site.write(
            &format!("content/a/{i}.md"),
            format!("---\ntitle: t\ndate: 2025-03-16\nslug: s{i}\ntags: [x]\n---\n"),
        );
    }
    let output = site.build_with(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let index = site.read("public/sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index:.500}");
    let locs: Vec<&str> = index
        .split("<loc>")
        .skip(1)
        .map(|rest| rest.split("</loc>").next().unwrap())
        .collect();
    assert_eq!(
        locs,
        [
            "https://user.github.io/digest/sitemap-1.xml",
            "https://user.github.io/digest/sitemap-2.xml"
        ]
    );
    let first = site.read("public/sitemap-1.xml");
    let second = site.read("public/sitemap-2.xml");
    assert_eq!(first.matches("<url>").count(), 50_000);
    // Articles, home pages and tag pages, plus the tag index.
    assert_eq!(second.matches("<url>").count(), 3 * count - 50_000 + 1);
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: https://user.github.io/digest/sitemap.xml\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Class 8: the preview server stays available.

struct Server {
    child: Child,
    port: u16,
    site: Site,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(site: Site) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = newsprint()
            .arg("serve")
            .arg("--root")
            .arg(site.root())
            .arg("--port")
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, port, site };
        server.wait("the home page", || server.get("/digest/").0 == 200);
        server
    }

    fn wait(&self, what: &str, mut check: impl FnMut() -> bool) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if check() {
                return;
            }
            std::thread::sleep(POLL);
        }
        panic!("timed out waiting for {what}");
    }

    /// The status and body of a `GET`; status 0 when the connection failed.
    fn get(&self, target: &str) -> (u16, String) {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return (0, String::new());
        };
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let _ = write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            self.port
        );
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        (status_of(&text), text)
    }

    /// Opens an event stream and reads its response head: the stream and its status.
    fn events(&self) -> (TcpStream, u16) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        // A refused stream may be closed before the request is written; its answer still counts.
        let _ = write!(
            stream,
            "GET /digest/__newsprint/events HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
            self.port
        );
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => break,
            }
        }
        let status = status_of(&String::from_utf8_lossy(&head));
        (stream, status)
    }
}

fn status_of(text: &str) -> u16 {
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// 300 open live-reload streams cannot make pages answer 503, and closed streams give their
/// places back at once.
#[test]
fn reload_streams_cannot_starve_pages() {
    let server = Server::start(site_for_serve());
    let cap = newsprint::serve::MAX_EVENT_STREAMS;
    let open = |n: usize| -> (Vec<TcpStream>, usize) {
        let mut streams = Vec::new();
        let mut served = 0;
        for _ in 0..n {
            let (stream, status) = server.events();
            assert!(matches!(status, 200 | 503), "status {status}");
            if status == 200 {
                served += 1;
                streams.push(stream);
            }
        }
        (streams, served)
    };
    let (streams, served) = open(300);
    assert_eq!(served, cap.min(300), "streams served");
    for target in ["/digest/", "/digest/2025/03/a/", "/digest/atom.xml"] {
        assert_eq!(server.get(target).0, 200, "{target} with 300 streams open");
    }
    drop(streams);
    // Every place comes back: a full set of new streams is served again.
    server.wait("the stream places to be freed", || {
        let (streams, served) = open(cap);
        drop(streams);
        if served < cap {
            // The streams this try opened hold their places until the server sees them
            // closed (within a quarter second): give them that before trying again.
            std::thread::sleep(Duration::from_millis(500));
        }
        served == cap
    });
    assert_eq!(server.get("/digest/").0, 200);
}

fn site_for_serve() -> Site {
    let site = basic();
    site.write(
        "content/2025/03/a.md",
        article("A", "2025-03-16", "", "Text."),
    );
    site
}

/// A carriage return in an error report cannot start a line of its own in the event stream.
#[test]
fn carriage_returns_cannot_inject_event_lines() {
    let server = Server::start(site_for_serve());
    let (mut stream, status) = server.events();
    assert_eq!(status, 200);
    let mut buffer = [0u8; 4096];
    // The home page is served as soon as the first build is in place, which may be just
    // before the build is announced: wait for the announcement (generation 1), so every event
    // after it comes from the write below.
    let mut start = Vec::new();
    while !String::from_utf8_lossy(&start).contains("data: 1\n\n") {
        let n = stream.read(&mut buffer).unwrap();
        assert!(n > 0, "stream closed");
        start.extend_from_slice(&buffer[..n]);
    }
    server.site.write(
        "content/2025/03/b.md",
        article(
            "B",
            "2025-03-16",
            "",
            "See [x](missing.md)\revent: reload\rdata: injected",
        ),
    );
    let mut seen = Vec::new();
    loop {
        let text = String::from_utf8_lossy(&seen);
        if let Some(at) = text.find("event: error")
            && text[at..].contains("\n\n")
        {
            break;
        }
        let n = stream.read(&mut buffer).unwrap();
        assert!(n > 0, "stream closed: {text:?}");
        seen.extend_from_slice(&buffer[..n]);
    }
    let text = String::from_utf8_lossy(&seen);
    assert!(text.contains("missing.md"), "{text}");
    assert!(!text.contains('\r'), "{text:?}");
    for line in text.lines() {
        assert!(
            !line.starts_with("event:") || ["event: hello", "event: error"].contains(&line),
            "{line:?} in {text:?}"
        );
    }
}
