//! Options as the caller gives them, checked once into typed [`Settings`].
//!
//! The web layer reads the JavaScript options object into name/value pairs
//! ([`OptionValue`]); everything about what is allowed lives here, so it is tested
//! natively and the messages are the same from every entry point.

use super::{find, number, Error};

/// One option value as read from JavaScript (or a `data-*` attribute).
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    /// `null` or `undefined`: the default.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Str(String),
    /// Anything else, by its JavaScript type name ("object", "array", "function").
    Other(String),
}

impl OptionValue {
    fn describe(&self) -> String {
        match self {
            OptionValue::Null => "null".into(),
            OptionValue::Bool(true) => "the boolean true".into(),
            OptionValue::Bool(false) => "the boolean false".into(),
            OptionValue::Number(n) => describe_number(*n),
            OptionValue::Str(s) => ["the string \"", &clip(s), "\""].concat(),
            OptionValue::Other(t) => ["a value of type ", t].concat(),
        }
    }
}

/// A number in words, without float formatting (which would weigh the module down).
fn describe_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        "an infinite number".into()
    } else if n.fract() == 0.0 && n.abs() < 1e15 {
        let mut out = String::from("the number ");
        number::push_int(&mut out, n as i64);
        out
    } else {
        "a number with a fraction".into()
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Which sections start open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Every section starts collapsed.
    None,
    /// The first section starts open, the others collapsed.
    First,
    /// Every section starts open (collapsible on demand).
    All,
}

/// The widget's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Light or dark as the page is (its background, else its text colour), never
    /// from the reader's system setting alone.
    Auto,
    /// Always the light colours.
    Light,
    /// Always the dark colours.
    Dark,
}

impl Theme {
    /// Whether the widget takes its dark colours on a page whose background (the
    /// first opaque one behind the article) and text colour have these relative
    /// luminances (0 black to 1 white; `None` when transparent all the way up, so
    /// that the canvas shows, whose colour styles do not tell).
    pub fn dark_on(self, background: Option<f32>, text: Option<f32>) -> bool {
        match self {
            Theme::Light => false,
            Theme::Dark => true,
            // A dark background; or, on the bare canvas (dark only where the page
            // asks for it with color-scheme), light text.
            Theme::Auto => match background {
                Some(bg) => bg < 0.2,
                None => text.is_some_and(|t| t > 0.5),
            },
        }
    }
}

/// Where the key-quotes panel goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuotesAt {
    /// After the lead: before the first section's heading (the top when there are no
    /// sections).
    Lead,
    /// At the top of the article (after the contents).
    Top,
    /// At the end of the article.
    End,
    /// Inside the element this selector matches (anywhere in the page).
    Selector(String),
}

/// Where the comment area is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentsSetting {
    /// Find it in the page (`#comments`, `.comments`, `#disqus_thread`, ...).
    Auto,
    /// Leave comments alone.
    Off,
    /// The element that this selector matches.
    Selector(String),
}

/// The checked settings of one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Make collapsible sections.
    pub sections: bool,
    /// Infer headings from bold or short standalone lines when the article has too
    /// few real ones.
    pub infer_headings: bool,
    /// The heading levels that make sections (2 to 6; default 2 to 4).
    pub min_level: u8,
    /// The deepest heading level that makes a section.
    pub max_level: u8,
    /// Which sections start open.
    pub open: OpenMode,
    /// Sections with fewer words than this get no toggle.
    pub min_section_words: usize,
    /// Find quotations and show the key-quotes panel.
    pub quotes: bool,
    /// How many key quotes to show; `None` picks 3 to 5 from the article's length.
    pub max_quotes: Option<usize>,
    /// Where the key-quotes panel goes.
    pub quotes_at: QuotesAt,
    /// Where the comments are.
    pub comments: CommentsSetting,
    /// A script that loads the comment system (instead of the page's parked one).
    pub comments_script: Option<String>,
    /// How near the viewport the comment area must come before comments load, in
    /// CSS pixels.
    pub comments_margin: u32,
    /// Load comments only on an explicit click (no scroll trigger).
    pub comments_on_click: bool,
    /// How long the comment system may take to load before the facade reports a
    /// failure and offers a retry, in milliseconds.
    pub comments_timeout: u32,
    /// A selector of content inside the article to leave alone.
    pub exclude: Option<String>,
    /// A selector of the page's own ad slots, added to the ad networks' markup that
    /// the widget knows (`ads.rs`): never hidden, never article.
    pub ad_slots: Option<String>,
    /// Show a table of contents at the top of the article.
    pub toc: bool,
    /// Remember which sections the reader opened, for this page, in session storage.
    pub remember: bool,
    /// The heading level right under the page's own heading before the article (the
    /// post title): inferred sections and the widget's own headings take it, so that
    /// the page's outline skips no level. Not an option: the web layer reads it.
    pub base_level: u8,
    /// The article's language as the page declares it (`lang` of the root, of its
    /// nearest ancestor that has one, or of `<html>`), lower case (`"fr"`, `"pt-br"`);
    /// empty when the page declares none. Not an option: the web layer reads it.
    pub lang: String,
    /// The widget's colours.
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sections: true,
            infer_headings: true,
            min_level: 2,
            max_level: 4,
            open: OpenMode::First,
            min_section_words: 20,
            quotes: true,
            max_quotes: None,
            quotes_at: QuotesAt::Lead,
            comments: CommentsSetting::Auto,
            comments_script: None,
            comments_margin: 200,
            comments_on_click: false,
            comments_timeout: 15_000,
            exclude: None,
            ad_slots: None,
            toc: true,
            remember: true,
            base_level: 2,
            lang: String::new(),
            theme: Theme::Auto,
        }
    }
}

/// Every option name, in the spelling the caller uses.
pub const OPTION_NAMES: &[&str] = &[
    "sections",
    "inferHeadings",
    "minLevel",
    "maxLevel",
    "open",
    "minSectionWords",
    "quotes",
    "maxQuotes",
    "quotesAt",
    "comments",
    "commentsScript",
    "commentsMargin",
    "commentsOnClick",
    "commentsTimeout",
    "exclude",
    "adSlots",
    "toc",
    "remember",
    "theme",
    "ignoreUnknownOptions",
];

impl Settings {
    /// Checks the caller's options. Unknown names are an error that suggests the
    /// closest known one; `null`/`undefined` values keep the default.
    pub fn from_options(options: &[(String, OptionValue)]) -> Result<Settings, Error> {
        let mut s = Settings::default();
        // `ignoreUnknownOptions: true` lets a caller pass options meant for a newer
        // version (or for its own code) without an error.
        let lenient = options
            .iter()
            .any(|(n, v)| n == "ignoreUnknownOptions" && *v == OptionValue::Bool(true));
        for (name, value) in options {
            let known = OPTION_NAMES.contains(&name.as_str());
            if !known && lenient {
                continue;
            }
            if *value == OptionValue::Null {
                if !known {
                    return Err(unknown(name));
                }
                continue;
            }
            let bad = |expected: &'static str| Error::BadOption {
                name: name.clone(),
                expected,
                got: value.describe(),
            };
            match name.as_str() {
                "sections" => s.sections = boolean(value).ok_or_else(|| bad("a boolean"))?,
                "inferHeadings" => {
                    s.infer_headings = boolean(value).ok_or_else(|| bad("a boolean"))?
                }
                "minLevel" => {
                    s.min_level =
                        int_in(value, 1, 6).ok_or_else(|| bad("a whole number from 1 to 6"))? as u8
                }
                "maxLevel" => {
                    s.max_level =
                        int_in(value, 1, 6).ok_or_else(|| bad("a whole number from 1 to 6"))? as u8
                }
                "open" => {
                    s.open = match value {
                        OptionValue::Str(v) if v == "none" => OpenMode::None,
                        OptionValue::Str(v) if v == "first" => OpenMode::First,
                        OptionValue::Str(v) if v == "all" => OpenMode::All,
                        _ => return Err(bad("\"none\", \"first\" or \"all\"")),
                    }
                }
                "minSectionWords" => {
                    s.min_section_words = int_in(value, 0, 100_000)
                        .ok_or_else(|| bad("a whole number from 0 to 100000"))?
                        as usize
                }
                "quotes" => s.quotes = boolean(value).ok_or_else(|| bad("a boolean"))?,
                "maxQuotes" => {
                    s.max_quotes = Some(
                        int_in(value, 0, 20).ok_or_else(|| bad("a whole number from 0 to 20"))?
                            as usize,
                    )
                }
                "quotesAt" => {
                    s.quotes_at = match value {
                        OptionValue::Str(v) if v == "lead" => QuotesAt::Lead,
                        OptionValue::Str(v) if v == "top" => QuotesAt::Top,
                        OptionValue::Str(v) if v == "end" => QuotesAt::End,
                        OptionValue::Str(v) if !v.trim().is_empty() => {
                            QuotesAt::Selector(v.trim().to_string())
                        }
                        _ => return Err(bad("\"lead\", \"top\", \"end\" or a CSS selector")),
                    }
                }
                "comments" => {
                    s.comments = match value {
                        OptionValue::Bool(false) => CommentsSetting::Off,
                        OptionValue::Bool(true) => CommentsSetting::Auto,
                        OptionValue::Str(sel) if !sel.trim().is_empty() => {
                            CommentsSetting::Selector(sel.trim().to_string())
                        }
                        _ => return Err(bad("a CSS selector string, true or false")),
                    }
                }
                "commentsScript" => match value {
                    OptionValue::Str(url) => s.comments_script = Some(check_script_url(url)?),
                    _ => return Err(bad("an https:// address string")),
                },
                "commentsMargin" => {
                    s.comments_margin = int_in(value, 0, 100_000)
                        .ok_or_else(|| bad("a number of pixels from 0 to 100000"))?
                        as u32
                }
                "commentsOnClick" => {
                    s.comments_on_click = boolean(value).ok_or_else(|| bad("a boolean"))?
                }
                "commentsTimeout" => {
                    s.comments_timeout = int_in(value, 100, 600_000)
                        .ok_or_else(|| bad("a number of milliseconds from 100 to 600000"))?
                        as u32
                }
                "exclude" => match value {
                    OptionValue::Str(sel) if !sel.trim().is_empty() => {
                        s.exclude = Some(sel.trim().to_string())
                    }
                    _ => return Err(bad("a CSS selector string")),
                },
                "adSlots" => match value {
                    OptionValue::Str(sel) if !sel.trim().is_empty() => {
                        s.ad_slots = Some(sel.trim().to_string())
                    }
                    _ => return Err(bad("a CSS selector string")),
                },
                "toc" => s.toc = boolean(value).ok_or_else(|| bad("a boolean"))?,
                "ignoreUnknownOptions" => {
                    boolean(value).ok_or_else(|| bad("a boolean"))?;
                }
                "remember" => s.remember = boolean(value).ok_or_else(|| bad("a boolean"))?,
                "theme" => {
                    s.theme = match value {
                        OptionValue::Str(v) if v == "auto" => Theme::Auto,
                        OptionValue::Str(v) if v == "light" => Theme::Light,
                        OptionValue::Str(v) if v == "dark" => Theme::Dark,
                        _ => return Err(bad("\"auto\", \"light\" or \"dark\"")),
                    }
                }
                _ => return Err(unknown(name)),
            }
        }
        if s.min_level > s.max_level {
            return Err(Error::BadOption {
                name: "minLevel".into(),
                expected: "at most maxLevel",
                got: {
                    let mut got = String::new();
                    number::push_uint(&mut got, s.min_level.into());
                    got.push_str(" with maxLevel ");
                    number::push_uint(&mut got, s.max_level.into());
                    got
                },
            });
        }
        Ok(s)
    }
}

fn boolean(v: &OptionValue) -> Option<bool> {
    match v {
        OptionValue::Bool(b) => Some(*b),
        _ => None,
    }
}

fn int_in(v: &OptionValue, lo: i64, hi: i64) -> Option<i64> {
    match v {
        OptionValue::Number(n) if n.fract() == 0.0 && *n >= lo as f64 && *n <= hi as f64 => {
            Some(*n as i64)
        }
        _ => None,
    }
}

fn unknown(name: &str) -> Error {
    let suggestion = OPTION_NAMES
        .iter()
        .map(|k| {
            (
                edit_distance(&name.to_ascii_lowercase(), &k.to_ascii_lowercase()),
                *k,
            )
        })
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k);
    Error::UnknownOption {
        name: name.chars().take(80).collect(),
        suggestion,
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // The distances from a's first i characters to each of b's prefixes; no index,
    // so no bounds check that could panic.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        // `diag` is the old value left of the cell, `left` the new one.
        let (mut diag, mut left) = (i, i + 1);
        if let Some(first) = row.first_mut() {
            *first = left;
        }
        for (cell, cb) in row.iter_mut().skip(1).zip(&b) {
            let up = *cell;
            *cell = if ca == *cb {
                diag
            } else {
                1 + diag.min(up).min(left)
            };
            (diag, left) = (up, *cell);
        }
    }
    row.last().copied().unwrap_or(0)
}

/// Accepts `https://` addresses, `http://` on the loopback host (development), and
/// same-origin paths; refuses every other scheme (`javascript:`, `data:`, ...).
pub fn check_script_url(url: &str) -> Result<String, Error> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let refused = || Error::BadCommentsUrl { url: clip(u) };
    // Browsers read a backslash as a slash in web addresses: "/\\host/x.js" is
    // another host. No script address needs one.
    if u.is_empty() || u.chars().any(|c| c.is_control() || c == '\\') {
        return Err(refused());
    }
    if let Some(rest) = lower.strip_prefix("https://") {
        return if rest.is_empty() {
            Err(refused())
        } else {
            Ok(u.to_string())
        };
    }
    if let Some(rest) = lower.strip_prefix("http://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                host
            }
        });
        return if matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
            Ok(u.to_string())
        } else {
            Err(refused())
        };
    }
    // A path on the page's own origin: "/x.js", "./x.js", "x.js"; but not "//host"
    // (another origin) and nothing with a scheme.
    let has_scheme = lower
        .split_once(':')
        .is_some_and(|(scheme, _)| !find::has_char(scheme, '/') && !find::has_char(scheme, '?'));
    if lower.starts_with("//") || lower.starts_with("\\") || has_scheme {
        return Err(refused());
    }
    Ok(u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_the_changes() {
        for (a, b, d) in [
            ("kitten", "sitting", 3),
            ("", "abc", 3),
            ("abc", "", 3),
            ("maxquote", "maxquotes", 1),
            ("same", "same", 0),
            ("été", "ete", 2),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }

    fn opts(pairs: &[(&str, OptionValue)]) -> Result<Settings, Error> {
        let v: Vec<(String, OptionValue)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        Settings::from_options(&v)
    }

    #[test]
    fn the_theme_follows_the_page_unless_forced() {
        let s = opts(&[("theme", OptionValue::Str("dark".into()))]).unwrap();
        assert_eq!(s.theme, Theme::Dark);
        assert!(opts(&[("theme", OptionValue::Str("night".into()))]).is_err());
        assert!(opts(&[("theme", OptionValue::Bool(true))]).is_err());
        // A light page stays light, whatever the reader's system says; a dark one
        // turns the widget dark; the bare canvas goes by the text colour.
        assert!(!Theme::Auto.dark_on(Some(0.95), Some(0.02)));
        assert!(Theme::Auto.dark_on(Some(0.01), Some(0.9)));
        assert!(!Theme::Auto.dark_on(None, Some(0.0)));
        assert!(Theme::Auto.dark_on(None, Some(0.8)));
        assert!(!Theme::Auto.dark_on(None, None));
        assert!(Theme::Dark.dark_on(Some(1.0), None));
        assert!(!Theme::Light.dark_on(Some(0.0), None));
    }

    #[test]
    fn defaults_when_empty() {
        assert_eq!(opts(&[]).unwrap(), Settings::default());
    }

    #[test]
    fn typed_values_are_taken() {
        let s = opts(&[
            ("open", OptionValue::Str("all".into())),
            ("maxQuotes", OptionValue::Number(2.0)),
            ("comments", OptionValue::Bool(false)),
            ("exclude", OptionValue::Str(".ad".into())),
            ("maxQuotes", OptionValue::Number(3.0)),
        ])
        .unwrap();
        assert_eq!(s.open, OpenMode::All);
        assert_eq!(s.max_quotes, Some(3));
        assert_eq!(s.comments, CommentsSetting::Off);
        assert_eq!(s.exclude.as_deref(), Some(".ad"));
    }

    #[test]
    fn unknown_option_suggests_the_near_name() {
        let e = opts(&[("maxQuote", OptionValue::Number(2.0))]).unwrap_err();
        assert_eq!(
            e,
            Error::UnknownOption {
                name: "maxQuote".into(),
                suggestion: Some("maxQuotes")
            }
        );
        let e = opts(&[("zzzzzzzzzz", OptionValue::Null)]).unwrap_err();
        assert_eq!(e.code(), "unknown-option");
    }

    #[test]
    fn unknown_options_can_be_let_through() {
        let s = opts(&[
            ("someFutureOption", OptionValue::Number(1.0)),
            ("ignoreUnknownOptions", OptionValue::Bool(true)),
            ("open", OptionValue::Str("none".into())),
        ])
        .unwrap();
        assert_eq!(s.open, OpenMode::None);
        // Known options are still checked.
        let e = opts(&[
            ("ignoreUnknownOptions", OptionValue::Bool(true)),
            ("open", OptionValue::Number(1.0)),
        ]);
        assert_eq!(e.unwrap_err().code(), "bad-option");
    }

    #[test]
    fn wrong_types_name_the_option() {
        let e = opts(&[("sections", OptionValue::Str("yes".into()))]).unwrap_err();
        assert_eq!(e.code(), "bad-option");
        assert!(e.to_string().contains("\"sections\" must be a boolean"));
        let e = opts(&[("maxQuotes", OptionValue::Number(2.5))]).unwrap_err();
        assert!(e.to_string().contains("whole number"));
        let e = opts(&[("open", OptionValue::Other("object".into()))]).unwrap_err();
        assert!(e.to_string().contains("type object"));
        let e = opts(&[
            ("minLevel", OptionValue::Number(5.0)),
            ("maxLevel", OptionValue::Number(3.0)),
        ])
        .unwrap_err();
        assert_eq!(e.code(), "bad-option");
    }

    #[test]
    fn script_urls_must_be_https_or_same_origin() {
        for ok in [
            "https://x.disqus.com/embed.js",
            "/comments.js",
            "./c.js",
            "http://127.0.0.1:8081/comments.js",
            "http://localhost/c.js",
        ] {
            assert!(check_script_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/javascript,alert(1)",
            "http://evil.example/x.js",
            "//evil.example/x.js",
            "http://127.0.0.1.evil.example/x.js",
            "/\\evil.example/x.js",
            "\\\\evil.example/x.js",
            "https://ok.example\\@evil.example/x.js",
            "https://",
            "",
        ] {
            assert_eq!(
                check_script_url(bad).map_err(|e| e.code()),
                Err("bad-comments-url"),
                "{bad}"
            );
        }
    }
}
