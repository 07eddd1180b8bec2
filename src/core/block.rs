//! The article as the core sees it: a flat list of blocks in reading order.
//!
//! The web layer reports what it measures (kind, text, font weight, size against the
//! body text, how much of the text is link text, the class/id/role/tag names around
//! the block); the core decides what that means (a heading, a plugin box).

/// What kind of thing a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A real heading element (`h1` to `h6`), with its level.
    Heading(u8),
    /// A paragraph, or a block-level element that holds only text.
    Paragraph,
    /// A line of a text run split by line breaks (`<br>`), as Blogger bodies often are.
    Line,
    /// A block quotation.
    Quote,
    /// An item of a list.
    ListItem,
    /// A figure, an image or its caption.
    Caption,
    /// Code or preformatted text.
    Code,
    /// Anything else with text (a table, an embed, a form).
    Other,
    /// An ad slot (see `ads.rs`): never article, never hidden.
    Ad,
}

/// One block of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text as the page has it (white space not folded; the core folds it).
    pub text: String,
    /// The lightest font weight of its text (100 to 900; `<b>` is usually 700), or 0
    /// when the reader did not measure it (long blocks are not measured).
    pub weight: u16,
    /// Its smallest font size divided by the body text's size, the size that carries
    /// most of the article's words (1.0 is body text; 0.0 when not measured).
    pub size: f32,
    /// The share of its visible characters that are link text (0.0 to 1.0).
    pub links: f32,
    /// The class names, ids, roles and tag names of the elements around it inside
    /// the article and of its own element, space-separated, as the page has them
    /// (`"div sharedaddy sd-sharing-enabled h3 sd-title"`): the core tells plugin
    /// boxes by them.
    pub marks: String,
    /// The id the element already has, if any.
    pub id: Option<String>,
    /// How many words `text` has, counted once: the rules ask for it again and again.
    /// (The text is set when the block is made and not changed after.)
    words: usize,
}

/// The weight from which text reads as bold (CSS `600`, semibold).
pub const BOLD_WEIGHT: u16 = 600;

/// The size ratio from which text reads as larger than the body text.
pub const LARGER_SIZE: f32 = 1.15;

impl Block {
    /// A block of `kind` with `text` and no hints.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        let text: String = text.into();
        Block {
            kind,
            words: text.split_whitespace().count(),
            text,
            weight: 0,
            size: 0.0,
            links: 0.0,
            marks: String::new(),
            id: None,
        }
    }

    /// The same block, set in bold (weight 700).
    pub fn bold(mut self) -> Self {
        self.weight = 700;
        self
    }

    /// The same block, set a quarter larger than the body text.
    pub fn larger(mut self) -> Self {
        self.size = 1.25;
        self
    }

    /// The same block, with these class/id/role/tag names around it.
    pub fn marked(mut self, marks: impl Into<String>) -> Self {
        self.marks = marks.into();
        self
    }

    /// The same block, with this share of link text.
    pub fn linked(mut self, share: f32) -> Self {
        self.links = share;
        self
    }

    /// The same block, with an id of its own.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Whether all of its text is bold.
    pub fn is_bold(&self) -> bool {
        self.weight >= BOLD_WEIGHT
    }

    /// Whether all of its text is set larger than the body text.
    pub fn is_larger(&self) -> bool {
        self.size >= LARGER_SIZE
    }

    /// The number of words in the block.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The number of words, counted up to `n + 1` only: enough to compare with `n`
    /// without walking a long paragraph to its end.
    pub fn words_upto(&self, n: usize) -> usize {
        self.words.min(n + 1)
    }

    /// Whether this block is running text (where quotations and inferred headings live).
    pub fn is_prose(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Paragraph | BlockKind::Line | BlockKind::ListItem | BlockKind::Quote
        )
    }
}

/// The blocks of a page as one text, one block a line, for fixtures that let native
/// tests check what the browser reader saw (`tests/fixtures/corpus/*/blocks*.txt`):
/// `kind <TAB> weight <TAB> size <TAB> links <TAB> id <TAB> marks <TAB> text`, with
/// white space in the text folded (size and links in hundredths).
#[doc(hidden)]
pub mod fixture {
    use super::{Block, BlockKind};

    fn kind_name(k: BlockKind) -> String {
        match k {
            BlockKind::Heading(l) => ["h", &l.to_string()].concat(),
            BlockKind::Paragraph => "p".into(),
            BlockKind::Line => "line".into(),
            BlockKind::Quote => "quote".into(),
            BlockKind::ListItem => "li".into(),
            BlockKind::Caption => "caption".into(),
            BlockKind::Code => "code".into(),
            BlockKind::Other => "other".into(),
            BlockKind::Ad => "ad".into(),
        }
    }

    fn clean(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// One block as a line. `extra` goes in a last column (the dump's gold level).
    pub fn to_line(b: &Block, extra: &str) -> String {
        [
            kind_name(b.kind),
            b.weight.to_string(),
            // Two decimals are all the decisions look at.
            ((b.size * 100.0).round() as i32).to_string(),
            ((b.links * 100.0).round() as i32).to_string(),
            clean(b.id.as_deref().unwrap_or("")),
            clean(&b.marks),
            clean(&b.text),
            extra.to_string(),
        ]
        .join("\t")
    }

    /// A line back into a block and its last column; `None` when it is malformed.
    pub fn from_line(line: &str) -> Option<(Block, String)> {
        let mut cols = line.split('\t');
        let kind = match cols.next()? {
            "p" => BlockKind::Paragraph,
            "line" => BlockKind::Line,
            "quote" => BlockKind::Quote,
            "li" => BlockKind::ListItem,
            "caption" => BlockKind::Caption,
            "code" => BlockKind::Code,
            "other" => BlockKind::Other,
            "ad" => BlockKind::Ad,
            h => BlockKind::Heading(h.strip_prefix('h')?.parse().ok()?),
        };
        let weight = cols.next()?.parse().ok()?;
        let size = cols.next()?.parse::<f32>().ok()? / 100.0;
        let links = cols.next()?.parse::<f32>().ok()? / 100.0;
        let id = Some(cols.next()?.to_string()).filter(|s| !s.is_empty());
        let marks = cols.next()?.to_string();
        let text = cols.next()?.to_string();
        let extra = cols.next().unwrap_or("").to_string();
        Some((
            Block {
                kind,
                words: text.split_whitespace().count(),
                text,
                weight,
                size,
                links,
                marks,
                id,
            },
            extra,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_are_numbers_and_thresholds() {
        let b = Block::new(BlockKind::Paragraph, "x");
        assert!(!b.is_bold() && !b.is_larger());
        let mut semi = b.clone();
        semi.weight = 600;
        assert!(semi.is_bold());
        semi.weight = 500;
        assert!(!semi.is_bold());
        let mut big = b.clone();
        big.size = 1.1;
        assert!(!big.is_larger());
        big.size = 1.2;
        assert!(big.is_larger());
    }

    #[test]
    fn fixture_lines_round_trip() {
        let b = Block::new(BlockKind::Heading(3), "Tab\there\nand there")
            .bold()
            .larger()
            .linked(0.5)
            .marked("div sharedaddy")
            .with_id("x");
        let line = fixture::to_line(&b, "2");
        let (back, extra) = fixture::from_line(&line).unwrap();
        assert_eq!(extra, "2");
        assert_eq!(back.text, "Tab here and there");
        assert_eq!((back.kind, back.weight, back.size), (b.kind, 700, 1.25));
        assert_eq!((back.links, back.marks.as_str()), (0.5, "div sharedaddy"));
        assert_eq!(back.id.as_deref(), Some("x"));
        assert!(fixture::from_line("h\tx").is_none());
    }
}
