//! Everything `mount` and `analyze` share, done before the page is touched: the root
//! found, the options checked into settings, the article read into blocks and the
//! core's plan made. Nothing here changes the page.

use super::dom::{document_for, valid_selector};
use super::errors::type_name;
use super::read;
use crate::core::{self, Error, IdSet, OptionValue, Plan, Settings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn resolve_root(doc: &Document, root: &JsValue) -> Result<Element, Error> {
    if let Some(e) = root.dyn_ref::<Element>() {
        return Ok(e.clone());
    }
    let Some(selector) = root.as_string() else {
        return Err(Error::RootNotElement {
            got: type_name(root),
        });
    };
    match doc.query_selector(&selector) {
        Ok(Some(e)) => Ok(e),
        Ok(None) => Err(Error::RootNotFound { selector }),
        Err(_) => Err(Error::BadSelector {
            name: "root selector".into(),
            selector,
        }),
    }
}

/// Reads the options object into name/value pairs for the core to check.
pub fn read_options(options: &JsValue) -> Result<Settings, Error> {
    if options.is_undefined() || options.is_null() {
        return Settings::from_options(&[]);
    }
    if !options.is_object() || js_sys::Array::is_array(options) || options.is_function() {
        return Err(Error::BadOptions {
            got: type_name(options),
        });
    }
    let obj: &js_sys::Object = options.unchecked_ref();
    let mut pairs = Vec::new();
    for key in js_sys::Object::keys(obj).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(obj, &key).unwrap_or(JsValue::UNDEFINED);
        let value = if v.is_undefined() || v.is_null() {
            OptionValue::Null
        } else if let Some(b) = v.as_bool() {
            OptionValue::Bool(b)
        } else if let Some(n) = v.as_f64() {
            OptionValue::Number(n)
        } else if let Some(s) = v.as_string() {
            OptionValue::Str(s)
        } else {
            OptionValue::Other(type_name(&v))
        };
        pairs.push((name, value));
    }
    Settings::from_options(&pairs)
}

/// Everything `mount` and `analyze` share: the root, the settings, the article as
/// read, and the plan. Touches nothing.
pub struct Prepared {
    /// The page's document.
    pub doc: Document,
    /// The article's root element.
    pub root: Element,
    /// The checked options.
    pub settings: Settings,
    /// The article as read from the DOM.
    pub article: read::Article,
    /// What to do.
    pub plan: Plan,
}

/// The page read for the widget, before the plan: the first half of [`prepare`].
pub struct Read {
    doc: Document,
    root: Element,
    settings: Settings,
    article: read::Article,
    /// The ids the page uses, that section ids must not take.
    taken: IdSet,
}

/// Whether the page still holds `article` as it was read from `root`: the root in
/// the document and every block's nodes inside it.
fn still_current(root: &Element, article: &read::Article) -> bool {
    read::holds_all(root, &article.places.nodes)
}

impl Read {
    /// Whether the page is still as it was read.
    pub fn still_current(&self) -> bool {
        still_current(&self.root, &self.article)
    }

    /// The core's plan for what was read: the second half of [`prepare`].
    pub fn plan(self) -> Prepared {
        let outline = self.outline();
        self.plan_with(outline)
    }

    /// The first part of the plan: the sections (see [`core::plan_sections`]).
    pub fn outline(&self) -> core::Outline {
        core::plan_sections(&self.article.blocks, &self.settings, &self.taken)
    }

    /// The plan, from the sections already made of what was read.
    pub fn plan_with(self, outline: core::Outline) -> Prepared {
        let quotes = core::plan_quotes(&self.article.blocks, &outline, &self.settings);
        Prepared {
            doc: self.doc,
            root: self.root,
            settings: self.settings,
            article: self.article,
            plan: Plan {
                sections: outline.sections,
                quotes,
            },
        }
    }
}

impl Prepared {
    /// Whether the page is still as it was read.
    pub fn still_current(&self) -> bool {
        still_current(&self.root, &self.article)
    }
}

/// Finds the root, checks the options, reads the article and makes the plan.
pub fn prepare(root: &JsValue, options: &JsValue) -> Result<Prepared, Error> {
    Ok(read_page(root, options)?.plan())
}

/// Finds the root, checks the options and reads the article. Changes nothing.
pub fn read_page(root: &JsValue, options: &JsValue) -> Result<Read, Error> {
    #[cfg(feature = "console-panics")]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let doc = document_for(root)?;
    let root = resolve_root(&doc, root)?;
    let mut settings = read_options(options)?;
    settings.base_level = level_under_page_heading(&doc, &root);
    settings.lang = declared_lang(&root);
    for (name, sel) in [
        ("option \"exclude\"", &settings.exclude),
        ("option \"adSlots\"", &settings.ad_slots),
    ] {
        if let Some(sel) = sel {
            if !valid_selector(&doc, sel) {
                return Err(Error::BadSelector {
                    name: name.into(),
                    selector: sel.clone(),
                });
            }
        }
    }
    if let crate::core::QuotesAt::Selector(sel) = &settings.quotes_at {
        match doc.query_selector(sel) {
            Ok(Some(_)) => {}
            Ok(None) => {
                return Err(Error::BadOption {
                    name: "quotesAt".into(),
                    expected: "\"lead\", \"top\", \"end\" or a selector that matches an element",
                    got: ["the selector \"", sel, "\", which matches nothing"].concat(),
                })
            }
            Err(_) => {
                return Err(Error::BadSelector {
                    name: "option \"quotesAt\"".into(),
                    selector: sel.clone(),
                })
            }
        }
    }
    let ads = crate::core::ads::slot_selector(settings.ad_slots.as_deref());
    let article = read::read(&root, settings.exclude.as_deref(), &ads);
    if article.blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(Error::EmptyArticle);
    }
    let mut taken = IdSet::from_ascending(
        read::page_ids(&doc)
            .split(' ')
            .filter(|id| !id.is_empty())
            .map(String::from),
    );
    // Ids the blocks already carry are theirs to keep, not taken from them.
    for b in &article.blocks {
        if let Some(id) = &b.id {
            taken.remove(id);
        }
    }
    Ok(Read {
        doc,
        root,
        settings,
        article,
        taken,
    })
}

/// The language the page declares for the article: `lang` of the root or of its
/// nearest ancestor that has one (`<html>` included), lower case; empty when none.
fn declared_lang(root: &Element) -> String {
    root.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .map(|l| l.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// One level under the last heading that comes before the article (outside it):
/// the post title of a blog page (Blogger's is an h3). 2 when there is none.
fn level_under_page_heading(doc: &Document, root: &Element) -> u8 {
    let Ok(list) = doc.query_selector_all("h1, h2, h3, h4, h5, h6") else {
        return 2;
    };
    let root: &web_sys::Node = root.as_ref();
    let mut level = 1;
    for i in 0..list.length() {
        let Some(h) = list.item(i) else { continue };
        let before =
            root.compare_document_position(&h) & web_sys::Node::DOCUMENT_POSITION_PRECEDING != 0;
        if !before {
            break;
        }
        if !root.contains(Some(&h)) && !h.contains(Some(root)) {
            level = h
                .node_name()
                .as_bytes()
                .get(1)
                .map_or(1, |d| d.saturating_sub(b'0'));
        }
    }
    (level + 1).clamp(2, 6)
}
