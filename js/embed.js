// article-widget, the one-tag embed. Paste where the page's scripts go (on Blogger, in
// an HTML/JavaScript gadget), with the address where the package files are hosted:
//
//   <script type="module" async fetchpriority="low"
//           src="https://HOST/article-widget/embed.js"></script>
//
// or imported later by an inline loader that carries the options and the address in
// data-article-widget-embed (the README's tag, which fetches nothing before the page's
// load event):
//
//   <script data-article-widget-embed="https://HOST/article-widget/embed.js"
//           >...import(t.dataset.articleWidgetEmbed)...</script>
//
// It loads article-widget.css from next to itself (unless data-css="false"), finds the
// article (data-article="<selector>", else the post body of the common platforms:
// Blogger, WordPress, Ghost, Substack, Medium; see roots.js), reads the options from the tag's other data-* attributes
// (data-max-quotes="3" is maxQuotes: 3; "true"/"false" are booleans, digits numbers)
// and mounts the widget once (mountAfterPaint of index.js), however many times the tag
// is on the page. The widget
// is then window.articleWidget. On a failure the page stays as it was: the error is
// logged with its code and sent as `article-widget:error` on document.

import { afterFirstPaint } from './after-paint.js';

const GUARD = Symbol.for('article-widget.embed');
// The tag's data-* attributes that are the embed's own, not options of the widget.
const OWN = new Set(['data-article', 'data-css', 'data-article-widget-embed']);
const CSS_WAIT_MS = 3000;

let ready = window[GUARD];
if (ready) {
  console.warn('article-widget: the embed is on this page twice; the widget mounts once');
} else {
  ready = window[GUARD] = start();
}

/** Resolves to the mounted widget, or to null when it could not mount. */
export { ready };

async function start() {
  const tag = ownTag();
  let attrs = [];
  let css = null;
  try {
    attrs = tag ? [...tag.attributes].filter((a) => a.name.startsWith('data-')) : [];
    const get = (name) => attrs.find((a) => a.name === name)?.value;
    // Nothing of the widget is fetched before the page has shown itself: its bytes
    // never compete with what the reader sees first (the post's text, styles, images).
    await afterFirstPaint();
    css = get('data-css') === 'false' ? null : loadCss();
    // Then the package's entry and its WebAssembly load together: the .wasm is fetched
    // and compiled (streaming) at once, alongside the JS, not after it.
    const compiled = compileWasm();
    compiled.catch(() => {}); // reported through `api` below, once
    const api = import('./index.js')
      .then(async (m) => {
        await m.default({ module_or_path: await compiled });
        return m;
      })
      .catch((e) => {
        throw coded(e, 'load-failed');
      });
    api.catch(() => {}); // a failure is reported below, once
    // How to find the post body on the common platforms (roots.js), fetched alongside.
    const roots = get('data-article') ? null : import('./roots.js');
    roots?.catch(() => {});
    if (document.readyState === 'loading') {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    }
    const root =
      get('data-article') ??
      (await roots.catch((e) => {
        throw coded(e, 'load-failed');
      })).findRoot(document);
    if (root == null) {
      throw coded(
        'no article found: the page has no post body the embed knows (.post-body, .entry-content, .gh-content, .available-content, article, ...); give the tag data-article="<selector of the article>"',
        'root-not-found',
      );
    }
    const options = {};
    for (const a of attrs) if (!OWN.has(a.name)) options[camel(a.name)] = parse(a.value);
    const { mountAfterPaint } = await api;
    if (css) await css.settled;
    // The package's one call: the code compiled ahead (a worker, a rehearsal), then
    // reading, planning and changing the page in tasks of their own, the browser free
    // in between (to paint, to answer the reader): none blocks for long.
    const widget = await mountAfterPaint(root, options);
    window.articleWidget = widget;
    return widget;
  } catch (err) {
    // The page gets back exactly what it had: the stylesheet the embed added goes too.
    css?.link.remove();
    report(err, attrs);
    return null;
  }
}

// The module's WebAssembly, fetched and compiled while it streams in (a promise of
// a WebAssembly.Module, or of the Response where streaming compilation is missing).
function compileWasm() {
  // Low priority: the page's own images come first.
  const response = fetch(new URL('./article_widget_bg.wasm', import.meta.url), { priority: 'low' });
  if (typeof WebAssembly.compileStreaming !== 'function') return response;
  return WebAssembly.compileStreaming(response);
}

// This module's own <script> element (document.currentScript is null in modules): the
// one whose src is this module's address, else one marked data-article-widget-embed,
// else a module script of an article-widget .../embed.js (a CDN address that
// redirected, so that the module's address is not the tag's).
function ownTag() {
  const tags = [...document.querySelectorAll('script[src]')];
  return (
    tags.find((s) => s.src === import.meta.url) ??
    document.querySelector('script[data-article-widget-embed]') ??
    tags.find((s) => s.type === 'module' && /article-widget.*\/embed\.js$/.test(pathOf(s.src)))
  );
}

function pathOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

// Adds a <link> to the stylesheet next to this module (once): { link, settled }, where
// settled settles when it has loaded or failed, or after CSS_WAIT_MS; null when the
// page has the stylesheet already. It never holds up the page's first paint:
// it loads as a print stylesheet (which does not block rendering) and applies to the
// screen once there; its rules touch only the widget's own classes, which nothing
// has before the widget mounts.
function loadCss() {
  const href = new URL('./article-widget.css', import.meta.url).href;
  for (const l of document.querySelectorAll('link[rel~="stylesheet"]')) {
    if (l.href === href) return null;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.media = 'print';
  link.href = href;
  const settled = new Promise((r) => {
    link.addEventListener('load', () => {
      link.media = 'all';
      r();
    }, { once: true });
    link.addEventListener('error', r, { once: true });
    setTimeout(r, CSS_WAIT_MS);
  });
  (document.head || document.documentElement).append(link);
  return { link, settled };
}

// data-max-quotes -> maxQuotes
function camel(name) {
  return name.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

function kebab(option) {
  return 'data-' + option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

// An attribute's text as an option value: "true"/"false" (or no value) are booleans,
// decimal numbers are numbers, anything else stays text.
function parse(text) {
  const t = text.trim();
  if (t === '' || t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return text;
}

// An Error with a code, for failures that are the embed's own (what was thrown is its
// cause).
function coded(err, code) {
  const e = new Error(err instanceof Error ? err.message : String(err), { cause: err });
  e.code = code;
  return e;
}

function report(err, attrs) {
  const code = typeof err?.code === 'string' ? err.code : 'internal-error';
  let message = String(err?.message ?? err).replace(/^article-widget: /, '');
  if (code === 'unknown-option' || code === 'bad-option') {
    // Name the attribute as the author wrote it, and the one that was meant.
    const from = attrs.find((a) => !OWN.has(a.name) && message.includes(`"${camel(a.name)}"`));
    const meant = /did you mean "(\w+)"/.exec(message);
    if (from) message += ` (The tag's ${from.name} is the option "${camel(from.name)}"`;
    if (from && meant) message += `; "${meant[1]}" is ${kebab(meant[1])}`;
    if (from) message += '.)';
  }
  console.error(`article-widget [${code}]: the widget was not mounted: ${message}`);
  document.dispatchEvent(
    new CustomEvent('article-widget:error', { detail: { code, message, error: err } }),
  );
}
