//! The web layer (wasm32 only): reads the DOM into blocks, applies the core's plan,
//! owns every listener and observer, and exports the JavaScript API.
//!
//! - `api`: the exported functions and the `Widget` handle; options and errors cross
//!   the JavaScript boundary here and nowhere else.
//! - `read`: the article's DOM as [`crate::core::Block`]s, with where each block is.
//! - `screen`: what the reader sees at mount (measured; the core decides from it).
//! - `undo`: every change made to the page, recorded so that `destroy()` puts it back.
//! - `widget`: a mounted widget's state, listeners and observers; `listeners`: its
//!   listeners, all handled by one closure.
//! - `sections`, `toc`, `quotes_panel`, `comments`: apply one job each; `ads`: cuts
//!   the sections around ad slots that arrive after the mount.
//! - `warm`: the core run on a text in a worker, so that its code compiles off the page's
//!   main thread.

mod actions;
mod ads;
mod api;
mod comment_area;
mod comments;
mod dom;
mod errors;
mod events;
mod hash;
mod held;
mod kept;
mod listeners;
mod mount;
mod navigator;
mod observers;
mod plan_js;
mod prepare;
mod quotes_panel;
mod read;
mod screen;
mod sections;
mod toc;
mod undo;
mod warm;
mod widget;

pub use api::{analyze, mount, prepare_mount, PreparedMount, Widget};
