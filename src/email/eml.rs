//! The `.eml` file: the email as one MIME message any mail client opens and any SMTP tool sends.
//!
//! Input: the finished HTML and text parts, the edition and the `email:` config. Output: a
//! `multipart/alternative` message (text first, then HTML, as RFC 2046 orders them: plainest
//! first) built with `mail-builder`, which encodes a non-ASCII subject per RFC 2047. It carries
//! `Date`, a `Message-ID` on the site's domain, and `List-Unsubscribe` (plus RFC 8058's
//! `List-Unsubscribe-Post` for an https link) when `email.unsubscribe` is set.

use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;

use crate::date::Date;
use crate::site::{Edition, Site};

/// The message and anything the user should know about it.
pub struct Message {
    /// The `.eml` bytes.
    pub bytes: Vec<u8>,
    /// E.g. that no sender address is configured.
    pub warnings: Vec<String>,
}

/// Builds the message of `edition`.
pub fn message(site: &Site, edition: &Edition, html: &str, text: &str) -> Message {
    let config = &site.config;
    let domain = domain_of(config.base_url.as_str());
    let mut warnings = Vec::new();
    let from_name = config
        .email
        .from_name
        .clone()
        .unwrap_or_else(|| config.for_language(edition.language).title);
    let from_address = match &config.email.from_address {
        Some(address) => address.clone(),
        None => {
            warnings.push(format!(
                "email.from_address is not set in config.yaml: the .eml is from newsletter@{domain}"
            ));
            format!("newsletter@{domain}")
        }
    };
    let now = Date::now().unix_seconds();
    let mut builder = MessageBuilder::new()
        .from((from_name.as_str(), from_address.as_str()))
        // To the sender: the message is a draft to send on, or to test with.
        .to((from_name.as_str(), from_address.as_str()))
        .subject(edition.title.as_str())
        .date(now)
        .message_id(format!("edition-{}.{now}@{domain}", edition.id));
    if let Some(unsubscribe) = &config.email.unsubscribe {
        builder = builder.header("List-Unsubscribe", Raw::new(format!("<{unsubscribe}>")));
        if unsubscribe.starts_with("https://") {
            builder = builder.header(
                "List-Unsubscribe-Post",
                Raw::new("List-Unsubscribe=One-Click"),
            );
        }
    }
    let builder = builder.text_body(text).html_body(html);
    Message {
        // Writing into memory cannot fail.
        bytes: builder.write_to_vec().unwrap_or_default(),
        warnings,
    }
}

/// `example.org` from `https://example.org:8080/digest/`.
fn domain_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    host.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_come_from_the_base_url() {
        assert_eq!(
            domain_of("https://user.github.io/digest/"),
            "user.github.io"
        );
        assert_eq!(domain_of("http://Example.org:8080/"), "example.org");
    }
}
