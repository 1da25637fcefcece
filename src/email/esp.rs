//! Newsletter service profiles: the merge tags each service fills in when it sends.
//!
//! Input: the chosen [`Esp`], the config and the edition's page URL. Output: the unsubscribe
//! link, the view-online link and the preview text the templates write, as the service wants
//! them (`*|UNSUB|*` for Mailchimp, `{{ unsubscribe_url }}` for Buttondown, …). The generic
//! profile takes the unsubscribe link from `email.unsubscribe` and links to the edition's page.

use serde::Serialize;

use crate::config::{Config, Esp};

/// What the email templates write for the links a service fills in.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MergeTags {
    /// The service's name, for templates that say "sent with …".
    pub esp: &'static str,
    /// The unsubscribe link (a merge tag, or `email.unsubscribe` for the generic profile).
    pub unsubscribe_url: Option<String>,
    /// The "view in the browser" link.
    pub view_online_url: String,
    /// What the hidden preheader holds instead of the edition's own text, when the service
    /// sets the preview text itself (Mailchimp's `*|MC_PREVIEW_TEXT|*`).
    pub preview_text: Option<String>,
}

impl MergeTags {
    /// The tags of `esp`; `edition_url` is the edition's page on the site.
    pub fn new(esp: Esp, config: &Config, edition_url: &str) -> MergeTags {
        let tag = |text: &str| Some(text.to_string());
        let (name, unsubscribe, view_online, preview) = match esp {
            Esp::Generic => ("generic", config.email.unsubscribe.clone(), None, None),
            Esp::Mailchimp => (
                "mailchimp",
                tag("*|UNSUB|*"),
                tag("*|ARCHIVE|*"),
                tag("*|MC_PREVIEW_TEXT|*"),
            ),
            Esp::Buttondown => ("buttondown", tag("{{ unsubscribe_url }}"), None, None),
            Esp::Listmonk => (
                "listmonk",
                tag("{{ UnsubscribeURL }}"),
                tag("{{ MessageURL }}"),
                None,
            ),
            Esp::Brevo => ("brevo", tag("{{ unsubscribe }}"), tag("{{ mirror }}"), None),
        };
        MergeTags {
            esp: name,
            unsubscribe_url: unsubscribe,
            view_online_url: view_online.unwrap_or_else(|| edition_url.to_string()),
            preview_text: preview,
        }
    }

    /// Whether `url` is one of this profile's merge tags (so not a URL to check).
    pub fn is_merge_tag(&self, url: &str) -> bool {
        [
            self.unsubscribe_url.as_deref(),
            Some(self.view_online_url.as_str()),
        ]
        .into_iter()
        .flatten()
        .any(|tag| tag == url && !url.contains("://") && !url.starts_with("mailto:"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use std::path::Path;

    #[test]
    fn each_service_gets_its_own_tags() {
        let text =
            "title: T\nbase_url: https://e.org/\nemail:\n  unsubscribe: https://e.org/leave\n";
        let config = Config::parse(Path::new("config.yaml"), text, &Overrides::default()).unwrap();
        let page = "https://e.org/editions/2025-03-16/";
        let generic = MergeTags::new(Esp::Generic, &config, page);
        assert_eq!(
            generic.unsubscribe_url.as_deref(),
            Some("https://e.org/leave")
        );
        assert_eq!(generic.view_online_url, page);
        assert!(!generic.is_merge_tag("https://e.org/leave"));
        let mailchimp = MergeTags::new(Esp::Mailchimp, &config, page);
        assert_eq!(mailchimp.unsubscribe_url.as_deref(), Some("*|UNSUB|*"));
        assert_eq!(
            mailchimp.preview_text.as_deref(),
            Some("*|MC_PREVIEW_TEXT|*")
        );
        assert!(mailchimp.is_merge_tag("*|ARCHIVE|*"));
        let listmonk = MergeTags::new(Esp::Listmonk, &config, page);
        assert_eq!(
            listmonk.unsubscribe_url.as_deref(),
            Some("{{ UnsubscribeURL }}")
        );
        let brevo = MergeTags::new(Esp::Brevo, &config, page);
        assert_eq!(brevo.view_online_url, "{{ mirror }}");
        let buttondown = MergeTags::new(Esp::Buttondown, &config, page);
        assert_eq!(
            buttondown.unsubscribe_url.as_deref(),
            Some("{{ unsubscribe_url }}")
        );
    }
}
