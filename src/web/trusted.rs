//! Trusted Types: on a page that requires them for scripts, the comment loader's
//! script addresses, script text and parked markup go through the widget's own policy,
//! `article-widget` (the page allows it with `trusted-types article-widget`). The
//! policy passes values through unchanged: every script address was checked at mount
//! (https or same-origin), and parked markup is the page's own.

use std::cell::OnceCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static POLICY: OnceCell<Option<JsValue>> = const { OnceCell::new() };
}

fn policy() -> Option<JsValue> {
    POLICY.with(|p| {
        p.get_or_init(|| {
            let global = js_sys::global();
            let tt = js_sys::Reflect::get(&global, &"trustedTypes".into()).ok()?;
            if tt.is_undefined() || tt.is_null() {
                return None;
            }
            let create = js_sys::Reflect::get(&tt, &"createPolicy".into()).ok()?;
            let create: &js_sys::Function = create.dyn_ref()?;
            // A Rust function, not `new Function` (which a strict policy forbids). It
            // lives as long as the page, like the policy it serves: one per page.
            let same = wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> JsValue>::new(|s| s)
                .into_js_value();
            let rules = js_sys::Object::new();
            for name in ["createHTML", "createScript", "createScriptURL"] {
                js_sys::Reflect::set(&rules, &name.into(), &same).ok()?;
            }
            // Refused when the page's policy names do not include it: then the
            // browser refuses the sinks too, and loading reports the failure.
            create.call2(&tt, &"article-widget".into(), &rules).ok()
        })
        .clone()
    })
}

fn make(kind: &str, value: &str) -> JsValue {
    let plain = JsValue::from_str(value);
    let Some(p) = policy() else { return plain };
    js_sys::Reflect::get(&p, &kind.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&p, &plain).ok())
        .unwrap_or(plain)
}

/// A script address, trusted where the page requires it.
pub fn script_url(url: &str) -> JsValue {
    make("createScriptURL", url)
}

/// Script text, trusted where the page requires it.
pub fn script(text: &str) -> JsValue {
    make("createScript", text)
}

/// Markup, trusted where the page requires it.
pub fn html(text: &str) -> JsValue {
    make("createHTML", text)
}
