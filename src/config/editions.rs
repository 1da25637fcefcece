//! The `editions:` and `email:` sections of `config.yaml`.
//!
//! Input: the YAML of those two sections (unknown keys are errors, like everywhere else).
//! Output: [`EditionsConfig`] and [`EmailConfig`], checked by [`check`] so the edition and email
//! stages never meet an unusable value.

use serde::Deserialize;

/// How articles are grouped into editions when they carry no `edition:` key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// One edition per day in the site's time zone: `editions/2025-03-16/`.
    #[default]
    Day,
    /// One edition per ISO week: `editions/2025-W11/`.
    Week,
}

/// `editions:` in config.yaml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsConfig {
    /// Day or ISO week.
    #[serde(default)]
    pub period: Period,
    /// The title of each edition; `{site}`, `{date}` and `{number}` are filled in.
    #[serde(default = "default_title")]
    pub title: String,
    /// Tag names whose articles come first in an edition, in this order; the rest follow.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Editions per page of `editions/index.html` (default: the site's `paginate`).
    #[serde(default)]
    pub paginate: Option<usize>,
}

impl Default for EditionsConfig {
    fn default() -> Self {
        EditionsConfig {
            period: Period::Day,
            title: default_title(),
            sections: Vec::new(),
            paginate: None,
        }
    }
}

fn default_title() -> String {
    "{site} — {date}".into()
}

/// The newsletter service an export is made for: it decides the merge tags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Esp {
    /// Links from `email.unsubscribe` and the edition's page; no merge tags.
    #[default]
    Generic,
    /// Mailchimp: `*|UNSUB|*`, `*|ARCHIVE|*`, `*|MC_PREVIEW_TEXT|*`.
    Mailchimp,
    /// Buttondown: `{{ unsubscribe_url }}`.
    Buttondown,
    /// Listmonk: `{{ UnsubscribeURL }}`, `{{ MessageURL }}`.
    Listmonk,
    /// Brevo (Sendinblue): `{{ unsubscribe }}`, `{{ mirror }}`.
    Brevo,
}

/// How much of each article an email carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmailContent {
    /// Headline, summary and a link (fits Gmail's size limit for long editions).
    #[default]
    Summary,
    /// The whole article.
    Full,
}

/// `email:` in config.yaml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailConfig {
    /// The sender's name in `From:` (default: the site title).
    #[serde(default)]
    pub from_name: Option<String>,
    /// The sender's address in `From:`.
    #[serde(default)]
    pub from_address: Option<String>,
    /// The postal address shown in every email's footer (CAN-SPAM asks for one).
    #[serde(default)]
    pub postal_address: Option<String>,
    /// An unsubscribe `https://` URL or `mailto:` address: the generic profile's link and the
    /// `List-Unsubscribe` header.
    #[serde(default)]
    pub unsubscribe: Option<String>,
    /// The default service profile (`--esp` overrides it).
    #[serde(default)]
    pub esp: Esp,
    /// Summaries (default) or whole articles.
    #[serde(default)]
    pub content: EmailContent,
}

/// Checks the values serde cannot: returns the key (under its section) and what is wrong.
pub fn check(editions: &EditionsConfig, email: &EmailConfig) -> Result<(), (&'static str, String)> {
    if editions.paginate == Some(0) {
        return Err(("editions", "editions.paginate must be at least 1".into()));
    }
    if editions.title.trim().is_empty() {
        return Err(("editions", "editions.title must not be empty".into()));
    }
    if let Some(address) = &email.from_address
        && !is_address(address)
    {
        return Err((
            "email",
            format!(
                "invalid email.from_address `{address}`: expected an address like news@example.org"
            ),
        ));
    }
    if let Some(unsubscribe) = &email.unsubscribe {
        let ok = match unsubscribe.strip_prefix("mailto:") {
            Some(address) => is_address(address.split('?').next().unwrap_or_default()),
            None => crate::content::article::is_web_url(unsubscribe),
        };
        if !ok {
            return Err((
                "email",
                format!(
                    "invalid email.unsubscribe `{unsubscribe}`: expected an https:// URL or a mailto: address"
                ),
            ));
        }
    }
    Ok(())
}

/// A plain check for `local@domain`: enough to catch a typo, not a full RFC 5322 parser.
fn is_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>,;\"".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_unsubscribe_links_are_checked() {
        let editions = EditionsConfig::default();
        let mut email = EmailConfig {
            from_address: Some("news@example.org".into()),
            unsubscribe: Some("mailto:leave@example.org?subject=unsubscribe".into()),
            ..EmailConfig::default()
        };
        assert!(check(&editions, &email).is_ok());
        email.unsubscribe = Some("javascript:alert(1)".into());
        assert!(check(&editions, &email).is_err());
        email.unsubscribe = Some("https://example.org/leave".into());
        email.from_address = Some("news at example.org".into());
        assert!(check(&editions, &email).is_err());
    }
}
