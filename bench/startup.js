// The demo page's start-up script with performance marks around init() and the mount in
// its tasks (prepareMount(), plan() in parts, mount()),
// for when the demo's own script cannot be instrumented (see bench/pages.mjs).
// The benchmark puts it in place of the demo's own module script (www/index.html,
// script#widget-start), inline like the original, with the same import, root and
// options. The module import's start is the fetch start of /pkg/article_widget.js in
// Resource Timing, as the static import is fetched while the page is parsed.
import init, { prepareMount, analyze } from '/pkg/article_widget.js';

const task = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((r) => setTimeout(r, 0)));
const root = document.documentElement;
try {
  performance.mark('aw-init-start');
  await init({ module_or_path: WebAssembly.compileStreaming(fetch('/pkg/article_widget_bg.wasm')) });
  performance.mark('aw-init-done');
  performance.mark('aw-mount-start');
  await task();
  const prepared = prepareMount('#post-body-7318405593424166051', { comments: '#comments' });
  do await task();
  while (prepared.plan());
  await task();
  const widget = prepared.mount();
  performance.mark('aw-mounted');
  window.articleWidget = { widget, analyze };
  root.dataset.articleWidget = 'mounted';
} catch (err) {
  root.dataset.articleWidget = 'error';
  window.benchError = `${err && err.code ? `[${err.code}] ` : ''}${err && err.message ? err.message : err}`;
}
