//! Errors crossing into JavaScript: every failure becomes one `Error` with a `code`
//! property (the core's codes), made here and nowhere else.

use crate::core::Error;
use wasm_bindgen::{JsCast, JsValue};

/// Turns an error into a JavaScript `Error` with a `code` property.
pub fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message());
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

/// An error from the DOM while applying the plan (rare: the page changed under us).
pub fn dom_error(e: JsValue) -> JsValue {
    let what = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown".into());
    js_error(&Error::DomError { what })
}

/// The JavaScript type of a value, for error messages.
pub fn type_name(v: &JsValue) -> String {
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
