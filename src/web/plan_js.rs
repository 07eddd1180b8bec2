//! The plan as `analyze()` returns it: a plain JavaScript object, built field by field
//! (no serialisation framework in the shipped module).
//!
//! `{ sections: [{ id, title, level, inferred, collapsible, open, words }],
//!    quotes: [{ text, speaker, role, sectionId, key, textFragment }] }`;
//! an unknown speaker, role or section is `null`.

use crate::core::Plan;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

fn set(o: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(o, &key.into(), &value);
}

fn text_or_null(v: &Option<String>) -> JsValue {
    v.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

/// The plan as a plain object.
pub fn plan_to_js(plan: &Plan) -> JsValue {
    let sections = Array::new();
    for s in &plan.sections {
        let o = Object::new();
        set(&o, "id", s.id.as_str().into());
        set(&o, "title", s.title.as_str().into());
        set(&o, "level", s.level.into());
        set(&o, "inferred", s.inferred.into());
        set(&o, "collapsible", s.collapsible.into());
        set(&o, "open", s.open.into());
        set(&o, "words", (s.words as f64).into());
        sections.push(&o);
    }
    let quotes = Array::new();
    for q in &plan.quotes {
        let o = Object::new();
        set(&o, "text", q.text.as_str().into());
        set(&o, "speaker", text_or_null(&q.speaker));
        set(&o, "role", text_or_null(&q.role));
        set(&o, "sectionId", text_or_null(&q.section_id));
        set(&o, "key", q.key.into());
        set(&o, "textFragment", q.text_fragment.as_str().into());
        quotes.push(&o);
    }
    let out = Object::new();
    set(&out, "sections", sections.into());
    set(&out, "quotes", quotes.into());
    out.into()
}
