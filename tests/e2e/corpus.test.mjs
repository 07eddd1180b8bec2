// The widget on 24 real article pages (tests/fixtures/corpus/, from Mozilla
// Readability's test pages): it must never break the page.
//
// Each page's source.html is served from the test origin (a Playwright route on the
// origin of scripts/serve.mjs, which serves /pkg/) with the page's own <script>
// elements stripped: offline they would only fail (their hosts are blocked) and their
// errors would drown the widget's. Inline event-handler attributes (onload=,
// onerror=...) are the page's scripts too; they are removed in the page before the
// widget is loaded, so that an error after that point can only be the widget's.
// Every request not for 127.0.0.1 (the pages' images, fonts, ads, iframes) is aborted
// and recorded; the widget itself may ask for nothing but /pkg/.
//
// For each page, in headless Chromium: import /pkg/article_widget.js, init(), then
// analyze(root) and mount(root, { comments: false }) on the article root named in
// tests/fixtures/corpus/roots.json, and check that
//   - both succeed (or throw an Error with a documented code and leave the page as it
//     was), with no uncaught exception or console error from the widget;
//   - the article's text is all still there: the root's text after mount, without the
//     key-quotes panel and the comments facade, equals its text before; the toggles add
//     no text (they wrap the heading's own); every element the widget added has an aw-
//     class; every section body holds text;
//   - analyze() on the mounted root agrees with what mount did (the .aw-heading ids
//     are the plan's section ids, in order) and with analyze() before mount;
//   - destroy() (after expandAll and collapseAll) gives the DOM back exactly: the same
//     outerHTML of the root and of the document, and the same first child node object.
// A summary (sections, key quotes, mount time per page) is printed at the end.
//
// Run after `make package`: node --test tests/e2e/corpus.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from '../../scripts/serve.mjs';
import { launchChromium } from '../../scripts/browser.mjs';
import { REPO, cell, documentedCodes, openWatched, stripScripts } from './support.mjs';

const CORPUS = `${REPO}tests/fixtures/corpus/`;
const ROOTS = JSON.parse(readFileSync(`${CORPUS}roots.json`, 'utf8'));
const PAGES = readFileSync(`${CORPUS}pages.txt`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const CODES = documentedCodes();
const WAIT = 30_000;

let server;
let browser;
const blocked = [];
const summary = [];
// Per page, the section bodies that hold no text (asserted together, for all pages).
const emptyBodies = {};

before(async () => {
  server = await start({ port: 0, commentsPort: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Runs in the page: loads the widget and does everything to the root, returning what
// the Node side asserts. The widget's errors are caught and returned, never thrown.
async function exercise({ pkg, selector, token }) {
  const fold = (s) => s.replace(/\s+/g, ' ').trim();
  const describeError = (e) => ({
    isError: e instanceof Error,
    code: e && e.code,
    message: String(e && e.message !== undefined ? e.message : e),
  });
  const out = {};
  const mod = await import(pkg);
  await mod.default();

  out.matches = document.querySelectorAll(selector).length;
  const root = document.querySelector(selector);
  if (!root) return out;

  const beforeHtml = root.outerHTML;
  const beforeDoc = document.documentElement.outerHTML;
  const beforeText = fold(root.textContent);
  out.textLength = beforeText.length;
  const original = new Set(root.querySelectorAll('*'));
  const originalTexts = new Map();
  const w0 = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = w0.nextNode(); n; n = w0.nextNode()) originalTexts.set(n, n.data);
  const ADDED = '.aw-quotes, .aw-comments-facade, .aw-toc, .aw-nav';
  out.iframes = [...root.querySelectorAll('iframe[src]')].map((f) => f.src);
  const first = root.firstChild;
  if (first) first.__awProbe = token;

  let t0 = performance.now();
  try {
    out.plan0 = mod.analyze(root);
  } catch (e) {
    out.analyzeError = describeError(e);
  }
  out.analyzeMs = performance.now() - t0;
  out.analyzeUntouched = root.outerHTML === beforeHtml;

  const mountedEvents = [];
  const onMounted = (e) => mountedEvents.push(e.detail);
  document.addEventListener('article-widget:mounted', onMounted);
  let widget;
  t0 = performance.now();
  try {
    widget = mod.mount(root, { comments: false });
  } catch (e) {
    out.mountError = describeError(e);
  }
  out.mountMs = performance.now() - t0;
  document.removeEventListener('article-widget:mounted', onMounted);
  out.mountedEvents = mountedEvents;
  if (!widget) {
    out.untouchedAfterError = root.outerHTML === beforeHtml && document.documentElement.outerHTML === beforeDoc;
    return out;
  }

  // The widget's own additions, by class: the key-quotes panel, the comments facade and
  // the contents list (nav.aw-toc); everything else in the root is the article.
  const isAdded = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const panel = el && el.closest(ADDED);
    return !!(panel && root.contains(panel));
  };
  out.addedInDocument = document.querySelectorAll(ADDED).length;
  out.addedInRoot = root.querySelectorAll(ADDED).length;
  const clone = root.cloneNode(true);
  clone.querySelectorAll(ADDED).forEach((e) => e.remove());
  const textAfter = fold(clone.textContent);
  out.textSame = textAfter === beforeText;
  if (!out.textSame) {
    let i = 0;
    while (i < beforeText.length && beforeText[i] === textAfter[i]) i += 1;
    out.textDifference = { at: i, before: beforeText.slice(Math.max(0, i - 60), i + 60), after: textAfter.slice(Math.max(0, i - 60), i + 60) };
  }

  // Text node by text node, in document order: the original nodes are all there, in
  // their order, with their text; every new one is inside a panel of the widget.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const kept = [];
  out.newTextOutsidePanels = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (originalTexts.has(n)) {
      if (n.data !== originalTexts.get(n)) out.newTextOutsidePanels.push(`changed: "${n.data.slice(0, 80)}"`);
      kept.push(n);
    } else if (!isAdded(n) && n.data.trim() !== '') {
      out.newTextOutsidePanels.push(`"${n.data.slice(0, 80)}" in <${n.parentElement.localName} class="${n.parentElement.className}">`);
    }
  }
  out.lostTexts = originalTexts.size - kept.length;
  out.inOrder = kept.every((n, i) => i === 0 || (kept[i - 1].compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING));
  out.walkSame = fold(kept.map((n) => n.data).join('')) === beforeText;
  const bodies = [...root.querySelectorAll('.aw-section-body')];
  out.bodies = bodies.length;
  out.emptyBodies = bodies
    .filter((b) => fold(b.textContent) === '')
    .map((b) => ({ id: b.id, html: b.innerHTML.slice(0, 160) }));

  // Elements that are new and carry no aw- class.
  const hasAwClass = (e) => [...e.classList].some((c) => c.startsWith('aw-'));
  out.strangers = [...root.querySelectorAll('*')]
    .filter((e) => !original.has(e) && !hasAwClass(e) && !isAdded(e))
    .map((e) => e.outerHTML.slice(0, 120));

  // Toggles: text only from the heading they wrap (or none, with an aria-label).
  out.toggleProblems = [];
  for (const button of root.querySelectorAll('button.aw-toggle')) {
    const heading = button.closest('.aw-heading');
    const icon = button.querySelector('.aw-toggle-icon');
    if (icon && icon.textContent !== '') out.toggleProblems.push(`icon has text "${icon.textContent}"`);
    if (!heading) out.toggleProblems.push('toggle outside a heading');
    else if (button.hasAttribute('aria-label')) {
      if (button.textContent !== '') out.toggleProblems.push(`labelled toggle has text "${button.textContent}"`);
    } else if (fold(button.textContent) !== fold(heading.textContent)) {
      out.toggleProblems.push(`toggle text "${fold(button.textContent)}" is not its heading's "${fold(heading.textContent)}"`);
    }
    const ids = (button.getAttribute('aria-controls') || '').split(/\s+/).filter(Boolean);
    if (ids.length === 0) out.toggleProblems.push(`toggle "${fold(button.textContent)}" controls nothing`);
    for (const id of ids) {
      const body = document.getElementById(id);
      if (!body || !body.classList.contains('aw-section-body')) {
        out.toggleProblems.push(`aria-controls names "${id}", no section body`);
      } else if ((button.getAttribute('aria-expanded') === 'true') !== !body.hasAttribute('hidden')) {
        out.toggleProblems.push(`"${id}" hidden=${body.getAttribute('hidden')} but aria-expanded=${button.getAttribute('aria-expanded')}`);
      }
    }
  }

  out.headingIds = [...root.querySelectorAll('.aw-heading')].map((h) => h.id);
  try {
    out.plan1 = mod.analyze(root);
  } catch (e) {
    out.analyzeMountedError = describeError(e);
  }
  out.widgetPlan = widget.plan;
  const panel = root.querySelector('.aw-quotes');
  out.panelQuotes = panel
    ? [...panel.querySelectorAll('li.aw-quote')].map((li) => ({
        text: li.querySelector('.aw-quote-text')?.textContent ?? null,
        speaker: li.querySelector('.aw-quote-name')?.textContent ?? null,
      }))
    : [];

  try {
    widget.expandAll();
    widget.collapseAll();
    widget.destroy();
  } catch (e) {
    out.destroyError = describeError(e);
  }
  out.mountedAfterDestroy = widget.mounted;
  out.restored = root.outerHTML === beforeHtml;
  out.docRestored = document.documentElement.outerHTML === beforeDoc;
  if (!out.restored) {
    const a = beforeHtml;
    const b = root.outerHTML;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    out.firstDifference = { at: i, before: a.slice(Math.max(0, i - 80), i + 120), after: b.slice(Math.max(0, i - 80), i + 120) };
  }
  out.sameFirstChild = root.firstChild === first && (!first || first.__awProbe === token);
  return out;
}

describe('corpus: mount, text, analyze and destroy on real pages', () => {
  for (const name of PAGES) {
    test(name, async () => {
      const selector = ROOTS[name];
      assert.equal(typeof selector, 'string', `roots.json has no root for ${name}`);
      const html = stripScripts(readFileSync(`${CORPUS}${name}/source.html`, 'utf8'));
      const pageUrl = `${server.url}corpus/${name}/`;
      const { context, page, watch } = await openWatched(browser, blocked);
      try {
        // Registered after onlyLoopback, so it answers first for the page itself.
        await context.route(pageUrl, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
        );
        await page.goto(pageUrl, { waitUntil: 'load', timeout: WAIT });
        // Let the page's own late requests (favicons, lazy images) settle first.
        await watch.settle(150, WAIT);
        const left = await page.evaluate(() => {
          let handlers = 0;
          for (const el of document.querySelectorAll('*')) {
            for (const a of [...el.attributes]) {
              if (/^on/i.test(a.name)) {
                el.removeAttribute(a.name);
                handlers += 1;
              }
            }
          }
          const links = [...document.querySelectorAll('link[href]')].map((l) => l.href);
          return { scripts: document.scripts.length, handlers, links };
        });
        assert.equal(left.scripts, 0, 'a script element of the page survived stripping');

        watch.phase = 'widget';
        const r = await page.evaluate(exercise, {
          pkg: `${server.url}pkg/article_widget.js`,
          selector,
          token: `probe-${name}`,
        });
        // Let late events (observers, lazy images) surface before judging.
        await page.waitForTimeout(100);

        assert.equal(r.matches, 1, `root selector "${selector}" matches ${r.matches} elements`);
        const widgetErrors = [
          ...watch.inPhase(watch.pageErrors, 'widget').map((e) => `uncaught ${e.text}`),
          ...watch
            .inPhase(watch.consoleErrors, 'widget')
            // The page's own images and styles, blocked or missing: not the widget's.
            .filter((e) => !(e.text.startsWith('Failed to load resource') && !e.url.includes('/pkg/')))
            .map((e) => `console: ${e.text}`),
        ];
        assert.deepEqual(widgetErrors, [], 'errors while the widget ran');
        // Besides /pkg/, what the page's own elements fetch as the layout changes
        // (images, fonts, media). The article's iframes must not reload (they would,
        // were the widget to move them).
        const reloads = watch.inPhase(watch.requests, 'widget').filter((q) => q.type === 'document' && r.iframes.includes(q.url));
        assert.deepEqual(reloads.map((q) => q.url), [], "the article's iframes reloaded");
        const widgetRequests = watch
          .inPhase(watch.requests, 'widget')
          .filter((q) => !q.url.startsWith(`${server.url}pkg/`))
          .filter((q) => !['image', 'font', 'media', 'stylesheet'].includes(q.type))
          .filter((q) => !(q.type === 'other' && left.links.includes(q.url)));
        assert.deepEqual(widgetRequests, [], 'the widget requested something besides /pkg/');

        for (const [what, err] of [['analyze', r.analyzeError], ['mount', r.mountError]]) {
          if (!err) continue;
          assert.ok(err.isError, `${what} threw a non-Error: ${err.message}`);
          assert.ok(CODES.has(err.code), `${what} threw code ${err.code}, not documented: ${err.message}`);
        }
        assert.equal(r.analyzeUntouched, true, 'analyze() changed the page');
        if (r.mountError) {
          assert.equal(r.untouchedAfterError, true, `mount failed (${r.mountError.code}) and left the page changed`);
          summary.push({ name, error: r.mountError.code, ms: r.mountMs });
          return;
        }
        assert.equal(r.analyzeError, undefined, 'analyze() failed where mount() succeeded');

        assert.equal(r.addedInDocument, r.addedInRoot, 'the widget added its elements outside the root');
        assert.deepEqual(r.strangers, [], 'elements the widget added without an aw- class');
        assert.ok(r.textSame, `the article text changed under mount (panel and facade left out): ${JSON.stringify(r.textDifference)}`);
        assert.equal(r.lostTexts, 0, 'text nodes of the article are gone from the root');
        assert.ok(r.inOrder, 'text nodes of the article are out of order');
        assert.deepEqual(r.newTextOutsidePanels, [], 'text the widget added or changed outside its panels');
        assert.ok(r.walkSame, 'the text in document order, outside the widget, is not the original');
        assert.deepEqual(r.toggleProblems, [], 'toggles');
        emptyBodies[name] = r.emptyBodies;

        assert.equal(r.analyzeMountedError, undefined, 'analyze() of the mounted root failed');
        const planIds = r.plan1.sections.map((s) => s.id);
        assert.deepEqual(r.headingIds, planIds, '.aw-heading ids are not the plan of analyze() on the mounted root');
        assert.deepEqual(r.plan1, r.widgetPlan, 'analyze() of the mounted root is not widget.plan');
        // Mounting keeps open the sections the reader already sees (nothing on the
        // first screen moves); that is the only way the applied plan may differ.
        const unopened = (p) => ({ ...p, sections: p.sections.map(({ open, ...s }) => s) });
        assert.deepEqual(unopened(r.plan1), unopened(r.plan0), 'analyze() after mount differs from analyze() before');
        assert.ok(
          r.plan0.sections.every((s, i) => !s.open || r.plan1.sections[i].open),
          'a section analyze() opens is closed after mount',
        );
        assert.deepEqual(r.mountedEvents, [
          { sections: r.plan1.sections.length, keyQuotes: r.plan1.quotes.filter((q) => q.key).length, comments: 'off' },
        ]);
        const keys = r.plan1.quotes.filter((q) => q.key);
        assert.deepEqual(
          r.panelQuotes,
          keys.map((q) => ({ text: q.text, speaker: q.speaker ?? null })),
          'the key-quotes panel is not the plan',
        );

        assert.equal(r.destroyError, undefined, 'destroy() threw');
        assert.equal(r.mountedAfterDestroy, false);
        assert.ok(r.restored, `destroy() did not give back the root: ${JSON.stringify(r.firstDifference)}`);
        assert.ok(r.docRestored, 'destroy() did not give back the document');
        assert.ok(r.sameFirstChild, "the root's first child is not the same node after destroy()");

        summary.push({
          name,
          sections: r.plan1.sections.map((s) => `${s.inferred ? '~' : ''}${s.title}`),
          quotes: keys.map((q) => `${q.speaker ?? '?'}: ${q.text}`),
          allQuotes: r.plan1.quotes.length,
          ms: r.mountMs,
          analyzeMs: r.analyzeMs,
          chars: r.textLength,
          iframes: r.iframes.length,
        });
      } finally {
        await context.close();
      }
    });
  }
});

// Once a bug: nytimes-4's empty ad slots (<aside></aside>) made section bodies.
test('corpus: every section body holds text', () => {
  const empty = Object.fromEntries(Object.entries(emptyBodies).filter(([, list]) => list.length > 0));
  assert.ok(Object.keys(emptyBodies).length > 0, 'no page was mounted');
  assert.deepEqual(empty, {}, 'section bodies that hold no text, per page');
});

test('corpus: summary', () => {
  const lines = [
    `${cell('page', 26)} ${cell('sections', 8)} ${cell('quotes', 9)} ${cell('mount ms', 8)} ${cell('analyze', 7)} ${cell('iframes', 7)}  sections (titles) / key quotes`,
  ];
  for (const s of summary) {
    if (s.error) {
      lines.push(`${cell(s.name, 26)} mount failed: ${s.error} (${s.ms.toFixed(1)} ms)`);
      continue;
    }
    lines.push(
      `${cell(s.name, 26)} ${cell(s.sections.length, 8)} ${cell(`${s.quotes.length}/${s.allQuotes}`, 9)} ${cell(s.ms.toFixed(1), 8)} ${cell(s.analyzeMs.toFixed(1), 7)} ${cell(s.iframes, 7)}  ${cell(s.sections.join(' | ') || '-', 100)}`,
    );
    for (const q of s.quotes) lines.push(`${' '.repeat(72)}“ ${cell(q, 100)}`);
  }
  console.log(`\n${lines.join('\n')}\n(~ marks an inferred heading; quotes: key/all found; iframes: in the article, none reloaded)`);
  assert.equal(summary.length, PAGES.length, 'a page is missing from the summary');
});

test('corpus: no request left 127.0.0.1 except the pages’ own resources', () => {
  // The pages reference images, fonts and frames on their sites: those are blocked and
  // expected; the widget asks for nothing outside /pkg/ (checked per page above).
  for (const url of blocked) assert.notEqual(new URL(url).hostname, '127.0.0.1');
  console.log(`blocked requests (the pages' own resources): ${blocked.length}`);
});
