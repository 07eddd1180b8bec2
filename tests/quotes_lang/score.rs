//! The labelled articles of `tests/fixtures/quotes-lang/` (format in that folder's
//! README.md), run through the core and scored per language: shared by the floors of
//! `tests/quotes_lang.rs` and the table of `examples/quotes_lang.rs`.
//!
//! A quotation found matches a label when their words (lower case, letters and
//! digits) are one inside the other and the shorter has at least three fifths of the
//! longer's words; pairs are taken in reading order, one found quotation a label.
//! Titles are optional: found or not, they count neither way.

use article_widget::core::{plan, Block, BlockKind, IdSet, Quote, Settings};
use std::collections::BTreeMap;
use std::path::Path;

/// What a labelled quotation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A whole statement with a speaker: a key quote may show it.
    Key,
    /// Words someone said, a fragment.
    Quote,
    /// A word or two in marks.
    Scare,
    /// A title in marks.
    Title,
}

/// One labelled quotation.
#[derive(Clone, Debug)]
pub struct Label {
    pub text: String,
    pub speaker: Option<String>,
    pub kind: Kind,
}

/// One labelled article.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    /// The language the page declares (`fr`, `pt-br`, ...).
    pub lang: String,
    pub paragraphs: Vec<String>,
    pub labels: Vec<Label>,
}

/// Reads one fixture file; a line it cannot read is an error that names it.
pub fn parse(text: &str) -> Result<Vec<Article>, String> {
    let mut out: Vec<Article> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("line {}: cannot read {line:?}", n + 1);
        if let Some(head) = line.strip_prefix("= ") {
            let mut parts = head.split_whitespace();
            let id = parts.next().ok_or_else(bad)?.to_string();
            let lang = parts.next().ok_or_else(bad)?.to_string();
            out.push(Article {
                id,
                lang,
                paragraphs: Vec::new(),
                labels: Vec::new(),
            });
            continue;
        }
        let article = out.last_mut().ok_or_else(bad)?;
        if let Some(p) = line.strip_prefix("p ") {
            article.paragraphs.push(p.to_string());
        } else if let Some(q) = line.strip_prefix("q ") {
            let fields: Vec<&str> = q.split(" | ").collect();
            let [text, speaker, kind] = fields.as_slice() else {
                return Err(bad());
            };
            let kind = match *kind {
                "key" => Kind::Key,
                "quote" => Kind::Quote,
                "scare" => Kind::Scare,
                "title" => Kind::Title,
                _ => return Err(bad()),
            };
            article.labels.push(Label {
                text: text.to_string(),
                speaker: (*speaker != "-").then(|| speaker.to_string()),
                kind,
            });
        } else {
            return Err(bad());
        }
    }
    Ok(out)
}

/// Every article of every `*.txt` file in `dir`, by file name.
pub fn load(dir: &Path) -> Result<Vec<Article>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        out.extend(parse(&text).map_err(|e| format!("{}: {e}", f.display()))?);
    }
    Ok(out)
}

/// The quotations the core finds in an article, with the page's language declared or
/// not.
pub fn run(article: &Article, declared: bool) -> Vec<Quote> {
    let blocks: Vec<Block> = article
        .paragraphs
        .iter()
        .map(|p| Block::new(BlockKind::Paragraph, p))
        .collect();
    let settings = Settings {
        lang: if declared {
            article.lang.clone()
        } else {
            String::new()
        },
        ..Settings::default()
    };
    plan(&blocks, &settings, &IdSet::new()).quotes
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

fn matches(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    contains(long, short) && short.len() * 5 >= long.len() * 3
}

/// Whether a speaker found is the labelled one: the same name, or its last word (or
/// last words: "De Luca").
pub fn same_speaker(found: &str, label: &str) -> bool {
    let (f, l) = (words(found), words(label));
    !f.is_empty() && (f == l || l.ends_with(&f))
}

/// Whether two names are one by the rule of the news file's scorer (its
/// `names_match`): the same words, or the words of one begin or end the other's
/// ("Councillor Amina Hussain" and "Amina Hussain", "Okonjo" and "Ruth Okonjo").
pub fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && (long.starts_with(&short) || long.ends_with(&short))
}

/// The counts of one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    /// Labels that count (titles found or not are left out).
    pub labels: usize,
    /// Quotations found that count (a title found is left out).
    pub found: usize,
    pub matched: usize,
    /// Matched labels with a speaker, and those the core gave right: by the name
    /// shown (`right`), and by the name shown or else the guess (`guess_right`).
    pub judged: usize,
    pub right: usize,
    pub guess_right: usize,
    /// Key quotes shown with a name that match a label, and those whose name is
    /// wrong (another person, or a name where the label names nobody).
    pub key_named: usize,
    pub key_wrong: usize,
    /// Matched labels whose speaker is nobody, given a speaker anyway.
    pub false_speakers: usize,
    /// Key quotes that are not a labelled key-worthy statement.
    pub bad_keys: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.labels)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.right, self.judged)
    }
    pub fn guess_accuracy(&self) -> f64 {
        ratio(self.guess_right, self.judged)
    }
    /// The share of key quotes shown with a name whose name is wrong.
    pub fn key_wrong_share(&self) -> f64 {
        ratio(self.key_wrong, self.key_named)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// What went wrong in one article, for a reader: `(label or found text, what)`.
pub type Errors = Vec<(String, String)>;

/// Scores one article into `c`, and says what went wrong.
pub fn score(article: &Article, found: &[Quote], c: &mut Counts) -> Errors {
    let mut errors = Errors::new();
    c.articles += 1;
    let fw: Vec<Vec<String>> = found.iter().map(|q| words(&q.text)).collect();
    let mut taken = vec![false; found.len()];
    for label in &article.labels {
        let lw = words(&label.text);
        let hit = (0..found.len()).find(|&i| {
            !taken.get(i).copied().unwrap_or(true) && fw.get(i).is_some_and(|f| matches(f, &lw))
        });
        if label.kind != Kind::Title {
            c.labels += 1;
        }
        let Some(i) = hit else {
            if label.kind != Kind::Title {
                errors.push((label.text.clone(), "missed".into()));
            }
            continue;
        };
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
        let Some(q) = found.get(i) else { continue };
        if label.kind == Kind::Title {
            if q.key {
                c.bad_keys += 1;
                errors.push((label.text.clone(), "a title shown as a key quote".into()));
            }
            continue;
        }
        c.found += 1;
        c.matched += 1;
        if q.key && label.kind != Kind::Key {
            c.bad_keys += 1;
            errors.push((label.text.clone(), "a fragment shown as a key quote".into()));
        }
        if let (Some(l), Some(f)) = (&label.speaker, q.speaker.as_ref().or(q.guess.as_ref())) {
            if same_speaker(f, l) {
                c.guess_right += 1;
            }
        }
        if let (true, Some(f)) = (q.key, &q.speaker) {
            c.key_named += 1;
            if !label.speaker.as_ref().is_some_and(|l| names_match(f, l)) {
                c.key_wrong += 1;
                errors.push((label.text.clone(), format!("key quote shown as {f:?}")));
            }
        }
        match (&label.speaker, &q.speaker) {
            (Some(l), Some(f)) => {
                c.judged += 1;
                if same_speaker(f, l) {
                    c.right += 1;
                } else {
                    errors.push((label.text.clone(), format!("speaker {f:?}, not {l:?}")));
                }
            }
            (Some(l), None) => {
                c.judged += 1;
                errors.push((label.text.clone(), format!("no speaker, not {l:?}")));
            }
            (None, Some(f)) => {
                c.false_speakers += 1;
                errors.push((label.text.clone(), format!("speaker {f:?}, not nobody")));
            }
            (None, None) => {}
        }
    }
    for (i, q) in found.iter().enumerate() {
        if !taken.get(i).copied().unwrap_or(true) {
            c.found += 1;
            if q.key {
                c.bad_keys += 1;
            }
            errors.push((
                q.text.clone(),
                format!("not a quotation (speaker {:?})", q.speaker),
            ));
        }
    }
    errors
}

/// The counts of every language (its first subtag: `pt-br` is `pt`), the page's
/// language declared or not.
pub fn by_language(articles: &[Article], declared: bool) -> BTreeMap<String, Counts> {
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    for a in articles {
        let lang = a.lang.split('-').next().unwrap_or_default().to_string();
        let found = run(a, declared);
        score(a, &found, out.entry(lang).or_default());
    }
    out
}
