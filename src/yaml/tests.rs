use super::*;

const KEYS: &[&str] = &["title", "summary", "base_url"];

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Config {
    title: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    base_url: Option<String>,
}

fn parse_config(text: &str, schema: &Schema) -> Result<Config> {
    parse(Path::new("site.yaml"), text, 0, text, schema)
}

#[test]
fn locate_key_finds_value_column() {
    let (position, width) = locate_key("title: A\ndate: next Tuesday\n", 1, "date");
    assert_eq!(position, Position { line: 3, column: 7 });
    assert_eq!(width, 12);
}

#[test]
fn closest_suggests_typos_only() {
    assert_eq!(closest("titel", KEYS), Some("title"));
    assert_eq!(closest("sumary", KEYS), Some("summary"));
    assert_eq!(closest("zzzzzzzz", KEYS), None);
}

#[test]
fn messages_name_the_schema_place_and_its_hints() {
    let schema = Schema {
        free_keys: Some("free data goes under `extra:`"),
        ..Schema::new("site.yaml", KEYS)
    };
    let shown = parse_config("title: A\ntitel: B\n", &schema)
        .unwrap_err()
        .to_string();
    assert!(
        shown.contains("unknown key `titel` in site.yaml"),
        "{shown}"
    );
    assert!(
        shown.contains("did you mean `title`? Free data goes under `extra:`"),
        "{shown}"
    );
    let shown = parse_config("title: A\nzzzzzz: B\n", &Schema::new("site.yaml", KEYS))
        .unwrap_err()
        .to_string();
    assert!(
        shown.contains("the keys are: title, summary, base_url"),
        "{shown}"
    );
    let shown = parse_config("  \n", &Schema::new("site.yaml", KEYS))
        .unwrap_err()
        .to_string();
    assert!(shown.contains("the file is empty"), "{shown}");
}

#[test]
fn sentence_capitalizes_the_first_letter() {
    assert_eq!(sentence("free data"), "Free data");
    assert_eq!(sentence("état"), "État");
    assert_eq!(sentence(""), "");
}
