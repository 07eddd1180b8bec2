#!/usr/bin/env python3
"""Wrong names among the key quotes, by the rules of the news file's own scorer.

    python3 scripts/quotes-keys.py PRED.jsonl GOLD.jsonl

PRED is what `cargo run --release --example quotes_eval` writes: each quote's `text`,
`speaker` (the name the panel shows, or null), `guess` (the weaker guess analyze()
keeps when the rules are not sure of a name) and `key` (shown in the panel). The
scorer (score.py and qcommon.py) is imported from the folder of GOLD, so that right
and wrong are decided exactly as it decides them: 3+ words, merge-aware matching;
a named gold speaker must match the name, a pronoun or a description is right for a
name whose last word occurs in the article, no gold speaker needs none.

Prints quote F1, named-speaker accuracy and end to end twice, for the names shown
and for the guesses (a guess where no name is shown), then the share of the key
quotes shown with a name whose name is wrong (over those matched to a gold quote;
key quotes that match no gold quote are counted apart), and how many of the wrong
ones are the gold speaker's own words (a description: the scorer credits none) or
have a gold speaker holding the shown surname in another form ("Professor Alba" for
"Richard Alba"); both are wrong by the scorer's rules all the same. KEYS_SHOW=N
lists the first N wrong ones. The last line:
`shown_speaker_acc=... guess_speaker_acc=... key_named=N key_wrong=N key_wrong_share=...`
"""
from __future__ import annotations

import os
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    pred_path, gold_path = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.dirname(os.path.abspath(gold_path)))
    import score  # noqa: E402  (the scorer next to the gold file)
    from qcommon import norm_text, read_jsonl, tokens  # noqa: E402

    score.MERGE_AWARE = True
    min_words = 3
    gold = {d["doc"]: d for d in read_jsonl(gold_path)}
    shown: dict[str, list] = {}
    guessed: dict[str, list] = {}
    for d in read_jsonl(pred_path):
        if d["doc"] not in gold:
            continue
        qs = d.get("quotes", [])
        shown.setdefault(d["doc"], []).extend(qs)
        guessed.setdefault(d["doc"], []).extend(
            dict(q, speaker=q.get("speaker") or q.get("guess")) for q in qs
        )
    rows = [("shown", score.evaluate(gold, shown, min_words, None)),
            ("guess", score.evaluate(gold, guessed, min_words, None))]
    for name, r in rows:
        print(f"{name:<6} quote_f1={r['F1']:.3f} speaker_acc={r['spk_acc']:.3f} "
              f"({r['ok_named']}/{r['m_named']}) e2e_f1={r['eF1']:.3f} "
              f"named_given={r['pred_speaker_named']}")

    # The key quotes with a name, judged as the scorer judges a matched pair.
    named = wrong = unmatched = keys = same_surname = same_words = 0
    examples = []
    for doc, g in gold.items():
        text = g.get("text", "")
        pq = [q for q in shown.get(doc, []) if len(tokens(q.get("text"))) >= min_words]
        gq = score.merge_for(g.get("quotes", []), pq)
        gq = [q for q in gq if len(tokens(q.get("text"))) >= min_words]
        pairs = {j: i for i, j, _ in score.greedy_match(gq, pq)}
        for j, q in enumerate(pq):
            if not q.get("key"):
                continue
            keys += 1
            if not q.get("speaker"):
                continue
            if j not in pairs:
                unmatched += 1
                continue
            named += 1
            _, ok = score.speaker_verdict(gq[pairs[j]], q["speaker"], text)
            if not ok:
                wrong += 1
                gold_speaker = gq[pairs[j]].get("speaker") or ""
                # The gold names the same surname in a form the name rule does not
                # match ("Professor Alba" for "Richard Alba"): counted wrong all the
                # same, and said apart.
                last = (tokens(q["speaker"]) or [""])[-1]
                if norm_text(q["speaker"]) == norm_text(gold_speaker):
                    # A description the scorer never credits ("a Democratic
                    # strategist"), word for word the gold's.
                    same_words += 1
                elif last and last in tokens(gold_speaker):
                    same_surname += 1
                examples.append((doc, q["speaker"], gq[pairs[j]].get("speaker")))
    share = wrong / named if named else 0.0
    print(f"key quotes {keys}, shown with a name and matched {named}, wrong name {wrong} "
          f"({100 * share:.1f} %); with a name but no gold quote: {unmatched}")
    other = wrong - same_surname - same_words
    print(f"  of the wrong: {same_words} the gold's own words (a description, which the "
          f"scorer never credits), {same_surname} where the gold speaker has the shown "
          f"surname in another form (a title, a description); the others: {other} "
          f"({100 * other / named if named else 0:.1f} %)")
    for doc, got, want in examples[: int(os.environ.get("KEYS_SHOW", "0"))]:
        print(f"  [{doc}] {got!r}, gold {want!r}")
    print(f"shown_speaker_acc={rows[0][1]['spk_acc']:.3f} "
          f"guess_speaker_acc={rows[1][1]['spk_acc']:.3f} key_named={named} "
          f"key_wrong={wrong} key_wrong_share={share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
