// What a reader does on a page and what they get, as functions that run in the page
// (passed to Playwright's page.evaluate, or as source to WebDriver's executeScript):
// the entry-point tests of tests/e2e/ (Chromium) and tests/webdriver/ (Firefox,
// WebKit) share them, so that every engine is held to the same checks.

/**
 * From the page's first script on: whether anything on the reader's screen moves
 * other than by scrolling. Every frame, the text on screen (paragraphs, headings,
 * list items, quotations, images) and where it is in the window. Between two frames
 * an element on screen in both may move by what the view scrolled (the reader, a
 * link's jump, a reload's restored place), or not at all while what is above the
 * view changes and the engine keeps the reader's place; anything else moved under
 * the reader's eyes. Engines without the Layout Instability API (Firefox, WebKit)
 * get the same check this way. window.__moves lists the frames where something
 * moved, from the moment the embed is asked for (what the page does before is its
 * own): { at, n, by, what }.
 */
export function watchMoves() {
  window.__moves = [];
  window.__readerScroll = 0;
  const SEL = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, img, figure';
  const fixed = new WeakMap();
  const isFixed = (e) => {
    if (!fixed.has(e)) {
      let f = false;
      for (let a = e; a && a !== document.documentElement && !f; a = a.parentElement) {
        const p = getComputedStyle(a).position;
        f = p === 'fixed' || p === 'sticky';
      }
      fixed.set(e, f);
    }
    return fixed.get(e);
  };
  const name = (e) => e.nodeName.toLowerCase() + (e.id ? `#${e.id}` : '') + (typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/)[0]}` : '');
  let before = new Map();
  let beforeY = scrollY;
  let beforeReader = 0;
  const frame = () => {
    const now = new Map();
    for (const e of document.querySelectorAll(SEL)) {
      const r = e.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
      if (isFixed(e)) continue;
      now.set(e, r.top);
    }
    const scrolled = scrollY - beforeY;
    const reader = window.__readerScroll - beforeReader;
    const moved = [];
    for (const [e, top] of now) {
      if (!before.has(e)) continue;
      const d = top - before.get(e);
      // By the scroll (any), or by the reader's own scroll with the engine keeping
      // the place while something above the view changed.
      if (Math.abs(d + scrolled) <= 1.5 || Math.abs(d + reader) <= 1.5) continue;
      moved.push([e, Math.round(d)]);
    }
    // From the moment the embed is asked for: what the page does before is its own.
    const since = performance.getEntriesByType('resource').find((r) => r.name.includes('/pkg/embed.js'))?.startTime;
    if (moved.length && since !== undefined) {
      window.__moves.push({
        at: Math.round(performance.now()),
        n: moved.length,
        by: Math.max(...moved.map(([, d]) => Math.abs(d))),
        what: moved.slice(0, 3).map(([e, d]) => `${name(e)} "${e.textContent.trim().slice(0, 30)}" ${d}px`),
      });
    }
    before = now;
    beforeY = scrollY;
    beforeReader = window.__readerScroll;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Scrolls to the end of the page and back to the top, most of a screen at a time, as
 * a reader does: by a distance from where the page is (the page may keep the
 * reader's place while it scrolls), not to a place computed beforehand. What the
 * reader scrolled goes to window.__readerScroll (for watchMoves).
 */
export async function scrollThrough() {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
  const step = Math.round(innerHeight * 0.8);
  const end = () => scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  const by = (dy) => {
    const y = scrollY;
    scrollBy(0, dy);
    window.__readerScroll = (window.__readerScroll || 0) + (scrollY - y);
  };
  for (let n = 0; n < 200 && !end(); n++) {
    by(step);
    await frame();
    await frame();
  }
  await new Promise((r) => setTimeout(r, 500));
  for (let n = 0; n < 200 && scrollY > 0; n++) {
    by(-step);
    await frame();
    await frame();
  }
  await new Promise((r) => setTimeout(r, 300));
}

/** The structure a reader sees: headings, open states, where the parts are. */
export function structure() {
  const root = document.querySelector('.aw-root');
  const body = [...root.querySelectorAll('p, div')].find((e) => !e.closest('.aw-heading, .aw-toc, .aw-quotes') && e.textContent.trim().length > 80);
  const base = parseFloat(getComputedStyle(body).fontSize);
  const headings = [...root.querySelectorAll('.aw-heading')].map((h) => {
    const s = getComputedStyle(h.querySelector('.aw-toggle') || h);
    const toggle = h.querySelector('.aw-toggle');
    return {
      id: h.id,
      size: Math.round((parseFloat(s.fontSize) / base) * 100) / 100,
      weight: String(s.fontWeight),
      open: toggle ? toggle.getAttribute('aria-expanded') : 'none',
    };
  });
  // A part's place: the heading after it (or the end of the article).
  const place = (sel) => {
    const e = document.querySelector(sel);
    if (!e) return 'not in the page';
    if (!root.contains(e)) return 'outside the article';
    // A free margin beside the article: the navigator's rail (core::rail).
    if (e.closest('.aw-nav[data-aw-rail]')) return 'in the rail';
    const next = [...root.querySelectorAll('.aw-heading')].find((h) => e.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    return next ? `before ${next.id}` : 'at the end';
  };
  return { headings, contents: place('.aw-toc'), quotes: place('.aw-quotes') };
}

/** The section the reader is shown after a quote link: the first body on screen. */
export function sectionOnScreen() {
  const bodies = [...document.querySelectorAll('.aw-section-body')].filter((b) => {
    const r = b.getBoundingClientRect();
    return r.height > 0 && r.top < innerHeight && r.bottom > 0;
  });
  return bodies[0]?.dataset.awSection ?? null;
}

/**
 * Checks that a visit (`seen`: { got, linked }) gave the reader the structure of the
 * top arrival (`top`): the parts' places, every heading's look, every open state (the
 * linked section open).
 */
export function assertSameStructure(assert, top, seen, label) {
  assert.equal(seen.got.contents, top.got.contents, `${label}: the contents' place`);
  assert.equal(seen.got.quotes, top.got.quotes, `${label}: the key quotes' place`);
  assert.equal(seen.got.headings.length, top.got.headings.length, `${label}: the headings`);
  for (const [i, h] of seen.got.headings.entries()) {
    const want = top.got.headings[i];
    assert.equal(h.id, want.id, label);
    assert.equal(h.size, want.size, `${label}: the size of heading ${h.id}`);
    assert.equal(h.weight, want.weight, `${label}: the weight of heading ${h.id}`);
    if (h.id === seen.linked) assert.equal(h.open, 'true', `${label}: the linked section ${h.id} is open`);
    else assert.equal(h.open, want.open, `${label}: the open state of ${h.id}`);
  }
}
