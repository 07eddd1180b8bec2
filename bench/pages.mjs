// The pages the benchmark opens, all on the demo server's origin (127.0.0.1): the
// demo server (scripts/serve.mjs) serves /pkg/ and the demo; the bench pages under
// /bench/ are answered by the browser context's router from this folder and the
// corpus, so that the module, the pages and the harness share one origin.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const BENCH_DIR = resolve(ROOT, 'bench');
export const CORPUS_DIR = resolve(ROOT, 'tests/fixtures/corpus');

export const SEED_ROOT = '#post-body-7318405593424166051';

// Article roots for corpus pages that tests/fixtures/corpus/roots.json leaves null
// (it is read when the benchmark starts; a root it gives is always used).
export const FALLBACK_ROOTS = {
  'ars-1': 'div[itemprop="articleBody"]',
  breitbart: 'article.the-article div.entry-content',
  'medium-2': 'div.postField--body',
  'yahoo-1': 'article[data-type="story"]',
  'yahoo-3': 'div.yom-art-content',
};

export function corpusPages() {
  const names = readFileSync(resolve(CORPUS_DIR, 'pages.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  const roots = JSON.parse(readFileSync(resolve(CORPUS_DIR, 'roots.json'), 'utf8'));
  return names.map((name) => {
    const given = roots[name];
    return given
      ? { name, selector: given, rootSource: 'roots.json' }
      : { name, selector: FALLBACK_ROOTS[name] ?? 'article, main, body', rootSource: 'bench fallback' };
  });
}

// The page's own <script> elements are removed (the HTML tokenizer ends a script's
// text at the first `</script`, as this does; roots.json's selectors are written for
// the page without them); a <meta> refresh and <base> are dropped too. The page's
// Content-Security-Policy (below) stops inline event handlers and javascript: URLs;
// same-origin modules (the package, the harness) and WebAssembly are allowed.
export function stripScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '');
}

function addToHead(html, tags) {
  const m = /<head\b[^>]*>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + tags + html.slice(m.index + m[0].length);
  return tags + html;
}

const STYLESHEET = '<link rel="stylesheet" href="/pkg/article-widget.css">';

export function corpusHtml(name) {
  const html = readFileSync(resolve(CORPUS_DIR, name, 'source.html'), 'utf8');
  return addToHead(stripScripts(html), `<meta charset="utf-8">${STYLESHEET}`);
}

/** The demo page without its scripts, with the widget's stylesheet (the demo adds
 * it by script): the seed article, nothing mounted. */
export function seedHtml(demoHtml) {
  return addToHead(stripScripts(demoHtml), STYLESHEET);
}

/**
 * The demo page with the observers of bench/observers.js first in its head. Its
 * start-up script (script#widget-start) mounts through mountAfterPaint, whose own
 * performance marks (article-widget:start, :loaded, :read, ... :mounted) time the
 * start-up.
 */
export function startupHtml(demoHtml) {
  if (!/<script type="module" id="widget-start">[\s\S]*?\bmountAfterPaint\(/.test(demoHtml)) {
    throw new Error('www/index.html does not mount through mountAfterPaint in script#widget-start: update bench/pages.mjs');
  }
  const observers = readFileSync(resolve(BENCH_DIR, 'observers.js'), 'utf8');
  return addToHead(demoHtml, `\n<script>\n${observers}</script>\n`);
}

const ISOLATED = {
  // Cross-origin isolation gives performance.now() its fine resolution (5 µs, not 100).
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'",
  'cache-control': 'no-store',
};

/** The path of the start-up page (see startupHtml) on the demo server. */
export const STARTUP_PATH = '/bench/startup.html';

/**
 * The pages the demo server itself serves for the benchmark (start({ pages })): the
 * start-up page, whose requests are timed, so that none of them goes through request
 * interception. `demoHtml()` gives the demo page as served.
 */
export function serverPages(demoHtml) {
  return { [STARTUP_PATH]: () => startupHtml(demoHtml()) };
}

/**
 * Answers /bench/... on `origin` in `context` (pages measured inside, where the
 * interception of their requests costs nothing that is timed):
 *   /bench/seed.html          the demo page without scripts
 *   /bench/corpus/NAME.html   a corpus page without scripts, with the widget's stylesheet
 *   /bench/FILE.js            a file of this folder
 */
export async function routeBenchPages(context, origin, demoHtml) {
  await context.route(`${origin}bench/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice('/bench/'.length);
    const html = (body, headers = ISOLATED) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body });
    try {
      if (path === 'seed.html') return await html(seedHtml(demoHtml));
      const corpus = /^corpus\/([\w-]+)\.html$/.exec(path);
      if (corpus) return await html(corpusHtml(corpus[1]));
      if (/^[\w-]+\.js$/.test(path)) {
        return await route.fulfill({
          status: 200,
          contentType: 'text/javascript; charset=utf-8',
          headers: { 'cache-control': 'no-store' },
          body: readFileSync(resolve(BENCH_DIR, path), 'utf8'),
        });
      }
      return await route.fulfill({ status: 404, body: 'not found' });
    } catch (err) {
      return route.fulfill({ status: 500, body: String(err) });
    }
  });
}
