// One article, one structure: a reader gets the same page whatever way they arrive.
// Two pages with headings the widget infers from plain lines (the demo's post with
// the README's one tag, and a Blogger post of our own, tests/fixtures/realpages/own/)
// are opened the ways readers arrive at a post: at the top at 390x844, 1280x900 and
// 1920x1080; reloaded mid-article; through a link to a section; through a key quote's
// share link. The reader then scrolls to the end and back, and the structure is read:
//   - every heading's look (its size against body text, its weight) and every
//     section's open state are those of a reader who arrived at the top (the section
//     a link leads into is open);
//   - the contents and the key quotes are in the same place;
//   - nothing moved on the reader's screen over the whole visit (layout shifts 0),
//     scrolling and comment loading included, except the visits in KNOWN_SHIFTS,
//     each held to what it measures today;
//   - no request left 127.0.0.1.
// tests/webdriver/walk.test.mjs checks the same in Firefox and WebKit (the in-page
// functions are shared: tests/common/reader.mjs).
// Run after `make package`: node --test tests/e2e/entry-points.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start } from '../../scripts/serve.mjs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { withTag } from '../realpages/check.mjs';
import { REPO } from './support.mjs';
import { assertSameStructure, scrollThrough, sectionOnScreen, structure } from '../common/reader.mjs';

const WAIT = 20_000;
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
];
const OWN = readFileSync(join(REPO, 'tests/fixtures/realpages/own/blogger-seed.html'), 'utf8');
const PAGES = [
  ['the demo with one tag', '/one-tag.html'],
  ['a Blogger post of our own', '/own.html'],
];

let server;
let browser;
// Requests off 127.0.0.1, by page: the Blogger post's own images may be asked for,
// nothing else.
const blocked = new Map();

before(async () => {
  server = await start({
    port: 0,
    commentsPort: 0,
    pages: { '/own.html': () => withTag(OWN, '/pkg/embed.js') },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  assert.deepEqual(blocked.get('/one-tag.html'), [], 'the demo asks nothing off 127.0.0.1');
  const own = blocked.get('/own.html');
  assert.deepEqual(own.filter((u) => !OWN.includes(u)), [], "the Blogger post asks off 127.0.0.1 only for its own images");
});

/** Every layout shift not caused by input, from the first paint on; the mount's outcome. */
function watchShifts() {
  window.__shifts = [];
  // From the moment the embed is asked for: what the page does before is its own.
  const embedStart = () => performance.getEntriesByType('resource').find((r) => r.name.includes('/pkg/embed.js'))?.startTime;
  document.addEventListener('article-widget:mounted', () => (window.__aw = 'mounted'));
  document.addEventListener('article-widget:error', (e) => (window.__aw = e.detail.code));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const since = embedStart();
      if (since === undefined || e.startTime < since) continue;
      const sources = (e.sources || []).map((s) => `${s.node?.nodeName}.${s.node?.className || ''}`);
      window.__shifts.push({ value: e.value, at: Math.round(e.startTime), sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function mounted(page) {
  await page.waitForFunction(() => window.__aw, null, { timeout: WAIT });
  assert.equal(await page.evaluate(() => window.__aw), 'mounted');
  await page.waitForTimeout(300);
}

/** Opens `path` the way `how` says, scrolls through, and reads what the reader got. */
async function visit(path, viewport, how, arg) {
  const context = await browser.newContext({ viewport });
  if (!blocked.has(path)) blocked.set(path, []);
  await onlyLoopback(context, blocked.get(path));
  const page = await context.newPage();
  await page.addInitScript(watchShifts);
  const url = new URL(path, server.url).href;
  let linked = null;
  if (how === 'mid-article reload') {
    await page.goto(url, { waitUntil: 'load', timeout: WAIT });
    await mounted(page);
    await page.evaluate(() => scrollTo(0, document.querySelector('.aw-root').getBoundingClientRect().bottom * 0.6 + scrollY));
    await page.waitForTimeout(300);
    await page.reload({ waitUntil: 'load', timeout: WAIT });
  } else if (how === 'section link') {
    linked = arg;
    await page.goto(`${url}#${arg}`, { waitUntil: 'load', timeout: WAIT });
  } else if (how === 'quote link') {
    await page.goto(url + arg, { waitUntil: 'load', timeout: WAIT });
  } else {
    await page.goto(url, { waitUntil: 'load', timeout: WAIT });
  }
  await mounted(page);
  if (how === 'mid-article reload') {
    // Past the article's top (on a wide screen with the parts in the rail, the demo's
    // article with its sections closed is less than two windows tall).
    assert.ok(await page.evaluate(() => document.querySelector('.aw-root').getBoundingClientRect().top < 0), 'the reload kept the reader mid-article');
  }
  if (how === 'quote link') {
    // The section the quote is in: the one the reader is shown.
    linked = await page.evaluate(sectionOnScreen);
  }
  await page.evaluate(scrollThrough);
  const got = await page.evaluate(structure);
  const shifts = await page.evaluate(() => window.__shifts);
  const share = await page.evaluate(() => document.querySelector('.aw-quote-share')?.getAttribute('href') ?? null);
  await context.close();
  return { got, shifts, linked, share };
}

function sameAsTop(top, seen, label) {
  assertSameStructure(assert, top, seen, label);
  const cls = seen.shifts.reduce((a, s) => a + s.value, 0);
  const known = KNOWN_SHIFTS.get(label);
  if (known) {
    const [most, what] = known;
    console.log(`# known: ${label}: layout shift ${cls.toFixed(3)}, at most ${most} (${what})`);
    assert.ok(cls <= most, `${label}: layout shifts ${JSON.stringify(seen.shifts)}`);
  } else {
    assert.equal(cls, 0, `${label}: layout shifts ${JSON.stringify(seen.shifts)}`);
  }
}

// Visits that may still shift, by how much at most, and what moves (measured: the
// same figure run after run, or 0); every other visit must not shift at all.
const KNOWN_SHIFTS = new Map([
  [
    'a Blogger post of our own, reloaded mid-article at 390x844',
    [0.11, 'a section body on screen moves once, right after the mount, while the browser restores the reading place'],
  ],
  [
    "a Blogger post of our own, through a quote's share link at 390x844",
    [0.02, 'a section body moves once, as the browser scrolls to the quotation'],
  ],
  [
    // With the parts in the rail the article is shorter, and the scroll-through (80 %
    // of a window every 100 ms) sometimes reaches the comment area before the comment
    // system has drawn its thread above its form: the form moves down (0 or 0.044).
    'the demo with one tag, at the top at 1280x900',
    [0.05, "the comment form moves down as the comment system draws its thread above it, when the scroll reaches the area first"],
  ],
  [
    'a Blogger post of our own, reloaded mid-article at 1280x900',
    [0.01, 'a heading above the view takes its look in the frame of a scroll'],
  ],
]);

for (const [name, path] of PAGES) {
  test(`${name}: one structure whatever the entry point`, async () => {
    const top = await visit(path, SIZES[0], 'top');
    assert.ok(top.got.headings.length >= 4, `inferred headings: ${JSON.stringify(top.got.headings)}`);
    assert.ok(top.got.headings.every((h) => h.size > 1.1 && Number(h.weight) >= 600), `every heading looks a heading: ${JSON.stringify(top.got.headings)}`);
    assert.equal(top.got.contents, `before ${top.got.headings[0].id}`, 'the contents at the top of the article');
    sameAsTop(top, top, `${name}, at the top at 390x844`);
    // Each screen size's own top arrival: the same headings and open states as on the
    // phone; where the page has a free margin beside the article, both parts stand in
    // the navigator's rail there, for every entry point at that size.
    const tops = new Map([[SIZES[0], top]]);
    for (const size of SIZES.slice(1)) {
      const label = `${name}, at the top at ${size.width}x${size.height}`;
      const sized = await visit(path, size, 'top');
      if (sized.got.contents === 'in the rail') {
        assert.equal(sized.got.quotes, 'in the rail', `${label}: the key quotes stand with the contents`);
        sameAsTop({ ...top, got: { ...top.got, contents: 'in the rail', quotes: 'in the rail' } }, sized, label);
      } else {
        sameAsTop(top, sized, label);
      }
      tops.set(size, sized);
    }
    for (const size of SIZES) {
      const at = `${size.width}x${size.height}`;
      const ref = tops.get(size);
      sameAsTop(ref, await visit(path, size, 'mid-article reload'), `${name}, reloaded mid-article at ${at}`);
      const section = top.got.headings[Math.min(3, top.got.headings.length - 1)].id;
      sameAsTop(ref, await visit(path, size, 'section link', section), `${name}, through a link to ${section} at ${at}`);
      if (top.share) {
        sameAsTop(ref, await visit(path, size, 'quote link', top.share), `${name}, through a quote's share link at ${at}`);
      }
    }
  });
}
