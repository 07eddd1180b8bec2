//! The article as the core sees it: a flat list of blocks in reading order.

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
}

/// One block of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text as the page has it (white space not folded; the core folds it).
    pub text: String,
    /// All of its text is bold (`<b>`, `<strong>`, or a font weight of 600 or more).
    pub bold: bool,
    /// All of its text is set larger than the article's body text.
    pub larger: bool,
    /// The id the element already has, if any.
    pub id: Option<String>,
}

impl Block {
    /// A block of `kind` with `text` and no hints.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            bold: false,
            larger: false,
            id: None,
        }
    }

    /// The same block, marked wholly bold.
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The same block, marked as set in larger text.
    pub fn larger(mut self) -> Self {
        self.larger = true;
        self
    }

    /// The same block, with an id of its own.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The number of words in the block.
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Whether this block is running text (where quotations and inferred headings live).
    pub fn is_prose(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Paragraph | BlockKind::Line | BlockKind::ListItem | BlockKind::Quote
        )
    }
}
