// Applying the sections of the plan to the page, in one call from the module
// (src/web/sections.rs decides what, here it is done): a toggle button in each
// heading, the content wrapped in bodies that collapse with `hidden="until-found"`
// (find-in-page still reaches it), and every change recorded in a log that
// undoLog() takes back, so that destroy() (or a failure half-way) restores the page.
//
// applySections(doc, root, nodes, numbers, strings, kept, log) applies the sections
// and returns, for each, [heading, button or null, bodies, frames, line] (line: the
// heading is a line of text wrapped in an element of the widget's):
//   nodes    the article's nodes as js/read.js listed them;
//   numbers  per section, five numbers: the indices in `nodes` of its heading's first
//            and last node and of the first node of the block where it ends (-1: the
//            end of the article), its level and its flags;
//   strings  per section, its id and its title;
//   kept     per section, how many blocks it leaves visible (ad slots and their
//            labels, which the core keeps), then the indices in `nodes` of each one's
//            first and last node: the bodies are cut around them, which are never
//            moved, wrapped or hidden; a rule (.aw-ad-gap, shown while the part
//            before is collapsed) sets the slot apart from the heading above it;
//   log      the record of changes, appended to (see undoLog).
// On a DOM error it throws; what it did until then is in the log.
//
// Text stays text: ids, titles and attribute values are set as values, never parsed.

// Flags, as src/web/sections.rs sets them.
const SEEN = 1; // the reader sees its heading: a line made a heading keeps its look (for now)
const INFERRED = 2; // a heading the core inferred from the text's look
const COLLAPSIBLE = 4;

// Changes in the log: an inserted node, a wrapper put around nodes, an attribute.
const INSERTED = 0;
const WRAPPED = 1;
const ATTRIBUTE = 2;

// Elements that reload or restart when moved: hidden in place, never wrapped.
const FRAMES = 'iframe, embed, object, video, audio';
// Elements that show something without text.
const MEDIA = 'img, picture, svg, video, audio, iframe, embed, object, canvas, table, hr';
const INTERACTIVE = 'a, button, input, select, textarea';
// The attribute that hides an element holding a frame (the stylesheet hides it).
const COLLAPSED = 'data-aw-collapsed';

function holds(e, selector) {
  return e.nodeType === 1 && (e.matches(selector) || e.querySelector(selector) !== null);
}

// Whether the run first..last holds anything a reader sees: text, or media. A run of
// empty elements (ad slots waiting for a script) makes no section body.
function hasContent(first, last) {
  for (let n = first; n; n = n === last ? null : n.nextSibling) {
    if (n.nodeType !== 8 && n.textContent.trim() !== '') return true;
    if (holds(n, MEDIA)) return true;
  }
  return false;
}

// The runs of sibling nodes after `start` and before `end` (or the end of `root`) in
// document order, each [first, last], and [node] for each node of `kept` on the way.
// Content that the next heading or a kept node shares a parent with is split at that
// parent, so that wrapping a run never moves the next heading or a kept node.
function siblingRuns(start, end, root, kept) {
  const runs = [];
  let parent = start.parentNode;
  if (!parent) return runs;
  let next = start.nextSibling;
  const holdsKept = (n) => {
    for (const k of kept) if (n.contains(k)) return true;
    return false;
  };
  for (;;) {
    let first = null;
    let last = null;
    let descend = null;
    let done = false;
    const flush = () => {
      if (first && hasContent(first, last)) runs.push([first, last]);
      first = last = null;
    };
    for (; next; next = next.nextSibling) {
      if (next === end) {
        done = true;
        break;
      }
      if (kept.has(next)) {
        flush();
        runs.push([next]);
        continue;
      }
      if (end && next.contains(end)) {
        descend = next;
        break;
      }
      if (kept.size && holdsKept(next)) {
        // Read inside: its parts around the kept node are runs of their own (the
        // gap goes before it, at the level of the runs before).
        flush();
        runs.push([next]);
        descend = next;
        break;
      }
      first = first || next;
      last = next;
    }
    flush();
    if (done) break;
    if (descend) {
      next = descend.firstChild;
      parent = descend;
      continue;
    }
    if (parent === root || !parent.parentNode) break;
    next = parent.nextSibling;
    parent = parent.parentNode;
  }
  return runs;
}

// Splits the run first..last around the elements that hold frames: [first, last]
// for nodes to wrap, [element] for a frame.
function splitAtFrames(first, last) {
  const out = [];
  let start = null;
  let prev = null;
  const flush = () => {
    if (start && hasContent(start, prev)) out.push([start, prev]);
    start = null;
  };
  for (let n = first; n; n = n === last ? null : n.nextSibling) {
    if (holds(n, FRAMES)) {
      flush();
      out.push([n]);
    } else if (!start) {
      start = n;
    }
    prev = n;
  }
  flush();
  return out;
}

function setAttr(log, e, name, value) {
  log.push([ATTRIBUTE, e, name, e.getAttribute(name)]);
  e.setAttribute(name, value);
}

function addClass(log, e, name) {
  log.push([ATTRIBUTE, e, 'class', e.getAttribute('class')]);
  e.classList.add(name);
}

function insert(log, parent, node, before) {
  parent.insertBefore(node, before);
  log.push([INSERTED, node]);
}

function wrap(log, wrapper, first, last) {
  first.parentNode.insertBefore(wrapper, first);
  log.push([WRAPPED, wrapper]);
  for (let n = first, next; n; n = next) {
    next = n === last ? null : n.nextSibling;
    wrapper.appendChild(n);
  }
}

function make(doc, tag, className) {
  const e = doc.createElement(tag);
  e.className = className;
  return e;
}

function applySection(doc, root, log, first, last, end, level, flags, id, title, kept) {
  let heading;
  const line = !(first === last && first.nodeType === 1);
  if (!line) {
    heading = first;
    if (!/^h[1-6]$/.test(heading.localName)) {
      setAttr(log, heading, 'role', 'heading');
      setAttr(log, heading, 'aria-level', String(level));
    }
    if (!heading.getAttribute('id')) setAttr(log, heading, 'id', id);
    addClass(log, heading, 'aw-heading');
  } else {
    // A line of a text run: wrapped in an element that is a heading.
    heading = make(doc, 'div', flags & SEEN ? 'aw-heading' : 'aw-heading aw-heading-line');
    heading.id = id;
    heading.setAttribute('role', 'heading');
    heading.setAttribute('aria-level', String(level));
    wrap(log, heading, first, last);
  }
  if (flags & INFERRED) addClass(log, heading, 'aw-heading-inferred');
  const bodies = [];
  const frames = [];
  let button = null;
  if (flags & COLLAPSIBLE) {
    let gap = false;
    for (const [from, to] of siblingRuns(heading, end, root, kept)) {
      if (!to) {
        // A kept node (an ad slot): left as it is, set apart from the heading by a
        // rule before it, shown while the body before it is collapsed.
        if (!gap) insert(log, from.parentNode, make(doc, 'div', 'aw-ad-gap'), from);
        gap = true;
        continue;
      }
      gap = false;
      for (const [a, b] of splitAtFrames(from, to)) {
        if (b) {
          const body = make(doc, 'div', 'aw-section-body');
          body.id = bodies.length ? `${id}-body-${bodies.length + 1}` : `${id}-body`;
          body.setAttribute('data-aw-section', id);
          wrap(log, body, a, b);
          bodies.push(body);
        } else {
          // Moving an iframe reloads it (a video starts over): hidden in place.
          setAttr(log, a, COLLAPSED, '');
          frames.push(a);
        }
      }
    }
    if (bodies.length || frames.length) {
      button = make(doc, 'button', 'aw-toggle');
      button.type = 'button';
      button.setAttribute('aria-controls', bodies.map((b) => b.id).join(' '));
      const icon = make(doc, 'span', 'aw-toggle-icon');
      icon.setAttribute('aria-hidden', 'true');
      if (heading.querySelector(INTERACTIVE)) {
        // A button cannot hold links: a small toggle after them.
        button.setAttribute('aria-label', title);
        button.appendChild(icon);
        insert(log, heading, button, null);
      } else {
        if (heading.firstChild) wrap(log, button, heading.firstChild, heading.lastChild);
        else insert(log, heading, button, null);
        // After the text, where it takes no room (see the stylesheet).
        insert(log, button, icon, null);
      }
    }
  }
  return [heading, button, bodies, frames, line];
}

export function applySections(doc, root, nodes, numbers, strings, kept, log) {
  const out = [];
  let k = 0;
  for (let i = 0; 5 * i < numbers.length; i++) {
    const [first, last, end, level, flags] = numbers.subarray(5 * i, 5 * i + 5);
    const endNode = end < 0 ? null : nodes[end];
    const keep = new Set();
    for (let n = kept[k++]; n > 0; n--, k += 2) {
      for (let x = nodes[kept[k]]; x; x = x === nodes[kept[k + 1]] ? null : x.nextSibling) keep.add(x);
    }
    out.push(applySection(doc, root, log, nodes[first], nodes[last], endNode, level, flags, strings[2 * i], strings[2 * i + 1], keep));
  }
  return out;
}

// Takes back the changes in `log` made since it held `mark` of them, newest first.
export function undoLog(log, mark) {
  while (log.length > mark) {
    const [kind, n, name, old] = log.pop();
    const p = n.parentNode;
    if (kind === ATTRIBUTE) {
      if (old === null) n.removeAttribute(name);
      else n.setAttribute(name, old);
    } else if (p) {
      // moveBefore (where the engine has it) keeps a frame's state: an ad filled
      // meanwhile does not load again.
      if (kind === WRAPPED) {
        while (n.firstChild) {
          try {
            p.moveBefore(n.firstChild, n);
          } catch {
            p.insertBefore(n.firstChild, n);
          }
        }
      }
      p.removeChild(n);
    }
  }
}

// Ad slots that arrive in a section body after the mount (auto ads insert their own;
// `ads` is the core's selector of slots). The slot is never moved: the child of the
// body that holds it stays where it is, and the body around it becomes a plain holder
// that is never hidden; the nodes before and after that child go into new bodies
// inside it, hidden as the body was, with a gap rule before the slot. The section's
// toggle is told the new bodies. Returns [old body, new bodies] for each body cut.
export function freeSlots(doc, root, ads, log) {
  const out = [];
  for (let cut = true; cut; ) {
    cut = false;
    for (const body of root.querySelectorAll('.aw-section-body')) {
      let slot;
      try {
        slot = body.querySelector(ads);
      } catch {
        return out;
      }
      if (!slot) continue;
      let holder = slot;
      while (holder.parentNode !== body) holder = holder.parentNode;
      const hidden = body.getAttribute('hidden');
      const made = [];
      const part = (first, last, n) => {
        if (!first || !hasContent(first, last)) return;
        const b = make(doc, 'div', 'aw-section-body');
        b.id = `${body.id}-${n}`;
        b.setAttribute('data-aw-section', body.getAttribute('data-aw-section'));
        if (hidden !== null) b.setAttribute('hidden', hidden);
        wrap(log, b, first, last);
        made.push(b);
      };
      part(body.firstChild === holder ? null : body.firstChild, holder.previousSibling, 1);
      if (made.length) insert(log, body, make(doc, 'div', 'aw-ad-gap'), holder);
      part(holder.nextSibling, body.lastChild, 2);
      // The body is the widget's own element: what changes on it goes with it.
      const toggle = root.querySelector(`[aria-controls~="${CSS.escape(body.id)}"]`);
      if (toggle) {
        const ids = toggle.getAttribute('aria-controls').split(' ');
        ids.splice(ids.indexOf(body.id), 1, ...made.map((b) => b.id));
        toggle.setAttribute('aria-controls', ids.join(' '));
      }
      body.className = 'aw-ad-holder';
      body.removeAttribute('hidden');
      body.removeAttribute('id');
      out.push([body, made]);
      cut = true;
    }
  }
  return out;
}
