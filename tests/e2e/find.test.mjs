// Find-in-page in browsers without `hidden="until-found"` (Safari before 26.2, older
// Firefox): there the value acts as plain `hidden`, so collapsed text cannot be found.
// The widget detects it (`'onbeforematch' in HTMLElement.prototype`) and opens every
// section when the reader opens the find bar (Ctrl+F, Cmd+F, F3). Chromium has the
// attribute; here the page's script takes the property away before the widget loads,
// as such a browser would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoAndBrowser, openWatched } from './support.mjs';

const shared = demoAndBrowser();
const blocked = [];

async function demo({ untilFound }) {
  const opened = await openWatched(shared.browser, blocked);
  if (!untilFound) {
    await opened.page.addInitScript(() => {
      delete HTMLElement.prototype.onbeforematch;
    });
  }
  await opened.page.goto(shared.server.url);
  await opened.page.waitForFunction(() => document.documentElement.dataset.articleWidget === 'mounted');
  return opened;
}

const collapsed = (page) => page.locator('.aw-toggle[aria-expanded="false"]').count();

test('without until-found, the find bar key opens every section', async () => {
  const { context, page } = await demo({ untilFound: false });
  try {
    assert.equal(await page.evaluate(() => 'onbeforematch' in HTMLElement.prototype), false);
    assert.ok((await collapsed(page)) > 0, 'the demo starts with collapsed sections');
    await page.keyboard.press('a');
    assert.ok((await collapsed(page)) > 0, 'an ordinary key opened the sections');
    await page.keyboard.press('Control+f');
    assert.equal(await collapsed(page), 0, 'Ctrl+F left sections collapsed');
    await page.evaluate(() => window.articleWidget.widget.collapseAll());
    await page.keyboard.press('F3');
    assert.equal(await collapsed(page), 0, 'F3 left sections collapsed');
  } finally {
    await context.close();
  }
  assert.deepEqual(blocked, []);
});

test('with until-found, the find bar key leaves the sections as they are', async () => {
  const { context, page } = await demo({ untilFound: true });
  try {
    const n = await collapsed(page);
    assert.ok(n > 0);
    await page.keyboard.press('Control+f');
    assert.equal(await collapsed(page), n, 'the browser finds collapsed text itself');
  } finally {
    await context.close();
  }
});
