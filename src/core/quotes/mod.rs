//! Direct quotations: found in the text, attributed to a speaker, and ranked for the
//! key-quotes summary. Rule-based, no model: it runs in the reader's browser.

mod attribution;
mod chain;
mod dialogue;
mod foreign;
mod fragment;
mod lang;
mod lexicon;
mod marks;
mod names;
mod people;
mod rank;
mod tokens;
mod verbs;

use super::sections::{innermost, Section};
use super::{find, Block, BlockKind, Settings};
use attribution::{attribute, Who};
use chain::{join_parts, open_chain};
use lexicon::{has, PREPOSITIONS};
use marks::Span;
use names::{mentions, Mention};
use people::People;
use tokens::Tok;

/// One direct quotation.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quoted words (the parts of a quotation broken by its attribution are
    /// joined).
    pub text: String,
    /// Who said it, by the fullest name the article gives, as the panel shows it:
    /// `None` when the text does not say, or when the rules are not sure of it.
    pub speaker: Option<String>,
    /// The speaker the rules would guess when they are not sure enough to show a
    /// name (a "he" that may be one of two men, a paragraph that may go on quoting
    /// someone else); `None` when `speaker` is given or nothing is guessed.
    pub guess: Option<String>,
    /// The speaker's role as the article gives it.
    pub role: Option<String>,
    /// The id of the innermost section that holds it.
    pub section_id: Option<String>,
    /// Whether it is one of the key quotes of the summary.
    pub key: bool,
    /// A text directive (`text=start,end`) that points a browser at the quotation:
    /// with `#:~:` after the page's address, a link to share it.
    pub text_fragment: String,
    /// The index of the block that holds it.
    #[serde(skip)]
    pub block: usize,
    /// Where its parts are, as byte ranges of the block's text.
    #[serde(skip)]
    pub parts: Vec<(usize, usize)>,
    /// The parts in the blocks after it, for a quotation that runs over paragraphs:
    /// (block, start, end).
    #[serde(skip)]
    pub more: Vec<(usize, usize, usize)>,
}

/// A quotation as first found, before ranking.
struct Found {
    block: usize,
    spans: Vec<Span>,
    /// Parts in later blocks (a quotation over several paragraphs).
    more: Vec<(usize, Span)>,
    speaker: Option<usize>,
    /// The rules are sure of `speaker` (a name in its sentence, a transcript's
    /// label); not when it is only a guess (a pronoun that may stand for another
    /// person named near it, a speaker carried over from a paragraph before).
    sure: bool,
    /// The quotation makes up its whole sentence (no words of its own around it).
    alone: bool,
    /// Only a short attribution follows it in its sentence.
    tail_only: bool,
    /// A verb of saying stands between it and the next quotation of its sentence
    /// ("«Es un primer paso», admitió Campos, «pero ...»").
    said_after: bool,
    /// Its text ends in a comma: the attribution broke in ("...suffering," he said).
    ends_comma: bool,
    /// Its text starts in lower case: it goes on from a part before.
    continues: bool,
    /// It is the first thing in its block.
    opens_block: bool,
    /// The index of its sentence within the block.
    sentence: usize,
    /// Its sentence names a speaker for it, resolved or not ("he said" after an
    /// organisation): no other quotation lends it one.
    framed: bool,
}

/// Finds every quotation of the article, attributes it and marks the key ones.
pub fn find(blocks: &[Block], sections: &[Section], settings: &Settings) -> Vec<Quote> {
    let _lang = lang::Scope::new(lang::of(&settings.lang, blocks));
    let mut people = People::default();
    let mut found: Vec<Found> = Vec::new();
    // One style of marks an article: with double marks anywhere, single ones are
    // nested quotations or a headline's, never a quotation of their own.
    let singles = !blocks.iter().any(|b| marks::has_double(&b.text));
    // The speaker of the last quotation, while the text that follows goes on quoting.
    let mut quoting: Option<usize> = None;
    // Whether the rules were sure of that speaker.
    let mut quoting_sure = false;
    // A quotation running over paragraphs: its first part and the parts before its
    // last paragraph; the last paragraph is read as usual and gives the attribution.
    let mut chain: Option<(usize, Vec<(usize, Span)>)> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let from = found.len();
        // Who was named last before this block: a block that names someone else
        // ("... died in 1997") is about them, and does not go on quoting.
        let named_before = people.last;
        // The speaker a block ending in a colon introduces.
        let mut introduced: Option<(usize, bool)> = None;
        if chain.is_none() {
            if let Some(parts) = open_chain(blocks, bi) {
                chain = Some((parts.last().map_or(bi, |p| p.0), parts));
            }
        }
        if let Some((last, parts)) = &chain {
            if bi < *last {
                continue;
            }
            // The closing paragraph: read it, then put the parts before in front of
            // the quotation it opens with.
            let parts = parts.clone();
            chain = None;
            let _ = scan_block(block, bi, singles, &mut people, &mut found);
            let lead = block.text.len() - block.text.trim_start().len();
            if let (Some(f), Some(&(first_block, first))) = (
                found
                    .get_mut(from)
                    .filter(|f| f.spans.first().is_some_and(|s| s.open == lead)),
                parts.first(),
            ) {
                let middle = parts.get(1..parts.len().saturating_sub(1));
                let mut more: Vec<(usize, Span)> = middle.unwrap_or_default().to_vec();
                more.extend(f.spans.iter().map(|s| (bi, *s)));
                f.more = more;
                f.spans = vec![first];
                f.block = first_block;
                if f.speaker.is_none() {
                    (f.speaker, f.sure) = (quoting, quoting_sure);
                }
            }
            if let Some(f) = found.get(from..).and_then(<[Found]>::last) {
                (quoting, quoting_sure) = (f.speaker, false);
            }
            continue;
        }
        // A line of its own that only names the speaker after a quotation ("— Jane
        // Smith", "- Smith."): the unattributed quotations of the block before.
        if let Some(who) = dash_line(block, &mut people) {
            let before = bi.checked_sub(1);
            for f in found
                .iter_mut()
                .rev()
                .take_while(|f| Some(f.block) == before)
            {
                if f.speaker.is_none() {
                    (f.speaker, f.sure) = (Some(who), true);
                }
            }
            // A signature closes the quotation before it: the next one may be
            // anyone's ("— Ada Quill, on the vote", then a list of other voices).
            (quoting, quoting_sure) = (Some(who), false);
            continue;
        }
        match block.kind {
            BlockKind::Paragraph
            | BlockKind::Line
            | BlockKind::ListItem
            | BlockKind::Caption
            | BlockKind::Heading(_) => {
                // An interviewer's question names people it is not about ("— E la
                // concorrenza dei porti del Nord Europa?").
                let question = lang::foreign() && dialogue::is_question(&block.text);
                let (last, frozen) = (people.last, !block.is_prose() || question);
                people.frozen = frozen;
                introduced =
                    scan_block(block, bi, singles, &mut people, &mut found).filter(|_| !frozen);
                people.frozen = false;
                if frozen {
                    people.last = last;
                }
            }
            BlockKind::Quote => match block_quotation(block, bi, &mut people) {
                Some(f) => found.push(f),
                None => introduced = scan_block(block, bi, singles, &mut people, &mut found),
            },
            _ => continue,
        }
        if !block.is_prose() {
            continue;
        }
        // A paragraph that opens with an unattributed quotation goes on quoting the
        // speaker of the paragraph before (news style: one quotation a paragraph).
        // Not when the paragraph names someone else after it: "“...” Diana, Princess of
        // Wales, died in 1997." is about her, and nothing says who spoke. A wrong name
        // is worse than none.
        let names_another = people.last != named_before && people.last != quoting;
        if let Some(f) = found.get_mut(from) {
            if f.speaker.is_none() && f.opens_block && f.alone && f.block == bi && !names_another {
                // Sure only when a colon introduced it and nobody else was named
                // since.
                let alone = quoting.is_some_and(|k| people.alone_here(k, false));
                (f.speaker, f.sure) = (quoting, quoting_sure && alone);
            }
        }
        // A speaker carried over to the next paragraph is a guess (it may be
        // someone else's words); one a paragraph ending in a colon introduces by
        // name ("Quill told the council:") is not.
        (quoting, quoting_sure) = match found.get(from..).and_then(<[Found]>::last) {
            Some(f) if f.speaker.is_some() => (f.speaker, false),
            Some(_) | None if introduced.is_some() => {
                (introduced.map(|i| i.0), introduced.is_some_and(|i| i.1))
            }
            Some(_) => (None, false),
            // A paragraph of narration ends the quoting; a short line or a list item
            // (often a caption in disguise) does not.
            None if block.words_upto(12) > 12 && block.kind != BlockKind::ListItem => (None, false),
            None => (quoting, quoting_sure),
        };
    }
    // Counted only as far as the number of key quotes needs.
    let mut total_words = 0usize;
    for b in blocks {
        if total_words >= 1500 {
            break;
        }
        total_words += b.words_upto(1500 - total_words);
    }
    let text_of = |b: usize| blocks.get(b).map_or("", |b| b.text.as_str());
    let mut in_caption: Vec<bool> = Vec::with_capacity(found.len());
    // Whether each person's name may be shown, read once a person: it may search the
    // whole article's text.
    let mut showable = vec![false; people.list.len()];
    for f in found.iter().filter(|f| f.sure) {
        if let Some(slot) = f.speaker.and_then(|k| showable.get_mut(k)) {
            *slot = true;
        }
    }
    for (k, slot) in showable.iter_mut().enumerate() {
        *slot = *slot && people.showable(k, |w| common_word(blocks, w));
    }
    let mut quotes: Vec<Quote> = found
        .into_iter()
        .map(|f| {
            let first = text_of(f.block);
            let mut text = join_parts(first, &f.spans);
            for (b, span) in &f.more {
                text.push(' ');
                text.push_str(&join_parts(text_of(*b), std::slice::from_ref(span)));
            }
            let person = f.speaker.and_then(|k| people.list.get(k));
            let shown = person.filter(|_| {
                f.sure
                    && f.speaker
                        .is_some_and(|k| showable.get(k).copied().unwrap_or(false))
            });
            let parts: Vec<(usize, usize)> = f.spans.iter().map(|s| (s.start, s.end)).collect();
            let mut words: Vec<&str> = fragment::words_of(first, &parts);
            for &(b, s) in &f.more {
                words.extend(fragment::words_of(text_of(b), &[(s.start, s.end)]));
            }
            // The context is cut where the directive's words are: before the first
            // part, after the last one (in the last paragraph of a long quotation).
            let start = parts.first().map_or(0, |p| p.0);
            let (end_text, end) = match f.more.last() {
                Some(&(b, s)) => (text_of(b), s.end),
                None => (first, parts.last().map_or(0, |p| p.1)),
            };
            let (prefix, _) = fragment::context(first, start, start);
            let suffix = if prefix.is_none() {
                fragment::context(end_text, 0, end).1
            } else {
                None
            };
            in_caption.push(
                blocks
                    .get(f.block)
                    .is_some_and(|b| b.kind == BlockKind::Caption),
            );
            Quote {
                text_fragment: fragment::text_fragment(
                    &words,
                    prefix.as_deref(),
                    suffix.as_deref(),
                ),
                text,
                speaker: shown.map(|p| p.name.clone()),
                guess: person.filter(|_| shown.is_none()).map(|p| p.name.clone()),
                role: shown.and_then(|p| p.role.clone()),
                section_id: innermost(sections, f.block)
                    .and_then(|s| sections.get(s))
                    .map(|s| s.id.clone()),
                key: false,
                block: f.block,
                parts,
                more: f.more.iter().map(|(b, s)| (*b, s.start, s.end)).collect(),
            }
        })
        .collect();
    // A quotation the article gives again in part ("When she said “not ready to
    // sail,” ...") is the same quotation: only the full one stays.
    let folded: Vec<String> = quotes.iter().map(|q| fold_words(&q.text)).collect();
    let keep = not_given_in_part(&folded);
    let mut keep = keep.into_iter();
    let mut caption = in_caption.iter();
    let mut in_caption = Vec::with_capacity(quotes.len());
    quotes.retain(|_| {
        let k = keep.next().unwrap_or(true);
        let c = caption.next().copied().unwrap_or(false);
        if k {
            in_caption.push(c);
        }
        k
    });
    let wanted = settings.max_quotes.unwrap_or(match total_words {
        0..=599 => 3,
        600..=1499 => 4,
        _ => 5,
    });
    rank::pick_key_quotes(&mut quotes, &in_caption, wanted);
    quotes
}

/// Whether a word is a preposition, of English or of the other languages.
fn is_preposition(w: &str) -> bool {
    // "en" is not in the list of the other languages' prepositions, which it also
    // reads as a pronoun ("il en parle").
    has(PREPOSITIONS, &names::lower(w)) || foreign::is_preposition(w) || w == "en"
}

/// Whether a capitalised word is an ordinary word of the article, not a name: it
/// occurs in lower case as a word of its own ("Shortly" and "shortly"), or it is
/// the plural of another word of it ("Republicans" and "Republican") or of a
/// nationality ("Americans"), or a word in capitals longer than an acronym (a
/// dateline's "WASHINGTON").
fn common_word(blocks: &[Block], word: &str) -> bool {
    if word.len() > 5 && names::is_shouted(word) {
        return true;
    }
    word.strip_suffix('s').is_some_and(|one| {
        one.len() > 3
            && (names::is_nationality(one) || blocks.iter().any(|b| has_word(&b.text, one)))
    }) || in_lower_case(blocks, word)
}

/// Whether `word` occurs in `text` as a word of its own.
fn has_word(text: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(at) = find::find_from(text, word, from) {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|t| t.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = at + word.len().max(1);
    }
    false
}

/// Whether a capitalised word occurs in lower case as a word of its own in the
/// article.
fn in_lower_case(blocks: &[Block], word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let mut low = String::with_capacity(word.len());
    low.push(foreign::lower_char(first));
    low.push_str(chars.as_str());
    if low == word {
        return false;
    }
    blocks.iter().any(|b| has_word(&b.text, &low))
}

/// For each folded quotation, whether no longer one holds it. Each is compared with
/// the [`PART_WINDOW`] quotations on either side of it (an article gives a quotation
/// again in part near the full one): linear in the article, where comparing every
/// pair made a long article with thousands of quotations take seconds.
fn not_given_in_part(folded: &[String]) -> Vec<bool> {
    folded
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let near = folded
                .get(i.saturating_sub(PART_WINDOW)..(i + PART_WINDOW + 1).min(folded.len()))
                .unwrap_or_default();
            !near
                .iter()
                .any(|g| g.len() > f.len() && find::contains(g, f))
        })
        .collect()
}

/// How many quotations on either side a quotation is looked for in.
const PART_WINDOW: usize = 40;

/// The words of a text in lower case, each between spaces (" not ready to sail "),
/// to find one quotation inside another.
fn fold_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for w in text.split(find::not_alphanumeric).filter(|w| !w.is_empty()) {
        for c in w.chars() {
            out.push(c.to_ascii_lowercase());
        }
        out.push(' ');
    }
    out
}

/// The speaker a block names when it is only a dash and a name ("— Jane Smith, 34",
/// "- Smith."): at most eight words, no quotation of its own.
fn dash_line(block: &Block, people: &mut People) -> Option<usize> {
    let text = block.text.trim();
    let rest = text.strip_prefix(['-', '—', '―', '–'])?;
    // A question of an interview's dialogue ("— Porque escolheu a madeira?").
    if lang::foreign() && rest.trim_end().ends_with('?') {
        return None;
    }
    if !block.is_prose()
        || rest.split_whitespace().nth(8).is_some()
        || !marks::spans(rest).is_empty()
    {
        return None;
    }
    let toks = tokens::tokens(rest, &[]);
    let m = mentions(&toks).into_iter().next().filter(|m| m.from == 0)?;
    people.resolve(&m, true)
}

/// A `<blockquote>` without quotation marks is one quotation; a last line
/// "— Name" gives its speaker.
fn block_quotation(block: &Block, bi: usize, people: &mut People) -> Option<Found> {
    let text = block.text.trim_end();
    if !marks::spans(text).is_empty() || text.is_empty() {
        return None;
    }
    let dash = text.rfind(['—', '―', '–']).filter(|&d| {
        text.get(d..)
            .is_some_and(|t| t.split_whitespace().nth(6).is_none())
    });
    let (body_end, speaker) = match dash {
        Some(d) if d > 0 => {
            let tail = text.get(d..).unwrap_or("");
            let toks = tokens::tokens(tail, &[]);
            let speaker = mentions(&toks)
                .first()
                .and_then(|m| people.resolve(m, true));
            (d, speaker)
        }
        _ => (text.len(), None),
    };
    let start = text.len() - text.trim_start().len();
    Some(Found {
        block: bi,
        more: Vec::new(),
        spans: vec![Span {
            open: start,
            start,
            end: body_end,
            close: body_end,
        }],
        speaker,
        sure: true,
        alone: true,
        tail_only: false,
        said_after: false,
        ends_comma: false,
        continues: false,
        opens_block: true,
        sentence: 0,
        framed: true,
    })
}

/// Reads one block's quotations into `found`. Returns, for a block that ends in a
/// colon ("He said:"), the speaker its last sentence introduces, for the quotation
/// that opens the next block.
fn scan_block(
    block: &Block,
    bi: usize,
    singles: bool,
    people: &mut People,
    found: &mut Vec<Found>,
) -> Option<(usize, bool)> {
    if !people.frozen {
        people.next_block();
    }
    let text = &block.text;
    let mut spans = marks::spans_in(text, singles);
    // A paragraph of dialogue: a dash opens it, and a dash (or a comma) sets the
    // narrator's words apart ("—No —dijo Castro—. Nunca.").
    if spans.is_empty() && block.is_prose() && lang::foreign() {
        spans = dialogue::spans(text);
    }
    // A paragraph that opens with a mark it never closes quotes to its end (news
    // style: the quotation goes on in the next paragraph, which may open with
    // another mark or none). Marks inside it are nested.
    if block.is_prose() {
        if let Some((lead, start, _)) = marks::leading_mark(text) {
            let end = text.trim_end().len();
            if end > start && !spans.iter().any(|s| s.open == lead) {
                spans = vec![Span {
                    open: lead,
                    start,
                    end,
                    close: end,
                }];
            }
        }
        // One opened after the last quotation and never closed goes on to the end
        // of the paragraph (and on in the next one).
        let after = spans.last().map_or(0, |s| s.close);
        if let Some(open) = marks::trailing_open(text, after) {
            spans.push(open);
        }
    }
    let toks = tokens::tokens(text, &spans);
    let first_in_block = found.len();
    // The person the sentence before was about, for a quotation standing alone.
    let mut prev_subject: Option<(usize, bool)> = None;
    let transcript = transcript_speaker(&toks, people);
    let mut introduces = None;
    let sentences = tokens::sentences(text, &spans, &toks);
    let last_sentence = sentences.len().saturating_sub(1);
    for (si, &(lo, hi)) in sentences.iter().enumerate() {
        let sent = toks.get(lo..hi).unwrap_or_default();
        let ms = mentions(sent);
        // Who of this block was spoken of before this sentence.
        let seen = people.here.len();
        // Register everyone the sentence names, so that a later short name or pronoun
        // finds the full name.
        let named: Vec<Option<usize>> = ms.iter().map(|m| people.resolve(m, false)).collect();
        // Someone merely mentioned after a preposition ("campaign against Bo
        // Rand") is no one a later "he" or "she" is taken to stand for.
        for (m, n) in ms.iter().zip(&named) {
            if let Some(j) = *n {
                let governed =
                    m.from > 0 && names::word(sent, m.from - 1).is_some_and(is_preposition);
                if governed && !people.here.get(..seen).unwrap_or_default().contains(&j) {
                    if let Some(i) = people.here.iter().position(|&h| h == j) {
                        people.here.remove(i);
                    }
                }
            }
        }
        learn_gender(sent, &ms, &named, people);
        let words = sent
            .iter()
            .filter(|(_, t)| matches!(t, Tok::Word(_)))
            .count();
        for (qi, (_, t)) in sent.iter().enumerate() {
            let Tok::Quote(span) = *t else { continue };
            let candidates = attribute(sent, &ms, 0, sent.len(), qi);
            // A second quotation in a sentence goes with the first one's speaker
            // before a subject with no verb of saying beside it.
            let earlier = in_sentence(found, first_in_block, si)
                .next()
                .and_then(|f| Some((f.speaker?, f.sure)));
            // Reported speech about someone else: another person, and a verb of
            // saying after them, between the speaker and the quotation ("Quill said
            // Rand had called the plan “a disaster”"): the words may be theirs.
            // Reported speech about someone else: two people before the quotation,
            // each with a verb of saying after them ("Quill said Rand had called
            // the plan “a disaster”"): the words may be either's.
            let reported = |k: usize, m: &Mention| {
                let verb = |t: usize| names::word(sent, t).is_some_and(verbs::is_reporting_verb);
                let says = |o: &Mention| o.to < qi && (o.to..(o.to + 3).min(qi)).any(verb);
                ms.iter().zip(&named).any(|(o, n)| {
                    let (a, b) = if o.from >= m.to { (m, o) } else { (o, m) };
                    n.is_some_and(|j| j != k)
                        && a.to <= b.from
                        && (a.to..b.from).any(verb)
                        && says(b)
                })
            };
            // Not sure of a name a preposition governs ("responded on Facebook,
            // writing “...”"; not "Pour Hugo Lambert, ..." or "According to
            // Quill, ...", which open the sentence).
            let governed = |m: &Mention| {
                m.from > 2 && names::word(sent, m.from - 1).is_some_and(is_preposition)
            };
            let speaker = candidates.iter().find_map(|who| match *who {
                // The subject of a reporting verb that is no person is an
                // organisation speaking ("Twitter said in a statement").
                Who::Named(k) => ms.get(k).and_then(|m| {
                    let k = people.resolve(m, true).or_else(|| {
                        people::is_not_person(m)
                            .then(|| people.organisation(m))
                            .flatten()
                    })?;
                    // "the younger Mr. Quill": a relative of the Quill named
                    // before, whom the surname alone does not tell apart.
                    let kin = matches!(
                        names::word(sent, m.from.wrapping_sub(1)),
                        Some("younger" | "elder")
                    );
                    Some((k, !governed(m) && !reported(k, m) && !kin))
                }),
                // An organisation that is the sentence's subject speaks too ("the
                // Harbour Board puts “...”"), when its name says so.
                Who::Known(k) => ms.get(k).and_then(|m| {
                    let k = {
                        people.resolve(m, false).or_else(|| {
                            // Not a transcript's "CALLOWAY:".
                            let heads_line = matches!(sent.get(m.to), Some((_, Tok::Punct(':'))));
                            (people::is_not_person(m)
                                && !heads_line
                                && (m.name.len() >= 2 || names::is_shouted_name(m))
                                && !names::in_capitals(sent, m))
                            .then(|| people.organisation(m))
                            .flatten()
                        })
                    }?;
                    // No verb of saying beside it ("Quill bemoaned a council in which
                    // people “never listen”"): sure only when the sentence names
                    // nobody else the words may be, and not after a preposition.
                    let alone = named
                        .iter()
                        .flatten()
                        .all(|&j| j == k || !people.can_be_last(j));
                    Some((k, alone && !governed(m)))
                }),
                Who::Outlet(k) => ms
                    .get(k)
                    .and_then(|m| people.known(m).or_else(|| people.organisation(m)))
                    .map(|k| (k, true)),
                Who::Described(a, b) => {
                    let words: Vec<&str> = (a..b).filter_map(|k| names::word(sent, k)).collect();
                    // A description taken for the subject of the sentence before
                    // ("the candidate") or the organisation that spoke last ("the
                    // company") is a guess, as a pronoun is, unless the sentence
                    // names them; one whose role the text gave a person ("the
                    // senator") is not.
                    people
                        .described(&words)
                        .map(|k| (k, !people.by_reference || named.contains(&Some(k))))
                }
                // The person named last before the pronoun in this sentence; for a
                // pronoun that opens its sentence, the subject of the sentence before
                // ("Reid, who endorsed Clinton, praised Sanders. He said ..."); else
                // the person named last.
                // "She" is never the man named last: the person it stands for
                // is the latest one its gender fits.
                // German "sie" is "she" only beside a verb in the singular ("sagte
                // sie"), not "they" ("sagen sie").
                Who::Pronoun(p) if !german_she(sent, p) => None,
                Who::Pronoun(p) => {
                    let g = names::word(sent, p).and_then(names::pronoun_gender);
                    let fits = |k: &usize| people.fits(*k, g);
                    // Not the one a relative clause is about ("Berg, whom she called").
                    let relative = p
                        .checked_sub(1)
                        .and_then(|k| names::word(sent, k))
                        .is_some_and(|w| matches!(w, "whom" | "who"));
                    // The person the sentence opens with, else the one named last.
                    let opener = ms
                        .first()
                        .filter(|m| m.from == 0 && !m.possessive && m.to <= p)
                        .and(named.first().copied().flatten())
                        .filter(fits);
                    let here = opener.or_else(|| {
                        ms.iter()
                            .zip(&named)
                            .filter(|(m, _)| m.to <= p && !(relative && m.to + 3 >= p))
                            .filter_map(|(_, n)| *n)
                            .rfind(fits)
                    });
                    if here.is_some() {
                        return here.map(|k| (k, true));
                    }
                    // Past its sentence: sure only when nobody else it could stand
                    // for is named near it.
                    // The subject of the sentence before (or the last speaker)
                    // before someone it merely mentioned, for a pronoun with no
                    // name before it in its sentence ("He spoke of the sea,
                    // recalling Prince Philip. “...,” he said." is still him).
                    if ms.iter().all(|m| m.from > p) {
                        people.subject.filter(fits)
                    } else {
                        None
                    }
                    .or(people.last.filter(fits))
                    .or_else(|| people.last.and_then(|_| people.recent_fitting(g)))
                    .map(|k| {
                        let also: Vec<usize> = ms
                            .iter()
                            .zip(&named)
                            .filter(|(m, _)| m.to <= p)
                            .filter_map(|(_, n)| *n)
                            .collect();
                        (k, people.only_one(k, g, seen, &also))
                    })
                }
            });
            // A second quotation in a sentence goes with the first one's speaker;
            // one standing alone goes with the person the sentence before was about.
            let (speaker, sure) = speaker
                .or(earlier)
                .or(if words == 0 { prev_subject } else { None })
                .or(transcript.map(|k| (k, true)))
                .unzip();
            let sure = sure.unwrap_or(false);
            let (mut tail_words, mut said_after) = (0, false);
            for (_, t) in sent.get(qi + 1..).unwrap_or_default() {
                match t {
                    Tok::Quote(_) => break,
                    Tok::Word(w) => {
                        tail_words += 1;
                        said_after |= verbs::is_reporting_verb(w);
                    }
                    Tok::Punct(_) => {}
                }
            }
            let Some(&this) = spans.get(span) else {
                continue;
            };
            let quoted = text.get(this.start..this.end).unwrap_or("").trim();
            // A title or a slogan in marks ("Harbour Talk Tonight") is no quotation.
            if marks::is_title(quoted) {
                continue;
            }
            found.push(Found {
                block: bi,
                more: Vec::new(),
                spans: vec![this],
                speaker,
                sure,
                alone: words == 0,
                tail_only: tail_words <= 6 && speaker.is_some(),
                said_after,
                ends_comma: quoted.ends_with(','),
                continues: quoted.chars().next().is_some_and(char::is_lowercase),
                opens_block: lo == 0 && qi == 0,
                sentence: si,
                framed: !candidates.is_empty(),
            });
            if let Some(k) = speaker {
                people.note(k);
                if people.can_be_last(k) {
                    people.last = speaker;
                }
            }
        }
        // "Trump issued the following statement:" / "He said:" at the block's end:
        // the speaker of the quotation that opens the next block.
        if si == last_sentence && matches!(sent.last(), Some((_, Tok::Punct(':')))) {
            introduces = attribute(sent, &ms, 0, sent.len(), sent.len())
                .iter()
                .find_map(|who| match *who {
                    // "The Valley Gazette reported:": an organisation too, when its
                    // name says so.
                    Who::Named(k) | Who::Known(k) | Who::Outlet(k) => ms
                        .get(k)
                        .and_then(|m| {
                            people.resolve(m, true).or_else(|| {
                                (people::is_not_person(m)
                                    && (m.name.len() >= 2 || names::is_shouted_name(m)))
                                .then(|| people.organisation(m))
                                .flatten()
                            })
                        })
                        .map(|k| (k, true)),
                    Who::Pronoun(p) => {
                        let g = names::word(sent, p).and_then(names::pronoun_gender);
                        people
                            .last
                            .map(|k| (k, people.only_one(k, g, usize::MAX, &[])))
                    }
                    Who::Described(..) => None,
                });
        }
        // What the sentence is about: its first person (not after a preposition),
        // or the person "he" or "she" stands for, or who spoke in it.
        let subject = sentence_subject(sent, &ms, &named, |g| {
            people
                .last
                .filter(|&k| people.fits(k, g))
                .or_else(|| people.last.and_then(|_| people.recent_fitting(g)))
        });
        // A subject a leading "he" or "she" stands for is sure only when nobody
        // else it could stand for is named near it.
        let by_pronoun = match sent.first() {
            Some((_, Tok::Word(w))) => subject_pronoun(w),
            _ => None,
        };
        let subject = subject.map(|k| {
            people.note(k);
            let sure = match by_pronoun {
                Some(g) => people.only_one(k, Some(g), usize::MAX, &[]),
                // Nobody else named in the sentence.
                None => named
                    .iter()
                    .flatten()
                    .all(|&j| j == k || !people.can_be_last(j)),
            };
            (k, sure)
        });
        if let Some((k, _)) = subject {
            people.subject = Some(k);
        }
        // A block that ends in a sentence of reported speech ("Quill argued in a
        // letter that the ferry may yet run.") lends its subject to a
        // quotation that opens the next block on its own.
        let reports = || {
            sent.iter().all(|(_, t)| !matches!(t, Tok::Quote(_)))
                && sent
                    .iter()
                    .any(|(_, t)| matches!(t, Tok::Word(w) if verbs::is_reporting_verb(w)))
        };
        if si == last_sentence && introduces.is_none() && subject.is_some() && reports() {
            // A guess: the quotation may be someone else's words.
            introduces = subject
                .filter(|&(k, _)| people.can_be_last(k))
                .map(|(k, _)| (k, false));
        }
        // Who spoke in it, else what it is about: a quotation standing alone after
        // "“...,” said Quill, whose boat Rand sank." goes on with Quill.
        prev_subject = in_sentence(found, first_in_block, si)
            .find(|f| f.block == bi)
            .and_then(|f| Some((f.speaker?, f.sure)))
            .or(subject);
        // The last person named in the sentence's own words becomes "he" or "she";
        // one a preposition governs only when no other is ("He spoke against
        // Islamists." leaves "he" as it was).
        let governed =
            |m: &Mention| m.from > 0 && names::word(sent, m.from - 1).is_some_and(is_preposition);
        let opens_with_pronoun = sent
            .first()
            .is_some_and(|(_, t)| matches!(t, Tok::Word(w) if names::is_pronoun(w)));
        let named_last = ms
            .iter()
            .zip(&named)
            .rev()
            .filter(|(m, _)| !governed(m))
            .find_map(|(_, n)| *n)
            .or_else(|| {
                if opens_with_pronoun {
                    None
                } else {
                    named.iter().rev().find_map(|n| *n)
                }
            });
        let spoke_last = found
            .get(first_in_block..)
            .and_then(<[Found]>::last)
            .filter(|f| f.block == bi && f.sentence == si)
            .and_then(|f| f.speaker);
        let last_mention_end = ms.iter().map(|m| m.to).max().unwrap_or(0);
        let last_quote_at = sent
            .iter()
            .rposition(|(_, t)| matches!(t, Tok::Quote(_)))
            .unwrap_or(0);
        let spoke_last = spoke_last.filter(|&k| people.can_be_last(k));
        people.last = if last_quote_at >= last_mention_end {
            spoke_last.or(named_last)
        } else {
            named_last.or(spoke_last)
        }
        .or(people.last);
    }
    chain::merge_broken(found, first_in_block);
    fill_from_neighbours(found, first_in_block, people);
    // The parts of a quotation broken by an attribution too long to read ("“If I
    // see a deck,” Kaplan, a collector of games and books says, “and ...”") join
    // once they share the speaker.
    chain::merge_broken(found, first_in_block);
    introduces
}

/// The quotations found so far in sentence `si` of the block whose quotations start
/// at `from`, the latest first. They are found sentence by sentence, so the search
/// stops at the first of an earlier sentence: the work is that of the sentence, not
/// of the block's quotations before it.
fn in_sentence(found: &[Found], from: usize, si: usize) -> impl Iterator<Item = &Found> {
    found
        .get(from..)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(move |f| f.sentence >= si)
        .filter(move |f| f.sentence == si)
}

/// A quotation of a block that names no speaker of its own goes with another of the
/// same block: the one its sentence attributes later ("He called it “a” and “b,”
/// Quill said"), else the one before it (news quotes one speaker a paragraph), else
/// the one after it.
fn fill_from_neighbours(found: &mut [Found], from: usize, people: &People) {
    let Some(block) = found.get(from..) else {
        return;
    };
    if block.iter().all(|f| f.speaker.is_some() || f.framed) {
        return;
    }
    let (before, after) = nearest_speakers(block);
    let fills: Vec<Option<(usize, bool)>> = block
        .iter()
        .enumerate()
        .map(|(k, f)| {
            if f.speaker.is_some() || f.framed {
                return None;
            }
            // The block's quotations are in the order of their sentences: those of
            // this one that come after it are the next few. Another sentence's
            // speaker is sure only in a block that names nobody else.
            let later = block.get(k + 1..).unwrap_or_default();
            later
                .iter()
                .take_while(|g| g.sentence == f.sentence)
                .find_map(|g| Some((g.speaker?, g.sure)))
                .or_else(|| {
                    before
                        .get(k)
                        .copied()
                        .flatten()
                        .or(after.get(k).copied().flatten())
                        .map(|(s, sure)| (s, sure && people.alone_here(s, false)))
                })
        })
        .collect();
    for (f, s) in found.iter_mut().skip(from).zip(fills) {
        if let Some((k, sure)) = s {
            (f.speaker, f.sure) = (Some(k), sure);
        }
    }
}

/// For each quotation, the speaker of the nearest one before it that has one, and
/// of the nearest one after it (with whether the rules are sure of it): a pass each
/// way, where searching from each quotation was quadratic in a block of many
/// unattributed quotations.
type Nearest = Vec<Option<(usize, bool)>>;
fn nearest_speakers(block: &[Found]) -> (Nearest, Nearest) {
    let n = block.len();
    let (mut before, mut after) = (vec![None; n], vec![None; n]);
    let mut last = None;
    for (k, f) in block.iter().enumerate() {
        if let Some(slot) = before.get_mut(k) {
            *slot = last;
        }
        last = f.speaker.map(|s| (s, f.sure)).or(last);
    }
    last = None;
    for (k, f) in block.iter().enumerate().rev() {
        if let Some(slot) = after.get_mut(k) {
            *slot = last;
        }
        last = f.speaker.map(|s| (s, f.sure)).or(last);
    }
    (before, after)
}

/// A sentence that names one person and then says only "she"/"her" (or only
/// "he"/"his"/"him") tells that person's gender ("Ada Quill, who lost her seat,
/// said ...").
fn learn_gender(
    sent: &[(usize, Tok<'_>)],
    ms: &[Mention],
    named: &[Option<usize>],
    people: &mut People,
) {
    let mut persons = ms
        .iter()
        .zip(named)
        .filter_map(|(m, n)| n.map(|k| (m.to, k)));
    let Some((after, k)) = persons.next() else {
        return;
    };
    if persons.any(|(_, j)| j != k) {
        return;
    }
    let mut seen: Option<names::Gender> = None;
    for g in
        (after..sent.len()).filter_map(|i| names::word(sent, i).and_then(names::pronoun_gender))
    {
        if seen.is_some_and(|s| s != g) {
            return;
        }
        seen = Some(g);
    }
    if let Some(g) = seen {
        people.learn_gender(k, g);
    }
}

/// Whether the pronoun at `p` may be "she" as German reads it: a "sie" beside a
/// verb of saying in the singular ("sagte sie", "Sie forderte"); any other pronoun
/// of any language is.
fn german_she(sent: &[(usize, Tok<'_>)], p: usize) -> bool {
    let Some(w) = names::word(sent, p) else {
        return true;
    };
    if lang::current() != lang::Lang::De || !w.eq_ignore_ascii_case("sie") {
        return true;
    }
    let singular = |k: usize| {
        names::word(sent, k).is_some_and(|v| verbs::is_reporting_verb(v) && !v.ends_with("en"))
    };
    singular(p + 1) || p.checked_sub(1).is_some_and(singular)
}

/// The speaker of a transcript's line ("PENCE: Well, ..."): a name in capitals and a
/// colon that open the block, as the person of that name named before (or new).
fn transcript_speaker(toks: &[(usize, Tok<'_>)], people: &mut People) -> Option<usize> {
    let colon = toks
        .iter()
        .take(4)
        .position(|(_, t)| matches!(t, Tok::Punct(':')))?;
    let shouted: Vec<&str> = (0..colon).filter_map(|k| names::word(toks, k)).collect();
    if shouted.is_empty() || shouted.len() != colon || !shouted.iter().all(|w| names::is_shouted(w))
    {
        return None;
    }
    // Title case, as the article wrote the name elsewhere: "PENCE" -> "Pence".
    let name: Vec<String> = shouted
        .iter()
        .map(|w| {
            // ASCII and Latin-1 case only ("GARCÍA" -> "García"): the full Unicode
            // tables would cost the module kilobytes.
            let mut out = String::with_capacity(w.len());
            for (k, c) in w.chars().enumerate() {
                out.push(if k == 0 { c } else { foreign::lower_char(c) });
            }
            out
        })
        .collect();
    // Words of a heading or a notice, not of a speaker.
    if name
        .iter()
        .any(|w| names::is_title(w) || !names::is_name_word(w))
        || matches!(
            name.first().map(String::as_str),
            Some("Update" | "Correction" | "Editor")
        )
    {
        return None;
    }
    let m = Mention {
        from: 0,
        to: colon,
        name,
        role: None,
        possessive: false,
        honorific: false,
        gender: None,
    };
    people.resolve(&m, true)
}

/// The gender of a pronoun that can be a sentence's subject: "he", "she", "il",
/// "elle", "er", ... (not "his" or "her").
fn subject_pronoun(w: &str) -> Option<names::Gender> {
    if w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she") || lang::foreign() {
        names::pronoun_gender(w)
    } else {
        None
    }
}

/// The person a sentence is about: the first person named in it that no preposition
/// governs, or the one a leading "he" or "she" stands for.
fn sentence_subject(
    sent: &[(usize, Tok<'_>)],
    ms: &[Mention],
    named: &[Option<usize>],
    last: impl Fn(Option<names::Gender>) -> Option<usize>,
) -> Option<usize> {
    if let Some((_, Tok::Word(w))) = sent.first() {
        if let Some(g) = subject_pronoun(w) {
            return last(Some(g));
        }
    }
    ms.iter().zip(named).find_map(|(m, n)| {
        let governed = m.from > 0
            && matches!(sent.get(m.from - 1), Some((_, Tok::Word(w)))
                if matches!(w.to_ascii_lowercase().as_str(), "of" | "to" | "with" | "for" | "on" | "in" | "at" | "by" | "from" | "about" | "against" | "than" | "like"));
        (!governed && !m.possessive && !modifies_a_noun(sent, m))
            .then_some(*n)
            .flatten()
    })
}

/// Whether a name stands before a noun as its modifier ("the oversized Quill face
/// on the billboards", "a Quill rally"): an article before it (over two adjectives
/// at most), no role, and a word in lower case after it that is no verb (nor ends
/// in "s", as "faces" may be one). The sentence is about the noun, not the person.
fn modifies_a_noun(sent: &[(usize, Tok<'_>)], m: &Mention) -> bool {
    let noun_after = names::word(sent, m.to)
        .is_some_and(|w| !names::is_cap(w) && !w.ends_with('s') && !verbs::is_reporting_verb(w));
    if m.role.is_some() || !noun_after {
        return false;
    }
    // Back over adjectives to the article ("the event that Quill faces" is a
    // clause: a function word ends the search).
    let mut k = m.from;
    while k + 3 > m.from && k > 0 {
        k -= 1;
        match names::word(sent, k) {
            Some("the" | "a" | "an") => return true,
            Some(w) if !names::is_cap(w) && !has(lexicon::STOP, w) => {}
            _ => return false,
        }
    }
    false
}
#[cfg(test)]
mod tests {
    use super::*;

    fn run(paragraphs: &[&str]) -> Vec<Quote> {
        let blocks: Vec<Block> = paragraphs
            .iter()
            .map(|p| Block::new(BlockKind::Paragraph, *p))
            .collect();
        find(&blocks, &[], &Settings::default())
    }

    fn said(q: &[Quote]) -> Vec<(String, Option<String>)> {
        q.iter()
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let q = run(&[
            "U.S. Defense Secretary Pete Hegseth spoke on Monday.",
            "\"Chasing this goal will only prolong the war,\" Hegseth said, signaling a change.",
        ]);
        assert_eq!(
            said(&q),
            vec![(
                "Chasing this goal will only prolong the war.".into(),
                Some("Pete Hegseth".into())
            )]
        );
        assert_eq!(q[0].role.as_deref(), Some("U.S. Defense Secretary"));
        let q = run(&["“We are ready to talk now,” said Jane Smith, the mayor."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_pronoun_stands_for_the_person_the_sentence_opens_with() {
        let q = run(&["Mira Holm said she called Ola Berg after the vote to praise what she called “a fine and fair race.”"]);
        assert_eq!(q[0].speaker.as_deref(), Some("Mira Holm"));
    }

    #[test]
    fn a_pronoun_after_whom_is_not_the_one_the_clause_is_about() {
        let q = run(&["With the vote over, Ola Berg said he would back Mira Holm, whom he called “the best mayor the port has had.”"]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ola Berg"));
    }

    #[test]
    fn pronoun_resolves_to_the_last_person_named() {
        let q = run(&["Asked about Ukraine, Donald Trump gave a hesitant response. \"It's an interesting question,\" he said. \"I think they have to make peace.\""]);
        assert_eq!(
            said(&q),
            vec![(
                "It's an interesting question. I think they have to make peace.".into(),
                Some("Donald Trump".into())
            )]
        );
        assert_eq!(q[0].parts.len(), 2);
    }

    #[test]
    fn speaker_before_the_quote() {
        let q = run(&["Former Vice President Kamala Harris accused him of being willing to \"just give it up,\" arguing otherwise."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Kamala Harris"));
        let q = run(&["The minister wrote: “Nothing will change for the people here.”"]);
        assert_eq!(q[0].speaker, None, "a role with no name is no speaker");
        let q = run(&["Smith told reporters: “Nothing will change for the people here.”"]);
        assert_eq!(q[0].speaker.as_deref(), Some("Smith"));
    }

    #[test]
    fn according_to() {
        let q = run(&["According to Kremlin spokesperson Dmitry Peskov, Putin emphasized the \"root causes\" of the war."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
        assert!(!q[0].key, "a two-word phrase is no key quote");
    }

    #[test]
    fn a_quotation_goes_with_the_attributed_one_of_its_paragraph() {
        // Later in the same sentence.
        let q = run(&[
            "The plan was “a bridge too far” and “a waste of money for the town,” Ada Quill said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ada Quill"), "{q:?}");
        // Before it in the paragraph, with words of its own around it.
        let q = run(&["“The ferry is late again,” said Ada Quill. Later that day it was “the worst service in years” for the town."]);
        assert_eq!(q[1].speaker.as_deref(), Some("Ada Quill"), "{q:?}");
        // Broken by a long attribution, and joined once it has the speaker.
        let q = run(&["“If the tide is late,” Ada Quill, also a keen collector of maps, old charts, and boats says, “the boats wait.”"]);
        assert_eq!(
            said(&q),
            vec![(
                "If the tide is late, the boats wait.".into(),
                Some("Ada Quill".into())
            )]
        );
        // After it in the paragraph.
        let q = run(&["The ferry was “the worst service in years” for the town. “Nobody listens,” said Ada Quill."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ada Quill"), "{q:?}");
    }

    #[test]
    fn a_quotation_given_again_in_part_is_one() {
        let q = run(&[
            "“We are not ready to sail, and we will not be for a while,” Ada Quill said.",
            "When Quill used the words “not ready to sail,” the hall went quiet.",
        ]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(fold_words("Not ready—to, sail!"), " not ready to sail ");
    }

    #[test]
    fn a_block_of_reported_speech_lends_its_subject() {
        let q = run(&[
            "Ada Quill argued in a letter to the council that the ferry may yet run again.",
            "“A ferry in May would change everything for the island.”",
        ]);
        // A guess: the words may be the letter's, or someone else's.
        assert_eq!(q[0].guess.as_deref(), Some("Ada Quill"), "{q:?}");
        assert_eq!(q[0].speaker, None, "{q:?}");
        let q = run(&[
            "The Valley Gazette looked into it and reported:",
            "“The ferry will not run before May, the council says.”",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Valley Gazette"), "{q:?}");
    }

    #[test]
    fn never_guess_a_name() {
        let q = run(&["“This is a quote that nobody in the text has said at all.”"]);
        assert_eq!(q[0].speaker, None);
        assert!(!q[0].key);
    }

    #[test]
    fn slogans_and_scare_quotes_are_not_key() {
        let q = run(&["Donald Trump said his slogan, \"COMMON SENSE,\" won. Donald Trump said it was \"highly productive\" today. \"We Will Make America Great Again Soon,\" Trump said."]);
        assert_eq!(q.len(), 3);
        assert!(q.iter().all(|q| !q.key), "{q:?}");
        // A title in marks is no quotation at all.
        let q = run(&["Ada Quill told “Harbour Talk Tonight” about the ferry."]);
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn blockquote_with_dash_attribution() {
        let blocks = vec![
            Block::new(
                BlockKind::Paragraph,
                "Grace Hopper was a computer scientist.",
            ),
            Block::new(
                BlockKind::Quote,
                "It is easier to ask forgiveness than it is to get permission. — Grace Hopper",
            ),
        ];
        let q = find(&blocks, &[], &Settings::default());
        assert_eq!(
            q[0].text,
            "It is easier to ask forgiveness than it is to get permission."
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Grace Hopper"));
    }

    #[test]
    fn a_long_attribution_does_not_split_the_quote() {
        let q = run(&["\"It's very much something to worry about,\" said C. Eugene Steuerle, a fellow at the Urban Institute who studies budgets. \"Everything else is getting squeezed.\""]);
        assert_eq!(
            said(&q),
            vec![(
                "It's very much something to worry about. Everything else is getting squeezed."
                    .into(),
                Some("C. Eugene Steuerle".into())
            )]
        );
        let q = run(&["Stuart Kaplan runs a shop.", "\"If I see a deck on sale on eBay,\" Kaplan, also an avid collector, says, \"and it's $100 or something, that upsets me.\""]);
        assert_eq!(
            said(&q),
            vec![(
                "If I see a deck on sale on eBay, and it's $100 or something, that upsets me."
                    .into(),
                Some("Stuart Kaplan".into())
            )]
        );
    }

    #[test]
    fn a_paragraph_that_only_quotes_goes_on_with_the_last_speaker() {
        let q = run(&[
            "\"We are here to look after them,\" Hori Parata said.",
            "\"When will we talk about what is hurting these animals out on the sea?\"",
        ]);
        // Carried over a paragraph: a guess, not a name to show.
        assert_eq!(q[1].guess.as_deref(), Some("Hori Parata"));
        assert_eq!(q[1].speaker, None);
        // A paragraph of narration in between ends it.
        let q = run(&[
            "\"We are here to look after them,\" Hori Parata said.",
            "The whales were refloated on Sunday morning by volunteers from the town and from the department, who had worked through the night.",
            "\"When will we talk about what is hurting these animals out on the sea?\"",
        ]);
        assert_eq!(q[1].speaker, None);
    }

    #[test]
    fn a_quotation_followed_by_a_sentence_about_someone_else_has_no_speaker() {
        // An interview: the quotation is the interviewee's, the sentence after it is
        // about the person it speaks of. Neither the last speaker nor that person.
        let q = run(&[
            "\"He was the one who taught me to keep going,\" Tom Reyes said of his late father.",
            "\"My mother always told us that kindness costs nothing.\" Ana Reyes, the painter, died in 2004.",
        ]);
        assert_eq!(q[1].speaker, None, "{q:?}");
        // The same paragraph about the speaker goes on with the speaker.
        let q = run(&[
            "\"He was the one who taught me to keep going,\" Tom Reyes said of his late father.",
            "\"My mother always told us that kindness costs nothing.\" Reyes, 58, still lives in the house.",
        ]);
        assert_eq!(q[1].guess.as_deref(), Some("Tom Reyes"), "{q:?}");
        assert_eq!(q[1].speaker, None, "carried over a paragraph: {q:?}");
    }

    #[test]
    fn a_quote_after_a_colon_or_a_sentence_about_someone() {
        let q = run(&["Luis de Miranda evokes the era in his introduction: \"When we hear the word neon, an image pops into our heads.\""]);
        assert_eq!(q[0].speaker.as_deref(), Some("Luis de Miranda"));
        let q = run(&["Charles Schultze once summed up the danger with a metaphor. \"It's not so much the wolf at the door as the termites in the basement.\""]);
        assert_eq!(q[0].speaker.as_deref(), Some("Charles Schultze"));
    }

    #[test]
    fn a_second_quote_in_a_sentence_has_the_first_ones_speaker() {
        let q = run(&["Barack Obama said it was \"distressing\" that \"even in the face of repeated mass killings\" nothing changed."]);
        assert_eq!(q.len(), 2);
        assert!(
            q.iter()
                .all(|q| q.speaker.as_deref() == Some("Barack Obama")),
            "{q:?}"
        );
    }

    #[test]
    fn the_person_not_the_organisation_and_not_the_object() {
        let q = run(&["As Nick of Arachnid Labs says, the chip is \"just dying for someone to write a compiler for it\"."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Nick"));
        let q = run(&["Han Dong-hoon, the party's leader, urged Yoon Suk Yeol to step down, telling reporters it had become \"impossible\" to go on."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Han Dong-hoon"));
    }

    #[test]
    fn contractions_and_sentence_openers_are_not_names() {
        let q = run(&["\"That was so funny I literally cried.\" Don't say that, ever."]);
        assert_eq!(q[0].speaker, None);
        let q = run(&["Like \"opt in\", the term is vague."]);
        assert_eq!(q[0].speaker, None);
        let q = run(&["Mr. Frankel said \"this will not last long at all, believe me.\""]);
        assert_eq!(
            (q[0].speaker.as_deref(), q[0].role.as_deref()),
            (Some("Frankel"), None)
        );
    }

    #[test]
    fn places_and_first_names_that_are_words() {
        // "Bill" is a first name here, not a law; "South Carolina" is no speaker.
        let q = run(&["Opposition Leader Bill Shorten said in a letter last month: \"Press freedom concerns must be addressed in this Bill.\""]);
        assert_eq!(q[0].speaker.as_deref(), Some("Bill Shorten"));
        let q = run(&["Barack Obama spoke in South Carolina. He said \"politics in this town\" was the problem."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Barack Obama"));
    }

    #[test]
    fn each_quote_has_a_text_fragment_to_share() {
        let q = run(&["\"Chasing this illusionary goal will only prolong the war, and cause more suffering,\" Pete Hegseth said."]);
        assert_eq!(
            q[0].text_fragment,
            "text=%22-,Chasing%20this%20illusionary%20goal,and%20cause%20more%20suffering%2C"
        );
        let q = run(&["Pete Hegseth called it \"an unrealistic objective\" today."]);
        assert_eq!(
            q[0].text_fragment,
            "text=Hegseth%20called%20it%20%22-,an%20unrealistic%20objective"
        );
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one() {
        let q = run(&[
            "Jane Smith, the mayor, spoke at length on Monday.",
            "\"We have waited for this bridge for ten years, and we will not wait any longer.",
            "\"The town needs it, the schools need it, and the shops need it,\" she said.",
            "\"Another quotation,\" said Jane Smith.",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].text, "We have waited for this bridge for ten years, and we will not wait any longer. The town needs it, the schools need it, and the shops need it.");
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Smith"));
        assert_eq!((q[0].block, q[0].more.len(), q[0].more[0].0), (1, 1, 2));
        // An opening mark never closed quotes its own paragraph, and swallows
        // nothing after it.
        let q = run(&[
            "\"An opening mark that nobody closes.",
            "A plain paragraph after it, with \"a quote\" in it.",
        ]);
        assert_eq!(
            q.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(),
            ["An opening mark that nobody closes.", "a quote"]
        );
    }

    #[test]
    fn stray_marks_never_panic_and_quotes_are_substrings() {
        let texts = [
            "\"",
            "“",
            "”a“",
            "« »",
            "„",
            "‘’",
            "\"\"\"",
            "He said \"a",
            "a\" b \"c",
            "é“ü”ñ",
            "” said He",
        ];
        for t in texts {
            let blocks = vec![Block::new(BlockKind::Paragraph, t)];
            for q in find(&blocks, &[], &Settings::default()) {
                for (s, e) in q.parts {
                    assert!(t.get(s..e).is_some(), "{t}");
                }
            }
        }
    }

    #[test]
    fn a_word_ending_in_a_multi_byte_letter_next_to_a_quote() {
        // Regression: `“Hi there,” 人ed.` trapped the module (a byte offset inside 人
        // while taking "ed" off a verb), and the article could not be mounted.
        for t in [
            "“Hi there,” 人ed.",
            "“Hi there,” 人ing 人s.",
            "“Hi there,” said 人人ed, the 長ed.",
            "''Hi there,'' Ωed éé.",
            "“Hi there,” 𝔸𝔹ed Σ-Σ. ''",
        ] {
            let q = run(&[t]);
            assert_eq!(q.len(), 1, "{t}");
            assert_eq!(q[0].text, "Hi there.", "{t}");
        }
    }

    #[test]
    fn organisations_and_outlets_speak() {
        let q =
            run(&["“The pier stays closed until spring,” the Harbour Board said in a statement."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Harbour Board"));
        let q = run(&["“The talks were useful,” Norway insisted. “We will meet again,” he said."]);
        assert_eq!(q[0].speaker.as_deref(), Some("Norway"));
        assert_eq!(q[1].speaker, None, "an organisation is never “he”");
        let q = run(&[
            "The bridge will cost “far more than planned,” according to the Valley Gazette.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Valley Gazette"));
    }

    #[test]
    fn an_organisation_that_is_the_subject_speaks() {
        let q = run(&[
            "In its yearly plan, the Harbour Board puts “public safety above every other duty.”",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Harbour Board"));
        let q = run(&["The NTSB calls it “a failure of the whole system of checks.”"]);
        assert_eq!(q[0].speaker.as_deref(), Some("NTSB"));
    }

    #[test]
    fn sources_described_without_a_name() {
        let q =
            run(&["“We did not expect the flood so early,” said a senior engineer at Kessel Dam."]);
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("a senior engineer at Kessel Dam")
        );
        let q = run(&["“We did not expect the flood so early,” the report stated."]);
        assert_eq!(q[0].speaker, None, "no name, nothing to show");
        let q = run(&[
            "Sen. Ada Quill of Vermont spoke on Tuesday.",
            "“The dam must be rebuilt,” the Vermont senator told reporters.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ada Quill"));
    }

    #[test]
    fn a_paragraph_that_ends_in_a_colon_introduces_the_speaker() {
        let q = run(&[
            "Mayor Ines Carvalho answered the council in a letter:",
            "“The ferry will run again on Monday, whatever the weather.”",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ines Carvalho"));
        let q = run(&[
            "Ines Carvalho spoke first. Then Bo Rand said:",
            "“The ferry will run again on Monday, whatever the weather.”",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Bo Rand"));
    }

    #[test]
    fn a_pronoun_that_opens_a_sentence_is_the_last_subject() {
        let q = run(&[
            "In the hall, Ines Carvalho, who chairs the board, thanked Bo Rand and his crew.",
            "She said the crew had been “a tremendous help to the whole town.”",
        ]);
        // Bo Rand is named too, and nothing says he is no "she": a guess.
        assert_eq!(q[0].guess.as_deref(), Some("Ines Carvalho"));
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn a_quotation_alone_goes_on_with_the_speaker_before_it() {
        let q = run(&["Ola Berg “knows every rock in the bay,” said Ada Quill, whose boat Bo Rand once sank. “He earned that.”"]);
        assert_eq!(
            q.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(),
            [Some("Ada Quill")],
            "{q:?}"
        );
    }

    #[test]
    fn he_is_not_a_name_after_a_preposition() {
        let q = run(&[
            "“The pier will hold,” Ada Quill said. She said she would not campaign against Bo Rand.",
            "“The boats are safe,” she said.",
        ]);
        assert_eq!(
            q.last().and_then(|q| q.speaker.as_deref()),
            Some("Ada Quill"),
            "{q:?}"
        );
    }

    #[test]
    fn she_is_not_the_man_named_last() {
        let q = run(&[
            "Ada Quill, who lost her seat in May, met the new mayor, John Vale.",
            "“We will not give up the harbour,” she said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ada Quill"), "{q:?}");
        let q = run(&[
            "Mrs. Quill met Thomas Rand and his crew on Monday.",
            "“We will not give up the harbour,” she said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Quill"), "{q:?}");
        let q = run(&[
            "Susan Vale met Thomas Rand on Monday.",
            "“We will not give up the harbour,” he said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Thomas Rand"), "{q:?}");
    }

    #[test]
    fn a_line_that_only_names_the_speaker() {
        let q = run(&[
            "“The ferry will run again on Monday, whatever the weather.”",
            "- Ines Carvalho.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ines Carvalho"));
        let q = run(&["“The ferry will run again on Monday.”", "— The end"]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn a_campaign_speaks_as_itself() {
        let q = run(&[
            "Ada Quill is running for mayor.",
            "“We will not answer that,” the Quill campaign said in a statement.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Quill campaign"));
    }

    #[test]
    fn a_quotation_repeated_in_a_caption_is_one_key_quote() {
        // Regression: the caption's copy of a quotation showed twice in the panel.
        let blocks = vec![
            Block::new(
                BlockKind::Caption,
                "Ines Carvalho: “The ferry will run again on Monday, whatever the weather.”",
            ),
            Block::new(
                BlockKind::Paragraph,
                "“The ferry will run again on Monday, whatever the weather,” said Ines Carvalho, the harbour master.",
            ),
        ];
        let q = find(&blocks, &[], &Settings::default());
        assert_eq!(q.len(), 2);
        assert_eq!(
            q.iter().map(|q| q.key).collect::<Vec<_>>(),
            [false, true],
            "{q:?}"
        );
    }

    #[test]
    fn a_transcript_line() {
        let q = run(&[
            "Governor Wren Calloway joined us from the capital.",
            "CALLOWAY: Well, my answer was “not this year, and not next year either.”",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Wren Calloway"));
        let q = run(&["UPDATE: The pier will “open again in May, if the weather allows.”"]);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn a_dash_after_the_quotation_names_the_speaker() {
        let q = run(&["“I never miss the market on Saturdays.” ― Edda Lind, 34, of Tromsø"]);
        assert_eq!(q[0].speaker.as_deref(), Some("Edda Lind"));
    }

    #[test]
    fn archive_text_with_two_apostrophes_for_quotation_marks() {
        let q = run(&["''The ferry will run again on Monday,'' said Ines Carvalho, the harbour master. ''We are ready.''"]);
        assert_eq!(
            said(&q),
            vec![(
                "The ferry will run again on Monday. We are ready.".into(),
                Some("Ines Carvalho".into())
            )]
        );
        // A paragraph that opens with two apostrophes can run on into the next one.
        let q = run(&[
            "''We waited three winters for the new hull.",
            "''Now it floats,'' said Ines Carvalho.",
        ]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Ines Carvalho"));
    }

    /// The quotations of paragraphs in language `lang` (declared).
    fn run_in(lang: &str, paragraphs: &[&str]) -> Vec<Quote> {
        let blocks: Vec<Block> = paragraphs
            .iter()
            .map(|p| Block::new(BlockKind::Paragraph, *p))
            .collect();
        let settings = Settings {
            lang: lang.into(),
            ..Settings::default()
        };
        find(&blocks, &[], &settings)
    }

    /// The name shown and the guess of the first quotation.
    fn shown_and_guess(q: &[Quote]) -> (Option<&str>, Option<&str>) {
        q.first()
            .map_or((None, None), |q| (q.speaker.as_deref(), q.guess.as_deref()))
    }

    #[test]
    fn a_name_beside_its_verb_is_shown() {
        let q =
            run(&["“The pier will hold for another winter,” said Ada Quill, the harbour master."]);
        assert_eq!(shown_and_guess(&q), (Some("Ada Quill"), None));
    }

    #[test]
    fn a_pronoun_over_a_paragraph_that_names_two_people_is_a_guess() {
        for (lang, paragraphs) in [
            (
                "en",
                [
                    "Ola Berg met Tom Vale at the harbour on Monday.",
                    "“We will rebuild the pier before the winter storms,” he said.",
                ],
            ),
            (
                "fr",
                [
                    "Jean Martin a rencontré Paul Girard lundi sur le port.",
                    "« Nous reconstruirons la jetée avant les tempêtes d'hiver », a-t-il déclaré.",
                ],
            ),
            (
                "de",
                [
                    "Thomas Berger traf am Montag Klaus Weber am Hafen.",
                    "„Wir bauen den Steg vor den Winterstürmen neu“, sagte er.",
                ],
            ),
        ] {
            let q = run_in(lang, &paragraphs);
            let (shown, guess) = shown_and_guess(&q);
            assert_eq!(shown, None, "{lang}: {q:?}");
            assert!(guess.is_some(), "{lang}: the guess is kept: {q:?}");
        }
    }

    #[test]
    fn a_pronoun_over_a_paragraph_that_names_one_person_is_shown() {
        for (lang, paragraphs, who) in [
            (
                "en",
                [
                    "Ada Quill visited the harbour on Monday.",
                    "“We will rebuild the pier before the winter storms,” she said.",
                ],
                "Ada Quill",
            ),
            (
                "fr",
                [
                    "Marie Dubois a visité le port lundi.",
                    "« Nous reconstruirons la jetée avant les tempêtes d'hiver », a-t-elle déclaré.",
                ],
                "Marie Dubois",
            ),
            (
                "de",
                [
                    "Julia Neumann besuchte am Montag den Hafen.",
                    "„Wir bauen den Steg vor den Winterstürmen neu“, sagte sie.",
                ],
                "Julia Neumann",
            ),
        ] {
            let q = run_in(lang, &paragraphs);
            assert_eq!(shown_and_guess(&q), (Some(who), None), "{lang}: {q:?}");
        }
    }

    #[test]
    fn the_interviewee_and_not_a_man_merely_mentioned() {
        // "he" after a paragraph about the interviewee that names another man only as
        // the object of a participle: the interviewee, or nobody; never the other.
        for (lang, paragraphs, who, other) in [
            (
                "en",
                [
                    "Arthur Pim has kept the lighthouse on Skerry Rock for forty years.",
                    "He spoke fondly of his years on the rock, recalling Prince Philip, who landed there in 1958.",
                    "“We talk when we can, but the sea decides when,” he said.",
                ],
                "Arthur Pim",
                "Philip",
            ),
            (
                "fr",
                [
                    "Jean Morel garde le phare de l'île depuis quarante ans.",
                    "Il parle avec tendresse de ses années sur le rocher, évoquant Paul Girard, venu en 1958.",
                    "« Nous parlons quand nous pouvons, mais la mer décide », a-t-il dit.",
                ],
                "Jean Morel",
                "Girard",
            ),
            (
                "de",
                [
                    "Arthur Pim bewacht seit vierzig Jahren den Leuchtturm auf der Insel.",
                    "Er erzählt gern von seinen Jahren dort und erinnert an Klaus Weber, der 1958 kam.",
                    "„Wir reden, wenn wir können, aber das Meer entscheidet“, sagte er.",
                ],
                "Arthur Pim",
                "Weber",
            ),
        ] {
            let q = run_in(lang, &paragraphs);
            let (shown, guess) = shown_and_guess(&q);
            assert!(!shown.is_some_and(|s| s.contains(other)), "{lang}: {q:?}");
            assert_eq!(shown.or(guess), Some(who), "{lang}: {q:?}");
        }
    }

    #[test]
    fn a_quotation_inside_reported_speech_about_someone_else_is_a_guess() {
        let q =
            run(&["Ada Quill said Bo Rand had called the plan “a disaster for the whole town.”"]);
        // Hers or his: the guess is the one who called it so, no name is shown.
        assert_eq!(shown_and_guess(&q), (None, Some("Bo Rand")), "{q:?}");
        // Her own words about him are hers.
        let q = run(&["Ada Quill said Bo Rand was “not fit to run the harbour.”"]);
        assert_eq!(shown_and_guess(&q), (Some("Ada Quill"), None), "{q:?}");
    }

    #[test]
    fn a_speaker_carried_to_the_next_paragraph_is_a_guess_and_no_key_quote() {
        let q = run(&[
            "“We will rebuild the pier before the winter storms come,” said Ada Quill.",
            "“The boats cannot wait another year for a safe place to land.”",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker, None, "{q:?}");
        assert_eq!(q[1].guess.as_deref(), Some("Ada Quill"), "{q:?}");
        assert_eq!(q[1].role, None);
        assert!(
            q[0].key && !q[1].key,
            "only a shown name makes a key quote: {q:?}"
        );
        // Introduced by name at the end of the paragraph before: sure.
        let q = run(&[
            "Ada Quill told the council:",
            "“The boats cannot wait another year for a safe place to land.”",
        ]);
        assert_eq!(shown_and_guess(&q), (Some("Ada Quill"), None), "{q:?}");
    }

    #[test]
    fn an_ordinary_word_taken_for_a_name_is_not_shown() {
        // "Islanders" is the plural of a word of the article, not someone's name.
        let q = run(&[
            "Every Islander on the ferry was asked about the pier.",
            "“We were never asked about the pier at all,” Islanders said.",
        ]);
        assert_eq!(q[0].speaker, None, "{q:?}");
        assert!(common_word(
            &[Block::new(BlockKind::Paragraph, "It shortly closed.")],
            "Shortly"
        ));
        assert!(!common_word(
            &[Block::new(BlockKind::Paragraph, "Quill spoke.")],
            "Quill"
        ));
    }

    #[test]
    fn a_question_put_to_someone_names_no_speaker() {
        let q = run(&["Ola Berg was asked, “Would you do it again, knowing what you know now?”"]);
        assert_eq!(
            (q[0].speaker.as_deref(), q[0].guess.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn a_party_alone_stands_for_the_person_as_a_guess() {
        let q = run(&[
            "Presidential candidate Ola Berg wants fewer rules for builders.",
            "“It might surprise you, but one of the things would be to get rid of the red tape,” the Republican said this week.",
        ]);
        assert_eq!(
            (q[0].speaker.as_deref(), q[0].guess.as_deref()),
            (None, Some("Ola Berg"))
        );
    }

    #[test]
    fn an_adverb_that_opens_a_sentence_is_no_speaker() {
        let q = run(&["Shortly after the call ended, Berg's campaign sent out a release saying Holm owes “Dover an explanation for voting against the funding.”"]);
        assert_ne!(q[0].speaker.as_deref(), Some("Shortly"));
        assert_ne!(q[0].guess.as_deref(), Some("Shortly"));
    }

    #[test]
    fn a_signature_does_not_vouch_for_the_quotation_after_it() {
        let q = run(&[
            "“We will win this vote,” she said.",
            "— Ada Quill, on the harbour vote",
            "“The whole idea is something we hear about all the time, and it needs to stop.”",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ada Quill"));
        assert_eq!(
            (q[1].speaker.as_deref(), q[1].guess.as_deref()),
            (None, Some("Ada Quill"))
        );
    }

    #[test]
    fn a_reply_is_not_the_words_of_the_one_who_replies() {
        let q = run(&["Holm responds to Berg with, “Why now? That was on my way to Oslo?” Berg then writes back, “You look fine.”"]);
        assert_eq!(q[0].speaker.as_deref(), Some("Holm"));
        assert_eq!(q[1].speaker.as_deref(), Some("Berg"));
    }

    #[test]
    fn the_younger_of_two_of_a_name_is_a_guess() {
        let q = run(&[
            "Ola Berg's son spoke on the convention floor on Tuesday.",
            "“It's not a campaign anymore, it's a movement,” said the younger Mr. Berg.",
        ]);
        assert_eq!(
            (q[0].speaker.as_deref(), q[0].guess.as_deref()),
            (None, Some("Ola Berg"))
        );
    }

    #[test]
    fn a_name_before_a_noun_is_no_subject() {
        let modifies = |text: &str| {
            let toks = tokens::tokens(text, &[]);
            mentions(&toks)
                .first()
                .is_some_and(|m| modifies_a_noun(&toks, m))
        };
        assert!(modifies(
            "But the oversized Berg face on the billboards has not hurt."
        ));
        assert!(modifies("It was a Berg rally."));
        assert!(!modifies(
            "In the event that Berg faces a vote, he will lose."
        ));
        assert!(!modifies("The harbour master Ada Quill said no."));
    }

    #[test]
    fn a_headline_in_capitals_names_no_speaker() {
        for text in [
            "HARBOUR FERRIES STRANDED IN DOVER “The ferries have not run for a week, and nobody can say when they will.” [Gazette.]",
            "HOW THE PORT AFFECTS THE REST OF THE TOWN “The port's slowdown is hurting every shop on the quay.” [Gazette.]",
        ] {
            let q = run(&[text]);
            assert_eq!(q[0].speaker, None, "{text}");
        }
    }
}
