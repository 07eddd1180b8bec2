// Layout stability: collapsing sections, adding the contents and the key-quotes panel
// must not make the page jump (cumulative layout shift 0) on the demo and on the
// one-tag page (the post as a blogger publishes it: one embed tag at the end of the
// body, nothing in <head>), and nothing of the article is hidden before the module
// runs: what the reader sees first stays exactly where it was.
// Also what a reader sees with scripts off: the whole article, untouched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../../scripts/serve.mjs';
import { holdBack, launchChromium, onlyLoopback } from '../../scripts/browser.mjs';

let server;
let browser;

before(async () => {
  server = await start({ port: 0, commentsPort: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function layoutShift(viewport) {
  const context = await browser.newContext({ viewport });
  const blocked = await onlyLoopback(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node?.nodeName + '.' + (s.node?.className || '')) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.articleWidget === 'mounted');
  await page.waitForTimeout(1000);
  const shifts = await page.evaluate(() => window.__shifts);
  await context.close();
  assert.deepEqual(blocked, []);
  return shifts;
}

test('mounting causes no layout shift (desktop)', async () => {
  const shifts = await layoutShift({ width: 1280, height: 720 });
  const cls = shifts.reduce((a, s) => a + s.value, 0);
  assert.equal(cls, 0, `layout shifts: ${JSON.stringify(shifts)}`);
});

test('mounting causes no layout shift (phone)', async () => {
  const shifts = await layoutShift({ width: 390, height: 844 });
  const cls = shifts.reduce((a, s) => a + s.value, 0);
  assert.equal(cls, 0, `layout shifts: ${JSON.stringify(shifts)}`);
});

// Where each piece of text on the first screen stands (the widget's own boxes aside:
// the contents, the key quotes, and the navigator's button, fixed at the window's
// corner where it takes no room): the box of each visible text node of the post (through a range, so that a text moved into a new element, as a
// heading's text into its toggle, is measured where it is drawn).
function firstScreen() {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.post-outer') ?? document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim() || n.parentElement.closest('.aw-toc, .aw-quotes, .aw-nav, script, style')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight || r.height === 0) continue;
    out.push(`${n.data.trim().slice(0, 30)} @ ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 720 }],
  // Tall enough that two sub-headings are on the first screen: they must stay open.
  ['tall desktop', { width: 1280, height: 1600 }],
]) {
  test(`one tag: the first screen does not move when the widget mounts (${label})`, async () => {
    const context = await browser.newContext({ viewport });
    const blocked = await onlyLoopback(context);
    // Hold the module back (the embed imports it) until the page has painted and
    // been measured.
    const release = await holdBack(context, '**/pkg/article_widget.js');
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          // What moved, for the failure message: each source node and its boxes.
          const sources = (e.sources || []).map((s) => {
            const r = (b) => b && `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
            return `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} ${r(s.previousRect)} -> ${r(s.currentRect)}`;
          });
          window.__shifts.push({ value: e.value, at: Math.round(e.startTime), mounted: Boolean(window.articleWidget), sources });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}one-tag.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.fonts.status === 'loaded' && document.images[0]?.complete);
    const before = await page.evaluate(firstScreen);
    const visible = await page.evaluate(() => getComputedStyle(document.querySelector('.post-body')).visibility);
    release();
    await page.waitForFunction(() => window.articleWidget?.mounted, null, { timeout: 20000 });
    await page.waitForTimeout(500);
    const after = await page.evaluate(firstScreen);
    const state = await page.evaluate(() => ({
      shifts: window.__shifts,
      toggles: document.querySelectorAll('.aw-toggle').length,
      collapsed: document.querySelectorAll('.aw-toggle[aria-expanded="false"]').length,
    }));
    await context.close();
    assert.deepEqual(blocked, []);
    assert.equal(visible, 'visible', 'the article is hidden before the module runs');
    assert.ok(before.length >= 3, `too little text measured on the first screen: ${before}`);
    assert.deepEqual(after, before, 'text on the first screen moved');
    assert.deepEqual(state.shifts, [], `layout shifts: ${JSON.stringify(state.shifts)}`);
    assert.ok(state.toggles >= 5 && state.collapsed >= 1, `sections: ${JSON.stringify(state)}`);
  });
}

test('with scripts off the whole article reads as written', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await onlyLoopback(context);
  const page = await context.newPage();
  await page.goto(server.url);
  const state = await page.evaluate(() => ({
    hidden: getComputedStyle(document.querySelector('[data-article-widget]')).visibility,
    widget: document.querySelectorAll('.aw-root, .aw-toc, .aw-quotes, .aw-toggle, .aw-section-body, .aw-comments-facade').length,
    text: document.querySelector('[data-article-widget]').innerText,
  }));
  await context.close();
  assert.equal(state.hidden, 'visible');
  assert.equal(state.widget, 0);
  assert.match(state.text, /The Political Debate Continues/);
  assert.match(state.text, /I'm backing Ukraine/);
});

// The stylesheet arriving restyles none of the page's elements: a rule whose last part
// names no class, id or attribute (as `::highlight(...)` alone did) makes the browser
// restyle every element of the page when a stylesheet holding it is added (9 to 76 ms
// at 4x slower CPU on the one-tag page, more on a page of thousands of elements).
// Measured: the elements restyled after the stylesheet is added to the one-tag page
// (the widget not run), from a Chrome trace; the same with one universal rule beside
// it, to show that the count sees it.
test("adding the widget's stylesheet restyles none of the page's elements", async () => {
  const restyled = async (extraRule) => {
    const context = await browser.newContext();
    await onlyLoopback(context);
    await context.route('**/pkg/embed.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.url}one-tag.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.body.offsetTop);
    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    await page.evaluate(async (rule) => {
      if (rule) document.head.append(Object.assign(document.createElement('style'), { textContent: rule }));
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/pkg/article-widget.css' });
      await new Promise((r) => {
        link.onload = link.onerror = r;
        document.head.append(link);
      });
      return document.body.offsetTop;
    }, extraRule);
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    await context.close();
    return events.filter((e) => e.name === 'UpdateLayoutTree').reduce((n, e) => n + (e.args?.elementCount ?? 0), 0);
  };
  const elements = await restyled(null);
  const control = await restyled('::highlight(aw-none) { color: red; }');
  assert.ok(control > 50, `only ${control} elements restyled with a universal rule: is the trace event still UpdateLayoutTree with elementCount?`);
  assert.ok(elements <= 3, `${elements} elements restyled when the stylesheet arrived (${control} with a universal rule)`);
});
