//! Tests of the pure parts of `watch`: events to changes, and rebuild plans.
use super::*;
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
use notify::{Event, EventKind};

fn sources(files: &[&str]) -> Sources {
    Sources {
        theme: "default".into(),
        files: files.iter().map(PathBuf::from).collect(),
    }
}

fn paths(list: &[&str]) -> BTreeSet<PathBuf> {
    list.iter().map(PathBuf::from).collect()
}

fn event(kind: EventKind, paths: &[&str]) -> DebouncedEvent {
    let mut event = Event::new(kind);
    for path in paths {
        event = event.add_path(PathBuf::from(path));
    }
    DebouncedEvent::new(event, Instant::now())
}

#[test]
fn an_edit_in_place_is_that_file() {
    let mut known = sources(&["content/a.md"]);
    let plan = plan(&mut known, &[("content/a.md".into(), Seen::File)]);
    assert_eq!(plan.change.files, paths(&["content/a.md"]));
    assert!(!plan.config && !plan.change.theme);
    assert_eq!(plan.label(), "content/a.md");
}

#[test]
fn a_vim_save_is_only_the_article() {
    // vim writes `4913` to test the folder, moves the file to `a.md~`, writes `a.md` anew.
    let mut known = sources(&["content/a.md"]);
    let seen = [
        ("content/4913".into(), Seen::Missing),
        ("content/a.md~".into(), Seen::Missing),
        ("content/.a.md.swp".into(), Seen::File),
        ("content/a.md".into(), Seen::File),
    ];
    let plan = plan(&mut known, &seen);
    assert_eq!(plan.change.files, paths(&["content/a.md"]));
    assert_eq!(known.files, paths(&["content/a.md"]));
}

#[test]
fn a_new_folder_brings_its_files() {
    let mut known = sources(&["content/a.md"]);
    let folder = Seen::Folder(vec![
        "content/2025/05/b.md".into(),
        "content/2025/05/map.png".into(),
    ]);
    let plan = plan(&mut known, &[("content/2025".into(), folder)]);
    assert_eq!(
        plan.change.files,
        paths(&["content/2025/05/b.md", "content/2025/05/map.png"])
    );
    assert_eq!(plan.label(), "2 files");
    assert!(known.files.contains(Path::new("content/2025/05/b.md")));
}

#[test]
fn a_folder_renamed_away_removes_its_files() {
    let mut known = sources(&["content/a.md", "content/old/b.md", "content/old/c.md"]);
    let plan = plan(&mut known, &[("content/old".into(), Seen::Missing)]);
    assert_eq!(
        plan.change.files,
        paths(&["content/old/b.md", "content/old/c.md"])
    );
    assert_eq!(known.files, paths(&["content/a.md"]));
}

#[test]
fn a_folder_replaced_drops_files_it_no_longer_has() {
    let mut known = sources(&["content/x/b.md", "content/x/c.md"]);
    let plan = plan(
        &mut known,
        &[(
            "content/x".into(),
            Seen::Folder(vec!["content/x/c.md".into()]),
        )],
    );
    assert_eq!(
        plan.change.files,
        paths(&["content/x/b.md", "content/x/c.md"])
    );
    assert_eq!(known.files, paths(&["content/x/c.md"]));
}

#[test]
fn config_theme_and_other_paths() {
    let mut known = sources(&[]);
    let seen = [
        ("config.yaml".into(), Seen::File),
        ("themes/default/templates/base.html".into(), Seen::File),
        ("themes/other/templates/base.html".into(), Seen::File),
        ("README.md".into(), Seen::File),
        ("public/index.html".into(), Seen::File),
        (".git/index".into(), Seen::File),
    ];
    let plan = plan(&mut known, &seen);
    assert!(plan.config && plan.change.theme);
    assert!(plan.change.files.is_empty());
    assert_eq!(
        plan.paths,
        paths(&["config.yaml", "themes/default/templates/base.html"])
    );
}

#[test]
fn the_themes_folder_itself_counts_as_the_theme() {
    let mut known = sources(&[]);
    let plan = plan(&mut known, &[("themes".into(), Seen::Missing)]);
    assert!(plan.change.theme);
}

#[test]
fn scratch_files_alone_plan_nothing() {
    let mut known = sources(&["content/a.md"]);
    let seen = [
        ("content/4913".into(), Seen::Missing),
        ("content/.a.md.swp".into(), Seen::File),
    ];
    assert!(plan(&mut known, &seen).is_empty());
}

#[test]
fn css_only_changes_are_told_apart() {
    let mut known = sources(&[]);
    let plan_css = plan(&mut known, &[("static/site.css".into(), Seen::File)]);
    assert!(plan_css.css_only());
    let plan_mixed = plan(
        &mut known,
        &[
            ("static/site.css".into(), Seen::File),
            ("content/a.md".into(), Seen::File),
        ],
    );
    assert!(!plan_mixed.css_only());
}

#[test]
fn event_paths_are_relative_and_skip_reads_and_output() {
    let root = Path::new("/site");
    let ignored = vec![
        PathBuf::from("/site/public"),
        PathBuf::from("/site/.public.staging"),
    ];
    let events = [
        event(EventKind::Modify(ModifyKind::Any), &["/site/content/a.md"]),
        event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            &["/site/content/b.md"],
        ),
        event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &["/site/content/c.md"],
        ),
        event(
            EventKind::Create(CreateKind::File),
            &["/site/public/index.html"],
        ),
        event(
            EventKind::Create(CreateKind::Folder),
            &["/site/.public.staging/x"],
        ),
        event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/site/content/.a.md.swp", "/site/content/d.md"],
        ),
        event(
            EventKind::Modify(ModifyKind::Any),
            &["/elsewhere/x.md", "/site"],
        ),
    ];
    let (found, rescan) = event_paths(&[root.to_path_buf()], &ignored, &events);
    assert_eq!(
        found,
        paths(&[
            "content/a.md",
            "content/c.md",
            "content/.a.md.swp",
            "content/d.md"
        ])
    );
    assert!(!rescan);
}

#[test]
fn full_builds_until_ready_and_on_config() {
    let mut edit = Plan::default();
    edit.change.files.insert("content/a.md".into());
    edit.paths.insert("content/a.md".into());
    assert!(!needs_full_build(true, &edit));
    assert!(needs_full_build(false, &edit));
    let mut config = edit.clone();
    config.config = true;
    assert!(needs_full_build(true, &config));
    let rescan = Plan {
        rescan: true,
        ..Plan::default()
    };
    assert!(needs_full_build(true, &rescan));
    assert!(!rescan.is_empty());
}

#[test]
fn probe_sees_files_folders_and_nothing() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("content/new")).unwrap();
    std::fs::write(site.path().join("content/new/a.md"), "x").unwrap();
    std::fs::write(site.path().join("content/new/.a.md.swp"), "x").unwrap();
    assert_eq!(
        probe(site.path(), Path::new("content/new/a.md")),
        Seen::File
    );
    assert_eq!(
        probe(site.path(), Path::new("content/new")),
        Seen::Folder(vec!["content/new/a.md".into()])
    );
    assert_eq!(
        probe(site.path(), Path::new("content/gone.md")),
        Seen::Missing
    );
}

#[test]
fn file_replacing_a_folder_of_its_name_drops_the_folders_files() {
    let mut known = sources(&["content/x.md/inner.md", "content/y.md"]);
    let plan = plan(&mut known, &[("content/x.md".into(), Seen::File)]);
    assert_eq!(
        plan.change.files,
        paths(&["content/x.md", "content/x.md/inner.md"])
    );
    assert_eq!(known.files, paths(&["content/x.md", "content/y.md"]));
}

#[test]
fn authors_yaml_changes_like_config() {
    let kind = classify(Path::new(crate::config::AUTHORS_FILE), "default");
    assert_eq!(kind, Some(ChangeKind::Config));
    let mut known = sources(&[]);
    let plan = plan(&mut known, &[("authors.yaml".into(), Seen::File)]);
    assert!(plan.config);
}

#[test]
fn site_strings_count_as_the_theme() {
    let mut known = sources(&[]);
    let seen = [
        ("i18n/uk.yaml".into(), Seen::File),
        ("i18n".into(), Seen::Missing),
    ];
    let plan = plan(&mut known, &seen);
    assert!(plan.change.theme && !plan.config);
    assert!(plan.change.files.is_empty());
    assert_eq!(plan.paths, paths(&["i18n", "i18n/uk.yaml"]));
}

/// Which files are open for writing after `events`, seen in batches as the debouncer sends them.
fn open_after(batches: &[Vec<DebouncedEvent>]) -> Vec<PathBuf> {
    let mut open = OpenWrites::default();
    for batch in batches {
        open.see(batch);
    }
    assert_eq!(open.any(), !open.0.is_empty());
    open.0.into_iter().collect()
}

#[test]
fn a_file_created_but_not_yet_closed_is_waited_for() {
    let created = event(EventKind::Create(CreateKind::File), &["/s/content/b.md"]);
    let written = event(
        EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Content)),
        &["/s/content/b.md"],
    );
    let closed = event(
        EventKind::Access(AccessKind::Close(AccessMode::Write)),
        &["/s/content/b.md"],
    );
    // Created in one batch, the text written and the file closed in a later one.
    assert_eq!(
        open_after(&[vec![created.clone()]]),
        [PathBuf::from("/s/content/b.md")]
    );
    assert_eq!(
        open_after(&[vec![created.clone()], vec![written.clone()]]).len(),
        1
    );
    assert!(open_after(&[vec![created.clone()], vec![written, closed]]).is_empty());
    // A folder made is nothing to wait for.
    let folder = event(EventKind::Create(CreateKind::Folder), &["/s/content/2026"]);
    assert!(open_after(&[vec![folder]]).is_empty());
    // Removed while open: nothing left to wait for.
    let removed = event(
        EventKind::Remove(notify::event::RemoveKind::File),
        &["/s/content/b.md"],
    );
    assert!(open_after(&[vec![created], vec![removed]]).is_empty());
}

#[test]
fn a_save_by_rename_is_finished_when_renamed() {
    // A temporary file written (its close not yet seen), then renamed over the article.
    let tmp = "/s/content/a.md.tmp";
    let created = event(EventKind::Create(CreateKind::File), &[tmp]);
    let renamed = event(
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
        &[tmp, "/s/content/a.md"],
    );
    assert!(open_after(&[vec![created, renamed]]).is_empty());
}
