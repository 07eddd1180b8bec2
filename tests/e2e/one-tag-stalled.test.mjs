// The README's Blogger tag on a page whose load event never fires (an image the page
// asks for never arrives, as a stalled ad or tracker does): the tag imports the embed
// 10 s after it was parsed all the same, and the widget mounts. Before, it waited for
// the load event and mounted nothing (a saved news page never fired it here).
// Run after `make package`: node --test tests/e2e/one-tag-stalled.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { readmeTags } from '../../scripts/readme-tags.mjs';
import { serve } from '../package/server.mjs';
import { REPO } from './support.mjs';

const PARAGRAPH =
  'The night bus now stops at the hospital gate, after nurses on the late shift asked the council for a safer way home through the winter months.';

const PAGE = (tag) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title></head>
<body><div class="post-body entry-content">
<p>${PARAGRAPH}</p><h2>The request</h2><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
<img src="/stalled.png" alt="" width="10" height="10">
<h2>The answer</h2><p>${PARAGRAPH}</p><p>“We heard them, and the route changes on Monday,” said Maria Lind, who chairs the transport board.</p>
</div>${tag}</body></html>`;

let server;
let browser;
before(async () => {
  server = await serve({ mounts: [['/article-widget/', `${REPO}pkg`]], pages: { '/post.html': () => PAGE(readmeTags('/article-widget/embed.js').loader) } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a page whose load event never fires still gets the widget from the one tag', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const blocked = await onlyLoopback(context);
  // Held for good: the request is never answered, so the page never finishes loading.
  await context.route('**/stalled.png', () => {});
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/post.html`, { waitUntil: 'domcontentloaded' });
    const mounted = await page.evaluate(
      () =>
        new Promise((r) => {
          document.addEventListener('article-widget:mounted', (e) => r({ sections: e.detail.sections, at: performance.now(), state: document.readyState }));
          setTimeout(() => r(null), 25_000);
        }),
    );
    assert.ok(mounted, 'the widget did not mount');
    assert.equal(mounted.state, 'interactive', 'the page was meant never to finish loading');
    assert.equal(mounted.sections, 2);
    assert.ok(mounted.at >= 10_000, `it mounted before the 10 s fallback (${mounted.at} ms)`);
    assert.deepEqual(blocked, []);
  } finally {
    await context.close();
  }
});
