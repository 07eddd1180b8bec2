//! article-widget: collapsible sections, a key-quotes summary and lazily loaded
//! comments for blog articles.
//!
//! The crate has two halves:
//! - [`core`]: pure Rust that decides. It reads an article as a list of
//!   [`core::Block`]s and returns a [`core::Plan`] (sections, quotes, ids). It has no
//!   web types, builds natively and is tested with plain `cargo test`.
//! - `web` (wasm32 only): the thin layer that reads the DOM into blocks, applies the
//!   plan, owns every listener and observer, loads comments, and exports the
//!   JavaScript API (`mount`, `analyze`).
#![deny(missing_docs)]

pub mod core;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
pub use web::{analyze, mount, prepare_mount, PreparedMount, Widget};

/// The module's allocator: Talc in place of the default dlmalloc, smaller in the
/// shipped module and faster at the many small allocations of reading an article.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
