//! `kiosk proof`: every screen and every person's page rendered to PNG, for
//! curators to proofread and for tests to look at. Renders offscreen into an
//! image (no window, no display needed; software Vulkan is enough).

mod render;

use crate::library::Library;
use crate::profile::Lang;
use crate::visit::{Screen, Staged};
use render::{offscreen_app, render_page, settle, whole_page_app};
use std::path::Path;

/// One page to render: a file name and the visit it shows.
#[derive(Debug, Clone)]
pub struct Page {
    pub file: String,
    pub staged: Staged,
    /// A person's whole page, several screens tall: the story, the quote
    /// and the pictures below the portrait, nothing scrolled away.
    pub whole: bool,
}

impl Page {
    fn screen(file: impl Into<String>, screen: Screen, lang: Lang) -> Self {
        Self {
            file: file.into(),
            staged: Staged {
                screen,
                lang,
                ..Default::default()
            },
            whole: false,
        }
    }

    fn person(file: impl Into<String>, screen: Screen, lang: Lang, slug: &str) -> Self {
        Self {
            file: file.into(),
            staged: Staged {
                screen,
                lang,
                person: Some(slug.to_owned()),
                ..Default::default()
            },
            whole: false,
        }
    }

    /// A person's whole page in a language: `detail-<slug>.png` in
    /// Chinese, `detail-<slug>.en.png` in English.
    pub fn whole_person(slug: &str, lang: Lang) -> Self {
        let file = match lang {
            Lang::Zh => format!("detail-{slug}.png"),
            Lang::En => format!("detail-{slug}.en.png"),
        };
        Self {
            whole: true,
            ..Self::person(file, Screen::Detail, lang, slug)
        }
    }

    /// The same page in large text (大字).
    fn large(mut self) -> Self {
        self.staged.large_text = true;
        self
    }

    /// The same page in high contrast (高对比).
    fn contrast(mut self) -> Self {
        self.staged.high_contrast = true;
        self
    }
}

/// Every page a curator proofreads: each screen in both languages (with
/// the first person in the gallery's order for the large-text page and the
/// viewer), the reading modes, then every person's whole page in both
/// languages.
pub fn pages(library: &Library) -> Vec<Page> {
    use Lang::{En, Zh};
    let mut pages = vec![
        Page::screen("attract.png", Screen::Attract, Zh),
        Page::screen("gallery.png", Screen::Gallery, Zh),
        Page::screen("gallery-en.png", Screen::Gallery, En),
        Page::screen("gallery-large.png", Screen::Gallery, Zh).large(),
        Page::screen("gallery-contrast.png", Screen::Gallery, Zh).contrast(),
        Page::screen("timeline.png", Screen::Timeline, Zh),
        Page::screen("timeline-en.png", Screen::Timeline, En),
    ];
    // 找人 with a surname typed: the first person's, read as a surname.
    let surname = library
        .people
        .first()
        .and_then(|p| {
            crate::search::name_readings(&p.profile.name.zh)
                .into_iter()
                .next()
        })
        .map(|r| r.surname())
        .unwrap_or_default();
    for (file, lang) in [("search.png", Zh), ("search-en.png", En)] {
        let mut page = Page::screen(file, Screen::Search, lang);
        page.staged.search = surname.clone();
        pages.push(page);
    }
    if let Some(first) = library.people.first() {
        let slug = &first.slug;
        // How the first screen of a page reflows in large text.
        pages.push(
            Page::person(format!("detail-{slug}-large.png"), Screen::Detail, Zh, slug).large(),
        );
        if !first.profile.media.is_empty() {
            pages.push(Page::person(
                format!("viewer-{slug}.png"),
                Screen::Viewer,
                Zh,
                slug,
            ));
            pages.push(Page::person(
                format!("viewer-{slug}-en.png"),
                Screen::Viewer,
                En,
                slug,
            ));
        }
    }
    for p in &library.people {
        pages.push(Page::whole_person(&p.slug, Zh));
        pages.push(Page::whole_person(&p.slug, En));
    }
    pages
}

/// Renders every page of the exhibition into `out`; returns how many.
pub fn run(profiles: &Path, out: &Path, size: (u32, u32)) -> Result<usize, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut app = offscreen_app(profiles, size, true);
    settle(&mut app);
    let (whole, screens): (Vec<Page>, Vec<Page>) = pages(app.world().resource::<Library>())
        .into_iter()
        .partition(|p| p.whole);
    for page in &screens {
        render_page(&mut app, page, &out.join(&page.file))?;
    }
    // The whole pages are drawn by a second kiosk, on a tall target.
    drop(app);
    let mut app = whole_page_app(profiles, size, false);
    crate::tools::headless::settle(&mut app, 2000);
    for page in &whole {
        render_page(&mut app, page, &out.join(&page.file))?;
    }
    Ok(screens.len() + whole.len())
}

/// What `run_people` did: the pages written, and the people asked for who
/// are not in the exhibition (no such folder, or a profile with an error).
#[derive(Debug, Default)]
pub struct Proofed {
    pub pages: usize,
    pub missing: Vec<String>,
}

/// Renders only these people's pages, each whole (one tall page) and in
/// both languages: `detail-<slug>.png`, `detail-<slug>.en.png`. Quick: only
/// their pictures are prepared. People who cannot be shown are skipped and
/// named in `missing`.
pub fn run_people(
    profiles: &Path,
    out: &Path,
    size: (u32, u32),
    slugs: &[String],
) -> Result<Proofed, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut app = whole_page_app(profiles, size, true);
    crate::tools::headless::settle(&mut app, 2000);
    let library = app.world().resource::<Library>();
    let (shown, missing): (Vec<&String>, Vec<&String>) =
        slugs.iter().partition(|slug| library.get(slug).is_some());
    let mut proofed = Proofed {
        pages: 0,
        missing: missing.into_iter().cloned().collect(),
    };
    // Drawn for a kiosk's report, the pages are of no use once it has gone
    // (stopped or restarted): no orphan goes on drawing beside the next one.
    let parent = rustix::process::getppid();
    for slug in shown {
        if rustix::process::getppid() != parent {
            return Err("the process that asked for these pages has gone".into());
        }
        for lang in [Lang::Zh, Lang::En] {
            let page = Page::whole_person(slug, lang);
            render_page(&mut app, &page, &out.join(&page.file))?;
            proofed.pages += 1;
        }
    }
    Ok(proofed)
}
