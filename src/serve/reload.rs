//! Live reload: tells open pages that the site was rebuilt, or that the build is broken.
//!
//! Input: each [`BuildEvent`] of the watcher. Output: Server-Sent Events to every page that
//! listens at `<base path>__newsprint/events` — `reload`, `css` (only stylesheets changed) or
//! `error` with the compiler-style report — and the small script, injected into every served
//! page, that acts on them. A page that connects while the build is broken gets the error
//! first; one built before the latest build updates at once (`hello`, `reload` and `css` carry
//! the build number the page should have).
//!
//! "Reload" swaps the page's new `<body>` in place rather than reloading it: the scroll position
//! stays where the writer was, and nothing but the page itself is fetched again, so an edit
//! shows sooner than a reload could show it. Only a page whose stylesheets or scripts changed,
//! or that cannot be fetched, reloads in full.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::watch::BuildEvent;

/// The event stream's path under the site's base path.
pub const EVENTS_PATH: &str = "__newsprint/events";
/// How often an idle stream sends a comment, so proxies and browsers keep it open.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How often a stream checks whether its page went away, so its place is freed soon after.
const CLOSED_CHECK: Duration = Duration::from_millis(250);

/// One message to the pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The number of the latest good build.
    Hello(u64),
    /// Show build N of the page.
    Reload(u64),
    /// Build N changed only stylesheets: swap them in place.
    Css(u64),
    /// The build failed: show this report.
    Error(String),
}

/// A message in the `text/event-stream` format, made once and shared by every stream that
/// sends it (an error report can be long, and hundreds of pages may listen).
pub type Event = Arc<str>;

impl Message {
    /// The message in the `text/event-stream` format.
    pub fn to_sse(&self) -> String {
        let (name, data) = match self {
            Message::Hello(generation) => ("hello", generation.to_string()),
            Message::Reload(generation) => ("reload", generation.to_string()),
            Message::Css(generation) => ("css", generation.to_string()),
            Message::Error(text) => ("error", text.clone()),
        };
        let mut out = format!("event: {name}\n");
        // Each line of the data is its own `data:` field; the browser joins them with `\n`. A
        // lone `\r` ends a line too in this format, so it splits here as well: otherwise a
        // carriage return in an article could start a field of its own (`event: reload`).
        for line in data.replace("\r\n", "\n").split(['\r', '\n']) {
            out.push_str("data: ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out
    }

    /// The message as a shared [`Event`].
    pub fn to_event(&self) -> Event {
        self.to_sse().into()
    }
}

/// Where build outcomes meet the pages listening for them.
#[derive(Debug, Default)]
pub struct Hub {
    state: Mutex<HubState>,
}

#[derive(Debug, Default)]
struct HubState {
    generation: u64,
    /// The latest build's error report as an event, while the build is broken.
    error: Option<Event>,
    listeners: Vec<Sender<Event>>,
}

impl Hub {
    /// Records a build's outcome and tells every listening page.
    pub fn publish(&self, event: &BuildEvent) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let message = match event {
            BuildEvent::Built { css_only } => {
                state.generation += 1;
                // A page showing an error overlay reloads even for a stylesheet.
                let was_broken = state.error.take().is_some();
                if *css_only && !was_broken {
                    Message::Css(state.generation)
                } else {
                    Message::Reload(state.generation)
                }
            }
            BuildEvent::Failed { message } => Message::Error(message.clone()),
        };
        let event = message.to_event();
        if let Message::Error(_) = message {
            state.error = Some(event.clone());
        }
        // A failed send means the page went away; forget it.
        state
            .listeners
            .retain(|listener| listener.send(event.clone()).is_ok());
    }

    /// The number of good builds so far, which every served page is stamped with.
    pub fn generation(&self) -> u64 {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .generation
    }

    /// A new listener: the events to send at once, and the channel of later ones.
    pub fn subscribe(&self) -> (Vec<Event>, Receiver<Event>) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (sender, receiver) = mpsc::channel();
        state.listeners.push(sender);
        let mut first = Vec::new();
        if let Some(error) = &state.error {
            first.push(error.clone());
        }
        first.push(Message::Hello(state.generation).to_event());
        (first, receiver)
    }
}

/// Streams events to one page until it goes away: until a write fails, or `closed` says the
/// page closed its end (checked every quarter second, so its place is given back at once).
/// The response head is already written.
pub fn stream(out: &mut impl Write, hub: &Hub, closed: &dyn Fn() -> bool) -> io::Result<()> {
    let (first, receiver) = hub.subscribe();
    // Reconnect quickly when the server restarts.
    out.write_all(b"retry: 500\n\n")?;
    for event in first {
        out.write_all(event.as_bytes())?;
    }
    out.flush()?;
    let mut last_write = Instant::now();
    loop {
        match receiver.recv_timeout(CLOSED_CHECK) {
            Ok(event) => out.write_all(event.as_bytes())?,
            Err(RecvTimeoutError::Timeout) if closed() => return Ok(()),
            Err(RecvTimeoutError::Timeout) if last_write.elapsed() >= KEEP_ALIVE => {
                out.write_all(b": keep-alive\n\n")?
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        out.flush()?;
        last_write = Instant::now();
    }
}

/// The live-reload script for a page, as a `<script>` element.
pub fn script(base_path: &str, generation: u64) -> String {
    let url = format!("{base_path}{EVENTS_PATH}");
    // A JSON string is a valid JS string; `<` is escaped so no `</script>` can close the tag.
    let url = serde_json::to_string(&url)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    format!(
        "<script data-newsprint-reload>\n{}</script>\n",
        SCRIPT
            .replace("__URL__", &url)
            .replace("__BUILD__", &generation.to_string())
    )
}

/// Puts `script` before the page's last `</body>`, or at its end if it has none.
pub fn inject(html: &str, script: &str) -> String {
    // ASCII lowercasing keeps byte offsets, so the position found is valid in `html`.
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + script.len());
    out.push_str(&html[..at]);
    out.push_str(script);
    out.push_str(&html[at..]);
    out
}

/// The page side. The error text goes in with `textContent`, so nothing in it is read as HTML.
/// The caret line of a report must stay under the column it points at, so the report scrolls
/// sideways on a narrow screen instead of wrapping.
const SCRIPT: &str = r#"(() => {
  let built = __BUILD__;
  const source = new EventSource(__URL__);
  let overlay = null;
  const clear = () => { if (overlay) { overlay.remove(); overlay = null; } };
  const show = (text) => {
    clear();
    overlay = document.createElement("div");
    overlay.id = "newsprint-error";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#f5f5f5;padding:2rem 1rem;font:14px/1.5 ui-monospace,monospace";
    const title = document.createElement("strong");
    title.textContent = "newsprint: the build failed; the page shows the last good build.";
    const pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre;overflow-x:auto;color:#ffb4a9;margin-top:1rem";
    pre.textContent = text;
    overlay.append(title, pre);
    document.body.append(overlay);
  };
  // What must match for a new page to be swapped in: its stylesheets and scripts (less the
  // query a stylesheet swap adds).
  const assets = (doc) => [...doc.querySelectorAll('link[rel="stylesheet"], head script[src]')]
    .map((el) => {
      const url = new URL(el.getAttribute("href") || el.getAttribute("src"), location.href);
      url.searchParams.delete("newsprint");
      return url.href;
    }).join("\n");
  let pending = null;
  const update = async (generation) => {
    built = generation;
    if (pending) pending.abort();
    const request = pending = new AbortController();
    try {
      const response = await fetch(location.href, { cache: "no-store", signal: request.signal });
      if (!response.ok) throw new Error(String(response.status));
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      if (request !== pending) return;
      if (assets(next) !== assets(document)) return location.reload();
      const x = scrollX, y = scrollY;
      document.title = next.title;
      overlay = null;
      // The new body's copy of this script does not run: parsed pages' scripts never do.
      document.body.replaceWith(document.adoptNode(next.body));
      scrollTo(x, y);
      pending = null;
      dispatchEvent(new CustomEvent("newsprint:updated", { detail: generation }));
    } catch (error) {
      if (error.name !== "AbortError") location.reload();
    }
  };
  source.addEventListener("hello", (e) => { if (Number(e.data) !== built) update(Number(e.data)); });
  source.addEventListener("reload", (e) => update(Number(e.data)));
  source.addEventListener("css", (e) => {
    built = Number(e.data);
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("newsprint", Date.now());
      link.href = url.href;
    }
    clear();
  });
  // A connection error is an "error" event too, but it carries no data.
  source.addEventListener("error", (e) => { if (typeof e.data === "string") show(e.data); });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_body_tag() {
        let page = "<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = inject(page, "<script>x</script>");
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script>x</script></BODY></html>"
        );
        assert_eq!(inject("<p>bare", "<s>"), "<p>bare<s>");
    }

    #[test]
    fn script_names_the_stream_and_build() {
        let tag = script("/digest/", 7);
        assert!(
            tag.contains(r#"new EventSource("/digest/__newsprint/events")"#),
            "{tag}"
        );
        assert!(tag.contains("let built = 7;"), "{tag}");
        assert!(tag.contains("textContent = text"), "{tag}");
        assert!(!tag.contains("innerHTML"));
    }

    #[test]
    fn updates_keep_the_place_and_reports_scroll_sideways() {
        let tag = script("/", 1);
        // The new body is swapped in and the scroll position put back, not a full reload.
        assert!(tag.contains("document.body.replaceWith"), "{tag}");
        assert!(tag.contains("scrollTo(x, y)"), "{tag}");
        // The caret line stays under its column on a 375 px screen: no wrapping.
        assert!(tag.contains("white-space:pre;overflow-x:auto"), "{tag}");
        assert!(!tag.contains("pre-wrap"), "{tag}");
    }

    #[test]
    fn sse_format_splits_lines() {
        let text = Message::Error("error: bad\r\n  --> a.md:1:1".into()).to_sse();
        assert_eq!(
            text,
            "event: error\ndata: error: bad\ndata:   --> a.md:1:1\n\n"
        );
        assert_eq!(Message::Reload(3).to_sse(), "event: reload\ndata: 3\n\n");
    }

    #[test]
    fn carriage_returns_cannot_start_fields() {
        let text = Message::Error("a\revent: reload\r\rdata: x\n".into()).to_sse();
        assert_eq!(
            text,
            "event: error\ndata: a\ndata: event: reload\ndata: \ndata: data: x\ndata: \n\n"
        );
        assert!(!text.contains('\r'));
    }

    #[test]
    fn hub_tells_listeners_and_new_pages_see_the_error() {
        let hub = Hub::default();
        let sse = |message: Message| -> Event { message.to_event() };
        let (first, receiver) = hub.subscribe();
        assert_eq!(first, vec![sse(Message::Hello(0))]);
        hub.publish(&BuildEvent::Failed {
            message: "broken".into(),
        });
        let sent = receiver.try_recv().unwrap();
        assert_eq!(sent, sse(Message::Error("broken".into())));
        let (first, _late) = hub.subscribe();
        assert_eq!(first, vec![sent.clone(), sse(Message::Hello(0))]);
        // Built once, shared by every page that gets it.
        assert!(Arc::ptr_eq(&first[0], &sent));
        // The fix reloads, even when only CSS changed, to clear the overlay.
        hub.publish(&BuildEvent::Built { css_only: true });
        assert_eq!(receiver.try_recv().unwrap(), sse(Message::Reload(1)));
        hub.publish(&BuildEvent::Built { css_only: true });
        assert_eq!(receiver.try_recv().unwrap(), sse(Message::Css(2)));
        assert_eq!(hub.generation(), 2);
        let (first, _) = hub.subscribe();
        assert_eq!(first, vec![sse(Message::Hello(2))]);
    }

    #[test]
    fn a_closed_page_ends_its_stream() {
        let hub = Hub::default();
        let mut out = Vec::new();
        stream(&mut out, &hub, &|| true).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("event: hello"));
    }
}
