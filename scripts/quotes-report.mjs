// Quote quality: runs analyze() on every hand-labelled page and measures the quotations
// it returns against the labels in tests/fixtures/quotes/ (rules in that folder's
// README.md).
//
//   node scripts/quotes-report.mjs [page ...]    (make quotes-report builds pkg/ first)
//   QUOTES_LABELS=dir  reads the label files from another folder
//
// Each corpus page is served from 127.0.0.1 as its source.html with every script, inline
// event handler, <base> and <meta http-equiv> removed; the seed article is served as a
// Blogger-style post built from tests/fixtures/seed/article.txt. Headless Chromium (see
// browser.mjs) lets only 127.0.0.1 through. The built widget is read from pkg/ once at
// start, so a rebuild during the run does not mix two builds.
//
// Matching. Texts are normalised (Unicode NFKD without accents, lower case, curly
// quotes and apostrophes made straight, quotation marks dropped) and cut into word
// tokens. A widget quote matches a label when
//   - the shorter token sequence occurs in the longer one, and the shorter has at least
//     4 tokens or at least half as many as the longer; or
//   - the Jaccard index of their token sets is at least 0.6.
// Pairs are taken best first (containment, then overlap), one widget quote per label.
// A matched pair whose widget text covers under 80% of the label's tokens is reported
// as "truncated"; one whose widget text is more than 20% outside the label as "overlong".
//
// Figures, per page and overall (overall = sums over pages, i.e. micro-averaged):
//   all:        precision = matched / widget quotes, recall = matched / labels.
//   statements: recall = statement labels matched / statement labels; precision =
//               widget quotes matched to a statement label / widget quotes (a scare
//               quote, title or example returned as a quotation counts against it).
//   key:        widget quotes with key=true against labels with key=true (the panel
//               shows 3 to 5 key quotes by default, which bounds the recall).
//   speaker:    accuracy over matched pairs whose label has a speaker. The widget's
//               speaker is right when, after normalisation (accents, case, punctuation,
//               one-letter initials and Mr/Mrs/Ms/Dr dropped), it equals the labelled
//               full name or one of the label's altSpeakers, or it is the surname alone:
//               the label file's `surnames` entry or else the last word with any particle
//               before it ("de Miranda" or "Miranda" for "Luis de Miranda"), unless the
//               page lists that surname in `ambiguousSurnames`.
//   time:       analyze(root) is run 5 times per page; the median is reported.
//
// Errors: every miss, false positive, wrong or missing speaker, non-statement returned
// as a quotation, fragment shown as key, truncated or overlong match is listed with its
// page and text. Misses say where the label's words are in the root (heading, caption,
// block quote, link; found by searching the root's text); a widget speaker whose first
// word also occurs in lower case in the article is flagged as an ordinary word taken for
// a name. The worst cases are ranked by a fixed severity (key statements first, naming
// the wrong person above naming nobody), at most two per kind before the rest.
//
// The training file. When ../shared/quotes-eval/news-train.jsonl is there (or the file
// QUOTES_EVAL names), the report also runs the core on its 840 labelled news articles
// natively (`cargo run --release --example quotes_eval`, one paragraph block per
// paragraph, as the browser's reader makes of plain <p> elements) and scores the result
// with the file's own scorer (`score.py --min-words 3 --merge-aware`); it says so when
// the file is not there. The last table sets both side by side: quote F1, named-speaker
// accuracy (of the names shown; on the training file also with the guesses analyze()
// keeps where the rules are not sure enough to show a name), the share of key quotes
// shown with a name whose name is wrong (on the training file by the scorer's rules,
// scripts/quotes-keys.py; on the labelled pages a wrong or invented speaker), and end
// to end (the quote found and its speaker right). On the labelled pages
// end to end counts a matched quote whose speaker is right, or that has none where the
// label has none, against all widget quotes and all labels.
//
// Writes test-results/quotes-report.json and prints a table, the kinds of error and the
// worst cases. Exits 1 only when a page cannot be loaded, its root is missing, or
// init/analyze throws; low scores are a measurement, not a failure.

import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, onlyLoopback } from './browser.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const LABELS = process.env.QUOTES_LABELS ? resolve(process.env.QUOTES_LABELS) : join(ROOT, 'tests/fixtures/quotes');
const CORPUS = join(ROOT, 'tests/fixtures/corpus');
const SEED = join(ROOT, 'tests/fixtures/seed/article.txt');
const PKG = join(ROOT, 'pkg');
const OUT = join(ROOT, 'test-results/quotes-report.json');
const SEED_ROOT_ID = 'post-body-7318405593424166051';
const EVAL = process.env.QUOTES_EVAL
  ? resolve(process.env.QUOTES_EVAL)
  : join(ROOT, '../shared/quotes-eval/news-train.jsonl');
const RUNS = 5;
const PKG_WAIT_MS = 120_000;
const PAGE_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------
// Pages

/** Removes what would run or redirect: scripts, inline handlers, <base>, <meta http-equiv>. */
export function stripPage(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '')
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/<meta\b[^>]*http-equiv[^>]*>/gi, '')
    .replace(/<[a-zA-Z][^>]*>/g, (tag) =>
      tag.replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''),
    );
}

const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The seed article as a Blogger post: caption table, then one <div> per paragraph. */
export function seedPage(text) {
  const lines = text.split(/\r?\n/);
  const title = lines[0].replace(/\/+\s*$/, '').trim();
  const paras = [];
  let started = false;
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    if (!started) {
      if (line === `//${title}//`) started = true;
      continue;
    }
    if (line === 'Post a Comment') break;
    if (line) paras.push(line);
  }
  if (!started || paras.length < 2) throw new Error('seed article: unexpected layout');
  const [caption, ...body] = paras;
  const divs = body.map((p) => `<div>${escapeHtml(p)}</div>\n<div><br></div>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><div class="post hentry">
<h3 class="post-title entry-title">${escapeHtml(title)}</h3>
<div class="post-body entry-content" id="${SEED_ROOT_ID}">
<table class="tr-caption-container"><tbody>
<tr><td><img alt="" width="640" height="360" src="/none.svg"></td></tr>
<tr><td class="tr-caption">${escapeHtml(caption)}</td></tr>
</tbody></table>
<div>&nbsp;</div>
${divs}
</div></div></body></html>
`;
}

async function snapshotPkg() {
  const deadline = Date.now() + PKG_WAIT_MS;
  for (;;) {
    try {
      const files = new Map();
      for (const name of ['article_widget.js', 'article_widget_bg.wasm']) {
        files.set(name, await readFile(join(PKG, name)));
      }
      return files;
    } catch (err) {
      if (err.code !== 'ENOENT' || Date.now() > deadline) {
        throw new Error(`pkg/ is not built (${err.message}); run \`make package\``);
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function serve(pages, pkgFiles) {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    let body;
    let type;
    const page = pathname.match(/^\/page\/([\w-]+)\.html$/);
    const pkg = pathname.match(/^\/pkg\/([\w.-]+)$/);
    if (page && pages.has(page[1])) {
      body = Buffer.from(pages.get(page[1]));
      type = 'text/html; charset=utf-8';
    } else if (pkg && pkgFiles.has(pkg[1])) {
      body = pkgFiles.get(pkg[1]);
      type = types[pkg[1].slice(pkg[1].lastIndexOf('.'))];
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// ---------------------------------------------------------------------------------
// Text matching

const QUOTE_MARKS = /["“”„‟«»‹›〝〞＂]/g;

export function tokens(text) {
  const s = String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(QUOTE_MARKS, ' ');
  return s.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

function containsSeq(long, short) {
  if (short.length === 0 || short.length > long.length) return false;
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

function multisetOverlap(a, b) {
  const counts = new Map();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let n = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      n++;
      counts.set(t, c - 1);
    }
  }
  return n;
}

/** How a widget text and a label text compare; `match` per the rule in the header. */
export function compare(widgetToks, labelToks) {
  const [short, long] =
    widgetToks.length <= labelToks.length ? [widgetToks, labelToks] : [labelToks, widgetToks];
  const contained =
    short.length > 0 &&
    containsSeq(long, short) &&
    (short.length >= 4 || short.length * 2 >= long.length);
  const A = new Set(widgetToks);
  const B = new Set(labelToks);
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  const union = A.size + B.size - inter;
  const jaccard = union ? inter / union : 0;
  const shared = multisetOverlap(labelToks, widgetToks);
  return {
    match: contained || jaccard >= 0.6,
    contained,
    jaccard,
    labelCoverage: labelToks.length ? shared / labelToks.length : 0,
    widgetInLabel: widgetToks.length ? shared / widgetToks.length : 0,
    score: (contained ? 1 : 0) + jaccard,
  };
}

/**
 * One-to-one matching, best pairs first; ties (repeated words such as a "Like" button
 * quoted seven times) go to the nearer position in the text, given as character offsets
 * in the root when known, else to the nearer rank in reading order.
 */
export function matchQuotes(widget, labels, widgetOffsets = [], labelOffsets = []) {
  const wt = widget.map((q) => tokens(q.text));
  const lt = labels.map((q) => tokens(q.text));
  const pairs = [];
  for (let i = 0; i < widget.length; i++) {
    for (let j = 0; j < labels.length; j++) {
      const c = compare(wt[i], lt[j]);
      if (c.match) {
        const a = widgetOffsets[i];
        const b = labelOffsets[j];
        const dist =
          Number.isFinite(a) && Number.isFinite(b)
            ? Math.abs(a - b)
            : 1e9 * Math.abs(i / Math.max(1, widget.length) - j / Math.max(1, labels.length));
        pairs.push({ i, j, c, dist });
      }
    }
  }
  pairs.sort((a, b) => b.c.score - a.c.score || a.dist - b.dist || a.i - b.i);
  const byWidget = new Array(widget.length).fill(null);
  const byLabel = new Array(labels.length).fill(null);
  for (const p of pairs) {
    if (byWidget[p.i] !== null || byLabel[p.j] !== null) continue;
    byWidget[p.i] = p;
    byLabel[p.j] = p;
  }
  // A label the widget returned in pieces (a quotation broken by its attribution, cut in
  // two) is matched to its first piece in reading order, which is the piece that
  // normally carries the attribution; the other pieces stay unmatched.
  for (const p of pairs) {
    const held = byLabel[p.j];
    if (!held || held === p || byWidget[p.i] !== null || p.i > held.i) continue;
    const piece = (q) => q.c.contained && wt[q.i].length < lt[q.j].length;
    if (!piece(p) || !piece(held) || p.i >= byLabel[p.j].i) continue;
    byWidget[held.i] = null;
    byWidget[p.i] = p;
    byLabel[p.j] = p;
  }
  return { byWidget, byLabel, wt, lt };
}

// ---------------------------------------------------------------------------------
// Speakers

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr']);
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'van', 'von', 'le', 'la', 'al', 'el', 'bin', 'ben', 'ibn', 'st']);

export function nameTokens(name) {
  return tokens(String(name ?? '').replace(/[-‐‑]/g, ' '))
    .map((t) => t.replace(/'s$/, ''))
    .filter((t) => t.length > 1 && !HONORIFICS.has(t));
}

/** 'full' | 'alt' | 'surname' | 'wrong' | 'none' */
export function judgeSpeaker(answer, label, page) {
  if (answer === null || answer === undefined || String(answer).trim() === '') return 'none';
  const a = nameTokens(answer).join(' ');
  if (!a) return 'none';
  if (a === nameTokens(label.speaker).join(' ')) return 'full';
  if ((label.altSpeakers ?? []).some((s) => nameTokens(s).join(' ') === a)) return 'alt';
  const full = nameTokens(label.speaker);
  const given = page.surnames?.[label.speaker];
  const surnames = new Set();
  if (given) {
    surnames.add(nameTokens(given).join(' '));
  } else if (full.length > 1) {
    let k = full.length - 1;
    surnames.add(full[k]);
    while (k > 0 && PARTICLES.has(full[k - 1])) {
      k--;
      surnames.add(full.slice(k).join(' '));
    }
  }
  const ambiguous = new Set((page.ambiguousSurnames ?? []).map((s) => nameTokens(s).join(' ')));
  if (surnames.has(a) && !ambiguous.has(a)) return 'surname';
  return 'wrong';
}

const RIGHT = new Set(['full', 'alt', 'surname']);

// ---------------------------------------------------------------------------------
// Scoring one page

const ratio = (n, d) => (d ? n / d : null);
function prf(tp, nWidget, nLabels) {
  const p = ratio(tp, nWidget);
  const r = ratio(tp, nLabels);
  const f = p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : p === null || r === null ? null : 0;
  return { tp, widget: nWidget, labels: nLabels, precision: p, recall: r, f1: f };
}

function short(text, n = 110) {
  const s = String(text).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function describeMiss(label, loc, lt, widget, wt, byWidget) {
  // Does some widget quote hold a good part of these words (split, merged, cut)?
  let best = null;
  for (let i = 0; i < widget.length; i++) {
    const shared = multisetOverlap(lt, wt[i]);
    const cov = lt.length ? shared / lt.length : 0;
    if (cov > 0.3 && (!best || cov > best.cov)) best = { i, cov };
  }
  const note = label.note ?? '';
  const where = loc?.where ?? [];
  const what = label.kind === 'statement' ? 'statement' : label.kind;
  let why;
  if (where.some((w) => w.startsWith('heading'))) why = `${what} in a ${where.find((w) => w.startsWith('heading'))} not found`;
  else if (where.includes('caption')) why = `${what} in a caption not found`;
  else if (where.includes('blockquote') || /block quote/.test(note)) why = `block quote not found`;
  else if (where.includes('link')) why = `${what} in a link not found`;
  else if (best && byWidget[best.i] && wt[best.i].length > lt.length) {
    why = `${what} not returned on its own: its words are inside a longer widget quote matched to another label (nested or repeated quotation)`;
  } else if (best) why = `${what} returned only in a form too different to match (segmented differently)`;
  else if (loc?.multiBlock) why = `multi-paragraph ${what} not found`;
  else if (/broken by/.test(note)) why = 'quotation broken by its attribution not found';
  else if (/no attribution/.test(note)) why = 'unattributed follow-on quotation not found';
  else why = `${what} not found`;
  return { why, overlap: best ? { widgetIndex: best.i, labelCoverage: best.cov } : null };
}

export function scorePage(labelDoc, widget, locations = [], widgetLocations = []) {
  const labels = labelDoc.quotes;
  const { byWidget, byLabel, wt, lt } = matchQuotes(
    widget,
    labels,
    widgetLocations.map((l) => l?.offset),
    locations.map((l) => l?.offset),
  );
  const isStmt = (j) => labels[j].kind === 'statement';

  const matched = byWidget.filter(Boolean).length;
  const stmtLabels = labels.filter((q) => q.kind === 'statement').length;
  const stmtMatched = byLabel.filter((p, j) => p && isStmt(j)).length;

  const widgetKey = widget.filter((q) => q.key).length;
  const labelKey = labels.filter((q) => q.key).length;
  const keyTp = byWidget.filter((p, i) => p && widget[i].key && labels[p.j].key).length;

  const speakers = { judged: 0, right: 0, full: 0, alt: 0, surname: 0, wrong: 0, none: 0, stmtJudged: 0, stmtRight: 0, unlabelledGiven: 0, keyNamed: 0, keyWrong: 0 };
  const pairs = [];
  const errors = [];

  byLabel.forEach((p, j) => {
    const label = labels[j];
    if (!p) {
      const d = describeMiss(label, locations[j], lt[j], widget, wt, byWidget);
      errors.push({
        type: 'missed',
        why: d.why,
        kind: label.kind,
        key: label.key,
        text: label.text,
        speaker: label.speaker,
        note: label.note,
        where: locations[j]?.where,
        multiBlock: locations[j]?.multiBlock,
        overlapping: d.overlap ? widget[d.overlap.widgetIndex].text : undefined,
      });
      return;
    }
    const w = widget[p.i];
    const pair = {
      label: label.text,
      widget: w.text,
      kind: label.kind,
      labelKey: label.key,
      widgetKey: !!w.key,
      labelSpeaker: label.speaker,
      widgetSpeaker: w.speaker ?? null,
      labelCoverage: +p.c.labelCoverage.toFixed(3),
      widgetInLabel: +p.c.widgetInLabel.toFixed(3),
    };
    if (label.speaker) {
      const verdict = judgeSpeaker(w.speaker, label, labelDoc);
      pair.speakerVerdict = verdict;
      speakers.judged++;
      speakers[verdict]++;
      if (RIGHT.has(verdict)) speakers.right++;
      if (label.kind === 'statement') {
        speakers.stmtJudged++;
        if (RIGHT.has(verdict)) speakers.stmtRight++;
      }
      if (!RIGHT.has(verdict)) {
        errors.push({
          type: 'wrong speaker',
          why:
            verdict === 'none'
              ? 'no speaker given'
              : `speaker "${w.speaker}" instead of "${label.speaker}"${w.speakerIsWord ? ' (an ordinary word taken for a name)' : ''}`,
          notAName: !!w.speakerIsWord,
          kind: label.kind,
          key: label.key,
          text: label.text,
          speaker: label.speaker,
          widgetSpeaker: w.speaker ?? null,
          note: label.note,
        });
      }
    }
    // A key quote shown with a name: wrong when the label names someone else, or
    // nobody.
    if (w.key && w.speaker) {
      speakers.keyNamed++;
      if (!label.speaker || !RIGHT.has(pair.speakerVerdict)) speakers.keyWrong++;
    }
    if (!label.speaker && w.speaker) {
      speakers.unlabelledGiven++;
      errors.push({
        type: 'invented speaker',
        why: `speaker "${w.speaker}" for words the article attributes to nobody${w.speakerIsWord ? ' (an ordinary word taken for a name)' : ''}`,
        notAName: !!w.speakerIsWord,
        kind: label.kind,
        key: label.key,
        text: label.text,
        widgetSpeaker: w.speaker,
        note: label.note,
      });
    }
    if (label.kind !== 'statement') {
      errors.push({
        type: 'non-statement',
        why: `${label.kind} returned as a quotation${w.key ? ' and marked key' : ''}`,
        kind: label.kind,
        key: false,
        widgetKey: !!w.key,
        text: label.text,
        note: label.note,
      });
    } else if (w.key && !label.key) {
      errors.push({
        type: 'fragment marked key',
        why: 'shown as a key quote, but it is a fragment or not worth a summary',
        kind: label.kind,
        key: label.key,
        widgetKey: true,
        text: label.text,
        widget: w.text,
      });
    }
    if (p.c.labelCoverage < 0.8) {
      errors.push({
        type: 'truncated',
        why: `widget text covers ${Math.round(p.c.labelCoverage * 100)}% of the quotation${w.key ? ' (shown as key)' : ''}`,
        kind: label.kind,
        key: label.key,
        widgetKey: !!w.key,
        text: label.text,
        widget: w.text,
        note: label.note,
      });
    } else if (p.c.widgetInLabel < 0.8) {
      errors.push({
        type: 'overlong',
        why: `${Math.round((1 - p.c.widgetInLabel) * 100)}% of the widget text is outside the quotation`,
        kind: label.kind,
        key: label.key,
        text: label.text,
        widget: w.text,
        note: label.note,
      });
    }
    pairs.push(pair);
  });

  byWidget.forEach((p, i) => {
    if (p) return;
    const w = widget[i];
    // Part of a labelled quotation already matched (a split), or nothing labelled at all?
    let part = null;
    for (let j = 0; j < labels.length; j++) {
      const cov = wt[i].length ? multisetOverlap(wt[i], lt[j]) / wt[i].length : 0;
      if (cov >= 0.8 && (!part || cov > part.cov)) part = { j, cov };
    }
    const speakerNote = w.speaker ? `speaker "${w.speaker}"` : 'no speaker';
    errors.push({
      type: 'false positive',
      why: part
        ? byLabel[part.j]
          ? `split quotation: a second piece of a labelled quotation (${speakerNote}${w.key ? ', shown as key' : ''})`
          : 'a piece of a labelled quotation, too small to match it'
        : 'no labelled quotation has these words',
      key: !!w.key,
      text: w.text,
      widgetSpeaker: w.speaker ?? null,
      label: part ? labels[part.j].text : undefined,
    });
  });

  return {
    all: prf(matched, widget.length, labels.length),
    statements: prf(stmtMatched, widget.length, stmtLabels),
    key: prf(keyTp, widgetKey, labelKey),
    speakers: {
      ...speakers,
      accuracy: ratio(speakers.right, speakers.judged),
      statementAccuracy: ratio(speakers.stmtRight, speakers.stmtJudged),
    },
    pairs,
    errors,
  };
}

// ---------------------------------------------------------------------------------
// Error ranking for the worst-cases list

function severity(e) {
  const key = e.key ? 1 : 0;
  switch (e.type) {
    case 'missed':
      return e.kind === 'statement' ? 60 + 20 * key : 10;
    case 'wrong speaker':
      // Naming the wrong person is worse than naming nobody.
      if (e.widgetSpeaker) return (e.kind === 'statement' ? 60 : 45) + 20 * key + (e.notAName ? 5 : 0);
      return (e.kind === 'statement' ? 50 : 20) + 20 * key;
    case 'non-statement':
      return e.widgetKey ? 70 : 15;
    case 'fragment marked key':
      return 65;
    case 'false positive':
      return 40 + 30 * key;
    case 'invented speaker':
      return e.notAName ? 58 : 40;
    case 'truncated':
      return e.widgetKey ? 62 : 35 + 10 * key;
    case 'overlong':
      return 30 + 10 * key;
    default:
      return 1;
  }
}

function category(e) {
  if (e.type === 'missed') return `missed: ${e.why.replace(/ \(.*\)$/, '')}`;
  if (e.type === 'non-statement') return `${e.kind} returned as a quotation${e.widgetKey ? ' and shown as key' : ''}`;
  if (e.notAName) return 'speaker is an ordinary word taken for a name';
  if (e.type === 'wrong speaker') return e.why === 'no speaker given' ? 'speaker missing' : 'wrong speaker';
  if (e.type === 'false positive') return `false positive: ${e.why.replace(/ \(.*\)$/, '')}`;
  return e.type;
}

/** The worst cases, at most two of one category first, so that the list shows variety. */
function worstCases(errors, n) {
  const sorted = [...errors].sort((a, b) => b.severity - a.severity);
  const out = [];
  const per = new Map();
  for (const e of sorted) {
    const c = category(e);
    if ((per.get(c) ?? 0) >= 2) continue;
    per.set(c, (per.get(c) ?? 0) + 1);
    out.push(e);
    if (out.length === n) return out;
  }
  for (const e of sorted) {
    if (out.length === n) break;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Browser run

// Runs in the page: where each label's words are in the root (heading, caption, block
// quote, list item, link) and whether the quotation runs over more than one block.
// Both lists are in reading order, so each text is searched from the previous one's
// place onwards (then, failing that, its nth occurrence for the nth identical text).
function locateLabels(root, items, sequential) {
  const nodes = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement && n.parentElement.closest('script,style,noscript,template')) continue;
    nodes.push([text.length, n]);
    text += n.data;
  }
  const nodeAt = (idx) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid][0] <= idx) lo = mid;
      else hi = mid - 1;
    }
    return nodes[lo] ? nodes[lo][1] : null;
  };
  const esc = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const BLOCK = 'p,li,h1,h2,h3,h4,h5,h6,blockquote,figcaption,caption,td,th,dd,dt,pre,div';
  const seen = new Map();
  let cursor = 0;
  return items.map((label) => {
    const words = label.replace(/[\s,.;:!?\u2026]+$/, '').split(/\s+/).filter(Boolean);
    const nth = seen.get(label) ?? 0;
    seen.set(label, nth + 1);
    let m = null;
    const attempts = [[true, 6], [true, 4], [false, 6], [false, 4], [true, 2], [true, 1]];
    search: for (const [marked, n] of attempts) {
      {
        if (n > words.length && n !== 1) continue;
        if (!marked && n > words.length) continue;
        const head = words.slice(0, Math.min(n, words.length));
        // The whole text: it must end where the quotation closes.
        const whole =
          marked && head.length === words.length ? '(?=[\\s,.;:!?\u2026]*[\u201d"\'\u2019\u00bb\u201c])' : '';
        const re = new RegExp(
          (marked ? '[\u201c"\'\u2018\u00ab\u201e]\\s*' : '') + head.map(esc).join('\\s+') + whole,
          'gu',
        );
        const all = [...text.matchAll(re)];
        if (all.length) {
          // In reading order from the previous one; the widget's quotes skip
          // headings, so a quote repeated in a heading and in the text is placed in the text.
          const ahead = all.filter((x) => x.index >= cursor);
          const inHeading = (x) => !!nodeAt(x.index + x[0].length - 1)?.parentElement?.closest('h1,h2,h3,h4,h5,h6');
          m = ahead.length
            ? sequential === 'widget'
              ? (ahead.find((x) => !inHeading(x)) ?? ahead[0])
              : ahead[0]
            : all[Math.min(nth, all.length - 1)];
          break search;
        }
      }
    }
    if (!m) return { found: false };
    cursor = m.index + 1;
    const startEl = nodeAt(m.index + m[0].length - 1)?.parentElement;
    const tail = words.slice(-Math.min(4, words.length));
    const reTail = new RegExp(tail.map(esc).join('\\s+'), 'g');
    reTail.lastIndex = m.index;
    const t = reTail.exec(text);
    const endEl = t ? nodeAt(t.index + t[0].length - 1)?.parentElement : startEl;
    const where = [];
    const h = startEl?.closest('h1,h2,h3,h4,h5,h6');
    if (h && root.contains(h)) where.push(`heading ${h.tagName.toLowerCase()}`);
    const cap = startEl?.closest('figcaption,caption,[class*="caption"]');
    if (cap && root.contains(cap)) where.push('caption');
    const bq = startEl?.closest('blockquote,q');
    if (bq && root.contains(bq)) where.push(bq.tagName.toLowerCase());
    const li = startEl?.closest('li');
    if (li && root.contains(li)) where.push('list item');
    const a = startEl?.closest('a');
    if (a && root.contains(a)) where.push('link');
    const b1 = startEl?.closest(BLOCK);
    const b2 = endEl?.closest(BLOCK);
    return { found: true, offset: m.index, where, multiBlock: !!(b1 && b2 && b1 !== b2 && !b1.contains(b2) && !b2.contains(b1)) };
  });
}

async function analyzeInPage(context, url, selector, labelTexts) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  try {
    const resp = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (!resp || !resp.ok()) throw new Error(`HTTP ${resp ? resp.status() : 'no response'} for ${url}`);
    const out = await page.evaluate(
      async ([selector, runs, labelTexts, locateSrc]) => {
        const mod = await import('/pkg/article_widget.js');
        await mod.default();
        const root = document.querySelector(selector);
        if (!root) return { error: `root ${selector} not found` };
        const times = [];
        let plan;
        for (let k = 0; k < runs; k++) {
          const t0 = performance.now();
          try {
            plan = mod.analyze(root, undefined);
          } catch (err) {
            return { error: `analyze threw: ${err && err.code ? `[${err.code}] ` : ''}${err && err.message ? err.message : err}` };
          }
          times.push(performance.now() - t0);
        }
        // A speaker whose first word also occurs in lower case in the article is most
        // likely an ordinary word taken for a name ("Nearly", "Given", "Enter").
        const rootText = root.textContent;
        const looksLikeWord = (speaker) => {
          const first = String(speaker ?? '').trim().split(/\s+/)[0] ?? '';
          if (!first || first.toLowerCase() === first) return false;
          const lower = first.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          return new RegExp(`(^|[^\\p{L}])${lower}(?![\\p{L}])`, 'u').test(rootText);
        };
        const quotes = (plan.quotes ?? []).map((q) => ({
          text: String(q.text ?? ''),
          speaker: q.speaker ?? null,
          role: q.role ?? null,
          sectionId: q.sectionId ?? null,
          key: !!q.key,
          speakerIsWord: q.speaker ? looksLikeWord(q.speaker) : false,
        }));
        // eslint-disable-next-line no-new-func
        const locate = new Function(`return (${locateSrc})`)();
        return {
          times,
          quotes,
          words: (root.textContent.match(/\S+/g) ?? []).length,
          locations: locate(root, labelTexts, 'labels'),
          widgetLocations: locate(root, quotes.map((q) => q.text), 'widget'),
        };
      },
      [selector, RUNS, labelTexts, locateLabels.toString()],
    );
    if (out.error) throw new Error(out.error);
    return { ...out, problems };
  } finally {
    await page.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

// ---------------------------------------------------------------------------------
// Output

const pct = (x) => (x === null || x === undefined ? '   -' : `${(x * 100).toFixed(0).padStart(3)}%`);

function table(rows) {
  const head = [
    'page', 'labels', 'stmt', 'widget', 'P', 'R', 'F1', 'P(st)', 'R(st)', 'F1(st)', 'key P', 'key R', 'speaker', 'ms',
  ];
  const lines = rows.map((r) => [
    r.page,
    String(r.all.labels),
    String(r.statements.labels),
    String(r.all.widget),
    pct(r.all.precision),
    pct(r.all.recall),
    pct(r.all.f1),
    pct(r.statements.precision),
    pct(r.statements.recall),
    pct(r.statements.f1),
    pct(r.key.precision),
    pct(r.key.recall),
    r.speakers.judged ? `${pct(r.speakers.accuracy)} (${r.speakers.right}/${r.speakers.judged})` : '   -',
    r.medianMs === null ? '-' : r.medianMs.toFixed(2),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k].length)));
  const fmt = (cells) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

/**
 * The training file, scored by its own scorer: `{ quoteF1, speakerAcc, e2eF1, articles,
 * medianMs, meanMs }`, or `null` (with the reason printed) when the file is not there.
 */
function trainingFile() {
  if (!existsSync(EVAL)) {
    console.log(`\nTraining file: ${EVAL} is not there; only the labelled pages were measured.`);
    return null;
  }
  const pred = join(ROOT, 'test-results/quotes-eval-pred.jsonl');
  const scorer = join(EVAL, '../score.py');
  const env = { ...process.env, CARGO_BUILD_JOBS: process.env.CARGO_BUILD_JOBS ?? '1' };
  const harness = execFileSync(
    'cargo',
    ['run', '--quiet', '--release', '--example', 'quotes_eval', '--', EVAL, pred],
    { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const scored = execFileSync('python3', [scorer, pred, EVAL, '--min-words', '3', '--merge-aware'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const last = scored.trim().split('\n').pop() ?? '';
  const num = (k) => Number((last.match(new RegExp(`${k}=([0-9.]+)`)) ?? [])[1]);
  // The key quotes shown with a name, and the guesses, by the same scorer's rules.
  const keys = execFileSync('python3', [join(ROOT, 'scripts/quotes-keys.py'), pred, EVAL], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const keysLast = keys.trim().split('\n').pop() ?? '';
  const keyNum = (k) => Number((keysLast.match(new RegExp(`${k}=([0-9.]+)`)) ?? [])[1]);
  const time = harness.match(/(\d+) articles; plan\(\) per article: median ([0-9.]+) ms, mean ([0-9.]+) ms/);
  return {
    file: EVAL,
    quoteF1: num('quote_f1'),
    speakerAcc: num('speaker_acc'),
    e2eF1: num('e2e_f1'),
    guessSpeakerAcc: keyNum('guess_speaker_acc'),
    keyWrong: keyNum('key_wrong_share'),
    keysOutput: keys,
    articles: time ? Number(time[1]) : null,
    medianMs: time ? Number(time[2]) : null,
    meanMs: time ? Number(time[3]) : null,
    scorerOutput: scored,
  };
}

/**
 * The table of the issue: quote F1, named-speaker accuracy (of the names shown, and
 * of the names shown or guessed), the share of key quotes shown with a wrong name,
 * end to end.
 */
function summaryTable(labelled, training) {
  const f = (x) => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(3));
  const lines = [
    ['', 'quote F1', 'named-speaker accuracy', 'with guesses', 'wrong names in key quotes', 'end to end'],
    ['labelled pages', f(labelled.quoteF1), f(labelled.speakerAcc), '-', f(labelled.keyWrong), f(labelled.e2eF1)],
    training
      ? [
          `training file (${training.articles} articles)`,
          f(training.quoteF1),
          f(training.speakerAcc),
          f(training.guessSpeakerAcc),
          f(training.keyWrong),
          f(training.e2eF1),
        ]
      : ['training file', 'not there', '-', '-', '-', '-'],
  ];
  const widths = lines[0].map((_, k) => Math.max(...lines.map((l) => l[k].length)));
  return lines
    .map((l, i) => {
      const row = l.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join(' | ');
      return i === 0 ? `${row}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}` : row;
    })
    .join('\n');
}

function sumCounts(rows, part) {
  const tp = rows.reduce((s, r) => s + r[part].tp, 0);
  const w = rows.reduce((s, r) => s + r[part].widget, 0);
  const l = rows.reduce((s, r) => s + r[part].labels, 0);
  return prf(tp, w, l);
}

async function main() {
  const only = process.argv.slice(2);
  const files = (await readdir(LABELS)).filter((f) => f.endsWith('.json')).sort();
  const docs = [];
  for (const f of files) {
    const doc = JSON.parse(await readFile(join(LABELS, f), 'utf8'));
    if (only.length && !only.includes(doc.page)) continue;
    docs.push(doc);
  }
  docs.sort((a, b) => (a.page === 'seed' ? -1 : b.page === 'seed' ? 1 : a.page.localeCompare(b.page)));
  if (!docs.length) throw new Error(`no label files${only.length ? ` for ${only.join(', ')}` : ''} in ${LABELS}`);

  const roots = JSON.parse(await readFile(join(CORPUS, 'roots.json'), 'utf8'));
  const pages = new Map();
  const failures = [];
  for (const doc of docs) {
    try {
      if (doc.page === 'seed') {
        pages.set('seed', seedPage(await readFile(SEED, 'utf8')));
        doc.selector = doc.root ?? `#${SEED_ROOT_ID}`;
      } else {
        pages.set(doc.page, stripPage(await readFile(join(CORPUS, doc.page, 'source.html'), 'utf8')));
        doc.selector = doc.root ?? roots[doc.page];
        if (!doc.selector) throw new Error('no root in the label file nor in roots.json');
      }
    } catch (err) {
      failures.push({ page: doc.page, error: err.message });
      console.error(`${doc.page}: ${err.message}`);
      doc.skip = true;
    }
  }

  const pkgFiles = await snapshotPkg();
  const wasmHash = createHash('sha256').update(pkgFiles.get('article_widget_bg.wasm')).digest('hex').slice(0, 16);
  const server = await serve(pages, pkgFiles);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const rows = [];
  try {
    const context = await browser.newContext();
    const blocked = await onlyLoopback(context, []);
    for (const doc of docs) {
      if (doc.skip) continue;
      let run;
      try {
        run = await analyzeInPage(
          context,
          `${base}/page/${doc.page}.html`,
          doc.selector,
          doc.quotes.map((q) => q.text),
        );
      } catch (err) {
        failures.push({ page: doc.page, error: err.message });
        console.error(`${doc.page}: ${err.message}`);
        continue;
      }
      const score = scorePage(doc, run.quotes, run.locations, run.widgetLocations);
      rows.push({
        page: doc.page,
        root: doc.selector,
        words: run.words,
        ...score,
        medianMs: median(run.times),
        timesMs: run.times.map((t) => +t.toFixed(3)),
        widgetQuotes: run.quotes.map((q, i) => ({ ...q, offset: run.widgetLocations[i]?.offset ?? null })),
        labelOffsets: run.locations.map((l) => l?.offset ?? null),
        pageProblems: run.problems,
      });
    }
    await context.close();
    void blocked;
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }

  const overall = {
    all: sumCounts(rows, 'all'),
    statements: sumCounts(rows, 'statements'),
    key: sumCounts(rows, 'key'),
    speakers: (() => {
      const judged = rows.reduce((s, r) => s + r.speakers.judged, 0);
      const right = rows.reduce((s, r) => s + r.speakers.right, 0);
      const sj = rows.reduce((s, r) => s + r.speakers.stmtJudged, 0);
      const sr = rows.reduce((s, r) => s + r.speakers.stmtRight, 0);
      const by = {};
      for (const k of ['full', 'alt', 'surname', 'wrong', 'none', 'unlabelledGiven', 'keyNamed', 'keyWrong']) by[k] = rows.reduce((s, r) => s + r.speakers[k], 0);
      return { judged, right, accuracy: ratio(right, judged), stmtJudged: sj, stmtRight: sr, statementAccuracy: ratio(sr, sj), ...by };
    })(),
    medianMs: median(rows.map((r) => r.medianMs)),
    totalMedianMs: rows.reduce((s, r) => s + r.medianMs, 0),
  };
  const macroF1 = (part) => {
    const fs = rows.map((r) => r[part].f1).filter((x) => x !== null);
    return fs.length ? fs.reduce((a, b) => a + b, 0) / fs.length : null;
  };
  overall.macroF1 = { all: macroF1('all'), statements: macroF1('statements') };

  const allErrors = rows.flatMap((r) => r.errors.map((e) => ({ page: r.page, ...e, severity: severity(e) })));
  const kinds = {};
  const examples = {};
  for (const e of allErrors) {
    const c = category(e);
    kinds[c] = (kinds[c] ?? 0) + 1;
    if (!examples[c] || e.severity > examples[c].severity) examples[c] = e;
  }
  const kindList = Object.entries(kinds).sort((a, b) => b[1] - a[1]);
  const worst = worstCases(allErrors, 10);

  const report = {
    generated: new Date().toISOString(),
    widget: { wasmSha256: wasmHash },
    matchRule:
      'normalised tokens; the shorter contained in the longer (shorter >= 4 tokens or >= half the longer) or token Jaccard >= 0.6; one-to-one, best pairs first',
    runsPerPage: RUNS,
    pages: rows,
    overall,
    errorKinds: Object.fromEntries(kindList),
    errorExamples: examples,
    worst,
    failures,
  };
  // End to end on the labelled pages: a matched quote whose speaker is right, or that
  // has none where the label names nobody.
  const matched = rows.reduce((s, r) => s + r.all.tp, 0);
  const nullRight = matched - overall.speakers.judged - overall.speakers.unlabelledGiven;
  const widgetN = rows.reduce((s, r) => s + r.all.widget, 0);
  const labelN = rows.reduce((s, r) => s + r.all.labels, 0);
  const labelled = {
    quoteF1: overall.all.f1,
    speakerAcc: overall.speakers.accuracy,
    keyWrong: ratio(overall.speakers.keyWrong, overall.speakers.keyNamed),
    e2eF1: prf(overall.speakers.right + Math.max(0, nullRight), widgetN, labelN).f1,
  };
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  const training = trainingFile();
  report.summary = { labelled, training: training && { ...training, scorerOutput: undefined, keysOutput: undefined } };
  await writeFile(OUT, JSON.stringify(report, null, 2) + '\n');

  const totalRow = {
    page: 'OVERALL',
    all: overall.all,
    statements: overall.statements,
    key: overall.key,
    speakers: { judged: overall.speakers.judged, right: overall.speakers.right, accuracy: overall.speakers.accuracy },
    medianMs: overall.medianMs,
  };
  console.log(`Quote quality: ${rows.length} labelled pages, analyze() median of ${RUNS} runs (wasm ${wasmHash})\n`);
  console.log(table([...rows, totalRow]));
  console.log(
    `\nOverall is summed over pages (micro); macro F1: all ${pct(overall.macroF1.all)}, statements ${pct(overall.macroF1.statements)}.` +
      `\nSpeakers over statements only: ${pct(overall.speakers.statementAccuracy)} (${overall.speakers.stmtRight}/${overall.speakers.stmtJudged});` +
      ` full name ${overall.speakers.full}, surname only ${overall.speakers.surname}, alternative ${overall.speakers.alt},` +
      ` wrong ${overall.speakers.wrong}, none ${overall.speakers.none}; speaker given where the article names nobody: ${overall.speakers.unlabelledGiven}.` +
      `\nKey R is bounded by the panel size (3 to 5 key quotes per article by default).` +
      `\nanalyze() time: median over pages ${overall.medianMs?.toFixed(2)} ms, sum of page medians ${overall.totalMedianMs.toFixed(1)} ms.`,
  );
  console.log('\nKinds of error (count):');
  for (const [k, n] of kindList) {
    const e = examples[k];
    const who = e.widgetSpeaker ? ` (speaker "${e.widgetSpeaker}")` : '';
    console.log(`  ${String(n).padStart(3)}  ${k}\n         e.g. [${e.page}] "${short(e.text, 80)}"${who}`);
  }
  console.log('\nWorst cases:');
  worst.forEach((e, n) => {
    const extra = e.widget ? `\n        widget: "${short(e.widget)}"` : e.overlapping ? `\n        overlapping widget quote: "${short(e.overlapping)}"` : '';
    console.log(`  ${String(n + 1).padStart(2)}. [${e.page}] ${e.type}: ${e.why}\n        "${short(e.text)}"${extra}`);
  });
  if (training) {
    console.log(`\nTraining file ${training.file} (scored by its score.py, 3+ words, merge-aware):`);
    console.log(training.scorerOutput.trim().split('\n').slice(1, 4).join('\n'));
    console.log(training.keysOutput.trim().split('\n').slice(0, -1).join('\n'));
    console.log(
      `plan() per article, natively: median ${training.medianMs?.toFixed(3)} ms, mean ${training.meanMs?.toFixed(3)} ms`,
    );
  }
  console.log(`\n${summaryTable(labelled, training)}`);
  console.log(`\nWrote ${OUT}`);

  if (failures.length) {
    console.error(`\n${failures.length} page(s) failed:`);
    for (const f of failures) console.error(`  ${f.page}: ${f.error}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`quotes-report: ${err.stack || err.message}`);
    process.exit(1);
  });
}
