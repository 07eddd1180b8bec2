//! Finding the comment area and what the comment system is, changing nothing.
//!
//! Sources, in the order they are looked for:
//! - a `commentsScript` option: a script to add (https, or same-origin);
//! - markup the page parks inert in the comment area, marked
//!   `data-article-widget-comments`: a `<template>` (parsed but inert), or a
//!   `<textarea>` or `<noscript>` holding it as text, as Blogger themes do. Any
//!   comment system's snippet works: Blogger's form script, Disqus, giscus,
//!   utterances, any script with its attributes;
//! - Blogger's embedded form whose iframe is left without an address: the address
//!   waits in `a#comment-editor-src` and is set on intent.

use super::comments::parked_sources;
use crate::core::comments as core_comments;
use crate::core::comments::CommentsState;
use crate::core::{check_script_url, find, CommentsSetting, Error, Settings};
use web_sys::{Document, Element};

/// The selectors tried, in order, when the caller does not name the comment area.
const AUTO: &[&str] = &[
    "#comments",
    ".comments",
    "#disqus_thread",
    ".giscus",
    "#respond",
];

/// Where parked markup waits.
const PARKED: &str = "template[data-article-widget-comments], textarea[data-article-widget-comments], noscript[data-article-widget-comments]";

/// What the comment system is.
pub enum Source {
    /// Markup the page parked inert.
    Parked(Element),
    /// A script to add.
    Script(String),
    /// Blogger's form frame and the address to give it.
    BloggerFrame(Element, String),
}

/// The comment area as the widget found it.
pub struct Area {
    /// The comment area element.
    pub element: Element,
    /// What to load.
    pub source: Source,
    /// The comment count the page shows, if any.
    pub count: Option<u32>,
    /// The origin to warm up on intent (`https://host`), when it is another one.
    pub origin: Option<String>,
    /// A page that shows the comments without the widget (for when loading fails).
    pub link: Option<String>,
}

/// Finds the comment area and what to load in it, and says what the widget does with
/// comments. A comment area that is missing, or holds nothing the widget can defer,
/// never stops the widget: it is left as it is and reported (`CommentsState`). Only a
/// selector that is not CSS and a `commentsScript` the widget refuses are errors.
pub fn find(doc: &Document, settings: &Settings) -> Result<(Option<Area>, CommentsState), Error> {
    let candidates: Vec<Element> = match &settings.comments {
        CommentsSetting::Off => return Ok((None, CommentsState::Off)),
        CommentsSetting::Selector(sel) => match doc.query_selector(sel) {
            Ok(e) => e.into_iter().collect(),
            Err(_) => {
                return Err(Error::BadSelector {
                    name: "comments selector".into(),
                    selector: sel.clone(),
                })
            }
        },
        // Each usual comment area in turn: a theme's `#comments` may hold only a
        // placeholder while the deferrable system sits in another.
        CommentsSetting::Auto => AUTO
            .iter()
            .filter_map(|s| doc.query_selector(s).ok().flatten())
            .collect(),
    };
    if candidates.is_empty() {
        return Ok((None, CommentsState::NotFound));
    }
    for element in candidates {
        if let Some(area) = deferrable(doc, element, settings)? {
            return Ok((Some(area), CommentsState::Lazy));
        }
    }
    Ok((None, CommentsState::NotLazy))
}

/// The comment area `element` with what the widget can load in it later, or `None`
/// when it holds nothing to defer (a live list or form, a placeholder, or addresses
/// the widget would not load). Errs only on a refused `commentsScript` option.
fn deferrable(
    doc: &Document,
    element: Element,
    settings: &Settings,
) -> Result<Option<Area>, Error> {
    let editor_link = element
        .query_selector("a#comment-editor-src[href]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"));
    let source = if let Some(url) = &settings.comments_script {
        check_script_url(url)?;
        Source::Script(url.clone())
    } else if let Some(parked) = element.query_selector(PARKED).ok().flatten() {
        Source::Parked(parked)
    } else if let (Some(frame), Some(src)) = (
        element
            .query_selector("iframe#comment-editor")
            .ok()
            .flatten(),
        editor_link.clone(),
    ) {
        let empty = frame
            .get_attribute("src")
            .is_none_or(|s| s.is_empty() || s == "about:blank");
        if !empty {
            return Ok(None);
        }
        Source::BloggerFrame(frame, src)
    } else {
        return Ok(None);
    };
    let urls = match &source {
        Source::Parked(p) => parked_urls(doc, p),
        Source::Script(u) | Source::BloggerFrame(_, u) => vec![u.clone()],
    };
    // An address of the page's own that the widget would not load: the page's comment
    // system stays as the page has it.
    if urls.iter().any(|u| check_script_url(u).is_err()) {
        return Ok(None);
    }
    let count = element
        .get_attribute("data-num-comments")
        .and_then(|n| core_comments::count_in_attribute(&n))
        .or_else(|| count_in_heading(&element));
    Ok(Some(Area {
        origin: urls.iter().find_map(|u| origin_of(u)),
        link: editor_link,
        element,
        source,
        count,
    }))
}

/// "12 comments" in the area's heading, as Blogger writes it.
fn count_in_heading(area: &Element) -> Option<u32> {
    let h = area.query_selector("h2, h3, h4").ok()??;
    core_comments::count_in_heading(&h.text_content()?)
}

/// The scheme and host of an absolute address.
fn origin_of(url: &str) -> Option<String> {
    let at = find::find(url, "://")?;
    let (scheme, rest) = (url.get(..at)?, url.get(at + 3..)?);
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| [scheme, "://", host].concat())
}

/// The addresses the parked markup would fetch as scripts or frames.
fn parked_urls(doc: &Document, holder: &Element) -> Vec<String> {
    parked_sources(doc, holder)
        .map(|list| list.iter().filter_map(|u| u.as_string()).collect())
        .unwrap_or_default()
}
