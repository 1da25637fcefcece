//! HTML that newsprint made (article bodies and summaries from [`crate::markdown`]), held the
//! way templates take it, so that Tera stays behind `render/`: the Markdown stage makes an
//! [`Html`] once, and every page, feed and email that shows it shares that one copy.

/// HTML that newsprint made, held as a Tera value marked safe: templates print it as it is, and
/// every page that shows it shares this one copy (a Tera string made from a `&str` is a new
/// copy: one more copy of every article's HTML to fault in).
#[derive(Clone)]
pub struct Html(tera::Value);

impl Default for Html {
    fn default() -> Html {
        Html::from("")
    }
}

impl Html {
    /// The HTML as a Tera value, for templates.
    pub fn value(&self) -> &tera::Value {
        &self.0
    }

    /// The HTML text.
    pub fn as_str(&self) -> &str {
        self.0.as_str().unwrap_or_default()
    }
}

impl From<String> for Html {
    fn from(html: String) -> Html {
        Html(tera::Value::safe_string(&html))
    }
}

impl From<&str> for Html {
    fn from(html: &str) -> Html {
        Html(tera::Value::safe_string(html))
    }
}

impl std::ops::Deref for Html {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Html {
    fn eq(&self, other: &Html) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Html {}

impl std::hash::Hash for Html {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}
