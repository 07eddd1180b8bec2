// The navigator's rail, in headless Chromium: where the page has a free margin beside
// the article, the contents and the key quotes stand in it (sticky while the article
// scrolls by, beside the text and never over it); where it has none (a phone, a
// sidebar in the margin) the navigator is the corner button; the window growing or
// shrinking switches between the two.
//
// Run after `make package` (the page loads /pkg/): node --test tests/e2e/rail.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onlyLoopback } from '../../scripts/browser.mjs';
import { demoAndBrowser } from './support.mjs';

const WAIT = 20_000;
const demo = demoAndBrowser();
const blocked = [];

async function open(path, viewport) {
  const context = await demo.browser.newContext({ viewport });
  await onlyLoopback(context, blocked);
  const page = await context.newPage();
  await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'load', timeout: WAIT });
  await page.waitForFunction(() => document.querySelector('.aw-root .aw-toc'), null, { timeout: WAIT });
  return { context, page };
}

/** Where the navigator and the parts are, and how the rail stands against the article. */
function railState() {
  const root = document.querySelector('.aw-root');
  const nav = root.querySelector('.aw-nav');
  const sheet = nav?.querySelector('.aw-nav-sheet');
  const button = nav?.querySelector('.aw-nav-button');
  const r = root.getBoundingClientRect();
  const s = sheet?.getBoundingClientRect();
  return {
    rail: !!nav?.hasAttribute('data-aw-rail'),
    contentsInSheet: !!sheet?.querySelector('.aw-toc'),
    quotesInSheet: !!sheet?.querySelector('.aw-quotes'),
    role: sheet?.getAttribute('role'),
    sheetHidden: !!sheet?.hidden,
    buttonShown: !!button && button.getBoundingClientRect().width > 0,
    article: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
    sheet: s && { left: s.left, right: s.right, top: s.top, bottom: s.bottom, height: s.height },
    width: document.documentElement.clientWidth,
    height: innerHeight,
  };
}

for (const path of ['/', '/one-tag.html']) {
  test(`${path} at 1920x1080: the parts stand in a sticky rail beside the article`, async () => {
    const { context, page } = await open(path, { width: 1920, height: 1080 });
    try {
      let s = await page.evaluate(railState);
      assert.ok(s.rail, 'no rail in a free margin 580 px wide');
      assert.ok(s.contentsInSheet && s.quotesInSheet, 'the parts are not in the rail');
      assert.equal(s.role, 'complementary');
      assert.equal(s.sheetHidden, false);
      assert.equal(s.buttonShown, false, 'the corner button shows beside the rail');
      assert.ok(s.sheet.left >= s.article.right, `the rail overlaps the article: ${JSON.stringify(s)}`);
      assert.ok(s.sheet.right <= s.width, `the rail leaves the window: ${JSON.stringify(s)}`);
      assert.ok(s.sheet.height > 100, 'the rail is empty');
      // A short article (its sections closed and half its text gone) keeps the
      // rail within it: nothing hangs over what follows the article in the margin.
      const short = await page.evaluate(() => {
        const root = document.querySelector('.aw-root');
        const body = root.querySelector('.aw-section-body');
        const kept = body.style.display;
        body.style.display = 'none';
        const r = root.getBoundingClientRect();
        const sheet = root.querySelector('.aw-nav-sheet').getBoundingClientRect();
        body.style.display = kept;
        return { root: r.bottom, sheet: sheet.bottom };
      });
      assert.ok(short.sheet <= short.root + 1, `the rail hangs below a short article: ${JSON.stringify(short)}`);
      // Into the article, it sticks at the top of the window (while the article's
      // end is below the rail's: the demo's, its sections closed, is 1,300 px tall).
      await page.evaluate(() => scrollTo(0, scrollY + document.querySelector('.aw-root').getBoundingClientRect().top + 200));
      await page.waitForTimeout(200);
      s = await page.evaluate(railState);
      assert.ok(s.article.top < 0, 'not scrolled into the article');
      assert.ok(Math.abs(s.sheet.top - 16) < 1, `the rail does not stick at 1rem: ${JSON.stringify(s.sheet)}`);
      // Past the article's end, it leaves with it.
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(200);
      s = await page.evaluate(railState);
      assert.ok(s.sheet.bottom <= s.article.bottom + 1, `the rail stays over what follows the article: ${JSON.stringify(s)}`);
    } finally {
      await context.close();
    }
  });
}

test('a phone gets the corner button, and the window growing and shrinking switches the two', async () => {
  const { context, page } = await open('/one-tag.html', { width: 390, height: 844 });
  try {
    let s = await page.evaluate(railState);
    assert.equal(s.rail, false, 'a rail on a phone');
    assert.equal(s.role, 'dialog');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction(() => document.querySelector('.aw-nav')?.hasAttribute('data-aw-rail'), null, { timeout: WAIT });
    s = await page.evaluate(railState);
    assert.equal(s.sheetHidden, false);
    assert.equal(s.role, 'complementary');
    assert.ok(s.sheet.left >= s.article.right);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => !document.querySelector('.aw-nav')?.hasAttribute('data-aw-rail'), null, { timeout: WAIT });
    s = await page.evaluate(railState);
    assert.equal(s.sheetHidden, true, 'the sheet stays open over the article on a phone');
    assert.equal(s.buttonShown, true);
    assert.equal(s.role, 'dialog');
  } finally {
    await context.close();
  }
});

test("a sidebar in the margin keeps the corner button; destroy() takes the rail's marks away", async () => {
  const { context, page } = await open('/', { width: 1920, height: 1080 });
  try {
    const s = await page.evaluate(async () => {
      const { mount } = await import('/pkg/index.js');
      const root = document.querySelector('.aw-root');
      const id = root.id;
      window.articleWidget.widget.destroy();
      const left = [root.hasAttribute('data-aw-rail'), !!document.querySelector('.aw-nav')];
      // A theme's sidebar beside the post, where the rail would stand.
      const side = document.createElement('aside');
      side.style.cssText = 'position:absolute;top:300px;width:300px;height:800px';
      side.style.left = `${root.getBoundingClientRect().right + 40}px`;
      document.body.append(side);
      const w = mount(`#${id}`, { comments: '#comments' });
      const nav = root.querySelector('.aw-nav');
      const out = { left, rail: !!nav?.hasAttribute('data-aw-rail') };
      w.destroy();
      side.remove();
      return out;
    });
    assert.deepEqual(s.left, [false, false], 'destroy() left the rail in the page');
    assert.equal(s.rail, false, 'the rail stands over the sidebar');
  } finally {
    await context.close();
  }
});

test('no request left 127.0.0.1', () => {
  assert.deepEqual(blocked, []);
});
