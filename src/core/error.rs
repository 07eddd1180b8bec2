//! The one error type of the widget: a stable code for programs and a message for
//! people that names the bad input and the fix.

use std::fmt;

/// Why the widget refused to mount or analyze. Nothing in the page has changed when
/// one of these is returned.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The root selector matched nothing.
    RootNotFound {
        /// The selector that was given.
        selector: String,
    },
    /// The root was neither an Element nor a CSS selector string.
    RootNotElement {
        /// What was given instead (its JavaScript type).
        got: String,
    },
    /// A selector (the root's or an option's) is not valid CSS.
    BadSelector {
        /// Which input held it.
        name: String,
        /// The selector.
        selector: String,
    },
    /// The options name something the widget does not know (often a typo).
    UnknownOption {
        /// The unknown name.
        name: String,
        /// The closest known name, if one is close.
        suggestion: Option<&'static str>,
    },
    /// An option has a value of the wrong type or out of range.
    BadOption {
        /// The option's name.
        name: String,
        /// What it takes.
        expected: &'static str,
        /// What it got.
        got: String,
    },
    /// The options were not an object.
    BadOptions {
        /// What was given instead.
        got: String,
    },
    /// The widget is already mounted on this root.
    AlreadyMounted,
    /// The root holds no text to work on.
    EmptyArticle,
    /// A comments script address that is neither https nor same-origin.
    BadCommentsUrl {
        /// The address given.
        url: String,
    },
    /// There is no document to work in (in Node, no DOM has been set up).
    NoDocument,
    /// The page changed under the widget while it was applying its plan; what it had
    /// done was put back.
    DomError {
        /// What the DOM said.
        what: String,
    },
    /// Something the widget relies on failed where it cannot in a working page: a bug
    /// in the widget or a broken DOM. The JavaScript entry gives this code to traps too.
    Internal {
        /// What failed.
        what: String,
    },
}

impl Error {
    /// The stable code, set as the `code` property of the JavaScript error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::RootNotFound { .. } => "root-not-found",
            Error::RootNotElement { .. } => "root-not-element",
            Error::BadSelector { .. } => "bad-selector",
            Error::UnknownOption { .. } => "unknown-option",
            Error::BadOption { .. } => "bad-option",
            Error::BadOptions { .. } => "bad-options",
            Error::AlreadyMounted => "already-mounted",
            Error::EmptyArticle => "empty-article",
            Error::BadCommentsUrl { .. } => "bad-comments-url",
            Error::NoDocument => "no-document",
            Error::DomError { .. } => "dom-error",
            Error::Internal { .. } => "internal-error",
        }
    }

    /// Every code the widget's `mount`, `analyze` and `prepareMount` throw, with when,
    /// in the words of the README's table. The package's JavaScript list and its
    /// TypeScript union are made from this one (`examples/error_codes.rs`, run by the
    /// package build), so they cannot drift from the Rust errors.
    pub const CODES: &'static [(&'static str, &'static str)] = &[
        ("root-not-found", "The root selector matches nothing."),
        ("root-not-element", "The root is neither an Element nor a string."),
        ("bad-selector", "The root, `comments` or `exclude` selector is not valid CSS."),
        ("bad-options", "The options are not an object."),
        ("unknown-option", "An option name the widget does not know."),
        ("bad-option", "An option of the wrong type or out of range."),
        ("already-mounted", "A widget is mounted on that root, or on an element around or inside it, already."),
        ("empty-article", "The root holds no text."),
        ("bad-comments-url", "`commentsScript` is neither https nor same-origin."),
        ("dom-error", "The page changed under the widget while mounting; it was put back."),
        ("no-document", "There is no document to work in (in Node: set up jsdom or happy-dom first)."),
        ("internal-error", "A failure that is not one of the above (a trap or an exception from the page): a bug; its `cause` is what was thrown."),
    ];
}

impl Error {
    /// The message for people, as the JavaScript error's `message`. Built by pushing
    /// strings, not with `write!`: the shipped module carries no formatting machinery.
    pub fn message(&self) -> String {
        let parts: &[&str] = match self {
            Error::RootNotFound { selector } => &[
                "no element matches the root selector \"",
                selector,
                "\"; pass an Element or a selector that matches the article body",
            ],
            Error::RootNotElement { got } => &[
                "the root must be an Element or a CSS selector string, not ",
                got,
            ],
            Error::BadSelector { name, selector } => &[
                name,
                " \"",
                selector,
                "\" is not a valid CSS selector; check its syntax",
            ],
            Error::UnknownOption { name, suggestion } => match suggestion {
                Some(s) => &["unknown option \"", name, "\"; did you mean \"", s, "\"?"],
                None => &["unknown option \"", name, "\"; see the README for the options"],
            },
            Error::BadOption { name, expected, got } => {
                &["option \"", name, "\" must be ", expected, ", not ", got]
            }
            Error::BadOptions { got } => &["options must be an object, not ", got],
            Error::AlreadyMounted => &[
                "a widget is already mounted on this element, or on one around or inside it; call destroy() on that one first",
            ],
            Error::EmptyArticle => &[
                "the article holds no text; point the root at the element that holds the post body",
            ],
            Error::BadCommentsUrl { url } => &[
                "comments script \"",
                url,
                "\" is refused: use an https:// address or a same-origin path",
            ],
            Error::NoDocument => &[
                "there is no document to work in; run it in a page, or in Node set up jsdom or happy-dom first and pass the root as an Element",
            ],
            Error::DomError { what } => &[
                "the page could not be changed (",
                what,
                "); it was left as it was",
            ],
            Error::Internal { what } => &[
                "internal error (",
                what,
                "); the page was left as it was, please report it",
            ],
        };
        let mut out = String::from("article-widget: ");
        for part in parts {
            out.push_str(part);
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_input_and_the_fix() {
        let e = Error::RootNotFound {
            selector: "#post".into(),
        };
        assert_eq!(e.code(), "root-not-found");
        assert!(e.to_string().contains("\"#post\""));
        let e = Error::UnknownOption {
            name: "maxQuote".into(),
            suggestion: Some("maxQuotes"),
        };
        assert!(e.to_string().contains("did you mean \"maxQuotes\""));
    }

    /// One error of each kind: the list of codes is this list's, no more, no fewer.
    #[test]
    fn every_error_has_one_listed_code() {
        let s = String::new;
        let all = [
            Error::RootNotFound { selector: s() },
            Error::RootNotElement { got: s() },
            Error::BadSelector {
                name: s(),
                selector: s(),
            },
            Error::BadOptions { got: s() },
            Error::UnknownOption {
                name: s(),
                suggestion: None,
            },
            Error::BadOption {
                name: s(),
                expected: "",
                got: s(),
            },
            Error::AlreadyMounted,
            Error::EmptyArticle,
            Error::BadCommentsUrl { url: s() },
            Error::DomError { what: s() },
            Error::NoDocument,
            Error::Internal { what: s() },
        ];
        let mut codes: Vec<&str> = all.iter().map(Error::code).collect();
        let listed: Vec<&str> = Error::CODES.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, listed, "Error::CODES and the errors differ");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "two errors share a code");
        assert!(Error::CODES.iter().all(|(_, when)| when.ends_with('.')));
    }

    #[test]
    fn a_missing_document_says_how_to_set_one_up() {
        let e = Error::NoDocument;
        assert_eq!(e.code(), "no-document");
        assert!(e.to_string().contains("jsdom or happy-dom"));
        let e = Error::Internal {
            what: "the document could not create a <p> element".into(),
        };
        assert_eq!(e.code(), "internal-error");
        assert!(e.to_string().contains("<p>"));
    }
}
