// In-page half of the benchmark: loaded into a bench page (same origin as /pkg/), it
// times the widget's mount() and analyze() and the plain-JavaScript floor on one
// article root, putting the page back between runs.

import init, { analyze, mount } from '/pkg/article_widget.js';
import { splitSections } from './floor.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg',
  'canvas', 'button', 'input', 'select', 'textarea', 'video', 'audio', 'map']);

let ready;

function countWords(root) {
  let n = 0;
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const m = c.data.match(/\S+/g);
        if (m) n += m.length;
      } else if (c.nodeType === 1 && !SKIP.has(c.localName)) {
        walk(c);
      }
    }
  };
  walk(root);
  return n;
}

// Lets style and layout catch up with the last change, outside the timed part, and
// lets the event loop run (timers, garbage collection between tasks).
async function settle(root) {
  root.getBoundingClientRect();
  void document.body.offsetHeight;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function errorOf(err) {
  return { code: err?.code ?? null, message: String(err?.message ?? err) };
}

/**
 * Times the operations on the root `selector` matches:
 *   mount    mount(root, { comments: false }) (then destroy(), not timed)
 *   analyze  analyze(root, { comments: false })
 *   plain    mount(root, { comments: false, quotes: false }): the sections alone
 *   floor    splitSections(root) from floor.js (then destroy(), not timed)
 * `realHeadings` first turns the lines the widget takes for headings into <h2>
 * elements; `repeat` > 1 then replaces the root's content with that many copies of it.
 * The first run of each (a cold mount on a freshly loaded page) is kept apart as
 * `first`; warm-up runs are not otherwise counted. `warmUp` first awaits the package
 * entry's warmUp(root) (its worker, which these pages' policy may refuse, and its
 * rehearsal), as the embed and the demo do before they mount: `first` is then the
 * first mount after it.
 */
export async function measure({ selector, runs, warmup, repeat = 1, realHeadings = false, warmUp = false }) {
  ready ??= init();
  await ready;
  const root = document.querySelector(selector);
  if (!root) return { error: { code: 'bench-root-not-found', message: `no element matches ${selector}` } };
  if (warmUp) await (await import('/pkg/index.js')).warmUp(root);
  if (realHeadings) toRealHeadings(root);
  if (repeat > 1) root.innerHTML = root.innerHTML.repeat(repeat);
  const out = {
    words: countWords(root),
    iframes: root.querySelectorAll('iframe').length,
    crossOriginIsolated: self.crossOriginIsolated,
    first: {},
    times: { mount: [], analyze: [], plain: [], floor: [], destroy: [], floorDestroy: [] },
    sections: null,
    collapsible: null,
    quotes: null,
    floorSections: null,
    floorCollapsible: null,
    restored: { widget: null, floor: null },
    error: null,
  };
  const opts = { comments: false };
  const plainOpts = { comments: false, quotes: false };
  await settle(root);
  const before = root.innerHTML;

  for (let i = 0; i < warmup + runs; i++) {
    const keep = i >= warmup;
    const record = (name, ms) => {
      if (i === 0) out.first[name] = ms;
      if (keep) out.times[name].push(ms);
    };

    let t0 = performance.now();
    let widget;
    try {
      widget = mount(root, opts);
    } catch (err) {
      out.error = errorOf(err);
      return out;
    }
    record('mount', performance.now() - t0);
    if (i === 0) {
      const plan = widget.plan;
      out.sections = plan.sections.length;
      out.collapsible = plan.sections.filter((s) => s.collapsible).length;
      out.quotes = plan.quotes.length;
    }
    t0 = performance.now();
    widget.destroy();
    record('destroy', performance.now() - t0);
    if (i === 0) out.restored.widget = root.innerHTML === before;
    await settle(root);

    t0 = performance.now();
    const floor = splitSections(root);
    record('floor', performance.now() - t0);
    if (i === 0) {
      out.floorSections = floor.sections.length;
      out.floorCollapsible = floor.sections.filter((s) => s.collapsible).length;
    }
    t0 = performance.now();
    floor.destroy();
    record('floorDestroy', performance.now() - t0);
    if (i === 0) out.restored.floor = root.innerHTML === before;
    await settle(root);

    t0 = performance.now();
    analyze(root, opts);
    record('analyze', performance.now() - t0);
    await settle(root);

    t0 = performance.now();
    const plain = mount(root, plainOpts);
    record('plain', performance.now() - t0);
    plain.destroy();
    await settle(root);
  }
  return out;
}

// The seed's sub-headings are plain lines in <div>s: make each line the widget infers
// as a heading an <h2> with the same text, so that copies of the article keep their
// sections (inferred headings are capped at 24 an article; real ones are not).
function toRealHeadings(root) {
  const titles = new Set(analyze(root, { comments: false, quotes: false }).sections.filter((s) => s.inferred).map((s) => s.title));
  for (const div of root.querySelectorAll('div')) {
    const text = div.textContent.replace(/\s+/g, ' ').trim();
    if (div.children.length === 0 && titles.has(text)) {
      const h2 = document.createElement('h2');
      h2.textContent = text;
      div.replaceWith(h2);
    }
  }
}

/** Mounts the widget `times` times (destroying each), for a CPU profile. */
export async function repeatMount({ selector, times, repeat = 1, realHeadings = false, options = {} }) {
  ready ??= init();
  await ready;
  const root = document.querySelector(selector);
  if (realHeadings) toRealHeadings(root);
  if (repeat > 1) root.innerHTML = root.innerHTML.repeat(repeat);
  await settle(root);
  const t0 = performance.now();
  for (let i = 0; i < times; i++) {
    mount(root, { comments: false, ...options }).destroy();
    await settle(root);
  }
  return performance.now() - t0;
}
