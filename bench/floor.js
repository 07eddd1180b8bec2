// The plain-JavaScript floor of the benchmark: the widget's section split written by
// hand, with no WebAssembly and no key quotes. It is the same job done the way a
// careful developer would do it in plain JavaScript, so that the benchmark can say how
// far the widget's `mount()` is from what the job costs at least.
//
// What it does, as the widget does with its default options:
//   1. reads the article's blocks: paragraphs, list items, quotes, headings, lines of
//      a <div>-per-line body and runs of inline text split by <br> (Blogger's editor);
//   2. finds the headings: real h2 to h4 when there are two or more, else inferred
//      ones (bold or larger short lines, or short standalone title-like lines between
//      paragraphs), with the same guards (bylines, datelines, sentences, quotations,
//      dropped when more than a dozen would make sections of under 60 words on average);
//   3. wraps each section's content in <div hidden="until-found"> (all but the first
//      section start closed; sections of fewer than 20 words get no toggle) and puts a
//      toggle <button aria-expanded aria-controls> in each heading;
//   4. with two sections or more, puts a contents list before the first heading (a
//      title, an "Expand all" button, a numbered link and reading time a section), as
//      the widget's default mount does;
//   5. and what else the widget's default mount does around them, the same reads and
//      writes in plain JavaScript: the level under the page's own heading (the post
//      title) for the headings it marks; what the reader already sees (the headings'
//      and the article's tops against the window: those sections stay open, the
//      contents go below them); the page's look (a dark background gets the dark
//      theme, an attribute on the root); the open sections the reader left on this page
//      (session storage, put back below the first screen, saved on each toggle); the
//      section the URL fragment points into, opened; the section being read, marked in
//      the contents (an IntersectionObserver on the headings); the hash change and
//      print listeners; and a "mounted" event on the root.
//
// splitSections(root) returns { sections, destroy() }; destroy() puts the page back.

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'button', 'input', 'select', 'textarea', 'video', 'audio', 'map', 'head', 'link', 'meta',
]);
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'img', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'picture', 'br',
]);
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'center', 'header', 'footer', 'body', 'span',
]);
const OTHER = new Set(['table', 'form', 'nav', 'aside', 'fieldset', 'details', 'menu', 'hr']);

const HEADING = 'heading';
const PARAGRAPH = 'paragraph';
const LINE = 'line';
const QUOTE = 'quote';
const LIST_ITEM = 'item';
const CAPTION = 'caption';
const CODE = 'code';
const OTHER_KIND = 'other';

const MIN_LEVEL = 2;
const MAX_LEVEL = 4;
const MIN_SECTION_WORDS = 20;
const WORDS_PER_MINUTE = 230;
const FEW_INFERRED = 12;
const MIN_WORDS_PER_INFERRED = 60;

const NOT_HEADING_STARTS = [
  'by ', 'posted ', 'written ', 'updated', 'published', 'photo', 'image', 'credit', 'source',
  'read more', 'related', 'share', 'advertisement', 'follow ', 'subscribe', 'click ', 'tags',
  'labels', 'filed under', 'via ', '(', '[',
];
const MONTHS = [
  'january', 'february', 'march', 'april', 'may ', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.',
];
const BAD_LAST = new Set('.,;:!…"”’\'»)]-–—');
const SENTENCE_END = new Set('.!?…:;"”’»');
const QUOTE_MARKS = /["“”«»„]/;
const UPPER_OR_DIGIT = /^[\p{Lu}\p{Lt}0-9]/u;
const WORD = /\S+/g;
const HAS_DIGIT = /[0-9]/;

const nameOf = (node) => (node.nodeType === 1 ? node.localName : null);
const countWords = (text) => {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text)) n++;
  return n;
};

function hasBlockChild(node) {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && !INLINE.has(c.localName) && !SKIP.has(c.localName)) return true;
  }
  return false;
}

// Appends the text under `node` to parts; `texts` collects its text nodes.
function collectText(node, parts, texts) {
  if (node.nodeType === 3) {
    parts.push(node.data);
    texts.push(node);
    return;
  }
  if (node.nodeType !== 1) return;
  const name = node.localName;
  if (SKIP.has(name)) return;
  const blockLike = !INLINE.has(name);
  if (blockLike || name === 'br') parts.push(' ');
  for (let c = node.firstChild; c; c = c.nextSibling) collectText(c, parts, texts);
  if (blockLike) parts.push(' ');
}

class Reader {
  constructor(view) {
    this.view = view;
    this.blocks = [];
  }

  container(node) {
    let hasBr = false;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (nameOf(c) === 'br') {
        hasBr = true;
        break;
      }
    }
    const kind = hasBr ? LINE : PARAGRAPH;
    let run = [];
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const t = nameOf(c);
      if (t === null) {
        if (c.nodeType === 3) run.push(c);
      } else if (t === 'br') {
        run = this.flush(run, kind);
      } else if (SKIP.has(t)) {
        if (run.length) run.push(c);
      } else if (INLINE.has(t) && !hasBlockChild(c)) {
        run.push(c);
      } else {
        run = this.flush(run, kind);
        this.element(c, t);
      }
    }
    this.flush(run, kind);
  }

  element(node, t) {
    let kind;
    if (t.length === 2 && t[0] === 'h' && t[1] >= '1' && t[1] <= '6') {
      kind = HEADING;
    } else if (t === 'p') {
      if (hasBlockChild(node)) return this.container(node);
      kind = PARAGRAPH;
    } else if (t === 'blockquote') {
      kind = QUOTE;
    } else if (t === 'ul' || t === 'ol' || t === 'dl') {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        const n = nameOf(c);
        if (n === 'li' || n === 'dt' || n === 'dd') this.push(LIST_ITEM, [c]);
      }
      return;
    } else if (t === 'li' || t === 'dt' || t === 'dd') {
      kind = LIST_ITEM;
    } else if (t === 'pre') {
      kind = CODE;
    } else if (t === 'figure' || t === 'figcaption' || t === 'caption') {
      kind = CAPTION;
    } else if (OTHER.has(t)) {
      kind = OTHER_KIND;
    } else if (CONTAINERS.has(t) || hasBlockChild(node)) {
      return this.container(node);
    } else {
      kind = PARAGRAPH;
    }
    this.push(kind, [node]);
  }

  flush(run, kind) {
    while (run.length && SKIP.has(nameOf(run[run.length - 1]))) run.pop();
    if (run.length) this.push(kind, run);
    return [];
  }

  push(kind, nodes) {
    const parts = [];
    const texts = [];
    for (const n of nodes) collectText(n, parts, texts);
    const text = parts.join('').trim();
    if (!text && kind !== CAPTION && kind !== OTHER_KIND) return;
    const first = nodes[0];
    const block = {
      kind,
      level: kind === HEADING ? first.localName.charCodeAt(1) - 48 : 0,
      text,
      words: countWords(text),
      first,
      last: nodes[nodes.length - 1],
      bold: false,
      larger: false,
    };
    // Only short lines can be headings: only they are worth a style lookup.
    if ((kind === PARAGRAPH || kind === LINE) && block.words <= 14) this.look(block, texts);
    this.blocks.push(block);
  }

  look(block, texts) {
    let bold = true;
    let larger = true;
    let any = false;
    for (const t of texts) {
      if (!t.data.trim()) continue;
      const parent = t.parentElement;
      if (!parent) continue;
      const style = this.view.getComputedStyle(parent);
      any = true;
      const w = style.fontWeight;
      bold &&= (w === 'bold' || w === 'bolder' ? 700 : parseFloat(w)) >= 600;
      const size = parseFloat(style.fontSize) || 0;
      const baseEl = parent.closest('p, div, li, section, article, body')?.parentElement;
      const base = baseEl ? parseFloat(this.view.getComputedStyle(baseEl).fontSize) || 0 : size;
      larger &&= base > 0 && size >= base * 1.15;
    }
    block.bold = any && bold;
    block.larger = any && larger;
  }
}

const isProse = (b) => b.kind === PARAGRAPH || b.kind === LINE || b.kind === LIST_ITEM || b.kind === QUOTE;

function looksLikeHeading(blocks, i) {
  const b = blocks[i];
  if (b.kind !== PARAGRAPH && b.kind !== LINE) return false;
  const text = b.text;
  if (b.words < 2 || b.words > 14 || text.length > 100) return false;
  if (!UPPER_OR_DIGIT.test(text)) return false;
  if (BAD_LAST.has(text[text.length - 1])) return false;
  if (QUOTE_MARKS.test(text) || text.includes('http') || text.includes('@')) return false;
  const lower = text.toLowerCase();
  if (NOT_HEADING_STARTS.some((s) => lower.startsWith(s))) return false;
  if (HAS_DIGIT.test(text) && MONTHS.some((m) => lower.includes(m))) return false;
  // Blocks with no text never get here (push drops them), so neighbours are adjacent,
  // but captions and tables without text are kept: step over them.
  let p = i - 1;
  while (p >= 0 && !blocks[p].text) p--;
  let n = i + 1;
  while (n < blocks.length && !blocks[n].text) n++;
  if (p < 0 || n >= blocks.length) return false;
  const prev = blocks[p];
  const next = blocks[n];
  if (prev.kind === HEADING) return false;
  if (!isProse(next)) return false;
  if (next.words < Math.max(b.words + 4, 8)) return false;
  if (b.bold || b.larger) return true;
  const titleLike = (x) => x.words <= 14 && x.kind === b.kind && !SENTENCE_END.has(x.text[x.text.length - 1]);
  return !titleLike(next) && (!titleLike(prev) || prev.bold);
}

function findHeadings(blocks) {
  const real = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === HEADING && b.level >= MIN_LEVEL && b.level <= MAX_LEVEL && b.text) {
      real.push({ index: i, level: b.level, inferred: false });
    }
  }
  if (real.length >= 2) return real;
  const found = [];
  let words = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (isProse(blocks[i])) words += blocks[i].words;
    if (looksLikeHeading(blocks, i)) found.push({ index: i, level: MIN_LEVEL, inferred: true });
  }
  const short = found.length > FEW_INFERRED && found.length * MIN_WORDS_PER_INFERRED > words;
  if (found.length < 2 || short) {
    return real;
  }
  return found;
}

function slug(title) {
  const s = title
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return s || 'section';
}

// The runs of sibling nodes after `start` and before `end` (or the end of `root`), in
// document order; where `end` lies deeper, the run stops at its ancestor and goes on
// inside it, so that wrapping a run never moves the next heading.
function siblingRuns(start, end, root) {
  const runs = [];
  let parent = start.parentNode;
  if (!parent) return runs;
  let next = start.nextSibling;
  for (;;) {
    let first = null;
    let last = null;
    let descend = null;
    let done = false;
    for (; next; next = next.nextSibling) {
      if (next === end) {
        done = true;
        break;
      }
      if (end && next.contains(end)) {
        descend = next;
        break;
      }
      if (!first) first = next;
      last = next;
    }
    if (first && hasContent(first, last)) runs.push([first, last]);
    if (done) break;
    if (descend) {
      parent = descend;
      next = descend.firstChild;
      continue;
    }
    if (parent === root || !parent.parentNode) break;
    next = parent.nextSibling;
    parent = parent.parentNode;
  }
  return runs;
}

function hasContent(first, last) {
  for (let n = first; n; n = n.nextSibling) {
    if (n.nodeType === 1 || (n.nodeType === 3 && n.data.trim())) return true;
    if (n === last) break;
  }
  return false;
}

class Changes {
  constructor() {
    this.undo = [];
  }

  setAttr(el, name, value) {
    const old = el.getAttribute(name);
    el.setAttribute(name, value);
    this.undo.push(() => (old === null ? el.removeAttribute(name) : el.setAttribute(name, old)));
  }

  // Wraps the siblings first..last in `wrapper`.
  wrap(wrapper, first, last) {
    first.parentNode.insertBefore(wrapper, first);
    for (let n = first; n; ) {
      const following = n === last ? null : n.nextSibling;
      wrapper.appendChild(n);
      n = following;
    }
    this.undo.push(() => wrapper.replaceWith(...wrapper.childNodes));
  }

  insert(parent, node, before) {
    parent.insertBefore(node, before);
    this.undo.push(() => node.remove());
  }

  destroy() {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
    this.undo.length = 0;
  }
}

// One level under the last heading before the article and outside it (the post
// title: Blogger's is an h3); 2 when there is none.
function levelUnderPageHeading(doc, root) {
  let level = 1;
  for (const h of doc.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!(root.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_PRECEDING)) break;
    if (!root.contains(h) && !h.contains(root)) level = h.localName.charCodeAt(1) - 48;
  }
  return Math.min(Math.max(level + 1, MIN_LEVEL), 6);
}

// Whether the page behind the article is dark: its first opaque background, or on
// the bare canvas light text.
function looksDark(view, root) {
  const luminance = (css) => {
    const m = /^rgba?\(([^)]*)\)$/.exec(css);
    const p = m ? m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat) : [];
    if (p.length < 3 || (p.length === 4 && !(p[3] >= 0.5))) return -1;
    return 0.2126 * (p[0] / 255) ** 2 + 0.7152 * (p[1] / 255) ** 2 + 0.0722 * (p[2] / 255) ** 2;
  };
  const text = luminance(view.getComputedStyle(root).color);
  for (let e = root; e; e = e.parentElement) {
    const bg = luminance(view.getComputedStyle(e).backgroundColor);
    if (bg >= 0) return bg < 0.2;
  }
  return text > 0.5;
}

// The top of a block's first node in window coordinates (a text node's by a range).
function topOf(node, range) {
  if (node.nodeType === 1) return node.getBoundingClientRect().top;
  range.selectNode(node);
  return range.getBoundingClientRect().top;
}

let counter = 0;

export function splitSections(root, view = window) {
  const reader = new Reader(view);
  reader.container(root);
  const blocks = reader.blocks;
  const heads = findHeadings(blocks);
  const doc = root.ownerDocument;
  const changes = new Changes();
  const sections = [];
  const used = new Set();
  counter++;
  const save = () => {
    try {
      const open = sections.filter((x) => x.button && x.open).map((x) => x.id);
      view.sessionStorage.setItem(storageKey, open.join('\n'));
    } catch {
      // Full or refused: not kept.
    }
  };

  // Plan first (ends, words, ids), then change the page: headings' places must be
  // read before wrapping moves nodes.
  const plan = heads.map((h, k) => {
    let end = blocks.length;
    for (let j = k + 1; j < heads.length; j++) {
      if (heads[j].level <= h.level) {
        end = heads[j].index;
        break;
      }
    }
    let words = 0;
    for (let j = h.index + 1; j < end; j++) words += blocks[j].words;
    const title = blocks[h.index].text.replace(/\s+/g, ' ');
    let id = slug(title);
    for (let n = 2; used.has(id) || doc.getElementById(id); n++) id = `${slug(title)}-${n}`;
    used.add(id);
    return { ...h, end, words, title, id, collapsible: words >= MIN_SECTION_WORDS, open: k === 0 };
  });

  // The rest of the reading, before any change: the headings' level under the page's
  // own, what the reader sees, the page's look, the state left on this page.
  const level = levelUnderPageHeading(doc, root);
  const height = view.innerHeight;
  const range = doc.createRange();
  const seen = plan.map((s) => height > 0 && topOf(blocks[s.index].first, range) < height);
  const topSeen = height > 0 && root.getBoundingClientRect().top < height;
  range.detach();
  const dark = looksDark(view, root);
  const storageKey = `floor:${view.location.pathname}#${root.id || root.localName}`;
  let saved = null;
  try {
    saved = view.sessionStorage.getItem(storageKey);
  } catch {
    // No storage here: nothing is remembered.
  }
  const savedOpen = saved === null ? null : new Set(saved.split('\n'));
  plan.forEach((s, k) => {
    if (seen[k]) s.open = true;
    else if (savedOpen) s.open = savedOpen.has(s.id);
  });

  changes.setAttr(root, 'data-floor', String(counter));
  changes.setAttr(root, 'data-floor-theme', dark ? 'dark' : 'light');
  for (const s of plan) {
    const b = blocks[s.index];
    let heading;
    if (b.first === b.last && b.first.nodeType === 1) {
      heading = b.first;
    } else if (b.first === b.last && b.first.parentNode !== root && b.first.parentNode.childNodes.length === 1) {
      // A line alone in its <div>: the div is the heading.
      heading = b.first.parentNode;
    } else {
      heading = doc.createElement('div');
      heading.className = 'floor-heading-line';
      changes.wrap(heading, b.first, b.last);
    }
    if (!/^h[1-6]$/.test(heading.localName)) {
      changes.setAttr(heading, 'role', 'heading');
      changes.setAttr(heading, 'aria-level', String(s.inferred ? level : s.level));
    }
    if (!heading.id) changes.setAttr(heading, 'id', s.id);
    const section = { id: s.id, title: s.title, heading, button: null, bodies: [], open: true };
    sections.push(section);
    if (!s.collapsible) continue;

    const endBlock = blocks[s.end];
    const runs = siblingRuns(heading, endBlock ? endBlock.first : null, root);
    runs.forEach(([first, last], k) => {
      const body = doc.createElement('div');
      body.className = 'floor-section-body';
      body.id = k === 0 ? `${s.id}-body` : `${s.id}-body-${k + 1}`;
      changes.wrap(body, first, last);
      section.bodies.push(body);
    });
    if (!section.bodies.length) continue;

    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'floor-toggle';
    button.setAttribute('aria-controls', section.bodies.map((x) => x.id).join(' '));
    if (heading.querySelector('a, button, input, select, textarea')) {
      button.setAttribute('aria-label', s.title);
      changes.insert(heading, button, heading.firstChild);
    } else if (heading.firstChild) {
      changes.wrap(button, heading.firstChild, heading.lastChild);
    } else {
      changes.insert(heading, button, null);
    }
    section.button = button;
    const set = (open) => {
      section.open = open;
      button.setAttribute('aria-expanded', String(open));
      for (const body of section.bodies) {
        if (open) body.removeAttribute('hidden');
        else body.setAttribute('hidden', 'until-found');
      }
    };
    set(s.open);
    section.set = set;
    const onClick = () => {
      set(!section.open);
      save();
    };
    const onMatch = () => set(true);
    button.addEventListener('click', onClick);
    for (const body of section.bodies) body.addEventListener('beforematch', onMatch);
    changes.undo.push(() => {
      button.removeEventListener('click', onClick);
      for (const body of section.bodies) body.removeEventListener('beforematch', onMatch);
    });
  }

  let toc = null;
  if (plan.length >= 2) {
    // At the top of the article when the reader does not see it yet; else before the
    // first heading below the first screen (the end when all are on it).
    const unseen = seen.indexOf(false);
    const before = !topSeen ? root.firstChild : unseen >= 0 ? sections[unseen].heading : null;
    toc = contents(doc, plan, sections, changes, before ? before.parentNode : root, before);
  }
  const refresh = () => {
    if (toc) toc.all.textContent = sections.some((x) => x.button && !x.open) ? 'Expand all' : 'Collapse all';
  };
  refresh();

  // A link into the article opens the sections around what it points at.
  const openAround = (target) => {
    for (const x of sections) {
      if (x.set && !x.open && (x.heading.contains(target) || x.bodies.some((b) => b.contains(target)))) x.set(true);
    }
    refresh();
  };
  const onHash = () => {
    const id = decodeURIComponent(view.location.hash.slice(1));
    const target = id && doc.getElementById(id);
    if (target) openAround(target);
  };
  onHash();
  let beforePrint = null;
  const onBeforePrint = () => {
    beforePrint = sections.map((x) => x.open);
    for (const x of sections) x.set?.(true);
  };
  const onAfterPrint = () => {
    if (beforePrint) sections.forEach((x, k) => x.set?.(beforePrint[k]));
    beforePrint = null;
  };
  view.addEventListener('hashchange', onHash);
  view.addEventListener('beforeprint', onBeforePrint);
  view.addEventListener('afterprint', onAfterPrint);
  let reading = null;
  if (toc) {
    reading = new view.IntersectionObserver(() => {
      const line = view.innerHeight / 3;
      let current = -1;
      sections.forEach((x, k) => {
        if (x.heading.getBoundingClientRect().top <= line) current = k;
      });
      toc.links.forEach((a, k) => (k === current ? a.setAttribute('aria-current', 'location') : a.removeAttribute('aria-current')));
    }, { rootMargin: '0px 0px -66% 0px' });
    for (const x of sections) reading.observe(x.heading);
  }
  changes.undo.push(() => {
    view.removeEventListener('hashchange', onHash);
    view.removeEventListener('beforeprint', onBeforePrint);
    view.removeEventListener('afterprint', onAfterPrint);
    reading?.disconnect();
  });
  root.dispatchEvent(new CustomEvent('floor:mounted', { bubbles: true, detail: { sections: sections.length } }));

  return {
    sections: sections.map(({ id, title, bodies }) => ({ id, title, collapsible: bodies.length > 0 })),
    destroy: () => changes.destroy(),
  };
}

// The contents list, as the widget's default mount makes one (two sections or more):
// a title, an "Expand all" button, and per section a numbered link with its reading
// time; put before the first section heading the reader does not see yet (as the
// widget puts it: what is on screen does not move). Clicking a link opens its section.
// The list goes into `parent`, before `before` (null: at its end).
function contents(doc, plan, sections, changes, parent, before) {
  const make = (tag, className, text) => {
    const e = doc.createElement(tag);
    e.className = className;
    if (text) e.textContent = text;
    return e;
  };
  const nav = make('nav', 'floor-toc');
  const head = make('div', 'floor-toc-head');
  const title = make('h2', 'floor-toc-title', 'In this article');
  title.id = `floor-toc-title-${counter}`;
  nav.setAttribute('aria-labelledby', title.id);
  const all = make('button', 'floor-toc-all', 'Expand all');
  all.type = 'button';
  head.append(title, all);
  const list = make('ol', 'floor-toc-list');
  const top = Math.min(...plan.map((s) => s.level));
  const listeners = [];
  plan.forEach((s, i) => {
    const li = make('li', 'floor-toc-item');
    li.setAttribute('data-level', String(s.level));
    li.setAttribute('data-depth', String(s.level - top));
    li.setAttribute('data-number', String(i + 1));
    const a = make('a', 'floor-toc-link', s.title);
    a.setAttribute('href', `#${s.id}`);
    li.append(a, make('span', 'floor-toc-time', `${Math.max(1, Math.ceil(s.words / WORDS_PER_MINUTE))} min`));
    list.append(li);
    const open = () => sections[i].set?.(true);
    listeners.push([a, open]);
  });
  const openAll = () => sections.forEach((x) => x.set?.(true));
  listeners.push([all, openAll]);
  nav.append(head, list);
  changes.insert(parent, nav, before);
  for (const [e, f] of listeners) e.addEventListener('click', f);
  changes.undo.push(() => listeners.forEach(([e, f]) => e.removeEventListener('click', f)));
  return { all, links: listeners.slice(0, -1).map(([a]) => a) };
}
