// Reading the article's DOM into blocks, in one call from the module (src/web/read.rs
// turns the result into the core's blocks). The DOM is walked here, where a DOM call
// costs nothing extra, instead of one boundary crossing per node, attribute and style.
//
// Blog bodies come in every shape: paragraphs, <div> per line, or text runs split by
// <br> (Blogger's editor). Each becomes a block with the sibling nodes it covers. The
// reader measures and decides nothing: each block's text, the lightest font weight and
// smallest font size of its text (short blocks only), its characters and link
// characters, and the class names, ids, roles and tag names of the elements around it.
//
// readArticle(root, exclude, ads) returns [strings, numbers, nodes]; an element that
// matches `ads` (the core's selector of ad slots) is a block of its own, of kind AD,
// with no text (what an ad shows is not article):
//   strings  one string: per block, its text, its marks (outer elements' first) and
//            its id or "", one after the other (one crossing into the module, not
//            three a block; the numbers say where each ends);
//   numbers  a Float64Array: per block, BLOCK_FIELDS numbers: kind, heading level,
//            font weight (0: not measured), font size in px (0: not measured),
//            visible characters, of them link characters, index in `nodes` of its
//            first node, of its last node, of its first text node, how many text
//            nodes it has, and the lengths of its text, marks and id; then, for each
//            of its text nodes, where the node's text starts in the block's text
//            (lengths and starts in UTF-16 code units);
//   nodes    the nodes the numbers point at.

// Kinds, as src/web/read.rs maps them to the core's.
const PARAGRAPH = 0;
const LINE = 1;
const HEADING = 2;
const QUOTE = 3;
const LIST_ITEM = 4;
const CAPTION = 5;
const CODE = 6;
const OTHER = 7;
const AD = 8;

// Elements whose text is not article text.
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'button', 'input', 'select', 'textarea', 'video', 'audio', 'map', 'head', 'link', 'meta',
]);

// Elements that flow inside a line of text.
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'img', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'picture', 'br',
]);

// Containers whose children are read as blocks of their own.
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'center', 'header', 'footer', 'body', 'span',
]);

const KINDS = {
  blockquote: QUOTE, li: LIST_ITEM, dt: LIST_ITEM, dd: LIST_ITEM, pre: CODE,
  figure: CAPTION, figcaption: CAPTION, caption: CAPTION,
  table: OTHER, form: OTHER, nav: OTHER, aside: OTHER, fieldset: OTHER, details: OTHER,
  menu: OTHER, hr: OTHER,
};

// Blocks up to this many words get their look measured (longer ones are no headings,
// and a style lookup costs); of longer ones, this many tell the body text's size.
const MEASURED_WORDS = 20;
const SIZE_SAMPLES = 40;

// Rust's char::is_whitespace (Unicode White_Space), by UTF-16 code unit: the core
// counts words and trims with it, so the reader must agree.
function isSpace(c) {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

function isBlank(s) {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

function endsWithSpace(s) {
  return s.length > 0 && isSpace(s.charCodeAt(s.length - 1));
}

// Words as Rust's split_whitespace counts them, up to `max + 1`.
function wordsUpTo(s, max) {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n <= max; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// Visible characters (Unicode scalar values that are not white space).
function visible(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && !(c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
}

const tagOf = (n) => (n.nodeType === 1 ? n.localName : null);

// The tag name, classes, id and role of an element, space-separated.
function marksOf(n) {
  if (n.nodeType !== 1) return '';
  let m = n.localName;
  for (const name of ['class', 'id', 'role']) {
    const v = n.getAttribute(name);
    if (v !== null) m += ' ' + v;
  }
  return m;
}

function px(v) {
  const n = parseFloat(v);
  return Number.isNaN(n) ? 0 : n;
}

export function readArticle(root, exclude, ads) {
  const view = root.ownerDocument && root.ownerDocument.defaultView;
  const style =
    view && typeof view.getComputedStyle === 'function' ? (e) => view.getComputedStyle(e) : null;
  const strings = [];
  const numbers = [];
  const nodes = [];
  let marks = '';
  let longSampled = 0;
  // Whether the element whose children are being read is in a link (the root's
  // ancestors looked up once, the rest followed on the way down).
  let inLinkHere = !!root.closest('a[href]');

  const matches = (n, selector) => {
    if (selector == null || n.nodeType !== 1) return false;
    try {
      return n.matches(selector);
    } catch {
      return false;
    }
  };
  const excluded = (n) => matches(n, exclude);

  const hasBlockChild = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      const t = tagOf(c);
      if (t !== null && !INLINE.has(t) && !SKIP.has(t)) return true;
    }
    return false;
  };

  // The text under `n`, with its text nodes and where each starts.
  const collect = (n, inLink, acc) => {
    if (n.nodeType === 3 || n.nodeType === 4) {
      const data = n.data;
      const v = visible(data);
      acc.all += v;
      if (inLink) acc.link += v;
      acc.texts.push(n);
      acc.starts.push(acc.text.length);
      acc.text += data;
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.localName;
    if (SKIP.has(name) || excluded(n)) return;
    inLink = inLink || (name === 'a' && n.hasAttribute('href'));
    const blockLike = !INLINE.has(name);
    if ((name === 'br' || blockLike) && acc.text.length && !endsWithSpace(acc.text)) acc.text += ' ';
    // A <q> is a quotation whose marks the browser draws: give the text its marks, so
    // that the core finds it like any other.
    const q = name === 'q';
    if (q) acc.text += '\u201c';
    for (let c = n.firstChild; c; c = c.nextSibling) collect(c, inLink, acc);
    if (q) acc.text += '\u201d';
    if (blockLike && acc.text.length && !endsWithSpace(acc.text)) acc.text += ' ';
  };

  // The lightest font weight and smallest font size of a block's text nodes.
  const look = (texts) => {
    let weight = Infinity;
    let size = Infinity;
    let last = null;
    for (const t of texts) {
      if (isBlank(t.data)) continue;
      const parent = t.parentElement;
      // Text nodes that share their element share its look: looked up once.
      if (!parent || parent === last) continue;
      last = parent;
      const s = style(parent);
      if (!s) return [0, 0];
      const w = s.getPropertyValue('font-weight');
      const wn = w === 'bold' || w === 'bolder' ? 700 : w === 'normal' ? 400 : parseFloat(w);
      if (!Number.isNaN(wn)) weight = Math.min(weight, wn);
      const p = px(s.getPropertyValue('font-size'));
      if (p > 0) size = Math.min(size, p);
    }
    return [
      Number.isFinite(weight) ? Math.trunc(Math.min(Math.max(weight, 0), 1000)) : 0,
      Number.isFinite(size) ? size : 0,
    ];
  };

  const bodySize = (texts) => {
    const t = texts.find((t) => !isBlank(t.data));
    const parent = t && t.parentElement;
    const s = parent && style(parent);
    return s ? px(s.getPropertyValue('font-size')) : 0;
  };

  const push = (kind, level, run, first, last) => {
    const acc = { text: '', texts: [], starts: [], all: 0, link: 0 };
    if (kind !== AD) for (const n of run) collect(n, inLinkHere, acc);
    if (isBlank(acc.text) && kind !== CAPTION && kind !== OTHER && kind !== AD) return;
    let id = '';
    if (first === last && first.nodeType === 1) id = first.getAttribute('id') || '';
    let weight = 0;
    let size = 0;
    if (style && (kind === PARAGRAPH || kind === LINE)) {
      if (wordsUpTo(acc.text, MEASURED_WORDS) <= MEASURED_WORDS) {
        [weight, size] = look(acc.texts);
      } else if (longSampled < SIZE_SAMPLES) {
        longSampled++;
        size = bodySize(acc.texts);
      }
    }
    const blockMarks = marks + ' ' + (first === last ? marksOf(first) : '');
    strings.push(acc.text, blockMarks, id);
    const at = nodes.length;
    nodes.push(first, last, ...acc.texts);
    numbers.push(kind, level, weight, size, acc.all, acc.link, at, at + 1, at + 2, acc.texts.length,
      acc.text.length, blockMarks.length, id.length, ...acc.starts);
  };

  const flush = (run, kind) => {
    while (run.length && SKIP.has(tagOf(run[run.length - 1]))) run.pop();
    if (run.length) push(kind, 0, run, run[0], run[run.length - 1]);
    run.length = 0;
  };

  const withMarks = (n, f) => {
    const before = marks;
    const wasInLink = inLinkHere;
    marks += ' ' + marksOf(n);
    inLinkHere = inLinkHere || (n.localName === 'a' && n.hasAttribute('href'));
    f();
    marks = before;
    inLinkHere = wasInLink;
  };

  const element = (n, t) => {
    let kind = PARAGRAPH;
    let level = 0;
    if (t.length === 2 && t[0] === 'h' && t[1] >= '1' && t[1] <= '6') {
      kind = HEADING;
      level = t.charCodeAt(1) - 48;
    } else if (t === 'p') {
      if (hasBlockChild(n)) return withMarks(n, () => container(n));
    } else if (t === 'ul' || t === 'ol' || t === 'dl') {
      return withMarks(n, () => {
        for (let c = n.firstChild; c; c = c.nextSibling) {
          const ct = tagOf(c);
          if (ct === 'li' || ct === 'dt' || ct === 'dd') push(LIST_ITEM, 0, [c], c, c);
        }
      });
    } else if (Object.hasOwn(KINDS, t)) {
      kind = KINDS[t];
    } else if (CONTAINERS.has(t) || hasBlockChild(n)) {
      return withMarks(n, () => container(n));
    }
    push(kind, level, [n], n, n);
  };

  const container = (n) => {
    const run = [];
    // Siblings by nextSibling, not through childNodes: a NodeList's iterator costs a
    // call into the browser per node (a Blogger body has hundreds: text runs and <br>).
    let lineKind = PARAGRAPH;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && c.localName === 'br') {
        lineKind = LINE;
        break;
      }
    }
    for (let child = n.firstChild; child; child = child.nextSibling) {
      const t = tagOf(child);
      if (t === null) {
        if (child.nodeType === 3) run.push(child);
      } else if (t === 'br') {
        flush(run, lineKind);
      } else if (matches(child, ads)) {
        flush(run, lineKind);
        push(AD, 0, [child], child, child);
      } else if (SKIP.has(t)) {
        if (run.length) run.push(child);
      } else if (excluded(child)) {
        flush(run, lineKind);
      } else if (INLINE.has(t) && !hasBlockChild(child)) {
        run.push(child);
      } else {
        flush(run, lineKind);
        element(child, t);
      }
    }
    flush(run, lineKind);
  };

  container(root);
  // As a Float64Array (set from the array, which takes V8's fast copy; the typed
  // array's constructor iterates an array): the module copies it in at once.
  const packed = new Float64Array(numbers.length);
  packed.set(numbers);
  return [strings.join(''), packed, nodes];
}

// Whether `root` is in its document and every node of `nodes` (the reader's list) is
// still inside it: the page is as it was read.
export function holdsAll(root, nodes) {
  if (!root.isConnected) return false;
  for (const n of nodes) if (!root.contains(n)) return false;
  return true;
}

// The relative luminance (0 black to 1 white) of a computed colour, `rgb(r, g, b)` or
// `rgba(r, g, b, a)`; -1 when it is mostly transparent or not in that form. sRGB to
// linear light with a gamma of 2: close enough for a threshold this far from the
// colours a page uses.
function luminance(css) {
  const m = /^rgba?\(([^)]*)\)$/.exec(css.trim());
  const p = m ? m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat) : [];
  if (p.length < 3 || p.length > 4 || p.length === 4 && !(p[3] >= 0.5)) return -1;
  const l = 0.2126 * (p[0] / 255) ** 2 + 0.7152 * (p[1] / 255) ** 2 + 0.0722 * (p[2] / 255) ** 2;
  return Number.isNaN(l) ? -1 : l;
}

// [the luminance of the first opaque background behind `root`, of its text colour]
// (-1: none; a background transparent all the way up lets the canvas show, whose
// colour styles do not tell): what the core needs to tell a dark page.
export function pageLook(root) {
  const view = root.ownerDocument && root.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return [-1, -1];
  const text = luminance(view.getComputedStyle(root).color || '');
  for (let e = root; e; e = e.parentElement) {
    const bg = luminance(view.getComputedStyle(e).backgroundColor || '');
    if (bg >= 0) return [bg, text];
  }
  return [-1, text];
}

// The ids in the document (read as attributes: a form's `id` property can be one of
// its fields), each once, in code point order (Rust's order of strings), for the
// module's binary search; in one string, space-separated (one crossing into the
// module, not one per id: a news page has thousands). An id with a space in it, which
// only a script can set, reads as its parts: no slug has a space, so nothing is lost.
export function pageIds(doc) {
  const ids = new Set();
  for (const e of doc.querySelectorAll('[id]')) ids.add(e.getAttribute('id'));
  return [...ids].sort(byCodePoint).join(' ');
}

// UTF-16 order is code point order but where a surrogate meets U+E000 to U+FFFF.
function byCodePoint(a, b) {
  for (let i = 0; i < a.length && i < b.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x += x < 0xe000 ? 0x2000 : 0;
      y += y < 0xe000 ? 0x2000 : 0;
    }
    return x - y;
  }
  return a.length - b.length;
}

// What the core needs to tell whether the navigator's rail fits beside `root`
// (core::rail), as numbers: [the page's right edge, one rem in px, 1 when an
// ancestor clips or scrolls its content or the article is positioned (0 if not), the
// article's box (left, top, right, bottom), then the box of each element the page
// shows beside the article and its ancestors (their siblings), four numbers each].
export function margin(root) {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  if (!view) return new Float64Array(0);
  const top = doc.documentElement;
  const style = (e) => view.getComputedStyle(e);
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  let boxed = !/^(static|relative)$/.test(style(root).position);
  const out = [top.clientWidth, parseFloat(style(top).fontSize), 0, ...box(root)];
  // No room for the rail's 16 rem (a phone): the core says no without the walk.
  if (out[0] - out[5] < 16 * out[1]) return new Float64Array(out);
  for (let at = root, parent; (parent = at.parentElement); at = parent) {
    for (const e of parent.children) {
      const b = box(e);
      if (e !== at && b[2] > b[0] && b[3] > b[1]) out.push(...b);
    }
    // The root element's and the body's overflow is the window's.
    boxed ||= parent !== doc.body && parent !== top && style(parent).overflow !== 'visible';
  }
  out[2] = +boxed;
  return new Float64Array(out);
}
