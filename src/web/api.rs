//! The JavaScript API: `mount`, `analyze` and the `Widget` handle.
//!
//! Options and errors cross the boundary here and nowhere else: the options object is
//! read into name/value pairs and checked by the core; every failure becomes one
//! JavaScript `Error` with a `code` property. Everything that can fail is computed
//! before the page is touched, and a failure while applying undoes what was done.

use super::dom::{document_for, valid_selector};
use super::read;
use super::widget::Live;
use crate::core::{self, Error, OptionValue, Plan, Settings};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

thread_local! {
    /// The roots with a widget mounted, with the plan applied to each: a second mount
    /// is refused, and `analyze` of a mounted root returns what mount did.
    static MOUNTED: RefCell<Vec<(Element, JsValue)>> = const { RefCell::new(Vec::new()) };
    /// Numbers the widgets of a page, for ids that must not clash.
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// Turns an error into a JavaScript `Error` with a `code` property.
pub fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

/// An error from the DOM while applying the plan (rare: the page changed under us).
pub fn dom_error(e: JsValue) -> JsValue {
    let msg = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown".into());
    let err = js_sys::Error::new(&format!(
        "article-widget: the page could not be changed ({msg}); it was left as it was"
    ));
    let _ = js_sys::Reflect::set(&err, &"code".into(), &"dom-error".into());
    err.into()
}

fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

fn resolve_root(doc: &Document, root: &JsValue) -> Result<Element, Error> {
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
fn read_options(options: &JsValue) -> Result<Settings, Error> {
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

pub fn prepare(root: &JsValue, options: &JsValue) -> Result<Prepared, Error> {
    #[cfg(feature = "console-panics")]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let doc = document_for(root)?;
    let root = resolve_root(&doc, root)?;
    let mut settings = read_options(options)?;
    settings.base_level = level_under_page_heading(&doc, &root);
    if let Some(sel) = &settings.exclude {
        if !valid_selector(&doc, sel) {
            return Err(Error::BadSelector {
                name: "option \"exclude\"".into(),
                selector: sel.clone(),
            });
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
    let article = read::read(&root, settings.exclude.as_deref());
    if article.blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(Error::EmptyArticle);
    }
    // Read ids as attributes: a form's `id` property can be one of its fields
    // (`<input name="id">`), which is no string.
    let mut taken = HashSet::new();
    if let Ok(list) = doc.query_selector_all("[id]") {
        for i in 0..list.length() {
            if let Some(id) = list
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .and_then(|e| e.get_attribute("id"))
            {
                taken.insert(id);
            }
        }
    }
    // Ids the blocks already carry are theirs to keep, not taken from them.
    for b in &article.blocks {
        if let Some(id) = &b.id {
            taken.remove(id);
        }
    }
    let plan = core::plan(&article.blocks, &settings, &taken);
    Ok(Prepared {
        doc,
        root,
        settings,
        article,
        plan,
    })
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

pub fn plan_to_js(plan: &Plan) -> JsValue {
    use serde::Serialize;
    plan.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads the article under `root` (an Element or a CSS selector) and returns the plan
/// as a plain object `{ sections: [...], quotes: [...] }`. Changes nothing in the page.
#[wasm_bindgen]
pub fn analyze(root: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if let Ok(el) = document_for(&root).and_then(|doc| resolve_root(&doc, &root)) {
        if let Some(plan) = MOUNTED.with(|m| {
            m.borrow()
                .iter()
                .find(|(r, _)| r == &el)
                .map(|(_, p)| p.clone())
        }) {
            // The page holds the widget's own changes now: answer with what it applied.
            read_options(&options).map_err(|e| js_error(&e))?;
            return Ok(plan);
        }
    }
    let p = prepare(&root, &options).map_err(|e| js_error(&e))?;
    Ok(plan_to_js(&p.plan))
}

/// Mounts the widget on the article under `root` (an Element or a CSS selector):
/// collapsible sections, the key-quotes panel and lazy comments. Throws an `Error`
/// with a `code` when the root or the options are wrong; the page is then untouched.
#[wasm_bindgen]
pub fn mount(root: JsValue, options: JsValue) -> Result<Widget, JsValue> {
    let p = prepare(&root, &options).map_err(|e| js_error(&e))?;
    if MOUNTED.with(|m| m.borrow().iter().any(|(r, _)| r == &p.root)) {
        return Err(js_error(&Error::AlreadyMounted));
    }
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let plan_js = plan_to_js(&p.plan);
    let root = p.root.clone();
    let live = Live::mount(p, n, plan_js.clone())?;
    MOUNTED.with(|m| m.borrow_mut().push((root, plan_js)));
    Ok(Widget { live: Some(live) })
}

/// The handle `mount` returns.
#[wasm_bindgen]
pub struct Widget {
    live: Option<Rc<RefCell<Live>>>,
}

#[wasm_bindgen]
impl Widget {
    /// Puts the page back exactly as it was and removes every listener and observer.
    /// Calling it again does nothing.
    pub fn destroy(&mut self) {
        let Some(rc) = self.live.take() else { return };
        if let Some(root) = Live::destroy(&rc) {
            MOUNTED.with(|m| m.borrow_mut().retain(|(r, _)| r != &root));
        }
    }

    /// Opens every section.
    #[wasm_bindgen(js_name = expandAll)]
    pub fn expand_all(&self) {
        self.run(|live| live.set_all(true));
    }

    /// Closes every collapsible section.
    #[wasm_bindgen(js_name = collapseAll)]
    pub fn collapse_all(&self) {
        self.run(|live| live.set_all(false));
    }

    /// Loads the comments now (as the "Show comments" button does).
    #[wasm_bindgen(js_name = loadComments)]
    pub fn load_comments(&self) {
        self.run(Live::load_comments);
    }

    /// The plan the widget applied, as `analyze` returns it.
    #[wasm_bindgen(getter)]
    pub fn plan(&self) -> JsValue {
        self.live
            .as_ref()
            .map_or(JsValue::NULL, |rc| rc.borrow().plan_js.clone())
    }

    /// Whether the widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.live.is_some()
    }

    fn run(&self, f: impl FnOnce(&mut Live) -> super::widget::Events) {
        if let Some(rc) = &self.live {
            super::widget::with(&Rc::downgrade(rc), f);
        }
    }
}
