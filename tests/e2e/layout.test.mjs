// Layout stability of the demo page: collapsing sections, adding the contents and the
// key-quotes panel must not make the page jump (cumulative layout shift 0), with the
// page's `aw-loading` class hiding the article until the widget has arranged it.
// Also what a reader sees with scripts off: the whole article, untouched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../../scripts/serve.mjs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';

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
