// The demo page's start-up script with performance marks around init() and mount(),
// for when the demo's own script cannot be instrumented (see bench/pages.mjs).
// The benchmark puts it in place of the demo's own module script (www/index.html,
// script#widget-start), inline like the original, with the same import, root and
// options. The module import's start is the fetch start of /pkg/article_widget.js in
// Resource Timing, as the static import is fetched while the page is parsed.
import init, { mount, analyze } from '/pkg/article_widget.js';

const root = document.documentElement;
try {
  performance.mark('aw-init-start');
  await init({ module_or_path: WebAssembly.compileStreaming(fetch('/pkg/article_widget_bg.wasm')) });
  performance.mark('aw-init-done');
  performance.mark('aw-mount-start');
  const widget = mount('#post-body-7318405593424166051', { comments: '#comments' });
  performance.mark('aw-mounted');
  window.articleWidget = { widget, analyze };
  root.dataset.articleWidget = 'mounted';
} catch (err) {
  root.dataset.articleWidget = 'error';
  window.benchError = `${err && err.code ? `[${err.code}] ` : ''}${err && err.message ? err.message : err}`;
}
