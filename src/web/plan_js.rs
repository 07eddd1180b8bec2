//! The plan as `analyze()` returns it: a plain JavaScript object, serialized from the
//! core's [`Plan`] by serde-wasm-bindgen (its fields and names are the core's serde
//! attributes).
//!
//! `{ sections: [{ id, title, level, inferred, collapsible, open, words }],
//!    quotes: [{ text, speaker, guess, role, sectionId, key, textFragment }] }`;
//! an unknown speaker, guess, role or section is `null`.

use crate::core::Plan;
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

/// The plan as a plain object (`null` for what is unknown, as JSON would have it).
pub fn plan_to_js(plan: &Plan) -> JsValue {
    use serde::Serialize;
    plan.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
