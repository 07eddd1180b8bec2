//! The comment area: a facade that costs nothing until the reader wants comments,
//! then the comment system, fetched once.
//!
//! The page parks its comment system inert in a `<template data-article-widget-comments>`
//! (or the caller names a script with `commentsScript`); nothing of it is fetched
//! until a trigger. Scripts parsed from a template never run, so each one is made
//! anew with the same attributes.

use super::dom::el;
use super::undo::Undo;
use crate::core::{CommentsSetting, Error, Settings};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlScriptElement, HtmlTemplateElement, Node};

/// The selectors tried, in order, when the caller does not name the comment area.
const AUTO: &[&str] = &[
    "#comments",
    ".comments",
    "#disqus_thread",
    ".giscus",
    "#respond",
];

/// What the comment system is.
pub enum Source {
    /// Content the page parked in a template.
    Parked(HtmlTemplateElement),
    /// A script to add.
    Script(String),
}

/// The comment area as the widget found it.
pub struct Area {
    /// The comment area element.
    pub element: Element,
    /// What to load.
    pub source: Source,
    /// The comment count the page shows, if any.
    pub count: Option<u32>,
}

/// Finds the comment area and what to load in it. `Ok(None)` when comments are off,
/// or when the page has no comment area to defer and the caller did not ask for one.
pub fn find(doc: &Document, settings: &Settings) -> Result<Option<Area>, Error> {
    let (element, named) = match &settings.comments {
        CommentsSetting::Off => return Ok(None),
        CommentsSetting::Selector(sel) => match doc.query_selector(sel) {
            Ok(Some(e)) => (e, Some(sel.clone())),
            Ok(None) => {
                return Err(Error::CommentsNotFound {
                    selector: sel.clone(),
                })
            }
            Err(_) => {
                return Err(Error::BadSelector {
                    name: "comments selector".into(),
                    selector: sel.clone(),
                })
            }
        },
        CommentsSetting::Auto => match AUTO
            .iter()
            .find_map(|s| doc.query_selector(s).ok().flatten())
        {
            Some(e) => (e, None),
            None => return Ok(None),
        },
    };
    let parked = element
        .query_selector("template[data-article-widget-comments]")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok());
    let source = match (&settings.comments_script, parked) {
        (Some(url), _) => Source::Script(url.clone()),
        (None, Some(t)) => Source::Parked(t),
        (None, None) => {
            return match named {
                Some(selector) => Err(Error::NothingToLoad { selector }),
                None => Ok(None),
            }
        }
    };
    let count = element
        .get_attribute("data-num-comments")
        .and_then(|n| n.trim().parse().ok());
    Ok(Some(Area {
        element,
        source,
        count,
    }))
}

/// The facade: a box with a "Show comments" button where the comments will go.
pub struct Facade {
    /// The facade's box.
    pub element: Element,
    /// Its button.
    pub button: Element,
    /// The line that tells of a failure.
    pub status: Element,
}

/// Puts the facade in the comment area.
pub fn insert_facade(doc: &Document, area: &Area, undo: &mut Undo) -> Result<Facade, JsValue> {
    let element = el(doc, "div", "aw-comments-facade", None);
    let label = match area.count {
        Some(1) => "Show 1 comment".to_string(),
        Some(n) => format!("Show {n} comments"),
        None => "Show comments".to_string(),
    };
    let button = el(doc, "button", "aw-comments-button", Some(&label));
    button.set_attribute("type", "button")?;
    let status = el(doc, "p", "aw-comments-status", None);
    status.set_attribute("role", "status")?;
    element.append_child(&button)?;
    element.append_child(&status)?;
    // Where the comments will appear: in place of the parked template, else at the
    // end of the comment area.
    let (parent, before): (Node, Option<Node>) = match &area.source {
        Source::Parked(t) => (
            t.parent_node()
                .unwrap_or_else(|| area.element.clone().into()),
            Some(t.clone().into()),
        ),
        Source::Script(_) => (area.element.clone().into(), None),
    };
    undo.insert(&parent, element.as_ref(), before.as_ref())?;
    Ok(Facade {
        element,
        button,
        status,
    })
}

/// Starts the comment system. Returns the scripts that load from an address, whose
/// `load` and `error` events tell how it went (none: it is loaded already).
pub fn activate(
    doc: &Document,
    area: &Area,
    undo: &mut Undo,
) -> Result<Vec<HtmlScriptElement>, JsValue> {
    let mut external = Vec::new();
    match &area.source {
        Source::Script(url) => {
            let s: HtmlScriptElement = el(doc, "script", "", None).unchecked_into();
            s.set_src(url);
            s.set_async(true);
            undo.insert(area.element.as_ref(), s.as_ref(), None)?;
            external.push(s);
        }
        Source::Parked(template) => {
            let content: Node = template.content().clone_node_with_deep(true)?;
            let parent = template
                .parent_node()
                .unwrap_or_else(|| area.element.clone().into());
            let mut nodes = super::dom::children(&content);
            for n in &mut nodes {
                // Scripts inside the parked content, at any depth.
                let scripts: Vec<Element> = if n.node_name().eq_ignore_ascii_case("script") {
                    vec![n.clone().unchecked_into()]
                } else if let Some(e) = n.dyn_ref::<Element>() {
                    let list = e.query_selector_all("script")?;
                    (0..list.length())
                        .filter_map(|i| list.item(i))
                        .map(|s| s.unchecked_into())
                        .collect()
                } else {
                    Vec::new()
                };
                for old in scripts {
                    let fresh = runnable_copy(doc, &old)?;
                    if fresh.has_attribute("src") {
                        external.push(fresh.clone());
                    }
                    if &Node::from(old.clone()) == n {
                        *n = fresh.into();
                    } else if let Some(p) = old.parent_node() {
                        p.replace_child(&fresh, &old)?;
                    }
                }
            }
            for n in nodes {
                undo.insert(&parent, &n, Some(template.as_ref()))?;
            }
        }
    }
    Ok(external)
}

/// A script element that runs when inserted, with the attributes and text of one
/// parsed from a template.
fn runnable_copy(doc: &Document, old: &Element) -> Result<HtmlScriptElement, JsValue> {
    let fresh: HtmlScriptElement = doc.create_element("script")?.unchecked_into();
    let names = old.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        if let Some(v) = old.get_attribute(&name) {
            fresh.set_attribute(&name, &v)?;
        }
    }
    fresh.set_text_content(old.text_content().as_deref());
    Ok(fresh)
}
