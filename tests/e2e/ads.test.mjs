// A blogger's ads keep showing: a Blogger post of our own (tests/fixtures/ads/) with
// AdSense auto ads and an in-article unit as the ad script leaves them (filled, with
// their frames), the README's one tag added. At 390x844 (a phone) and 1280x900, with
// every request not to 127.0.0.1 blocked:
//   - every ad slot has the size and the parent it has on the page without the widget,
//     and shows, whatever the sections' state (as mounted, all collapsed, all open);
//   - the labelled unit's label shows too, and no ad or label is a section;
//   - the page with the widget asks other hosts for nothing the page without it does
//     not ask for;
//   - destroy() gives the post body back exactly.
// A screenshot of each size, sections collapsed, goes to test-results/shots/.
// Run after `make package`: node --test tests/e2e/ads.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { serve } from '../package/server.mjs';
import { contextFor, withTag } from '../realpages/check.mjs';
import { REPO } from './support.mjs';

const PAGE = readFileSync(`${REPO}tests/fixtures/ads/blogger-auto-ads.html`, 'utf8');
const SHOTS = process.env.SHOTS_DIR || `${REPO}test-results/shots`;

let server;
let browser;
before(async () => {
  server = await serve({
    mounts: [['/article-widget/', `${REPO}pkg`]],
    pages: {
      '/bare.html': () => PAGE,
      '/tagged.html': () => withTag(PAGE, '/article-widget/embed.js', false),
    },
  });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Each ad slot and label of the post: its size, whether it shows, and its parent.
function slots() {
  return [...document.querySelectorAll('.post-body ins.adsbygoogle, .post-body .ad-label')].map((e) => {
    const r = e.getBoundingClientRect();
    const p = e.parentElement;
    return {
      what: e.className,
      size: [Math.round(r.width), Math.round(r.height)],
      shows: r.width > 0 && r.height > 0 && !e.closest('[hidden], [data-aw-collapsed]'),
      // The widget's class on the root aside (the root is the one element it marks).
      parent: `${p.localName}.${p.className.replace(/ ?\baw-root\b/, '')}`,
    };
  });
}

async function open(name, path) {
  const context = await browser.newContext(contextFor(name));
  const blocked = await onlyLoopback(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__mounted = new Promise((r) => document.addEventListener('article-widget:mounted', (e) => r(e.detail)));
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { context, page, blocked };
}

for (const name of ['phone', 'desktop']) {
  test(`ad slots stay as the page has them, at ${name} size`, async () => {
    const bare = await open(name, '/bare.html');
    const want = await bare.page.evaluate(slots);
    const body = await bare.page.evaluate(() => document.querySelector('.post-body').outerHTML);
    await bare.context.close();
    assert.equal(want.filter((s) => s.what.includes('adsbygoogle')).length, 3);
    assert.ok(want.every((s) => s.shows), 'the fixture shows its ads');

    const { context, page, blocked } = await open(name, '/tagged.html');
    try {
      const mounted = await page.evaluate(() => Promise.race([window.__mounted, new Promise((r) => setTimeout(() => r(null), 20_000))]));
      assert.ok(mounted, 'the widget did not mount');
      assert.equal(mounted.sections, 4, 'the four days are the sections, no ad or label');
      const titles = await page.evaluate(() => window.articleWidget.plan.sections.map((s) => s.title));
      assert.deepEqual(titles, ['Day One: The Flight of Locks', 'Day Two: Through the Cutting', 'Day Three: The Aqueduct', 'Day Four: Down to the Sea']);
      assert.deepEqual(await page.evaluate(slots), want, 'as mounted');
      await page.evaluate(() => window.articleWidget.collapseAll());
      assert.deepEqual(await page.evaluate(slots), want, 'all collapsed');
      await page.evaluate(() => document.querySelectorAll('.aw-ad-gap')[0]?.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -120));
      await page.screenshot({ path: `${SHOTS}/ads-${name}-collapsed.png` });
      await page.evaluate(() => window.articleWidget.expandAll());
      assert.deepEqual(await page.evaluate(slots), want, 'all open');
      // The page alone asks Google for its ad script; the widget adds nothing.
      const alone = bare.blocked.map((u) => new URL(u).host).sort();
      assert.deepEqual(blocked.map((u) => new URL(u).host).sort(), alone);
      await page.evaluate(() => window.articleWidget.destroy());
      assert.equal(await page.evaluate(() => document.querySelector('.post-body').outerHTML), body, 'destroy gives the post back');
    } finally {
      await context.close();
    }
  });
}
