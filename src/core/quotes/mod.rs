//! Direct quotations: found in the text, attributed to a speaker, and ranked for the
//! key-quotes summary. Rule-based, no model: it runs in the reader's browser.

pub mod scan;
pub mod speakers;

use super::sections::{innermost, Section};
use super::{Block, BlockKind, Settings};
use scan::{Span, Tok};
use speakers::{attribute, mentions, People, Who};

/// One direct quotation.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quoted words (the parts of a quotation broken by its attribution are
    /// joined).
    pub text: String,
    /// Who said it, by the fullest name the article gives; `None` when the text does
    /// not say.
    pub speaker: Option<String>,
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
    /// The quotation makes up its whole sentence (no words of its own around it).
    alone: bool,
    /// Only a short attribution follows it in its sentence.
    tail_only: bool,
    /// Its text ends in a comma: the attribution broke in ("...suffering," he said).
    ends_comma: bool,
    /// Its text starts in lower case: it goes on from a part before.
    continues: bool,
    /// It is the first thing in its block.
    opens_block: bool,
    /// The index of its sentence within the block.
    sentence: usize,
}

/// Finds every quotation of the article, attributes it and marks the key ones.
pub fn find(blocks: &[Block], sections: &[Section], settings: &Settings) -> Vec<Quote> {
    let mut people = People::default();
    let mut found: Vec<Found> = Vec::new();
    // The speaker of the last quotation, while the text that follows goes on quoting.
    let mut quoting: Option<usize> = None;
    // A quotation running over paragraphs: its first part and the parts before its
    // last paragraph; the last paragraph is read as usual and gives the attribution.
    let mut chain: Option<(usize, Vec<(usize, Span)>)> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let from = found.len();
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
            scan_block(block, bi, &mut people, &mut found);
            let lead = block.text.len() - block.text.trim_start().len();
            if let Some(f) = found
                .get_mut(from)
                .filter(|f| f.spans.first().is_some_and(|s| s.open == lead))
            {
                let (first_block, first) = parts[0];
                let mut more: Vec<(usize, Span)> = parts[1..parts.len() - 1].to_vec();
                more.extend(f.spans.iter().map(|s| (bi, *s)));
                f.more = more;
                f.spans = vec![first];
                f.block = first_block;
                f.speaker = f.speaker.or(quoting);
            }
            quoting = found[from..].last().map_or(quoting, |f| f.speaker);
            continue;
        }
        match block.kind {
            BlockKind::Paragraph
            | BlockKind::Line
            | BlockKind::ListItem
            | BlockKind::Caption
            | BlockKind::Heading(_) => {
                let (last, frozen) = (people.last, !block.is_prose());
                people.frozen = frozen;
                scan_block(block, bi, &mut people, &mut found);
                people.frozen = false;
                if frozen {
                    people.last = last;
                }
            }
            BlockKind::Quote => match block_quotation(block, bi, &mut people) {
                Some(f) => found.push(f),
                None => scan_block(block, bi, &mut people, &mut found),
            },
            _ => continue,
        }
        if !block.is_prose() {
            continue;
        }
        // A paragraph that opens with an unattributed quotation goes on quoting the
        // speaker of the paragraph before (news style: one quotation a paragraph).
        if let Some(f) = found.get_mut(from) {
            if f.speaker.is_none() && f.opens_block && f.alone && f.block == bi {
                f.speaker = quoting;
            }
        }
        quoting = match found[from..].last() {
            Some(f) => f.speaker,
            // A paragraph of narration ends the quoting; a short line or a list item
            // (often a caption in disguise) does not.
            None if block.words() > 12 && block.kind != BlockKind::ListItem => None,
            None => quoting,
        };
    }
    let total_words: usize = blocks.iter().map(Block::words).sum();
    let mut quotes: Vec<Quote> = found
        .into_iter()
        .map(|f| {
            let mut text = join_parts(&blocks[f.block].text, &f.spans);
            for (b, span) in &f.more {
                text.push(' ');
                text.push_str(&join_parts(&blocks[*b].text, std::slice::from_ref(span)));
            }
            let person = f.speaker.and_then(|k| people.list.get(k));
            let mut words: Vec<&str> = words_of(&blocks[f.block].text, &f.spans);
            for (b, span) in &f.more {
                words.extend(words_of(&blocks[*b].text, std::slice::from_ref(span)));
            }
            Quote {
                text_fragment: text_fragment(&words),
                text,
                speaker: person.map(|p| p.name.clone()),
                role: person.and_then(|p| p.role.clone()),
                section_id: innermost(sections, f.block).map(|s| sections[s].id.clone()),
                key: false,
                block: f.block,
                parts: f.spans.iter().map(|s| (s.start, s.end)).collect(),
                more: f.more.iter().map(|(b, s)| (*b, s.start, s.end)).collect(),
            }
        })
        .collect();
    let wanted = settings.max_quotes.unwrap_or(match total_words {
        0..=599 => 3,
        600..=1499 => 4,
        _ => 5,
    });
    pick_key_quotes(&mut quotes, wanted);
    quotes
}

/// A `<blockquote>` without quotation marks is one quotation; a last line
/// "— Name" gives its speaker.
fn block_quotation(block: &Block, bi: usize, people: &mut People) -> Option<Found> {
    let text = block.text.trim_end();
    if !scan::spans(text).is_empty() || text.is_empty() {
        return None;
    }
    let dash = text
        .rfind(['—', '―', '–'])
        .filter(|&d| text[d..].split_whitespace().count() <= 6);
    let (body_end, speaker) = match dash {
        Some(d) if d > 0 => {
            let tail = &text[d..];
            let sp = scan::spans(tail);
            let toks = scan::tokens(tail, &sp);
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
        alone: true,
        tail_only: false,
        ends_comma: false,
        continues: false,
        opens_block: true,
        sentence: 0,
    })
}

fn scan_block(block: &Block, bi: usize, people: &mut People, found: &mut Vec<Found>) {
    let text = &block.text;
    let spans = scan::spans(text);
    let toks = scan::tokens(text, &spans);
    let first_in_block = found.len();
    // The person the sentence before was about, for a quotation standing alone.
    let mut prev_subject: Option<usize> = None;
    for (si, &(lo, hi)) in scan::sentences(text, &spans, &toks).iter().enumerate() {
        let sent = &toks[lo..hi];
        let ms = mentions(sent);
        // Register everyone the sentence names, so that a later short name or pronoun
        // finds the full name.
        let named: Vec<Option<usize>> = ms.iter().map(|m| people.resolve(m, false)).collect();
        let words = sent
            .iter()
            .filter(|(_, t)| matches!(t, Tok::Word(_)))
            .count();
        for (qi, (_, t)) in sent.iter().enumerate() {
            let Tok::Quote(span) = *t else { continue };
            let candidates = attribute(sent, &ms, 0, sent.len(), qi);
            let speaker = candidates.iter().find_map(|who| match *who {
                Who::Named(k) => people.resolve(&ms[k], true),
                Who::Known(k) => people.resolve(&ms[k], false),
                // The person named last before the pronoun: in this sentence, else
                // before it.
                Who::Pronoun(p) => ms
                    .iter()
                    .zip(&named)
                    .filter(|(m, _)| m.to <= p)
                    .filter_map(|(_, n)| *n)
                    .next_back()
                    .or(people.last),
            });
            // A second quotation in a sentence goes with the first one's speaker;
            // one standing alone goes with the person the sentence before was about.
            let earlier = found[first_in_block..]
                .iter()
                .rev()
                .find(|f| f.sentence == si)
                .and_then(|f| f.speaker);
            let speaker = speaker
                .or(earlier)
                .or(if words == 0 { prev_subject } else { None });
            let tail_words = sent[qi + 1..]
                .iter()
                .take_while(|(_, t)| !matches!(t, Tok::Quote(_)))
                .filter(|(_, t)| matches!(t, Tok::Word(_)))
                .count();
            let quoted = text
                .get(spans[span].start..spans[span].end)
                .unwrap_or("")
                .trim();
            found.push(Found {
                block: bi,
                more: Vec::new(),
                spans: vec![spans[span]],
                speaker,
                alone: words == 0,
                tail_only: tail_words <= 6 && speaker.is_some(),
                ends_comma: quoted.ends_with(','),
                continues: quoted.chars().next().is_some_and(char::is_lowercase),
                opens_block: lo == 0 && qi == 0,
                sentence: si,
            });
            if speaker.is_some() {
                people.last = speaker;
            }
        }
        // What the sentence is about: its first person (not after a preposition),
        // or the person "he" or "she" stands for, or who spoke in it.
        prev_subject = sentence_subject(sent, &ms, &named, people.last).or_else(|| {
            found[first_in_block..]
                .iter()
                .rev()
                .find(|f| f.sentence == si)
                .and_then(|f| f.speaker)
        });
        // The last person named in the sentence's own words becomes "he" or "she".
        let named_last = named.iter().rev().find_map(|n| *n);
        let spoke_last = found[first_in_block..]
            .last()
            .filter(|f| f.block == bi && f.sentence == si)
            .and_then(|f| f.speaker);
        let last_mention_end = ms.iter().map(|m| m.to).max().unwrap_or(0);
        let last_quote_at = sent
            .iter()
            .rposition(|(_, t)| matches!(t, Tok::Quote(_)))
            .unwrap_or(0);
        people.last = if last_quote_at >= last_mention_end {
            spoke_last.or(named_last)
        } else {
            named_last.or(spoke_last)
        }
        .or(people.last);
    }
    merge_broken(found, first_in_block);
}

/// The person a sentence is about: the first person named in it that no preposition
/// governs, or the one a leading "he" or "she" stands for.
fn sentence_subject(
    sent: &[(usize, Tok<'_>)],
    ms: &[speakers::Mention],
    named: &[Option<usize>],
    last: Option<usize>,
) -> Option<usize> {
    if let Some((_, Tok::Word(w))) = sent.first() {
        if w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she") {
            return last;
        }
    }
    ms.iter().zip(named).find_map(|(m, n)| {
        let governed = m.from > 0
            && matches!(sent.get(m.from - 1), Some((_, Tok::Word(w)))
                if matches!(w.to_ascii_lowercase().as_str(), "of" | "to" | "with" | "for" | "on" | "in" | "at" | "by" | "from" | "about" | "against" | "than" | "like"));
        (!governed && !m.possessive).then_some(*n).flatten()
    })
}

/// Joins a quotation broken by its attribution into one ("It's a question," he
/// said. "I think..."; "If I see a deck," Kaplan says, "and it's $100..."), and gives
/// an unattributed quotation that goes on right after an attributed one the same
/// speaker.
fn merge_broken(found: &mut Vec<Found>, from: usize) {
    let mut k = from + 1;
    while k < found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        let next = b.sentence == a.sentence + 1;
        let same = b.sentence == a.sentence;
        let goes_on = a.block == b.block
            && b.speaker.is_none_or(|s| Some(s) == a.speaker)
            && a.speaker.is_some()
            && ((a.tail_only && b.alone && next)
                || (a.tail_only && same && b.speaker.is_none())
                || (a.ends_comma && b.alone && next)
                || (a.ends_comma && b.continues && same));
        if goes_on {
            let b = found.remove(k);
            found[k - 1].spans.extend(b.spans);
        } else {
            k += 1;
        }
    }
}

/// The quoted text of all parts, joined, white space folded. A part that ends in a
/// comma because the attribution interrupted it ends in a full stop when it ends the
/// quotation or the next part starts a new sentence.
fn join_parts(text: &str, spans: &[Span]) -> String {
    let mut out = String::new();
    for (i, s) in spans.iter().enumerate() {
        let mut part = text
            .get(s.start..s.end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let next_starts_sentence = spans.get(i + 1).is_some_and(|n| {
            text.get(n.start..n.end)
                .and_then(|t| t.trim_start().chars().next())
                .is_some_and(char::is_uppercase)
        });
        // A comma where the attribution broke in ("...suffering," Hegseth said)
        // reads as the end of the statement in a summary.
        let last = i + 1 == spans.len();
        if (next_starts_sentence || last) && part.ends_with(',') {
            part.pop();
            part.push('.');
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&part);
    }
    out
}

/// How many words a text directive takes from each end of a long quotation.
const FRAGMENT_WORDS: usize = 4;

/// The words of a quotation's parts in one block.
fn words_of<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans
        .iter()
        .flat_map(|s| text.get(s.start..s.end).unwrap_or("").split_whitespace())
        .collect()
}

/// A text directive for the quotation's words: the whole text when it is short, else
/// its first and last words (`text=start,end`), percent-encoded as the syntax requires.
fn text_fragment(words: &[&str]) -> String {
    let mut out = String::from("text=");
    if words.len() <= FRAGMENT_WORDS * 2 {
        encode_into(&words.join(" "), &mut out);
    } else {
        encode_into(&words[..FRAGMENT_WORDS].join(" "), &mut out);
        out.push(',');
        encode_into(&words[words.len() - FRAGMENT_WORDS..].join(" "), &mut out);
    }
    out
}

/// The parts of a quotation that runs over paragraphs, starting at block `bi`: the
/// block opens with a quotation mark that it never closes, and each block after it
/// opens with the same mark, until one closes it. `None` when `bi` starts no such run.
fn open_chain(blocks: &[Block], bi: usize) -> Option<Vec<(usize, Span)>> {
    let opening = |b: &Block| -> Option<(usize, char)> {
        if !b.is_prose() {
            return None;
        }
        let lead = b.text.len() - b.text.trim_start().len();
        let c = b.text[lead..].chars().next()?;
        matches!(c, '“' | '"' | '«' | '„').then_some((lead, c))
    };
    let open_part = |b: &Block, lead: usize, c: char| Span {
        open: lead,
        start: lead + c.len_utf8(),
        end: b.text.trim_end().len().max(lead + c.len_utf8()),
        close: b.text.trim_end().len().max(lead + c.len_utf8()),
    };
    let (lead, c) = opening(&blocks[bi])?;
    if scan::spans(&blocks[bi].text).iter().any(|s| s.open == lead) {
        return None;
    }
    let mut parts = vec![(bi, open_part(&blocks[bi], lead, c))];
    // A quotation of more than a dozen paragraphs is more likely a stray mark.
    for (j, b) in blocks.iter().enumerate().skip(bi + 1).take(12) {
        let (l, d) = opening(b)?;
        if d != c {
            return None;
        }
        match scan::spans(&b.text).into_iter().find(|s| s.open == l) {
            Some(s) => {
                parts.push((j, s));
                return Some(parts);
            }
            None => parts.push((j, open_part(b, l, c))),
        }
    }
    None
}

/// Percent-encodes everything but unreserved ASCII (`,`, `-` and `&` have meanings
/// in a text directive).
fn encode_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Whether a quotation is a whole statement, not a scare quote, a title or a slogan.
fn is_statement(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 5 {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    if !first.is_uppercase() && !first.is_numeric() {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    // Title case through and through: a title or a slogan.
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 10 < words.len() * 8
}

/// Marks the key quotes: whole statements with a speaker, the best first, spread
/// over speakers and sections.
fn pick_key_quotes(quotes: &mut [Quote], wanted: usize) {
    let mut candidates: Vec<(usize, f64)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.speaker.is_some() && is_statement(&q.text))
        .map(|(i, q)| {
            let words = q.text.split_whitespace().count() as f64;
            // Prefer 12 to 40 words; very long quotations read badly in a summary.
            let length = if words > 40.0 {
                40.0 - (words - 40.0) / 2.0
            } else {
                words.min(40.0)
            };
            let sentence = if q.text.trim_end().ends_with(['.', '!', '?', ',']) {
                5.0
            } else {
                0.0
            };
            (i, length + sentence)
        })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < wanted && !candidates.is_empty() {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(ci, &(qi, score))| {
                let same_speaker = chosen
                    .iter()
                    .filter(|&&c| quotes[c].speaker == quotes[qi].speaker)
                    .count();
                let same_section = chosen
                    .iter()
                    .filter(|&&c| quotes[c].section_id == quotes[qi].section_id)
                    .count();
                let s =
                    score * 0.7f64.powi(same_speaker as i32) * 0.85f64.powi(same_section as i32);
                (ci, s)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(ci, _)| ci);
        let Some(ci) = best else { break };
        chosen.push(candidates.remove(ci).0);
    }
    for i in chosen {
        quotes[i].key = true;
    }
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
        assert_eq!(q[1].speaker.as_deref(), Some("Hori Parata"));
        // A paragraph of narration in between ends it.
        let q = run(&[
            "\"We are here to look after them,\" Hori Parata said.",
            "The whales were refloated on Sunday morning by volunteers from the town and from the department, who had worked through the night.",
            "\"When will we talk about what is hurting these animals out on the sea?\"",
        ]);
        assert_eq!(q[1].speaker, None);
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
            "text=Chasing%20this%20illusionary%20goal,and%20cause%20more%20suffering%2C"
        );
        let q = run(&["Pete Hegseth called it \"an unrealistic objective\" today."]);
        assert_eq!(q[0].text_fragment, "text=an%20unrealistic%20objective");
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
        // An opening mark never closed in the paragraphs after swallows nothing.
        let q = run(&[
            "\"An opening mark that nobody closes.",
            "A plain paragraph after it, with \"a quote\" in it.",
        ]);
        assert_eq!(
            q.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(),
            ["a quote"]
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
}
