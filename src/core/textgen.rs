//! Articles made up from a seed, as real pages have them: every script (Latin with
//! diacritics, Cyrillic, Greek, CJK, Arabic and Hebrew with their direction marks),
//! emoji with joiners, skin tones, flags and tags, combining marks, every style of
//! quotation mark, reporting verbs with odd endings glued to letters of other
//! scripts, names, nested inline markup, lists, runs of short lines and very long
//! lines.
//!
//! The random-article test of `cargo test`, the integration tests and the fuzz target
//! all draw their articles from here, so that what one finds the others replay. The
//! same seed (or the same fuzz input) always gives the same article and settings.

use super::{Block, BlockKind, OpenMode, Settings};

/// A source of choices: a seeded xorshift stream, or a fuzzer's bytes followed by a
/// stream seeded from them (so that a short input still makes a whole article).
#[derive(Clone, Debug)]
pub struct Rng {
    bytes: Vec<u8>,
    pos: usize,
    state: u64,
}

impl Rng {
    /// A stream from a seed (any value; zero is remapped, xorshift needs a set bit).
    pub fn new(seed: u64) -> Rng {
        Rng {
            bytes: Vec::new(),
            pos: 0,
            state: mix(seed),
        }
    }

    /// Choices read from `data`, one byte each (so a fuzzer's mutations move single
    /// decisions), then from a stream seeded by a hash of `data`.
    pub fn from_bytes(data: &[u8]) -> Rng {
        let seed = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Rng {
            bytes: data.to_vec(),
            pos: 0,
            state: mix(seed),
        }
    }

    /// The next raw value.
    pub fn next_u64(&mut self) -> u64 {
        if let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            // Spread the byte so that `below(n)` for small n sees every choice.
            return u64::from(b).wrapping_mul(0x0101_0101_0101_0101) ^ self.state_step();
        }
        self.state_step()
    }

    fn state_step(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `from` (the empty string when `from` is empty).
    pub fn pick(&mut self, from: &[&'static str]) -> &'static str {
        let i = self.below(from.len());
        from.get(i).copied().unwrap_or("")
    }
}

/// Spreads a seed over the state's bits and keeps it non-zero (splitmix64).
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    if z == 0 {
        1
    } else {
        z
    }
}

/// Inline content of a block, as the page's markup nests it.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Text.
    Text(String),
    /// An inline element (`b`, `strong`, `i`, `em`, `a`, `q`, `span`, `sup`, `code`)
    /// around more inline content.
    Tag(&'static str, Vec<Inline>),
}

/// One block of a generated article: its kind, its inline content and its hints.
#[derive(Clone, Debug, PartialEq)]
pub struct GenBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// Its content.
    pub inline: Vec<Inline>,
    /// Set larger than the body text.
    pub larger: bool,
    /// An id of its own.
    pub id: Option<String>,
}

/// A generated article and the settings to plan it with.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The blocks in reading order.
    pub blocks: Vec<GenBlock>,
    /// The settings (often the defaults, sometimes other levels, modes and limits).
    pub settings: Settings,
    /// Ids the rest of the page already uses (some clash with the slugs of the
    /// headings, some with the blocks' own ids).
    pub taken_ids: Vec<String>,
}

impl Article {
    /// The blocks as the web layer would read them: text is the concatenated text of
    /// the inline content, and a block is bold when all its visible text is inside
    /// `b` or `strong`.
    pub fn to_blocks(&self) -> Vec<Block> {
        self.blocks
            .iter()
            .map(|g| {
                let mut text = String::new();
                let mut plain_visible = false;
                let mut any_visible = false;
                flatten(
                    &g.inline,
                    false,
                    &mut text,
                    &mut plain_visible,
                    &mut any_visible,
                );
                let mut b = Block::new(g.kind, text);
                if any_visible && !plain_visible {
                    b = b.bold();
                }
                if g.larger {
                    b = b.larger();
                }
                b.id = g.id.clone();
                b
            })
            .collect()
    }

    /// The article as HTML (text escaped; runs of lines joined by `<br>` in one
    /// paragraph, list items in one list), for tests that load it into a page.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        let mut i = 0;
        let n = self.blocks.len();
        while i < n {
            let Some(g) = self.blocks.get(i) else { break };
            match g.kind {
                BlockKind::Line => {
                    out.push_str("<p>");
                    let mut first = true;
                    while let Some(l) = self.blocks.get(i).filter(|b| b.kind == BlockKind::Line) {
                        if !first {
                            out.push_str("<br>");
                        }
                        first = false;
                        html_inline(&l.inline, &mut out);
                        i += 1;
                    }
                    out.push_str("</p>\n");
                    continue;
                }
                BlockKind::ListItem => {
                    out.push_str("<ul>");
                    while let Some(l) = self.blocks.get(i).filter(|b| b.kind == BlockKind::ListItem)
                    {
                        open_tag("li", l, &mut out);
                        html_inline(&l.inline, &mut out);
                        out.push_str("</li>");
                        i += 1;
                    }
                    out.push_str("</ul>\n");
                    continue;
                }
                _ => {}
            }
            let tag = match g.kind {
                BlockKind::Heading(1) => "h1",
                BlockKind::Heading(2) => "h2",
                BlockKind::Heading(3) => "h3",
                BlockKind::Heading(4) => "h4",
                BlockKind::Heading(5) => "h5",
                BlockKind::Heading(_) => "h6",
                BlockKind::Quote => "blockquote",
                BlockKind::Caption => "figcaption",
                BlockKind::Code => "pre",
                BlockKind::Other => "div",
                _ => "p",
            };
            open_tag(tag, g, &mut out);
            html_inline(&g.inline, &mut out);
            out.push_str("</");
            out.push_str(tag);
            out.push_str(">\n");
            i += 1;
        }
        out
    }
}

fn open_tag(tag: &str, g: &GenBlock, out: &mut String) {
    out.push('<');
    out.push_str(tag);
    if let Some(id) = &g.id {
        out.push_str(" id=\"");
        escape(id, out);
        out.push('"');
    }
    if g.larger {
        out.push_str(" style=\"font-size:1.4em\"");
    }
    out.push('>');
}

fn html_inline(inline: &[Inline], out: &mut String) {
    for part in inline {
        match part {
            Inline::Text(t) => escape(t, out),
            Inline::Tag(tag, inner) => {
                out.push('<');
                out.push_str(tag);
                if *tag == "a" {
                    out.push_str(" href=\"#\"");
                }
                out.push('>');
                html_inline(inner, out);
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
    }
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            // HTML parsing turns NUL and CR into other characters: keep them as the
            // replacement and a newline so the page's text is what `to_blocks` says.
            '\0' => out.push('\u{fffd}'),
            '\r' => out.push('\n'),
            c => out.push(c),
        }
    }
}

fn flatten(
    inline: &[Inline],
    bold: bool,
    text: &mut String,
    plain_visible: &mut bool,
    any_visible: &mut bool,
) {
    for part in inline {
        match part {
            Inline::Text(t) => {
                if t.chars().any(|c| !c.is_whitespace()) {
                    *any_visible = true;
                    if !bold {
                        *plain_visible = true;
                    }
                }
                text.push_str(t);
            }
            Inline::Tag(tag, inner) => {
                let b = bold || matches!(*tag, "b" | "strong");
                flatten(inner, b, text, plain_visible, any_visible);
            }
        }
    }
}

/// Quotation marks in pairs (opening, closing) as languages and keyboards use them.
#[rustfmt::skip]
pub const QUOTE_PAIRS: &[(&str, &str)] = &[
    ("\"", "\""), ("“", "”"), ("‘", "’"), ("«", "»"), ("« ", " »"), ("«\u{a0}", "\u{a0}»"),
    ("«\u{202f}", "\u{202f}»"), ("»", "«"), ("„", "“"), ("„", "”"), ("‚", "‘"), ("‚", "’"),
    ("‹", "›"), ("›", "‹"), ("「", "」"), ("『", "』"), ("''", "''"), ("``", "''"), ("'", "'"),
    ("”", "”"), ("’", "’"), ("‟", "”"), ("‛", "’"), ("〝", "〞"), ("〝", "〟"), ("＂", "＂"),
    ("＇", "＇"), ("❝", "❞"), ("❛", "❜"), ("⹂", "“"), ("﹁", "﹂"), ("﹃", "﹄"), ("《", "》"),
    ("〈", "〉"), ("\u{201c}\u{200f}", "\u{200f}\u{201d}"),
];

/// Every quotation mark on its own, for stray and unbalanced marks.
#[rustfmt::skip]
const MARKS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "''", "'", "`",
    "``", "‟", "‛", "〝", "〞", "〟", "＂", "＇", "❝", "❞", "❛", "❜", "⹂", "﹁", "﹂", "〈", "〉",
    "《", "》", "′", "″",
];

/// Words of many scripts, with the letters that trip byte-based code: several bytes a
/// character, decomposed accents, right-to-left text with its marks.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "the", "a", "of", "and", "to", "in", "we", "will", "not", "be", "going", "back", "There",
    "is", "no", "peace", "without", "justice", "It", "was", "a", "mistake", "people", "war",
    "very", "good", "I", "you", "they", "it's", "don't", "we’re", "U.S.", "Feb.", "No.", "e.g.",
    "1999", "3.5", "50%", "$1,000", "№5", "²", "café", "naïve", "façade", "Zürich", "São",
    "Łódź", "Dvořák", "smörgåsbord", "İstanbul", "ß", "ﬁnance", "Ǆemal", "e\u{301}te\u{301}",
    "A\u{30a}ngstro\u{308}m", "n\u{303}", "Москва", "сказал", "мир", "войны", "не", "будет",
    "Ёлка", "Αθήνα", "είπε", "ειρήνη", "ΟΧΙ", "ς", "ΐ", "東京", "他说", "我们", "和平", "日本語", "漢字",
    "ｶﾀｶﾅ", "ひらがな", "한국어", "한\u{1100}\u{1161}", "قال", "السلام", "محمد",
    "\u{200f}مرحبا\u{200f}", "\u{202b}نص\u{202c}", "\u{2067}عربي\u{2069}", "אמר", "שלום",
    "ירושלים", "\u{200e}עברית\u{200e}", "\u{202e}txet\u{202c}", "हिन्दी", "नमस्ते", "ภาษาไทย",
    "ქართული", "Ελλάδα", "ⲁⲃ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𐍈", "𓀀", "😀", "👍🏽", "👩‍👩‍👧‍👦", "🧑🏿‍🚀", "👨‍❤️‍💋‍👨",
    "🏳️‍🌈", "🏴‍☠️", "🇺🇦", "🇯🇵", "🇺🇸🇬🇧",
    "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", "1️⃣", "#️⃣", "❤️", "☺︎",
    "\u{1f1e6}", "—", "–", "…", "...", "-", "--", "(", ")", "[", "]", "/", "&", "@", "#", "§",
    "¶", "•", "·", "*", "~", ":", ";", "!", "?", "¿", "¡", "‽", "،", "؟", "。", "、", "！", "？",
    "·", "‐", "‑", "\u{ad}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}",
    "\u{fffd}", "\u{fffe}", "\u{ffff}", "\u{e000}", "\u{10ffff}", "\u{0}", "\u{7f}", "\u{85}",
    "\u{1}", "\u{1b}[0m",
];

/// Marks that attach to the character before them, or stand alone where a block or
/// word starts with one.
#[rustfmt::skip]
const COMBINING: &[&str] = &[
    "\u{301}", "\u{300}", "\u{308}", "\u{327}", "\u{30a}", "\u{303}", "\u{20dd}", "\u{fe0f}",
    "\u{fe0e}", "\u{1f3fd}", "\u{e0001}", "\u{94d}", "\u{5b4}", "\u{64b}", "\u{36f}", "\u{489}",
    "\u{200d}", "\u{34f}", "\u{1ab0}",
];

/// Spaces of every width, and none at all.
#[rustfmt::skip]
const SPACES: &[&str] = &[
    " ", " ", " ", " ", " ", "  ", "\u{a0}", "\u{202f}", "\u{2009}", "\u{200a}", "\u{3000}", "\t",
    "\n", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "", "\u{200b}",
];

/// Names as articles give them, in many scripts, with initials, particles and
/// apostrophes.
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "Jane Smith", "Smith", "Pete Hegseth", "Hegseth", "Mr. Hegseth", "Dr. Ümit Özdağ",
    "Zoë Ångström", "José María Aznar", "Jean-Luc Picard", "Conan O'Brien", "D’Angelo",
    "J. R. R. Tolkien", "Martin Luther King Jr.", "Ursula von der Leyen", "Ngô Bảo Châu",
    "Владимир Путин", "Путин", "Володимир Зеленський", "Αλέξης Τσίπρας", "习近平", "習近平", "岸田文雄",
    "김정은", "محمد بن سلمان", "\u{200f}محمد\u{200f}", "בנימין נתניהו", "נתניהו", "Narendra Modi",
    "Nguyễn", "Björk", "Sinéad O’Connor", "ÉMILE ZOLA", "Ōtani", "Lech Wałęsa",
    "Søren Kierkegaard", "Ahmet\u{a0}Davutoğlu", "Zelensky", "Trump", "President Trump",
    "Secretary of State Marco Rubio", "the minister", "a spokesperson", "He", "he", "She",
    "she", "They", "they", "It", "我", "他", "она", "هو", "הוא",
];

/// Roles that go with names ("Jane Smith, the minister of X, said").
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "the minister of defence", "a spokesperson for the ministry", "the president of Ukraine",
    "министр иностранных дел", "外交部发言人", "وزير الخارجية", "שר החוץ", "CEO of Ünïcorn",
    "chair of the committee", "the head of 東京 office", "a senior official",
];

/// Reporting verbs, and the same verbs with odd endings glued to letters of other
/// scripts, as pasted text and bad OCR give them.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "said", "says", "told reporters", "added", "noted", "wrote", "asked", "replied",
    "explained", "insisted", "warned", "according to", "tweeted", "stated", "argued",
    "said on Monday", "said in a statement", "told CNN", "sagte", "a déclaré", "dijo", "сказал",
    "заявил", "είπε", "说", "は言った", "قال", "אמר", "said:", "says,", "人ed", "saidé", "saíd",
    "said\u{301}", "sayś", "s", "ed", "'s", "’d", "ed.", "said人", "人said", "said😀",
    "said\u{200d}", "said\u{200f}", "told人", "addedе", "noted\u{308}", "Said", "SAID", "SAYS",
    "said—", "said…", "sai\u{0}d", "said\u{ad}", "said\u{fe0f}", "adds", "add", "ask", "told",
    "tell", "say", "sayed", "saidd", "ssaid",
];

/// Inline elements that nest in running text.
#[rustfmt::skip]
const INLINE_TAGS: &[&str] = &["b", "strong", "i", "em", "a", "q", "span", "sup", "code"];

/// Short standalone lines that look like sub-headings.
#[rustfmt::skip]
const HEADINGS: &[&str] = &[
    "Background", "What happens next", "Shifting U.S. Stance on Ukraine", "A Path to Peace?",
    "Контекст", "Ιστορικό", "背景", "خلفية", "רקע", "Über Größe", "Café ☕", "🇺🇦 Ukraine", "#",
    "¶", "Current status #", "?!", "", "\u{200b}", "Q&A", "“Quoted” heading", "Section 2",
    "Section 2", "contents", "TL;DR", "e\u{301}", "\u{301}",
];

/// Ids that pages already use, some clashing with slugs or each other.
#[rustfmt::skip]
const IDS: &[&str] = &[
    "background", "section", "contents", "section-2", "a", "a", "背景", "x y", "", "\u{200f}",
    "comments", "top", "1", "é",
];

/// Makes the article for `seed`.
pub fn article(seed: u64) -> Article {
    generate(&mut Rng::new(seed))
}

/// Makes an article from a fuzzer's bytes.
pub fn article_from_bytes(data: &[u8]) -> Article {
    generate(&mut Rng::from_bytes(data))
}

/// Makes an article, drawing every choice from `rng`.
pub fn generate(rng: &mut Rng) -> Article {
    let settings = settings(rng);
    let mut blocks = Vec::new();
    let n = match rng.below(10) {
        0 => 1,
        1..=6 => 2 + rng.below(14),
        7 | 8 => 16 + rng.below(40),
        _ => 60 + rng.below(60),
    };
    while blocks.len() < n {
        match rng.below(20) {
            // A real heading, any level.
            0 | 1 => blocks.push(GenBlock {
                kind: BlockKind::Heading(1 + rng.below(6) as u8),
                inline: heading_text(rng),
                larger: rng.chance(20),
                id: own_id(rng),
            }),
            // A bold or larger short line that may be inferred as a heading.
            2 | 3 => {
                let text = heading_text(rng);
                let inline = if rng.chance(70) {
                    vec![Inline::Tag(pick_bold(rng), text)]
                } else {
                    text
                };
                blocks.push(GenBlock {
                    kind: if rng.chance(50) {
                        BlockKind::Paragraph
                    } else {
                        BlockKind::Line
                    },
                    inline,
                    larger: rng.chance(30),
                    id: own_id(rng),
                });
            }
            // A run of short lines (a body split by <br>), some empty.
            4 | 5 => {
                for _ in 0..1 + rng.below(12) {
                    let inline = if rng.chance(20) {
                        vec![Inline::Text(rng.pick(SPACES).to_string())]
                    } else {
                        {
                            let k = 1 + rng.below(6);
                            sentence(rng, k)
                        }
                    };
                    blocks.push(plain(BlockKind::Line, inline));
                }
            }
            // A list.
            6 => {
                for _ in 0..1 + rng.below(8) {
                    blocks.push(plain(BlockKind::ListItem, {
                        let k = 1 + rng.below(2);
                        sentences(rng, k)
                    }));
                }
            }
            7 => blocks.push(plain(BlockKind::Quote, {
                let k = 1 + rng.below(3);
                sentences(rng, k)
            })),
            8 => blocks.push(plain(BlockKind::Caption, {
                let k = 1 + rng.below(10);
                sentence(rng, k)
            })),
            9 => blocks.push(plain(BlockKind::Code, {
                let k = 1 + rng.below(80);
                garbage(rng, k)
            })),
            10 => blocks.push(plain(BlockKind::Other, {
                let k = 1 + rng.below(3);
                sentences(rng, k)
            })),
            // A very long line: one "word" of thousands of characters, or thousands of
            // words with no sentence end.
            11 => blocks.push(plain(BlockKind::Paragraph, long_line(rng))),
            // A paragraph that opens a quotation it closes paragraphs later (or never).
            12 => {
                let (open, _) = pair(rng);
                let mut inline = vec![Inline::Text(open.to_string())];
                inline.extend({
                    let k = 1 + rng.below(3);
                    sentences(rng, k)
                });
                blocks.push(plain(BlockKind::Paragraph, inline));
            }
            // An empty or blank block.
            13 => blocks.push(plain(
                BlockKind::Paragraph,
                vec![Inline::Text(rng.pick(SPACES).to_string())],
            )),
            // Running text.
            _ => blocks.push(plain(BlockKind::Paragraph, {
                let k = 1 + rng.below(6);
                sentences(rng, k)
            })),
        }
    }
    let taken_ids = (0..rng.below(6))
        .map(|_| rng.pick(IDS).to_string())
        .collect();
    Article {
        blocks,
        settings,
        taken_ids,
    }
}

/// A stretch of the generator's text of about `n` words (quotations, names, verbs,
/// every script and mark), without markup: for option values, titles and ids.
pub fn text(rng: &mut Rng, n: usize) -> String {
    let mut out = String::new();
    let mut bold = false;
    let mut any = false;
    flatten(&sentence(rng, n), false, &mut out, &mut bold, &mut any);
    out
}

fn plain(kind: BlockKind, inline: Vec<Inline>) -> GenBlock {
    GenBlock {
        kind,
        inline,
        larger: false,
        id: None,
    }
}

fn pick_bold(rng: &mut Rng) -> &'static str {
    if rng.chance(50) {
        "b"
    } else {
        "strong"
    }
}

fn own_id(rng: &mut Rng) -> Option<String> {
    rng.chance(25).then(|| rng.pick(IDS).to_string())
}

/// Settings: mostly the defaults, sometimes other levels, modes and limits.
fn settings(rng: &mut Rng) -> Settings {
    let mut s = Settings::default();
    if rng.chance(70) {
        return s;
    }
    s.sections = !rng.chance(10);
    s.quotes = !rng.chance(10);
    s.infer_headings = !rng.chance(20);
    let a = 1 + rng.below(6) as u8;
    let b = 1 + rng.below(6) as u8;
    s.min_level = a.min(b);
    s.max_level = a.max(b);
    s.base_level = 1 + rng.below(6) as u8;
    s.open = match rng.below(3) {
        0 => OpenMode::None,
        1 => OpenMode::First,
        _ => OpenMode::All,
    };
    s.min_section_words = match rng.below(4) {
        0 => 0,
        1 => 1,
        2 => 20,
        _ => 100_000,
    };
    s.max_quotes = match rng.below(4) {
        0 => None,
        1 => Some(0),
        2 => Some(1 + rng.below(5)),
        _ => Some(20),
    };
    s
}

fn pair(rng: &mut Rng) -> (&'static str, &'static str) {
    let i = rng.below(QUOTE_PAIRS.len());
    QUOTE_PAIRS.get(i).copied().unwrap_or(("\"", "\""))
}

fn heading_text(rng: &mut Rng) -> Vec<Inline> {
    if rng.chance(60) {
        let mut t = rng.pick(HEADINGS).to_string();
        if rng.chance(20) {
            t.push_str(rng.pick(COMBINING));
        }
        vec![Inline::Text(t)]
    } else {
        {
            let k = 1 + rng.below(7);
            sentence(rng, k)
        }
    }
}

/// A word, sometimes with a combining mark, a joiner or a direction mark glued on.
fn word(rng: &mut Rng) -> String {
    let mut w = rng.pick(WORDS).to_string();
    match rng.below(12) {
        0 => w.push_str(rng.pick(COMBINING)),
        1 => w.insert_str(0, rng.pick(COMBINING)),
        2 => {
            // Zalgo: a stack of marks.
            for _ in 0..1 + rng.below(20) {
                w.push_str(rng.pick(COMBINING));
            }
        }
        3 => {
            w.push_str(rng.pick(&["\u{200d}", "\u{200f}", "\u{200e}", "\u{2066}", "\u{2069}"]));
            w.push_str(rng.pick(WORDS));
        }
        _ => {}
    }
    w
}

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push_str(if rng.chance(85) {
                " "
            } else {
                rng.pick(SPACES)
            });
        }
        s.push_str(&word(rng));
    }
    s
}

fn space(rng: &mut Rng) -> &'static str {
    if rng.chance(80) {
        " "
    } else {
        rng.pick(SPACES)
    }
}

fn end_mark(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        ".", ".", ",", "!", "?", "…", "。", "؟", "", ":", ";", "—", ".”", "?!",
    ])
}

/// An attribution: a name or pronoun, maybe a role, and a reporting verb, in either
/// order.
fn attribution(rng: &mut Rng) -> String {
    let name = rng.pick(NAMES);
    let verb = rng.pick(VERBS);
    let mut s = String::new();
    if rng.chance(70) {
        s.push_str(name);
        if rng.chance(25) {
            s.push_str(", ");
            s.push_str(rng.pick(ROLES));
            s.push(',');
        }
        s.push_str(space(rng));
        s.push_str(verb);
    } else {
        s.push_str(verb);
        s.push_str(space(rng));
        s.push_str(name);
    }
    s
}

/// One sentence of about `n` words: plain, quoted with an attribution before, after
/// or in the middle, a scare quote, or unbalanced marks.
fn sentence(rng: &mut Rng, n: usize) -> Vec<Inline> {
    let (open, close) = pair(rng);
    let mut t = String::new();
    match rng.below(9) {
        // “Words,” Name said.
        0 | 1 => {
            t.push_str(open);
            t.push_str(&words(rng, n));
            t.push_str(rng.pick(&[",", ".", "", "!", "?", "…", "，", "。"]));
            t.push_str(close);
            t.push_str(space(rng));
            t.push_str(&attribution(rng));
            t.push_str(end_mark(rng));
        }
        // Name said: “Words.”
        2 => {
            t.push_str(&attribution(rng));
            t.push_str(rng.pick(&[": ", ", ", " ", ":", "：", "\u{a0}: "]));
            t.push_str(open);
            t.push_str(&words(rng, n));
            t.push_str(end_mark(rng));
            t.push_str(close);
        }
        // “Part one,” Name said, “part two.”
        3 => {
            let (open2, close2) = if rng.chance(80) {
                (open, close)
            } else {
                pair(rng)
            };
            t.push_str(open);
            t.push_str(&words(rng, n));
            t.push(',');
            t.push_str(close);
            t.push(' ');
            t.push_str(&attribution(rng));
            t.push_str(", ");
            t.push_str(open2);
            t.push_str(&{
                let k = 1 + rng.below(8);
                words(rng, k)
            });
            t.push_str(end_mark(rng));
            t.push_str(close2);
        }
        // A scare quote or a title.
        4 => {
            t.push_str(&words(rng, n));
            t.push(' ');
            t.push_str(open);
            t.push_str(&word(rng));
            t.push_str(close);
            t.push_str(space(rng));
            t.push_str(&{
                let k = 1 + rng.below(4);
                words(rng, k)
            });
            t.push_str(end_mark(rng));
        }
        // Stray, unbalanced and doubled marks.
        5 => {
            for _ in 0..n {
                if rng.chance(40) {
                    t.push_str(rng.pick(MARKS));
                }
                t.push_str(&word(rng));
                t.push_str(space(rng));
            }
        }
        // A mark right against a word of another script or an emoji, no spaces.
        6 => {
            t.push_str(rng.pick(MARKS));
            t.push_str(&word(rng));
            t.push_str(rng.pick(MARKS));
            t.push_str(rng.pick(VERBS));
            t.push_str(rng.pick(MARKS));
        }
        // A plain sentence with a name and role.
        7 => {
            t.push_str(rng.pick(NAMES));
            t.push_str(", ");
            t.push_str(rng.pick(ROLES));
            t.push_str(", ");
            t.push_str(&words(rng, n));
            t.push_str(end_mark(rng));
        }
        _ => {
            t.push_str(&words(rng, n));
            t.push_str(end_mark(rng));
        }
    }
    markup(rng, t)
}

/// Wraps parts of `text` in nested inline elements, cutting only at character
/// boundaries (the generator's own text, so `char_indices` gives safe cuts).
fn markup(rng: &mut Rng, text: String) -> Vec<Inline> {
    if !rng.chance(30) {
        return vec![Inline::Text(text)];
    }
    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let a = cuts.get(rng.below(cuts.len())).copied().unwrap_or(0);
    let b = cuts.get(rng.below(cuts.len())).copied().unwrap_or(0);
    let (a, b) = (a.min(b), a.max(b));
    let (Some(head), Some(mid), Some(tail)) = (text.get(..a), text.get(a..b), text.get(b..)) else {
        return vec![Inline::Text(text)];
    };
    let mut inner = vec![Inline::Text(mid.to_string())];
    for _ in 0..1 + rng.below(3) {
        inner = vec![Inline::Tag(rng.pick(INLINE_TAGS), inner)];
    }
    vec![
        Inline::Text(head.to_string()),
        Inline::Tag(rng.pick(INLINE_TAGS), inner),
        Inline::Text(tail.to_string()),
    ]
}

fn sentences(rng: &mut Rng, n: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    for i in 0..n {
        if i > 0 {
            out.push(Inline::Text(space(rng).to_string()));
        }
        out.extend({
            let k = 1 + rng.below(25);
            sentence(rng, k)
        });
    }
    out
}

/// Characters of every pool, with no structure at all.
fn garbage(rng: &mut Rng, n: usize) -> Vec<Inline> {
    let mut t = String::new();
    for _ in 0..n {
        t.push_str(match rng.below(5) {
            0 => rng.pick(MARKS),
            1 => rng.pick(COMBINING),
            2 => rng.pick(SPACES),
            3 => rng.pick(VERBS),
            _ => rng.pick(WORDS),
        });
    }
    vec![Inline::Text(t)]
}

fn long_line(rng: &mut Rng) -> Vec<Inline> {
    let mut t = String::new();
    match rng.below(4) {
        // One word of thousands of characters.
        0 => {
            let w = rng.pick(WORDS);
            for _ in 0..1000 + rng.below(3000) {
                t.push_str(w);
            }
        }
        // Thousands of words with no sentence end, quotation marks here and there.
        1 => {
            for _ in 0..500 + rng.below(1500) {
                t.push_str(&word(rng));
                t.push(' ');
                if rng.chance(3) {
                    t.push_str(rng.pick(MARKS));
                }
            }
        }
        // A quotation that opens and never closes, thousands of words long.
        2 => {
            t.push_str(pair(rng).0);
            for _ in 0..500 + rng.below(1500) {
                t.push_str(&word(rng));
                t.push(' ');
            }
        }
        // Hundreds of quotations in one line.
        _ => {
            for _ in 0..100 + rng.below(200) {
                let (o, c) = pair(rng);
                t.push_str(o);
                t.push_str(&{
                    let k = 1 + rng.below(4);
                    words(rng, k)
                });
                t.push_str(c);
                t.push(' ');
                t.push_str(&attribution(rng));
                t.push_str(". ");
            }
        }
    }
    vec![Inline::Text(t)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_article() {
        assert_eq!(article(7), article(7));
        assert_ne!(article(7).blocks, article(8).blocks);
        assert_eq!(article_from_bytes(b"abc"), article_from_bytes(b"abc"));
    }

    #[test]
    fn bytes_drive_the_first_choices_then_a_stream() {
        let mut r = Rng::from_bytes(&[1, 2]);
        let a = r.next_u64();
        let mut s = Rng::from_bytes(&[9, 2]);
        assert_ne!(a, s.next_u64());
        // Past the bytes the stream goes on.
        let _ = (r.next_u64(), r.next_u64(), r.next_u64());
        assert_eq!(Rng::new(0).below(0), 0);
    }

    #[test]
    fn blocks_are_bold_only_when_all_visible_text_is() {
        let art = Article {
            blocks: vec![
                GenBlock {
                    kind: BlockKind::Line,
                    inline: vec![
                        Inline::Text(" ".into()),
                        Inline::Tag(
                            "strong",
                            vec![Inline::Tag("i", vec![Inline::Text("Zoë".into())])],
                        ),
                    ],
                    larger: false,
                    id: None,
                },
                plain(
                    BlockKind::Paragraph,
                    vec![
                        Inline::Tag("b", vec![Inline::Text("人".into())]),
                        Inline::Text("ed".into()),
                    ],
                ),
            ],
            settings: Settings::default(),
            taken_ids: Vec::new(),
        };
        let b = art.to_blocks();
        assert_eq!(b[0].text, " Zoë");
        assert!(b[0].is_bold());
        assert_eq!(b[1].text, "人ed");
        assert!(!b[1].is_bold());
    }

    #[test]
    fn html_escapes_text_and_joins_lines_and_items() {
        let art = Article {
            blocks: vec![
                plain(BlockKind::Line, vec![Inline::Text("<b>&".into())]),
                plain(BlockKind::Line, vec![Inline::Text("«x»".into())]),
                plain(BlockKind::ListItem, vec![Inline::Text("一".into())]),
                plain(BlockKind::Heading(2), vec![Inline::Text("\"t\"".into())]),
            ],
            settings: Settings::default(),
            taken_ids: Vec::new(),
        };
        assert_eq!(
            art.to_html(),
            "<p>&lt;b&gt;&amp;<br>«x»</p>\n<ul><li>一</li></ul>\n<h2>&quot;t&quot;</h2>\n"
        );
    }

    #[test]
    fn articles_hold_every_kind_of_hard_text() {
        let mut all = String::new();
        for seed in 0..200 {
            for b in article(seed).to_blocks() {
                all.push_str(&b.text);
                all.push('\n');
            }
        }
        for needle in [
            "人ed", "saidé", "«", "「", "„", "‹", "\u{200d}", "\u{301}", "🇺🇦", "\u{200f}",
        ] {
            assert!(all.contains(needle), "no {needle:?} in 200 articles");
        }
    }
}
