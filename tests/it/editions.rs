//! Editions (issue #15): the edition pages and feeds of a fixture site with several days of
//! articles, read back with a real feed parser; lead images in the article feeds; intros that
//! are not articles; `new --edition`; and a watch-style update that re-renders the edition.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{build, fixture_dir, newsprint, read, tree};

const BASE: &str = "https://user.github.io/digest/";
/// The base URL's path: pages link into the site root-relative (#20).
const PATH: &str = "/digest/";

fn parse_feed(path: &Path) -> feed_rs::model::Feed {
    feed_rs::parser::parse(fs::read(path).unwrap().as_slice())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn editions_group_by_day_in_the_site_time_zone_and_by_hand() {
    let site = fixture_dir("editions");
    let public = build(site.path());
    let files = tree(&public);
    let editions: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|path| path.starts_with("editions/"))
        .collect();
    assert_eq!(
        editions,
        [
            "editions/2025-03-14/index.html",
            "editions/2025-03-15/index.html",
            "editions/2025-03-17/index.html",
            "editions/atom.xml",
            "editions/feed.json",
            "editions/index.html",
            "editions/page/2/index.html",
            "editions/rss.xml",
            "editions/special/index.html",
        ]
    );
    // Intros are not articles: no page, no copy of the Markdown, not on the home page.
    assert!(
        !files.keys().any(|path| path.ends_with(".md")),
        "{:?}",
        files.keys()
    );
    let home = read(public.join("index.html"));
    assert!(!home.contains("written ahead"), "{home}");
    assert_eq!(home.matches("class=\"card\"").count(), 2);
    // The nav links to the editions.
    assert!(home.contains(&format!("<a href=\"{PATH}editions/\">Editions</a>")));

    let index = read(public.join("editions/index.html"));
    // Newest first, three per page (editions.paginate), numbered in date order.
    let order: Vec<usize> = ["No. 4", "No. 3", "No. 2"]
        .iter()
        .map(|label| {
            index
                .find(label)
                .unwrap_or_else(|| panic!("{label}: {index}"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{index}");
    assert!(!index.contains("No. 1 "), "{index}");
    let second = read(public.join("editions/page/2/index.html"));
    assert!(
        second.contains("Дайджест: переговоры и санкции"),
        "{second}"
    );
}

#[test]
fn an_edition_page_has_its_intro_sections_and_neighbours() {
    let site = fixture_dir("editions");
    let public = build(site.path());
    let page = read(public.join("editions/2025-03-14/index.html"));
    // The intro's subject is the title; its preheader the description; its body is rendered
    // with links resolved like an article's.
    assert!(
        page.contains("<h1 class=\"page-title\">Дайджест: переговоры и санкции</h1>"),
        "{page}"
    );
    assert!(page.contains(
        "<meta name=\"description\" content=\"Эр-Рияд, новый пакет санкций и что дальше\">"
    ));
    assert!(
        page.contains(&format!("<a href=\"{PATH}2025/03/riyadh/\">talks</a>")),
        "{page}"
    );
    // Sections in `editions.sections` order.
    let ukraine = page.find(">Ukraine</h2>").expect("Ukraine section");
    let sanctions = page.find(">Санкции</h2>").expect("Санкции section");
    assert!(ukraine < sanctions);
    assert!(page.find("Переговоры в Эр-Рияде").unwrap() > ukraine);
    assert!(page.find("ЕС готовит новый пакет").unwrap() > sanctions);
    // The first edition has a next edition and no previous one.
    assert!(page.contains(&format!("href=\"{PATH}editions/2025-03-15/\" rel=\"next\"")));
    assert!(!page.contains("rel=\"prev\""));

    let monday = read(public.join("editions/2025-03-17/index.html"));
    // 23:30 UTC on the 16th is 01:30 on the 17th in Kyiv.
    assert!(monday.contains("Late-night statement"), "{monday}");
    assert!(
        monday.contains("Ceasefire Digest — Monday 17 March 2025"),
        "{monday}"
    );
    // The default edition title names the site already: the browser's title does not name it
    // twice. The feeds the page offers are every edition's, and say so.
    assert!(
        monday.contains("<title>Ceasefire Digest — Monday 17 March 2025</title>"),
        "{monday}"
    );
    assert!(
        monday.contains(&format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" \
             title=\"Editions — Ceasefire Digest (Atom)\" href=\"{PATH}editions/atom.xml\">"
        )),
        "{monday}"
    );
    // An intro's own title does not name the site: the browser's title adds it.
    assert!(page.contains("<title>Дайджест: переговоры и санкции — Ceasefire Digest</title>"));
    let special = read(public.join("editions/special/index.html"));
    assert!(special.contains("Special report on the corridor"));
    assert!(!special.contains("Late-night statement"));
}

#[test]
fn edition_feeds_hold_one_entry_per_edition() {
    let site = fixture_dir("editions");
    let public = build(site.path());
    for name in ["atom.xml", "rss.xml", "feed.json"] {
        let feed = parse_feed(&public.join("editions").join(name));
        let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                format!("{BASE}editions/2025-03-17/"),
                format!("{BASE}editions/special/"),
                format!("{BASE}editions/2025-03-15/"),
                format!("{BASE}editions/2025-03-14/"),
            ],
            "{name}"
        );
        let first = feed.entries.last().unwrap();
        assert_eq!(
            first.title.as_ref().unwrap().content,
            "Дайджест: переговоры и санкции",
            "{name}"
        );
        let html = match &first.content {
            Some(content) => content.body.clone().unwrap(),
            None => first.summary.as_ref().unwrap().content.clone(),
        };
        // The whole edition: the intro, both articles, their bodies; the embed as a link.
        for text in [
            "Two stories today",
            "Переговоры в Эр-Рияде",
            "ЕС готовит новый пакет",
            "the story goes on",
            "<table>",
        ] {
            assert!(html.contains(text), "{name}: {text} missing from {html}");
        }
        assert!(!html.contains("<iframe"), "{name}: {html}");
        assert!(
            html.contains("<a href=\"https://www.youtube.com/embed/abc123\">View the embedded content: Press conference</a>"),
            "{name}: {html}"
        );
        for attribute in ["href=\"", "src=\""] {
            for (at, _) in html.match_indices(attribute) {
                let value = &html[at + attribute.len()..];
                assert!(
                    value.starts_with("https://"),
                    "{name}: relative {}",
                    &value[..40.min(value.len())]
                );
            }
        }
    }
    // Ids stay when a later edition is added.
    fs::write(
        site.path().join("content/2025/03/next.md"),
        "---\ntitle: Next day\ndate: 2025-03-18T09:00:00+02:00\n---\nText\n",
    )
    .unwrap();
    let public = build(site.path());
    let feed = parse_feed(&public.join("editions/atom.xml"));
    assert_eq!(feed.entries.len(), 5);
    assert_eq!(feed.entries[0].id, format!("{BASE}editions/2025-03-18/"));
    assert_eq!(feed.entries[4].id, format!("{BASE}editions/2025-03-14/"));
    let page = read(public.join("editions/2025-03-14/index.html"));
    assert!(page.contains("Edition No. 1"), "{page}");
}

#[test]
fn article_feeds_carry_the_lead_image_and_the_site_logo() {
    let site = fixture_dir("editions");
    let public = build(site.path());
    let lead_bytes = fs::metadata(site.path().join("content/2025/03/lead.png"))
        .unwrap()
        .len();
    let lead = format!("{BASE}2025/03/lead.png");
    let remote = "https://cdn.example.org/photo.jpg";

    let rss = read(public.join("rss.xml"));
    assert!(
        rss.contains(&format!(
            "<enclosure url=\"{lead}\" length=\"{lead_bytes}\" type=\"image/png\"/>"
        )),
        "{rss}"
    );
    assert!(rss.contains(&format!("<media:content url=\"{lead}\" medium=\"image\" type=\"image/png\" fileSize=\"{lead_bytes}\"/>")), "{rss}");
    // A remote image's size is unknown: RSS requires `length`, so 0, as the RSS profile says.
    assert!(
        rss.contains(&format!(
            "<enclosure url=\"{remote}\" length=\"0\" type=\"image/jpeg\"/>"
        )),
        "{rss}"
    );
    assert!(
        rss.contains(&format!("<image>\n      <url>{BASE}logo.png</url>")),
        "{rss}"
    );
    let feed = parse_feed(&public.join("rss.xml"));
    let riyadh = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/riyadh/"))
        .unwrap();
    let media = &riyadh.media[0].content[0];
    assert_eq!(media.url.as_ref().unwrap().as_str(), lead);
    assert_eq!(media.size, Some(lead_bytes));
    assert_eq!(feed.logo.unwrap().uri, format!("{BASE}logo.png"));

    let atom = read(public.join("atom.xml"));
    assert!(
        atom.contains(&format!(
            "<link rel=\"enclosure\" type=\"image/png\" href=\"{lead}\" length=\"{lead_bytes}\"/>"
        )),
        "{atom}"
    );
    assert!(
        atom.contains("<icon>https://cdn.example.org/icon.png</icon>"),
        "{atom}"
    );
    assert!(
        atom.contains(&format!("<logo>{BASE}logo.png</logo>")),
        "{atom}"
    );
    let json: serde_json::Value = serde_json::from_str(&read(public.join("feed.json"))).unwrap();
    assert_eq!(json["icon"], "https://cdn.example.org/icon.png");
    let item = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"].as_str().unwrap().ends_with("/riyadh/"))
        .unwrap();
    assert_eq!(item["image"], lead);
    // Tag feeds too.
    let tag = read(public.join("tags/ukraine/rss.xml"));
    assert!(tag.contains(&format!("<enclosure url=\"{lead}\"")), "{tag}");
}

#[test]
fn new_edition_scaffolds_an_intro_that_builds() {
    let site = fixture_dir("editions");
    let result = newsprint(&["new", "--edition", "2025-03-15"], site.path());
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let path = site.path().join("content/editions/2025-03-15.md");
    assert!(String::from_utf8_lossy(&result.stdout).contains("content/editions/2025-03-15.md"));
    let text = read(&path);
    assert!(text.starts_with("---\n# title:"), "{text}");
    let again = newsprint(&["new", "--edition", "2025-03-15"], site.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let public = build(site.path());
    let page = read(public.join("editions/2025-03-15/index.html"));
    assert!(
        page.contains("Write the edition’s introduction here"),
        "{page}"
    );
}

#[test]
fn intro_errors_name_file_line_and_column() {
    let site = fixture_dir("editions");
    fs::write(
        site.path().join("content/editions/2025-03-15.md"),
        "---\ntitle: Fine\npreheadr: typo\n---\nText\n",
    )
    .unwrap();
    let result = newsprint(&["build"], site.path());
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("unknown key `preheadr` in an edition intro's front matter"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/editions/2025-03-15.md:3:1"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `preheader`?"), "{stderr}");

    let config = read(site.path().join("config.yaml")).replace("paginate: 3", "paginat: 3");
    fs::write(site.path().join("config.yaml"), config).unwrap();
    let result = newsprint(&["build"], site.path());
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("unknown key `paginat` in config.yaml"),
        "{stderr}"
    );
    assert!(stderr.contains("config.yaml:15:3"), "{stderr}");
    assert!(stderr.contains("did you mean `paginate`?"), "{stderr}");
}

/// What `watch` does on an edit, through the library: the edition page and the edition feeds
/// are re-rendered when an article of the edition changes, and when its intro changes.
#[test]
fn an_edit_re_renders_the_edition_page_and_feeds() {
    use newsprint::pipeline::{BuildOptions, Change, Pipeline};

    let site = fixture_dir("editions");
    let root = site.path();
    let mut pipeline = Pipeline::open(BuildOptions::new(root, root.join("public"))).unwrap();
    pipeline.build_full().unwrap();
    let edit = |relative: &str, from: &str, to: &str| {
        let path = root.join(relative);
        fs::write(&path, read(&path).replace(from, to)).unwrap();
        Change {
            files: [PathBuf::from(relative)].into(),
            ..Change::default()
        }
    };
    let page = root.join("public/editions/2025-03-15/index.html");
    let feed = root.join("public/editions/atom.xml");
    let change = edit(
        "content/2025/03/talks.md",
        "Talks resumed on Saturday.",
        "Talks resumed on Saturday morning.",
    );
    let report = pipeline.update(&change).unwrap();
    assert!(report.written >= 4, "{report:?}");
    assert!(read(&feed).contains("Saturday morning"));
    let change = edit(
        "content/2025/03/talks.md",
        "title: Talks resume",
        "title: Talks resume in Riyadh",
    );
    pipeline.update(&change).unwrap();
    assert!(read(&page).contains("Talks resume in Riyadh"));
    assert!(read(&feed).contains("Talks resume in Riyadh"));
    // The intro: a new one for an edition that had none.
    fs::write(
        root.join("content/editions/2025-03-15.md"),
        "---\ntitle: Saturday's digest\n---\nHello.\n",
    )
    .unwrap();
    let change = Change {
        files: [PathBuf::from("content/editions/2025-03-15.md")].into(),
        ..Change::default()
    };
    pipeline.update(&change).unwrap();
    assert!(read(&page).contains("<h1 class=\"page-title\">Saturday&#39;s digest</h1>"));
    assert!(read(&page).contains("<p>Hello.</p>"));
    assert!(
        read(&feed).contains("<title type=\"text\">Saturday&apos;s digest</title>"),
        "{}",
        read(&feed)
    );
    assert!(!root.join("public/2025/03/2025-03-15/index.html").exists());
}

#[test]
fn summary_only_feeds_give_summaries_and_links_in_edition_entries() {
    let site = fixture_dir("editions");
    let config = read(site.path().join("config.yaml"))
        .replace("feeds:\n", "feeds:\n  full_content: false\n");
    fs::write(site.path().join("config.yaml"), config).unwrap();
    let public = build(site.path());
    let feed = parse_feed(&public.join("editions/rss.xml"));
    let first = feed.entries.last().unwrap();
    let html = first.content.as_ref().unwrap().body.clone().unwrap();
    assert!(
        html.contains("Делегации США и России встретились в Эр-Рияде."),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<a href=\"{BASE}2025/03/riyadh/\">Read on the site</a>"
        )),
        "{html}"
    );
    assert!(!html.contains("the story goes on"), "{html}");
}

/// Past `feeds.max_bytes`, edition entries carry summaries in every format (and the feed fits);
/// within it, the whole text. The switch is decided before every edition is made whole.
#[test]
fn edition_feeds_past_max_bytes_carry_summaries() {
    let long = "The talks went on through the night, clause by clause. ".repeat(60);
    for (max_bytes, whole) in [(6_000, false), (100_000, true)] {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::write(
            root.join("config.yaml"),
            format!(
                "title: D\nbase_url: {BASE}\nfeeds:\n  max_bytes: {max_bytes}\neditions: {{}}\n"
            ),
        )
        .unwrap();
        fs::create_dir_all(root.join("content/2025/03")).unwrap();
        for day in 10..14 {
            fs::write(
                root.join(format!("content/2025/03/day-{day}.md")),
                format!(
                    "---\ntitle: Day {day}\ndate: 2025-03-{day}\nsummary: Short {day}.\n---\n{long}\n"
                ),
            )
            .unwrap();
        }
        let public = build(root);
        for file in [
            "editions/atom.xml",
            "editions/rss.xml",
            "editions/feed.json",
        ] {
            let text = read(public.join(file));
            assert!(text.len() <= max_bytes, "{file} is {} bytes", text.len());
            assert_eq!(
                text.contains("clause by clause"),
                whole,
                "{file}: {text:.600}"
            );
            assert!(text.contains("Day 13"), "{file}");
        }
    }
}
