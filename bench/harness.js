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
 * `repeat` > 1 first replaces the root's content with that many copies of it.
 */
export async function measure({ selector, runs, warmup, repeat = 1 }) {
  ready ??= init();
  await ready;
  const root = document.querySelector(selector);
  if (!root) return { error: { code: 'bench-root-not-found', message: `no element matches ${selector}` } };
  if (repeat > 1) root.innerHTML = root.innerHTML.repeat(repeat);
  const out = {
    words: countWords(root),
    crossOriginIsolated: self.crossOriginIsolated,
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
    const record = (name, ms) => keep && out.times[name].push(ms);

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

/** Mounts the widget `times` times (destroying each), for a CPU profile. */
export async function repeatMount({ selector, times, repeat = 1 }) {
  ready ??= init();
  await ready;
  const root = document.querySelector(selector);
  if (repeat > 1) root.innerHTML = root.innerHTML.repeat(repeat);
  await settle(root);
  const t0 = performance.now();
  for (let i = 0; i < times; i++) {
    mount(root, { comments: false }).destroy();
    await settle(root);
  }
  return performance.now() - t0;
}
