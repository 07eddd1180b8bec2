// Golden files of the sections the widget finds on the 24 real pages of the corpus
// (tests/fixtures/corpus/sections.golden.json), as Readability keeps its expected
// output: `UPDATE_GOLDEN=1 node --test tests/e2e/golden.test.mjs` writes them anew;
// review the diff (and screenshots) before committing. Independently of the golden
// file, on pages whose article has real h2 to h4 headings, the sections are exactly those
// headings (minus those in quotes, tables, asides and figures).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { launchChromium, onlyLoopback } from '../../scripts/browser.mjs';
import { REPO, stripScripts } from './support.mjs';

const CORPUS = `${REPO}tests/fixtures/corpus/`;
const GOLDEN = `${CORPUS}sections.golden.json`;
const pages = readFileSync(`${CORPUS}pages.txt`, 'utf8').split('\n').filter(Boolean);
const roots = JSON.parse(readFileSync(`${CORPUS}roots.json`, 'utf8'));
// Headings of plugin and site boxes inside the roots (not-outline.txt, read by hand):
// the widget drops them as boilerplate.
const notOutline = readFileSync(`${CORPUS}not-outline.txt`, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));

let browser;
const found = {};

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(found, null, 2) + '\n');
});

async function analyze(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked = await onlyLoopback(context);
  await context.route('http://127.0.0.1:9/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/page.html') {
      return route.fulfill({ contentType: 'text/html', body: stripScripts(readFileSync(`${CORPUS}${name}/source.html`, 'utf8')) });
    }
    if (path.startsWith('/pkg/')) return route.fulfill({ path: `${REPO}${path.slice(1)}` });
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:9/page.html', { waitUntil: 'domcontentloaded' });
  const result = await page.evaluate(async (selector) => {
    const m = await import('/pkg/article_widget.js');
    await m.default();
    const root = document.querySelector(selector);
    const plan = m.analyze(root, { comments: false });
    const real = [...root.querySelectorAll('h2, h3, h4')]
      .filter((h) => !h.closest('blockquote, table, aside, figure, pre, nav, form, details'))
      .filter((h) => h.textContent.trim())
      .map((h) => h.textContent.replace(/\s+/g, ' ').trim().replace(/ [#¶§🔗]$/u, ''));
    return {
      sections: plan.sections.map((s) => `${s.level}${s.inferred ? ' ~' : ''} ${s.title}`),
      titles: plan.sections.map((s) => s.title),
      inferred: plan.sections.some((s) => s.inferred),
      real,
    };
  }, roots[name]);
  await context.close();
  return { ...result, blocked };
}

for (const name of pages) {
  test(`sections of ${name}`, async () => {
    const r = await analyze(name);
    found[name] = r.sections;
    r.real = r.real.filter((t) => !notOutline.some(([p, title]) => p === name && title === t));
    if (r.real.length >= 2) {
      assert.equal(r.inferred, false, 'real headings were passed over');
      assert.deepEqual(r.titles, r.real, 'the sections are not the article\'s h2 to h4 headings');
    }
    if (!process.env.UPDATE_GOLDEN) {
      assert.ok(existsSync(GOLDEN), 'no golden file: run with UPDATE_GOLDEN=1 and review it');
      const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
      assert.deepEqual(r.sections, golden[name], 'sections differ from the golden file');
    }
  });
}
