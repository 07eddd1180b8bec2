// The demo page walked in Firefox and WebKit through W3C WebDriver (Playwright walks
// it in Chromium: tests/e2e/). Run after `make package`:
//
//   WEBDRIVER_ENGINES=firefox node --test tests/webdriver/walk.test.mjs
//   WEBDRIVER_ENGINES=webkit  node --test tests/webdriver/walk.test.mjs
//
// The page is served by scripts/serve.mjs on two free ports of 127.0.0.1. WebDriver
// cannot watch the network as Playwright does, so what the browser asked the comments
// origin for is read on the server side: Node's `http.server.request.start`
// diagnostics channel reports every request each server of this process receives,
// and the comments origin's are those on its port.
//
// Elements are found by the widget's stable hooks (.aw-toggle, aria-expanded,
// aria-controls, data-aw-section, .aw-toc, .aw-quotes), never by where they sit.
// Screenshots at phone and desktop size go to SHOTS_DIR (default test-results/shots/).
//
// The entry-point checks (one structure whatever the way a reader arrives, nothing on
// screen moving) are those of tests/e2e/entry-points.test.mjs, with the in-page
// functions of tests/common/reader.mjs. These engines have no Layout Instability API:
// watchMoves follows what is on screen frame by frame instead (a move that coincides
// with a scroll of the same distance passes for scrolling).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, Key, until } from 'selenium-webdriver';
import { start } from '../../scripts/serve.mjs';
import { enginesFromEnv, engineLabel, openSession, setViewport } from './drivers.mjs';
import { cropPng } from './png.mjs';
import { assertSameStructure, scrollThrough, structure, watchMoves } from '../common/reader.mjs';
import { withTag } from '../realpages/check.mjs';

const SHOTS = process.env.SHOTS_DIR || fileURLToPath(new URL('../../test-results/shots/', import.meta.url));
const BODY = '#post-body-7318405593424166051';
const SECTION_TITLES = [
  'Shifting U.S. Stance on Ukraine',
  "Trump's Position on Ukraine's Role in Peace Talks",
  'A Path to Peace?',
  'Meeting Set for Munich',
  'The Political Debate Continues',
];
// Waits are on conditions; these are only upper bounds.
const WAIT = 20_000;
// How long a page is left alone before "nothing was fetched" is believed: the
// widget's observers report within a frame or two of mount.
const QUIET_MS = 1_000;

// Engine bugs that a check here runs into: the check is skipped in that engine, with
// what happens as the reason (and the table of docs/browsers.md says it too).
const KNOWN = {
  firefox: {
    templatePreload:
      'Firefox fetches, without running them, the scripts, images and stylesheets inside a <template> ' +
      'with its speculative parser (Mozilla bug 1441044; the HTML standard says template contents ' +
      'must not be fetched speculatively): the comment script parked in the demo\'s <template> is ' +
      'requested at page load, before intent. Parked in a <textarea> it is not (checked below).',
    textFragment:
      'Firefox does not match a text fragment (#:~:text=) inside a hidden="until-found" region: ' +
      'no beforematch, the section stays closed and the page does not scroll (a quote in an open ' +
      'section is found). The key-quotes panel\'s "Link to this quote" so lands at the top of the ' +
      'page when the quote\'s section is collapsed.',
  },
  webkit: {
    windowFind:
      'WebKitGTK\'s window.find() returns true for text inside a hidden="until-found" region but ' +
      'neither selects it nor fires beforematch, so the section stays closed; its find bar cannot ' +
      'be driven through WebDriver (text fragments, which do reveal, are checked instead).',
  },
  // Not walked by `make test` (Playwright has Chromium); listed for WEBDRIVER_ENGINES=chromium.
  chromium: {
    windowFind:
      'Chromium\'s window.find() returns true for text inside a hidden="until-found" region but does ' +
      'not fire beforematch; its find bar (which does) cannot be driven through WebDriver.',
  },
};

// What a browser asks for on its own, whatever the page: Firefox polls its remote
// settings (block lists, certificate revocations) from start-up, and webdriver.json's
// prefs do not turn that off; Chromium under chromedriver calls Google's update, time,
// account and autofill services despite its flags. The proxy refuses it like anything
// else; the page's own requests must all be for 127.0.0.1.
const BROWSER_SERVICES = {
  firefox: /\bfirefox\.settings\.services\.mozilla\.com\b/,
  chromium: /\b(?:[a-z0-9-]+\.)*(?:google\.com|googleapis\.com|gstatic\.com)\b/,
};

// Every request the servers of this process receive: { port, method, path }.
const received = [];
diagnostics.subscribe('http.server.request.start', ({ request, server: srv }) => {
  received.push({
    port: srv.address()?.port,
    method: request.method,
    path: new URL(request.url, 'http://127.0.0.1').pathname,
  });
});

// The pages of the entry-point checks, watched for moves from their first script on
// (watchMoves), with the widget's outcome in window.__aw.
const WATCH =
  `<script>(${watchMoves})();` +
  "document.addEventListener('article-widget:mounted',()=>{window.__aw='mounted'});" +
  "document.addEventListener('article-widget:error',(e)=>{window.__aw=e.detail.code});</script>";
const watch = (html) => html.replace(/<head[^>]*>/i, (head) => head + WATCH);
const watched = {};

let server;
let variants;
// The browsers' proxy for every host but 127.0.0.1 (WebDriver's `proxy` capability): it
// records what it is asked for and refuses it, so that nothing leaves the machine and
// the last test can assert that nothing tried to.
let outsideProxy;
const outside = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The demo with its comment system parked in a <textarea> instead of a <template>
  // (README, "Embedding"), served at /textarea/.
  variants = mkdtempSync(join(tmpdir(), 'aw-webdriver-'));
  const demo = readFileSync(fileURLToPath(new URL('../../www/index.html', import.meta.url)), 'utf8');
  const parked = demo
    .replace('<template data-article-widget-comments>', '<textarea data-article-widget-comments hidden>')
    .replace(/<\/template>(?![\s\S]*<\/template>)/, '</textarea>');
  assert.notEqual(parked, demo, 'the demo has no <template data-article-widget-comments> any more');
  mkdirSync(join(variants, 'textarea'));
  writeFileSync(join(variants, 'textarea', 'index.html'), parked);
  // A 390x844 frame for the phone screenshot; its address comes from ?src=.
  mkdirSync(join(variants, 'frame'));
  writeFileSync(
    join(variants, 'frame', 'index.html'),
    '<!DOCTYPE html><meta charset="utf-8"><title>phone</title><style>html,body{margin:0}iframe{display:block;border:0}</style>' +
      '<iframe id="phone" width="390" height="844"></iframe>' +
      '<script>document.getElementById("phone").src = new URLSearchParams(location.search).get("src");</script>',
  );
  outsideProxy = createServer((req, res) => {
    outside.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('only 127.0.0.1 here\n');
  });
  outsideProxy.on('connect', (req, socket) => {
    outside.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => outsideProxy.listen(0, '127.0.0.1', resolve));
  server = await start({
    port: 0,
    commentsPort: 0,
    pages: {
      '/watched/one-tag.html': () => watched.oneTag,
      '/watched/own.html': () => watched.own,
    },
    mounts: [
      ['/textarea/', join(variants, 'textarea')],
      ['/frame/', join(variants, 'frame')],
    ],
  });
  watched.oneTag = watch(await (await fetch(`${server.url}one-tag.html`)).text());
  const own = readFileSync(fileURLToPath(new URL('../fixtures/realpages/own/blogger-seed.html', import.meta.url)), 'utf8');
  // Its images and icon are the demo's local ones: the proxy would refuse the blog's
  // host, and what an engine does then (when it draws a refused image, whether it
  // asks for the icon) is the page's own, not the widget's.
  watched.own = watch(withTag(own, '/pkg/embed.js'))
    .replace(/(<img\b[^>]*\bsrc=")https?:[^"]*/g, '$1/photo-placeholder.svg')
    .replace(/<link href="https?:[^"]*" rel="icon"[^>]*>/g, '<link href="/favicon.svg" rel="icon" type="image/svg+xml">');
  assert.equal(/<img\b[^>]*\bsrc="https?:/.test(watched.own), false);
  assert.notEqual(watched.oneTag.indexOf('watchMoves'), -1);
});


after(async () => {
  outsideProxy?.closeAllConnections();
  await new Promise((resolve) => (outsideProxy ? outsideProxy.close(resolve) : resolve()));
  await server?.close();
  if (variants) rmSync(variants, { recursive: true, force: true });
});

/** What the comments origin was asked for since the log was last cleared. */
function commentsLog() {
  return received.filter((r) => r.port === server.commentsPort).map((r) => `${r.method} ${r.path}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// In-page: the state of every section with a toggle, in order, found from the toggle
// through aria-controls to the bodies (each carries data-aw-section, the section id).
function pageSections(body) {
  const root = document.querySelector(body);
  return [...root.querySelectorAll('.aw-toggle')].map((button) => {
    const ids = (button.getAttribute('aria-controls') || '').split(/\s+/).filter(Boolean);
    const bodies = ids.map((id) => document.getElementById(id));
    return {
      title: (button.closest('.aw-heading')?.textContent || button.textContent).replace(/\s+/g, ' ').trim(),
      id: bodies[0]?.getAttribute('data-aw-section') ?? null,
      expanded: button.getAttribute('aria-expanded'),
      hidden: bodies.map((b) => (b ? b.getAttribute('hidden') : 'missing')),
    };
  });
}

function assertConsistent(s, where) {
  assert.ok(s.hidden.length > 0, `${where}: aria-controls names no element`);
  assert.ok(!s.hidden.includes('missing'), `${where}: aria-controls names a missing element`);
  if (s.expanded === 'true') {
    assert.deepEqual(s.hidden, s.hidden.map(() => null), `${where}: expanded but hidden`);
  } else {
    assert.equal(s.expanded, 'false', `${where}: aria-expanded is ${s.expanded}`);
    assert.deepEqual(s.hidden, s.hidden.map(() => 'until-found'), `${where}: collapsed but not hidden="until-found"`);
  }
}

for (const engine of enginesFromEnv()) {
  // A bound on the whole walk: a WebDriver command that never returns must not hold
  // `make test` until CI's limit (a walk takes under a minute).
  describe(`demo page in ${engineLabel(engine)} (WebDriver)`, { timeout: 600_000 }, () => {
    let session;
    let driver;
    let loads = 0;

    before(async () => {
      session = await openSession(engine, { proxy: `127.0.0.1:${outsideProxy.address().port}` });
      driver = session.driver;
      await setViewport(driver, 1280, 900);
      console.log(`${session.label}: ${session.browserName} ${session.browserVersion}`);
    });

    after(async () => {
      await session?.stop();
    });

    const run = (fn, ...args) => driver.executeScript(fn, ...args);
    const sections = () => run(pageSections, BODY);

    // Loads the demo afresh (a new document every time: the query changes, so that a
    // hash-only difference is not a same-document navigation), with the reader's saved
    // section state cleared, and waits for the widget. Clears the request log first.
    async function openDemo(hash = '', path = '') {
      try {
        await run(() => sessionStorage.clear());
      } catch {
        // Not on the demo origin yet.
      }
      received.length = 0;
      loads += 1;
      const search = `?load=${loads}`;
      await driver.get(`${server.url}${path}${search}${hash}`);
      // Read in one go, from the new document only: a get() may return while the old
      // one is still current.
      const read = () =>
        run(
          (want) =>
            location.search === want && document.documentElement.dataset.articleWidget
              ? { state: document.documentElement.dataset.articleWidget, error: document.getElementById('widget-error')?.textContent ?? '' }
              : null,
          search,
        );
      await driver.wait(read, WAIT, 'the demo did not load');
      const state = await read();
      assert.equal(state.state, 'mounted', `the widget did not mount: ${state.error}`);
    }

    async function toggle(i) {
      const all = await driver.findElements(By.css(`${BODY} .aw-toggle`));
      assert.ok(all[i], `no toggle ${i}`);
      return all[i];
    }

    test('mounts: five sections with toggles, collapsed ones hidden="until-found"', async () => {
      await openDemo();
      // What the engine has of the platform features the widget uses, for the log.
      const has = await run(() => ({
        untilFound: 'onbeforematch' in HTMLElement.prototype,
        highlights: typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function',
        textFragments: 'fragmentDirective' in document,
        intersectionObserver: typeof IntersectionObserver === 'function',
        trustedTypes: typeof trustedTypes !== 'undefined',
      }));
      console.log(`${session.label} has: ${Object.entries(has).map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`).join(', ')}`);
      const s = await sections();
      assert.deepEqual(
        s.map((x) => x.title),
        SECTION_TITLES,
      );
      s.forEach((x, i) => assertConsistent(x, `section ${i}`));
      // open: "first" is the default: the first section open, the others not.
      assert.deepEqual(
        s.map((x) => x.expanded),
        ['true', 'false', 'false', 'false', 'false'],
      );
    });

    // The rehearsal (js/rehearse.js) that compiles the DOM layer's code before the
    // mount runs through in this engine too (it gives up silently where it cannot):
    // run again here from a module script of the page, its steps noted.
    test('the rehearsal mounts and destroys the widget on an article of its own, the page untouched', async () => {
      await openDemo();
      const before = await sections();
      await run(() => {
        const s = document.createElement('script');
        s.type = 'module';
        s.textContent = `
          import { prepareMount } from '/pkg/article_widget.js';
          import { rehearse } from '/pkg/rehearse.js';
          const seen = [];
          const noted = (root, options) => {
            seen.push('read');
            const p = prepareMount(root, options);
            const plan = p.plan.bind(p);
            const mount = p.mount.bind(p);
            p.plan = () => { const more = plan(); seen.push('plan'); return more; };
            p.mount = () => {
              const w = mount();
              seen.push('mount');
              const destroy = w.destroy.bind(w);
              w.destroy = () => { destroy(); seen.push('destroy'); };
              return w;
            };
            return p;
          };
          rehearse(noted, Promise.resolve()).then(() => { document.body.dataset.rehearsal = seen.join(' '); });`;
        document.head.append(s);
      });
      await driver.wait(() => run(() => document.body.dataset.rehearsal ?? null), WAIT, 'the rehearsal did not settle');
      const seen = await run(() => document.body.dataset.rehearsal);
      assert.equal(seen, 'read read mount destroy plan plan plan mount destroy');
      assert.deepEqual(await sections(), before);
      assert.equal(await run(() => document.querySelectorAll('.aw-toc, .aw-quotes').length), 2);
    });

    test('a click on a toggle flips aria-expanded and the hidden attribute', async () => {
      const before = (await sections())[1];
      await (await toggle(1)).click();
      const flipped = (await sections())[1];
      assertConsistent(flipped, 'after one click');
      assert.notEqual(flipped.expanded, before.expanded);
      await (await toggle(1)).click();
      assert.deepEqual((await sections())[1], before);
    });

    test('Enter and Space on the focused toggle flip it', async () => {
      const before = (await sections())[2];
      const button = await toggle(2);
      await run((b) => b.focus(), button);
      assert.equal(await run((b) => document.activeElement === b, button), true, 'the toggle did not take focus');
      await driver.actions().sendKeys(Key.ENTER).perform();
      const afterEnter = (await sections())[2];
      assertConsistent(afterEnter, 'after Enter');
      assert.notEqual(afterEnter.expanded, before.expanded);
      await driver.actions().sendKeys(Key.SPACE).perform();
      assert.deepEqual((await sections())[2], before, 'Space did not flip it back');
    });

    // The contents as a reader reaches them: in the article, or, while their place
    // there is on screen (the widget mounts after the first paint and moves nothing
    // the reader sees), in the sheet of the corner button, which the reader opens.
    async function reachContents() {
      const inSheet = await run(() => !!document.querySelector('.aw-nav-sheet .aw-toc'));
      if (inSheet && !(await run(() => !document.querySelector('.aw-nav-sheet').hidden))) {
        await driver.findElement(By.css('.aw-nav-button')).click();
        await driver.wait(() => run(() => !document.querySelector('.aw-nav-sheet').hidden), WAIT, 'the sheet did not open');
      }
    }

    test('the contents list names the five sections; a click opens the collapsed one it points to', async () => {
      await reachContents();
      const links = await run((body) => {
        const toc = document.querySelector(`${body} .aw-toc`) || document.querySelector('.aw-toc');
        return toc ? [...toc.querySelectorAll('a[href^="#"]')].map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') })) : null;
      }, BODY);
      assert.ok(links, 'no .aw-toc');
      assert.deepEqual(
        links.map((l) => l.text),
        SECTION_TITLES,
      );
      const s = await sections();
      assert.deepEqual(
        links.map((l) => l.href),
        s.map((x) => `#${x.id}`),
      );
      assert.equal(s[3].expanded, 'false');
      const link = (await driver.findElements(By.css('.aw-toc a[href^="#"]')))[3];
      await link.click();
      await driver.wait(async () => (await sections())[3].expanded === 'true', WAIT, 'the section did not open');
      assertConsistent((await sections())[3], 'opened from the contents');
      assert.equal(await run(() => location.hash), links[3].href);
    });

    test('a hash link into a collapsed section opens it, on load and on hashchange', async () => {
      await openDemo();
      const ids = (await sections()).map((x) => x.id);
      await openDemo(`#${ids[3]}`);
      let s = await sections();
      assert.equal(s[3].expanded, 'true', 'the section named by the address did not open');
      assertConsistent(s[3], 'opened by the address');
      assert.equal(s[2].expanded, 'false');
      await run((id) => {
        location.hash = `#${id}`;
      }, ids[2]);
      await driver.wait(async () => (await sections())[2].expanded === 'true', WAIT, 'hashchange did not open the section');
      s = await sections();
      assertConsistent(s[2], 'opened by hashchange');
      const visible = await run((id) => {
        const r = document.querySelector(`[data-aw-section="${id}"]`).getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      }, ids[2]);
      assert.ok(visible, 'the section opened by hashchange was not scrolled into view');
    });

    test('find-in-page: collapsed text is in hidden="until-found" regions, and beforematch opens them (or "Expand all" where the engine lacks them)', async () => {
      await openDemo();
      const r = await run((body) => {
        const region = document.querySelector(`${body} .aw-section-body[hidden="until-found"]`);
        return {
          supported: 'onbeforematch' in HTMLElement.prototype,
          hiddenAttr: region?.getAttribute('hidden') ?? null,
          id: region?.getAttribute('data-aw-section') ?? null,
          // Collapsed text is not drawn, whichever way the engine hides it (the region
          // itself keeps a box of height 0 under content-visibility: hidden).
          drawn: region ? region.getBoundingClientRect().height > 0 || [...region.children].some((c) => c.checkVisibility()) : null,
        };
      }, BODY);
      assert.equal(r.hiddenAttr, 'until-found');
      assert.equal(r.drawn, false, 'collapsed text is drawn');
      if (!r.supported) {
        // An engine without hidden="until-found" takes the value as plain `hidden`: its
        // find-in-page does not reach collapsed text, and the way to it is the contents'
        // "Expand all" (or printing, checked below).
        await reachContents();
        await driver.findElement(By.css('.aw-toc .aw-toc-all')).click();
        (await sections()).forEach((x, i) => {
          assert.equal(x.expanded, 'true', `section ${i} still closed after "Expand all"`);
          assertConsistent(x, `section ${i} after "Expand all"`);
        });
        return;
      }
      // What the engine does when find-in-page matches inside the region: it fires
      // beforematch on it and removes the attribute. The widget's listener must open
      // the section (aria-expanded) in step.
      await run((id) => {
        document.querySelector(`[data-aw-section="${id}"]`).dispatchEvent(new Event('beforematch', { bubbles: true }));
      }, r.id);
      const s = (await sections()).find((x) => x.id === r.id);
      assertConsistent(s, 'after beforematch');
      assert.equal(s.expanded, 'true');
    });

    test(
      "find-in-page: the engine's own search (window.find) reveals a collapsed section",
      { skip: KNOWN[engine]?.windowFind },
      async () => {
        await openDemo();
        const r = await run((body) => {
          const region = document.querySelector(`${body} .aw-section-body[hidden="until-found"]`);
          // A phrase of the region's own text, away from the edges of text nodes.
          const phrase = region.textContent.replace(/\s+/g, ' ').trim().slice(20, 60).trim();
          const found = window.find(phrase, true, false, true, false, false, false);
          return { id: region.getAttribute('data-aw-section'), found };
        }, BODY);
        assert.equal(r.found, true, 'window.find did not find text of a collapsed section');
        // The engine fires beforematch in a later task.
        await driver.wait(async () => (await sections()).find((x) => x.id === r.id).expanded === 'true', WAIT, 'found but not opened');
        assertConsistent((await sections()).find((x) => x.id === r.id), 'after window.find');
      },
    );

    test(
      'a link to a quote (text fragment) in a collapsed section opens the section and scrolls to it',
      { skip: KNOWN[engine]?.textFragment },
      async () => {
        await openDemo();
        const s = await sections();
        const closed = new Set(s.filter((x) => x.expanded === 'false').map((x) => `#${x.id}`));
        const quote = await run((closedIds) => {
          const li = [...document.querySelectorAll('aside.aw-quotes li.aw-quote')].find((item) =>
            closedIds.includes(item.querySelector('a.aw-quote-link')?.getAttribute('href')),
          );
          return li ? { section: li.querySelector('a.aw-quote-link').getAttribute('href').slice(1), share: li.querySelector('a.aw-quote-share').getAttribute('href') } : null;
        }, [...closed]);
        assert.ok(quote, 'no key quote in a collapsed section');
        assert.match(quote.share, /^#:~:text=/);
        await openDemo(quote.share);
        await driver.wait(async () => (await sections()).find((x) => x.id === quote.section).expanded === 'true', WAIT, 'the quote\'s section did not open');
        assertConsistent((await sections()).find((x) => x.id === quote.section), 'opened by the text fragment');
        assert.ok((await run(() => window.scrollY)) > 0, 'the page did not scroll to the quote');
      },
    );

    test('print expands every section, and afterprint puts them back', async () => {
      await openDemo();
      const before = await sections();
      assert.ok(before.some((x) => x.expanded === 'false'));
      await run(() => window.dispatchEvent(new Event('beforeprint')));
      const printing = await sections();
      printing.forEach((x, i) => {
        assert.equal(x.expanded, 'true', `section ${i} closed while printing`);
        assertConsistent(x, `section ${i} while printing`);
      });
      await run(() => window.dispatchEvent(new Event('afterprint')));
      assert.deepEqual(await sections(), before);
    });

    test('the key-quotes panel shows the Hegseth quote; "Read in context" opens, scrolls to and marks a quote', async () => {
      await openDemo();
      const quotes = await run(() => {
        const panel = document.querySelector('aside.aw-quotes');
        if (!panel) return null;
        return [...panel.querySelectorAll('li.aw-quote')].map((li) => ({
          text: li.querySelector('.aw-quote-text')?.textContent.trim() ?? '',
          speaker: li.querySelector('.aw-quote-speaker')?.textContent.trim() ?? '',
          href: li.querySelector('a.aw-quote-link')?.getAttribute('href') ?? '',
        }));
      });
      assert.ok(quotes, 'no aside.aw-quotes');
      assert.ok(quotes.length >= 3, `only ${quotes.length} key quotes`);
      const hegseth = quotes.find((q) => q.speaker.includes('Pete Hegseth'));
      assert.ok(hegseth, `no quote by Pete Hegseth: ${JSON.stringify(quotes)}`);
      assert.match(hegseth.text, /^\W*Chasing this illusionary goal/);

      // A quote whose section starts collapsed.
      const s = await sections();
      const closed = new Set(s.filter((x) => x.expanded === 'false').map((x) => `#${x.id}`));
      const index = quotes.findIndex((q) => closed.has(q.href));
      assert.ok(index >= 0, `no key quote in a collapsed section: ${JSON.stringify(quotes)}`);
      const id = quotes[index].href.slice(1);
      await run(() => window.scrollTo(0, 0));
      const link = (await driver.findElements(By.css('aside.aw-quotes li.aw-quote a.aw-quote-link')))[index];
      await link.click();
      await driver.wait(async () => (await sections()).find((x) => x.id === id).expanded === 'true', WAIT, 'its section did not open');
      const r = await run(() => {
        const supported = typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';
        const h = supported ? CSS.highlights.get('aw-quote') : undefined;
        const range = h ? [...h][0] : undefined;
        const rect = range?.getBoundingClientRect();
        return {
          supported,
          marked: range ? range.toString() : null,
          inView: rect ? rect.top < innerHeight && rect.bottom > 0 : null,
          scrollY: window.scrollY,
        };
      });
      assert.ok(r.scrollY > 0, 'the page did not scroll');
      if (r.supported) {
        assert.ok(r.marked, 'no aw-quote highlight');
        // The panel joins a quotation split by "he said"; the mark covers the whole span.
        const want = quotes[index].text.replace(/^\W+/, '').slice(0, 20);
        assert.ok(r.marked.includes(want), `highlighted "${r.marked}", not the quote "${quotes[index].text}"`);
        assert.equal(r.inView, true, 'the highlighted quote is not in view');
      }
    });

    test('destroy() gives the article back as served; mounting again works', async () => {
      await openDemo();
      const r = await run(async (body) => {
        const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
        const original = served.querySelector(body).outerHTML;
        const root = document.querySelector(body);
        window.articleWidget.widget.destroy();
        const afterDestroy = root.outerHTML;
        const leftovers = document.querySelectorAll('.aw-toggle, .aw-toc, .aw-quotes, .aw-comments-facade, [data-aw-section]').length;
        const mod = await import('/pkg/article_widget.js');
        // A script run by WebDriver may get its own instance of the module: init it.
        await mod.default();
        const again = mod.mount(root, { comments: '#comments' });
        const toggles = root.querySelectorAll('.aw-toggle').length;
        again.destroy();
        return { same: afterDestroy === original, leftovers, toggles, twice: root.outerHTML === original };
      }, BODY);
      assert.equal(r.leftovers, 0, 'widget elements left after destroy');
      assert.ok(r.same, 'the article differs from the served one after destroy');
      assert.equal(r.toggles, 5, 'the second mount made no toggles');
      assert.ok(r.twice, 'the article differs from the served one after a second mount and destroy');
    });

    // What the comments origin was asked for before intent, once the page has been
    // left alone for a while; and the parked script must not have run.
    async function beforeIntent() {
      await sleep(QUIET_MS);
      assert.equal(await run(() => window.__commentsLoaded ?? null), null, 'the comment system ran before intent');
      assert.equal(
        await run(() => document.querySelectorAll('#comments .aw-comments-facade button.aw-comments-button').length),
        1,
        'no "Show comments" facade',
      );
      return commentsLog();
    }

    // After intent: the comment system runs, and its script has been fetched exactly
    // once in the page's life (an engine that fetched it early may reuse that fetch).
    async function afterIntent(early, what) {
      await driver.wait(async () => run(() => window.__commentsLoaded === true), WAIT, `${what} did not load the comments`);
      await driver.wait(async () => commentsLog().includes('GET /comment-iframe.html'), WAIT, 'the comment form was not fetched');
      await sleep(QUIET_MS);
      const scripts = [...early, ...commentsLog()].filter((l) => l.endsWith('/comments.js'));
      assert.equal(scripts.length, 1, `the comment script was fetched ${scripts.length} times: ${scripts.join(', ')}`);
      assert.equal(await run(() => document.querySelectorAll('#comment-holder li.comment').length), 2);
    }

    test(
      'comments: nothing is fetched from the comments origin before intent',
      { skip: KNOWN[engine]?.templatePreload },
      async () => {
        await openDemo();
        assert.deepEqual(await beforeIntent(), [], 'the comments origin was asked for something before intent');
      },
    );

    test('comments: "Show comments" loads the comment system, its script fetched once', async () => {
      await openDemo();
      const early = await beforeIntent();
      const label = await run(() => document.querySelector('#comments button.aw-comments-button').textContent.trim());
      assert.equal(label, 'Show comments');
      // A click from the page, not through WebDriver: WebDriver scrolls an element into
      // view before clicking it, and the scroll alone would load the comments.
      assert.equal(await run(() => window.scrollY), 0);
      received.length = 0;
      await run(() => document.querySelector('#comments button.aw-comments-button').click());
      await afterIntent(early, '"Show comments"');
    });

    test('comments: scrolling down to them loads them, the script fetched once', async () => {
      await openDemo();
      const early = await beforeIntent();
      received.length = 0;
      // Down to just above the comment area (it loads as it comes near; one the
      // reader lands on keeps its button until they click or scroll on).
      await run(() => {
        const area = document.querySelector('#comments');
        window.scrollTo(0, area.getBoundingClientRect().top + scrollY - innerHeight - 100);
      });
      await afterIntent(early, 'scrolling');
    });

    test('comments: a link to #comments loads them, clicked and in the address', async () => {
      await openDemo();
      // The demo page has no link to its comments; put one at the top, as a post's
      // "N comments" link is.
      await run(() => {
        const a = document.createElement('a');
        a.href = '#comments';
        a.id = 'to-comments';
        a.textContent = '2 comments';
        document.body.prepend(a);
      });
      const early = await beforeIntent();
      received.length = 0;
      await driver.findElement(By.css('#to-comments')).click();
      await afterIntent(early, 'a click on a #comments link');

      await openDemo('#comments');
      await afterIntent([], '#comments in the address');
    });

    test('comments parked in a <textarea> (the other documented way): nothing fetched before intent', async () => {
      await openDemo('', 'textarea/');
      assert.deepEqual(await beforeIntent(), [], 'the comments origin was asked for something before intent');
      received.length = 0;
      await run(() => document.querySelector('#comments button.aw-comments-button').click());
      await afterIntent([], '"Show comments"');
    });

    // The desktop shot is of the window's viewport. A phone-sized window is not to be
    // had everywhere (headless Firefox keeps windows at least 500 px wide, MiniBrowser's
    // toolbar 447 px), so the phone shot is of the demo in a 390x844 frame: its own
    // viewport for layout and media queries, as a phone's is. Both are of the top of
    // the page; a second pair is of the first section and the key quotes.
    // One structure whatever the entry point (tests/e2e/entry-points.test.mjs checks the
    // same in Chromium, with its Layout Instability API): the demo's one-tag page and a
    // Blogger post of our own, opened at the top, reloaded mid-article, through a link
    // to a section and through a key quote's share link, at 1280x900 and on a phone
    // (390x844, in a frame). After the reader scrolls to the end and back, every
    // heading looks and every section stands as for a reader who arrived at the top,
    // the parts are in the same place, and nothing on the reader's screen moved other
    // than by scrolling (watchMoves) over the whole visit.
    describe('one structure whatever the entry point', () => {
      // Reads the watched page's state once its widget has answered.
      async function mounted(mark) {
        const state = () => run((m) => (window.__aw && window.__mark === m ? window.__aw : null), mark);
        await driver.wait(state, WAIT, 'the widget did not answer');
        assert.equal(await state(), 'mounted');
        await sleep(300);
      }

      async function visit(path, size, how, arg) {
        loads += 1;
        const mark = `load-${loads}`;
        const address = `${server.url}${path.slice(1)}?load=${loads}${how === 'section link' ? `#${arg}` : how === 'quote link' ? arg.href : ''}`;
        await driver.switchTo().defaultContent();
        // A reader new to the page: nothing remembered from an earlier visit.
        await run(() => {
          try {
            sessionStorage.clear();
            localStorage.clear();
          } catch {
            // Not on the pages' origin yet.
          }
        });
        if (size === 'phone') {
          await driver.get(`${server.url}frame/?src=${encodeURIComponent(address)}`);
          await driver.switchTo().frame(await driver.wait(until.elementLocated(By.id('phone')), WAIT));
        } else {
          await driver.get(address);
        }
        // The document of this load: its URL says so (the frame's may still be blank).
        await driver.wait(() => run((n) => location.search === `?load=${n}` && document.readyState !== 'loading', loads), WAIT);
        await run((m) => (window.__mark = m), mark);
        await mounted(mark);
        let linked = how === 'section link' ? arg : null;
        if (how === 'mid-article reload') {
          await run(() => scrollTo(0, document.querySelector('.aw-root').getBoundingClientRect().bottom * 0.6 + scrollY));
          await sleep(300);
          await run(() => {
            window.__old = true;
            location.reload();
          });
          await driver.wait(() => run(() => !window.__old && document.readyState !== 'loading').catch(() => false), WAIT);
          await run((m) => (window.__mark = m), mark);
          await mounted(mark);
          assert.ok(await run(() => document.querySelector('.aw-root').getBoundingClientRect().top < 0), `${engine}: the reload kept the reader mid-article`);
        }
        // The section of the quote the share link points to (an engine that does not
        // follow a text fragment into a collapsed section leaves the view at the top).
        if (how === 'quote link') linked = arg.section;
        await driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; (${scrollThrough})().then(() => done(null), (e) => done(String(e)));`);
        const got = await run(structure);
        const moves = await run(() => window.__moves);
        const share = await run(() => {
          const a = document.querySelector('.aw-quote-share');
          return a && { href: a.getAttribute('href'), section: a.parentElement.querySelector('.aw-quote-link')?.getAttribute('href').slice(1) };
        });
        await driver.switchTo().defaultContent();
        return { got, moves, linked, share };
      }

      function sameAsTop(top, seen, label) {
        assertSameStructure(assert, top, seen, label);
        assert.deepEqual(seen.moves, [], `${label}: something on screen moved`);
      }

      for (const [name, path] of [
        ['the demo with one tag', '/watched/one-tag.html'],
        ['a Blogger post of our own', '/watched/own.html'],
      ]) {
        test(name, async () => {
          await driver.manage().setTimeouts({ script: 120_000 });
          await setViewport(driver, 1280, 900);
          const top = await visit(path, 'desktop', 'top');
          assert.ok(top.got.headings.length >= 4, `inferred headings: ${JSON.stringify(top.got.headings)}`);
          // At the top of the article, or in the rail where the page has a free margin.
          const first = `before ${top.got.headings[0].id}`;
          assert.ok([first, 'in the rail'].includes(top.got.contents), `the contents: ${top.got.contents}`);
          sameAsTop(top, top, `${name}, at the top at 1280x900`);
          // The watch sees a move where there is one: closing a section on screen
          // moves what follows it.
          const probe = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
            const t = document.querySelector('.aw-toggle[aria-expanded="true"]');
            if (!t) return done('no open section');
            t.scrollIntoView({ block: 'start' });
            setTimeout(() => {
              window.__moves = [];
              t.click();
              setTimeout(() => done(window.__moves), 300);
            }, 400);`);
          assert.ok(Array.isArray(probe) && probe.length > 0, `${name}: the watch saw no move where there was one: ${JSON.stringify(probe)}`);
          const section = top.got.headings[Math.min(3, top.got.headings.length - 1)].id;
          // On the phone the contents are at the top of the article, and the headings
          // and open states are the desktop's.
          const phone = await visit(path, 'phone', 'top');
          assert.equal(phone.got.contents, first, `${name}: the contents at the top of the article on a phone`);
          sameAsTop({ ...top, got: { ...top.got, contents: phone.got.contents, quotes: phone.got.quotes } }, phone, `${name}, at the top at 390x844 (in a frame)`);
          for (const size of ['desktop', 'phone']) {
            const at = size === 'phone' ? '390x844 (in a frame)' : '1280x900';
            const ref = size === 'phone' ? phone : top;
            sameAsTop(ref, await visit(path, size, 'mid-article reload'), `${name}, reloaded mid-article at ${at}`);
            sameAsTop(ref, await visit(path, size, 'section link', section), `${name}, through a link to ${section} at ${at}`);
            // A text fragment is followed in a top-level page only, not in a frame.
            if (top.share && size === 'desktop') {
              sameAsTop(ref, await visit(path, size, 'quote link', top.share), `${name}, through a quote's share link at ${at}`);
            }
          }
        });
      }
    });

    test('screenshots at phone (390x844, in a frame) and desktop (1280x900) size', async () => {
      const desktop = await setViewport(driver, 1280, 900);
      assert.deepEqual(desktop, { w: 1280, h: 900 });
      await openDemo();
      writeFileSync(`${SHOTS}/${engine}-desktop.png`, Buffer.from(await driver.takeScreenshot(), 'base64'));
      await run(() => document.querySelector('aside.aw-quotes')?.scrollIntoView({ block: 'start' }));
      writeFileSync(`${SHOTS}/${engine}-desktop-quotes.png`, Buffer.from(await driver.takeScreenshot(), 'base64'));
      const wide = await run(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(wide, 0, 'desktop: the page scrolls sideways');

      loads += 1;
      await driver.get(`${server.url}frame/?src=${encodeURIComponent(`/?load=${loads}`)}`);
      const frameState = () =>
        run(() => {
          const doc = document.getElementById('phone')?.contentDocument;
          const html = doc?.documentElement;
          return html?.dataset.articleWidget
            ? { state: html.dataset.articleWidget, w: doc.defaultView.innerWidth, h: doc.defaultView.innerHeight, wide: html.scrollWidth - html.clientWidth }
            : null;
        });
      await driver.wait(frameState, WAIT, 'the demo did not mount in the phone frame');
      const phone = await frameState();
      assert.equal(phone.state, 'mounted');
      assert.deepEqual([phone.w, phone.h], [390, 844]);
      // The frame sits at the top left of the viewport: shoot the viewport and crop.
      const shot = Buffer.from(await driver.takeScreenshot(), 'base64');
      writeFileSync(`${SHOTS}/${engine}-phone.png`, cropPng(shot, 390, 844));
      await run(() => document.getElementById('phone').contentDocument.querySelector('aside.aw-quotes')?.scrollIntoView({ block: 'start' }));
      const quotesShot = Buffer.from(await driver.takeScreenshot(), 'base64');
      writeFileSync(`${SHOTS}/${engine}-phone-quotes.png`, cropPng(quotesShot, 390, 844));
      assert.equal(phone.wide, 0, 'phone: the page scrolls sideways');
      console.log(`screenshots: ${SHOTS}/${engine}-{desktop,phone}{,-quotes}.png`);
    });

    test('no request left 127.0.0.1 (the proxy refused and recorded each)', () => {
      const own = BROWSER_SERVICES[engine];
      const browsers = own ? outside.filter((r) => own.test(r.split(/[\s?]/)[1] ?? '')) : [];
      const hosts = new Set(browsers.map((r) => (r.split(/\s/)[1] ?? '').replace(/^https?:\/\//, '').split(/[/:?]/)[0]));
      if (browsers.length > 0) console.log(`${session.label}'s own services, refused: ${browsers.length} requests to ${[...hosts].join(', ')}`);
      assert.deepEqual(
        outside.filter((r) => !browsers.includes(r)),
        [],
      );
    });
  });
}
