//! The events the widget sends from the article root: `article-widget:<name>`,
//! bubbling, each a `CustomEvent` whose `detail` is a plain object.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// One event of the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The widget has mounted: its sections and key quotes.
    Mounted {
        /// How many sections it made.
        sections: usize,
        /// How many key quotes the panel shows.
        key_quotes: usize,
        /// What became of the comments (`CommentsState::name`).
        comments: &'static str,
    },
    /// A section opened or closed.
    Toggle {
        /// The section's id.
        id: String,
        /// Whether it is open now.
        open: bool,
    },
    /// A key quote was shown in the text.
    Quote {
        /// The quotation.
        text: String,
        /// Its speaker, when known.
        speaker: Option<String>,
    },
    /// The comment system started loading.
    CommentsLoading,
    /// The comment system loaded.
    CommentsLoaded,
    /// The comment system did not load.
    CommentsFailed {
        /// Why, in words.
        reason: String,
    },
    /// The widget was destroyed and the page put back.
    Destroyed,
}

/// Events to send once the widget's state is released (a listener of one may call
/// back into the widget).
pub type Events = Vec<Event>;

impl Event {
    /// The name after `article-widget:`.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Mounted { .. } => "mounted",
            Event::Toggle { .. } => "toggle",
            Event::Quote { .. } => "quote",
            Event::CommentsLoading => "comments-loading",
            Event::CommentsLoaded => "comments-loaded",
            Event::CommentsFailed { .. } => "comments-failed",
            Event::Destroyed => "destroyed",
        }
    }

    fn detail(&self) -> js_sys::Object {
        let d = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&d, &k.into(), &v);
        };
        match self {
            Event::Mounted {
                sections,
                key_quotes,
                comments,
            } => {
                set("sections", (*sections as u32).into());
                set("keyQuotes", (*key_quotes as u32).into());
                set("comments", (*comments).into());
            }
            Event::Toggle { id, open } => {
                set("id", id.into());
                set("open", (*open).into());
            }
            Event::Quote { text, speaker } => {
                set("text", text.into());
                set("speaker", speaker.clone().into());
            }
            Event::CommentsFailed { reason } => set("reason", reason.into()),
            Event::CommentsLoading | Event::CommentsLoaded | Event::Destroyed => {}
        }
        d
    }

    /// Sends the event from `root`.
    pub fn send(&self, root: &Element) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&self.detail());
        let name = ["article-widget:", self.name()].concat();
        if let Ok(ev) = CustomEvent::new_with_event_init_dict(&name, &init) {
            let _ = root.dispatch_event(&ev);
        }
    }
}
