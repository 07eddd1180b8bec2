//! Quotations in pieces: one that runs over paragraphs (each opens with a mark, only
//! the last closes), one broken by its attribution ("It's a question," he said. "I
//! think..."), and the joined text of the pieces.

use super::marks::{leading_mark, spans, Span};
use super::Found;
use crate::core::Block;

/// The parts of a quotation that runs over paragraphs, starting at block `bi`: the
/// block opens with a quotation mark that it never closes, and each block after it
/// opens with the same mark, until one closes it. `None` when `bi` starts no such run.
pub fn open_chain(blocks: &[Block], bi: usize) -> Option<Vec<(usize, Span)>> {
    let opening = |b: &Block| -> Option<(usize, usize, char)> {
        if !b.is_prose() {
            return None;
        }
        leading_mark(&b.text)
    };
    let open_part = |b: &Block, lead: usize, start: usize| {
        let end = b.text.trim_end().len().max(start);
        Span {
            open: lead,
            start,
            end,
            close: end,
        }
    };
    let first = blocks.get(bi)?;
    let (lead, start, c) = opening(first)?;
    if spans(&first.text).iter().any(|s| s.open == lead) {
        return None;
    }
    let mut parts = vec![(bi, open_part(first, lead, start))];
    // A quotation of more than a dozen paragraphs is more likely a stray mark.
    for (j, b) in blocks.iter().enumerate().skip(bi + 1).take(12) {
        let (l, s, d) = opening(b)?;
        if d != c {
            return None;
        }
        match spans(&b.text).into_iter().find(|s| s.open == l) {
            Some(s) => {
                parts.push((j, s));
                return Some(parts);
            }
            None => parts.push((j, open_part(b, l, s))),
        }
    }
    None
}

/// Joins a quotation broken by its attribution into one ("It's a question," he
/// said. "I think..."; "If I see a deck," Kaplan says, "and it's $100..."), and gives
/// an unattributed quotation that goes on right after an attributed one the same
/// speaker. The quotations from `from` on are taken in one pass, each joined to the
/// one kept before it or kept (removing each joined one from the list instead was
/// quadratic in a block of many broken quotations).
pub fn merge_broken(found: &mut Vec<Found>, from: usize) {
    // The quotations kept are moved to the front, each joined one's parts into the
    // last kept before it.
    let mut kept = from;
    for k in from + 1..found.len() {
        let joins = matches!((found.get(kept), found.get(k)), (Some(a), Some(b)) if goes_on(a, b));
        if joins {
            let (spans, sure) = found
                .get_mut(k)
                .map(|b| (std::mem::take(&mut b.spans), b.sure && b.speaker.is_some()))
                .unwrap_or_default();
            if let Some(a) = found.get_mut(kept) {
                a.spans.extend(spans);
                // "“...,” he said. “...,” Quill said.": the name of one part is
                // the name of all.
                a.sure |= sure;
            }
        } else {
            kept += 1;
            found.swap(kept, k);
        }
    }
    found.truncate(kept + 1);
}

/// Whether quotation `b` goes on quotation `a`, the one right before it.
fn goes_on(a: &Found, b: &Found) -> bool {
    let next = b.sentence == a.sentence + 1;
    let same = b.sentence == a.sentence;
    a.block == b.block
        && b.speaker.is_none_or(|s| Some(s) == a.speaker)
        && a.speaker.is_some()
        && ((a.tail_only && b.alone && next)
            || (a.tail_only && same && b.speaker.is_none())
            || (a.ends_comma && b.alone && next)
            || (a.ends_comma && b.continues && same)
            // "«Es un primer paso», admitió Campos, «pero no será el último».": the
            // other languages set the comma outside the marks.
            || (super::lang::foreign() && a.tail_only && a.said_after && b.continues && same))
}

/// The quoted text of all parts, joined, white space folded. A part that ends in a
/// comma because the attribution interrupted it ends in a full stop when it ends the
/// quotation or the next part starts a new sentence.
pub fn join_parts(text: &str, spans: &[Span]) -> String {
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
