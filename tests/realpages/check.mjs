// The one-tag embed on a real saved page, as a blogger pastes it: the README's Blogger
// tag before </body>, the page served from 127.0.0.1 with its own scripts taken out
// (they would fetch from hosts this test blocks, and their own layout shifts are not
// the widget's), every other request blocked. Not a test file itself: the real-page
// test (realpages.test.mjs) and the report (scripts/realpages-report.mjs) call it.
//
// checkPage() answers, for one page and one viewport:
//   - whether the widget mounted, or the code it failed with;
//   - the root it took, scored by words against the article text a person marked:
//     recall (the share of the article's words inside the root) and precision (the
//     share of the root's words that are article), the root's words being those the
//     page shows (not those under display: none);
//   - whether every word of the root is still there once mounted (the widget's own
//     contents, key quotes, toggle icons and comment facade aside);
//   - whether destroy() gives the whole document back exactly;
//   - the layout shift from the mount up to SHIFT_WINDOW_MS after it.
import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripScripts } from '../e2e/support.mjs';
import { readmeTags } from '../../scripts/readme-tags.mjs';

/** How long after the mount layout shifts are counted. */
export const SHIFT_WINDOW_MS = 5000;
/** The least share of the article's words the root must hold. */
export const MIN_RECALL = 0.9;
/** The least share of the root's words that must be article. */
export const MIN_PRECISION = 0.8;

/** The viewports a page is tried at. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

/**
 * The browser context's options for a viewport: a phone is a phone (it honours the
 * page's meta viewport, and shows a fixed-width page without one zoomed out).
 */
export function contextFor(name) {
  const viewport = VIEWPORTS[name];
  return name === 'phone' ? { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : { viewport };
}

/** A page's HTML as saved, from its .html.gz file. */
export function readPage(file) {
  return gunzipSync(readFileSync(file)).toString('utf8');
}

/**
 * The pages of a folder laid out as ../shared/realpages is (html/<id>.html.gz and
 * ground-truth.json: saved pages, served with their scripts taken out), and of its
 * own/ folder (<name>.html and truth.json: pages of the project's own making, served
 * as they are). Each { id, html(), body, saved }, in order of id.
 */
export function loadPages(from) {
  const pages = [];
  const truthFile = join(from, 'ground-truth.json');
  if (existsSync(truthFile)) {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
    for (const f of readdirSync(join(from, 'html')).sort()) {
      const id = f.replace(/\.html\.gz$/, '');
      if (id === f || !truth[id]) continue;
      pages.push({ id, html: () => readPage(join(from, 'html', f)), body: truth[id].articleBody, saved: true });
    }
  }
  const own = join(from, 'own');
  if (existsSync(join(own, 'truth.json'))) {
    const truth = JSON.parse(readFileSync(join(own, 'truth.json'), 'utf8'));
    for (const id of Object.keys(truth).sort()) {
      pages.push({ id, html: () => readFileSync(join(own, `${id}.html`), 'utf8'), body: truth[id].articleBody, saved: false });
    }
  }
  return pages;
}

/**
 * The page ready to serve: a saved page's scripts out (`strip`), no <base> (the saved
 * address is another host), and the README's one tag, pointed at `embed`, just
 * before </body>.
 */
export function withTag(html, embed, strip = true) {
  const tag = readmeTags(embed).loader;
  const page = (strip ? stripScripts(html) : html).replace(/<base\b[^>]*>/gi, '');
  const at = page.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return at < 0 ? `${page}\n${tag}\n` : `${page.slice(0, at)}${tag}\n${page.slice(at)}`;
}

/** The words of a text: letters and digits, lowercased, in order. */
export function words(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Recall and precision of `got` words against `want` words, by multiset. */
export function overlap(got, want) {
  const count = new Map();
  for (const w of want) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of got) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      common += 1;
      count.set(w, n - 1);
    }
  }
  return {
    recall: want.length ? common / want.length : 0,
    precision: got.length ? common / got.length : 0,
  };
}

// In the page: the text of an element, script, style, template and noscript aside,
// and (when `skipUi`) the widget's own parts aside.
function pageTextOf() {
  // `shown`: only what the page shows (a person marked the text they saw; a menu or
  // a letter the theme keeps under display: none is no word of the root to them).
  window.__awTextOf = (el, skipUi, shown = false) => {
    const UI = '.aw-toc, .aw-quotes, .aw-nav, .aw-toggle-icon, .aw-comments-facade';
    const out = [];
    const walk = (n) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) out.push(c.data);
        else if (c.nodeType === 1) {
          const tag = c.localName;
          if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
          if (skipUi && c.matches(UI)) continue;
          if (shown && !c.checkVisibility()) continue;
          walk(c);
        }
      }
    };
    walk(el);
    return out.join(' ');
  };
  // The document as loaded, before the tag's own load listener runs.
  // (or just before the tag's own fallback, on a page whose load event never fires).
  const snapshot = () => (window.__awBefore ??= document.documentElement.outerHTML);
  addEventListener('load', snapshot, { once: true });
  setTimeout(snapshot, 9500);
  // Layout shifts, each with its time; and the widget's events.
  window.__awShifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const what = (e.sources || []).map((s) => {
        const n = s.node;
        if (!n || n.nodeType !== 1) return n ? n.nodeName : '?';
        return `${n.localName}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
      });
      window.__awShifts.push({ t: e.startTime, v: e.value, what });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  window.__awOutcome = new Promise((resolve) => {
    document.addEventListener('article-widget:mounted', (e) => {
      window.__awRoot = e.target;
      resolve({ mounted: true, at: performance.now(), detail: { ...e.detail } });
    });
    document.addEventListener('article-widget:error', (e) => {
      resolve({ mounted: false, at: performance.now(), code: e.detail.code, message: e.detail.message });
    });
  });
}

/**
 * Loads `url` in a new page of `context` at `viewport` and checks the widget there
 * against `articleBody`. Resolves to the page's figures (see the file's head).
 */
export async function checkPage(context, url, articleBody, { shiftWindowMs = SHIFT_WINDOW_MS } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message)));
  await page.addInitScript(pageTextOf);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const outcome = await page.evaluate(() =>
      Promise.race([window.__awOutcome, new Promise((r) => setTimeout(() => r({ mounted: false, code: 'timeout' }), 25_000))]),
    );
    const before = await page.evaluate(() => window.__awBefore);
    const result = { url, mounted: outcome.mounted, code: outcome.code ?? null, message: outcome.message ?? null, errors };
    if (!outcome.mounted) {
      // A failed mount leaves the document as it was, stylesheet included.
      await page.waitForTimeout(100);
      result.restored = (await page.evaluate(() => document.documentElement.outerHTML)) === before;
      return result;
    }
    result.detail = outcome.detail;
    await page.waitForTimeout(Math.max(0, outcome.at + shiftWindowMs - (await page.evaluate(() => performance.now()))));
    const figures = await page.evaluate((at) => {
      const root = window.__awRoot;
      const late = window.__awShifts.filter((s) => s.t >= at);
      const shift = late.reduce((a, s) => a + s.v, 0);
      const moved = [...new Set(late.flatMap((s) => s.what))].slice(0, 6);
      const mountedText = window.__awTextOf(root, true);
      const rootTag = root.localName + (root.id ? `#${root.id}` : '') + [...root.classList].slice(0, 3).map((c) => `.${c}`).join('');
      window.articleWidget.destroy();
      return { shift, moved, mountedText, rootText: window.__awTextOf(root, false), shownText: window.__awTextOf(root, false, true), rootTag };
    }, outcome.at);
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    const want = words(articleBody);
    const rootWords = words(figures.rootText);
    const { recall, precision } = overlap(words(figures.shownText), want);
    const kept = words(figures.mountedText);
    Object.assign(result, {
      root: figures.rootTag,
      recall,
      precision,
      wordsKept: kept.length === rootWords.length && [...kept].sort().join(' ') === [...rootWords].sort().join(' '),
      // The page's own stylesheet link the embed added stays after destroy (the page
      // keeps its look for a remount); compare with it taken out.
      restored: dropWidgetCss(after) === dropWidgetCss(before),
      shift: figures.shift,
      moved: figures.moved,
    });
    return result;
  } finally {
    await page.close();
  }
}

function dropWidgetCss(html) {
  return html.replace(/<link[^>]*article-widget\.css[^>]*>/g, '');
}

/** The failure kinds of one result, by the issue's figures. */
export function failures(r) {
  if (!r.mounted) return [`not mounted: ${r.code}`];
  const out = [];
  if (r.recall < MIN_RECALL) out.push('root misses article');
  if (r.precision < MIN_PRECISION) out.push('root holds non-article');
  if (!r.wordsKept) out.push('words lost');
  if (!r.restored) out.push('not restored');
  if (r.shift > 0) out.push('layout shift');
  return out;
}
