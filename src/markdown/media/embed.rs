//! Lite embeds: a bare link to a post on YouTube, Vimeo, X (Twitter), Telegram or Bluesky, alone
//! in its paragraph, becomes a card linking to the post.
//!
//! Input: a URL. Output: the card's HTML, or `None` for any other URL. The card loads nothing
//! from the third party: it is a link. For YouTube and Vimeo it carries `data-embed-src`, a
//! privacy-enhanced player URL (youtube-nocookie.com, Vimeo with `dnt=1`) that the default
//! theme's own `embed.js` swaps in as an `<iframe>` when the reader clicks. Without JavaScript,
//! and in feeds and email, the card is a plain link with its label.

use super::escape;

/// What a card says about the post.
#[derive(Debug, PartialEq, Eq)]
struct Post {
    /// `youtube`, `vimeo`, `x`, `telegram` or `bluesky`: the card's class.
    service: &'static str,
    /// "YouTube", "X", …
    name: &'static str,
    /// "video dQw4w9WgXcQ", "@channel · post 123".
    label: String,
    /// The player to swap in on click, for videos.
    player: Option<String>,
}

/// The card for `url`, if it is a post we know.
pub fn card(url: &str) -> Option<String> {
    let post = post(url)?;
    let player = post
        .player
        .as_deref()
        .map(|src| format!(" data-embed-src=\"{}\"", escape(src)))
        .unwrap_or_default();
    Some(format!(
        "<p class=\"embed embed-{service}\"><a class=\"embed-link\" href=\"{href}\"{player}>\
         <span class=\"embed-service\">{name}</span><span class=\"embed-sep\"> · </span>\
         <span class=\"embed-label\">{label}</span></a></p>\n",
        service = post.service,
        href = escape(url),
        name = post.name,
        label = escape(&post.label),
    ))
}

fn post(url: &str) -> Option<Post> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.split('#').next().unwrap_or_default();
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    match (host, parts.as_slice()) {
        ("youtube.com" | "m.youtube.com", ["watch"]) => youtube(query_value(query, "v")?),
        ("youtube.com" | "m.youtube.com", ["shorts" | "live", id]) | ("youtu.be", [id]) => {
            youtube(id)
        }
        ("vimeo.com", [id]) if is_number(id) => Some(Post {
            service: "vimeo",
            name: "Vimeo",
            label: format!("video {id}"),
            player: Some(format!(
                "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1"
            )),
        }),
        ("x.com" | "twitter.com" | "mobile.twitter.com", [user, "status", id])
            if is_number(id) && is_name(user) =>
        {
            Some(social("x", "X", user, id))
        }
        ("t.me", [channel, id] | ["s", channel, id]) if is_number(id) && is_name(channel) => {
            Some(social("telegram", "Telegram", channel, id))
        }
        ("bsky.app", ["profile", handle, "post", id]) if is_name(handle) && is_name(id) => {
            Some(social("bluesky", "Bluesky", handle, id))
        }
        _ => None,
    }
}

fn youtube(id: &str) -> Option<Post> {
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then(|| Post {
        service: "youtube",
        name: "YouTube",
        label: format!("video {id}"),
        player: Some(format!(
            "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"
        )),
    })
}

fn social(service: &'static str, name: &'static str, who: &str, id: &str) -> Post {
    Post {
        service,
        name,
        label: format!("@{who} · post {id}"),
        player: None,
    }
}

fn query_value<'q>(query: &'q str, key: &str) -> Option<&'q str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 24 && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_posts_become_cards() {
        for (url, service, label) in [
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5",
                "youtube",
                "video dQw4w9WgXcQ",
            ),
            (
                "https://youtu.be/dQw4w9WgXcQ",
                "youtube",
                "video dQw4w9WgXcQ",
            ),
            ("https://vimeo.com/76979871", "vimeo", "video 76979871"),
            (
                "https://x.com/DefenceU/status/1234567890",
                "x",
                "@DefenceU · post 1234567890",
            ),
            (
                "https://twitter.com/kyivindependent/status/99",
                "x",
                "@kyivindependent · post 99",
            ),
            (
                "https://t.me/ukrpravda_news/41234",
                "telegram",
                "@ukrpravda_news · post 41234",
            ),
            (
                "https://bsky.app/profile/kyivindependent.com/post/3lk2abc",
                "bluesky",
                "@kyivindependent.com · post 3lk2abc",
            ),
        ] {
            let post = post(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(
                (post.service, post.label.as_str()),
                (service, label),
                "{url}"
            );
        }
        assert_eq!(
            post("https://youtu.be/dQw4w9WgXcQ")
                .unwrap()
                .player
                .as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
        );
        assert!(
            post("https://vimeo.com/1")
                .unwrap()
                .player
                .unwrap()
                .contains("dnt=1")
        );
    }

    #[test]
    fn other_urls_stay_links() {
        for url in [
            "https://example.org/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/@channel",
            "https://x.com/home",
            "https://t.me/channel",
            "https://t.me/channel/abc",
            "https://vimeo.com/channels/staff",
            "javascript:alert(1)",
        ] {
            assert_eq!(card(url), None, "{url}");
        }
    }

    #[test]
    fn cards_are_links_with_escaped_labels() {
        let html = card("https://t.me/news_ua/7?single").unwrap();
        assert_eq!(
            html,
            "<p class=\"embed embed-telegram\"><a class=\"embed-link\" href=\"https://t.me/news_ua/7?single\">\
             <span class=\"embed-service\">Telegram</span><span class=\"embed-sep\"> · </span>\
             <span class=\"embed-label\">@news_ua · post 7</span></a></p>\n"
        );
        let video = card("https://youtu.be/dQw4w9WgXcQ?si=a&b").unwrap();
        assert!(
            video.contains("href=\"https://youtu.be/dQw4w9WgXcQ?si=a&amp;b\""),
            "{video}"
        );
        assert!(video.contains(
            "data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""
        ));
    }
}
