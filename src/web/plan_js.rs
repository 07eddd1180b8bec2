//! The plan as `analyze()` returns it: a plain JavaScript object, built field by field
//! (no serialisation framework in the shipped module).
//!
//! `{ sections: [{ id, title, level, inferred, collapsible, open, words }],
//!    quotes: [{ text, speaker, guess, role, sectionId, key, textFragment }] }`;
//! an unknown speaker, guess, role or section is `null`.

use crate::core::Plan;
use js_sys::{Array, Object, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::JsValue;

/// A mounted widget's plan, with its JavaScript object made the first time it is
/// asked for (`widget.plan`, or `analyze()` of a mounted article): mounting does not
/// pay for an object most pages never read.
pub struct AppliedPlan {
    plan: Plan,
    js: OnceCell<JsValue>,
}

impl AppliedPlan {
    pub fn new(plan: Plan) -> Self {
        AppliedPlan {
            plan,
            js: OnceCell::new(),
        }
    }

    /// The plan as `analyze` returns it (the same object each time).
    pub fn js(&self) -> JsValue {
        self.js.get_or_init(|| plan_to_js(&self.plan)).clone()
    }
}

impl std::ops::Deref for AppliedPlan {
    type Target = Plan;
    fn deref(&self) -> &Plan {
        &self.plan
    }
}

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
        set(&o, "guess", text_or_null(&q.guess));
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
