// article-widget: the package's entry. The API itself is the generated module
// article_widget.js; this file re-exports it so that the hand-written types in
// index.d.ts describe it, and guards mount(), analyze() and prepareMount() so that a
// failure that is not the widget's own coded error (a trap of the WebAssembly module,
// or an exception from the DOM) still reaches the caller as an Error with a code.
// mountAfterPaint is the one call that mounts at no cost to the page: the steps below
// in their order, each in a task of its own.
import init, {
  mount as rawMount,
  analyze as rawAnalyze,
  prepareMount as rawPrepareMount,
  warmCore,
} from './article_widget.js';
import { rehearse } from './rehearse.js';
import { afterFirstPaint, nextTask } from './after-paint.js';

export { default, initSync, PreparedMount, Widget } from './article_widget.js';

/**
 * Compiles the widget's code before a mount (see index.d.ts): the core's in a
 * throwaway worker on the article's text, the DOM layer's in a rehearsal on an article
 * of the widget's own (rehearse.js), each in short tasks. Never rejects.
 */
export async function warmUp(root) {
  let worker;
  try {
    worker = warmCore(root);
  } catch {
    worker = Promise.resolve();
  }
  await rehearse(rawPrepareMount, worker.catch(() => {}));
}

// Every code the widget throws. The package build fills it from the one list in
// src/core/error.rs (Error::CODES, printed by examples/error_codes.rs).
const CODES = new Set([/* CODES */]);

/** Whether `e` is an error the widget threw (an Error with one of its codes). */
export function isArticleWidgetError(e) {
  return e instanceof Error && CODES.has(e.code);
}

// What was thrown, as the widget's error: its own errors pass as they are; anything
// else (a WebAssembly.RuntimeError from a trap, a TypeError or DOMException from the
// page, whose numeric `code` is not one of ours) becomes `internal-error`, with the
// original kept as `cause`.
function internal(thrown, call) {
  if (isArticleWidgetError(thrown)) return thrown;
  const trap = typeof WebAssembly === 'object' && thrown instanceof WebAssembly.RuntimeError;
  const what = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  const e = new Error(
    `article-widget: internal error in ${call}() (${what})` +
      (trap ? '; the module stopped, reload the page before using the widget again' : '') +
      '; please report it',
    { cause: thrown },
  );
  e.code = 'internal-error';
  return e;
}

/**
 * Mounts the widget (see index.d.ts). Throws the widget's coded errors; any other
 * failure is thrown as an `internal-error`.
 */
export function mount(root, options) {
  try {
    return rawMount(root, options);
  } catch (thrown) {
    throw internal(thrown, 'mount');
  }
}

/**
 * Returns the plan without changing the page (see index.d.ts). Throws the widget's
 * coded errors; any other failure is thrown as an `internal-error`.
 */
export function analyze(root, options) {
  try {
    return rawAnalyze(root, options);
  } catch (thrown) {
    throw internal(thrown, 'analyze');
  }
}

/**
 * The first step of mount() in tasks (see index.d.ts); its `plan()` and `mount()` are
 * guarded as mount() is.
 */
export function prepareMount(root, options) {
  let prepared;
  try {
    prepared = rawPrepareMount(root, options);
  } catch (thrown) {
    throw internal(thrown, 'prepareMount');
  }
  for (const step of ['plan', 'mount']) {
    const raw = prepared[step];
    prepared[step] = function guarded() {
      try {
        return raw.call(this);
      } catch (thrown) {
        throw internal(thrown, step);
      }
    };
  }
  return prepared;
}

/**
 * Mounts the widget at no cost to the page (see index.d.ts): once the page has shown
 * itself, the module loaded (unless it is already), its code compiled (warmUp), then
 * prepareMount() and its steps, each in a task of its own. Resolves to the widget;
 * rejects with the widget's coded errors, as mount() throws them. Each step leaves a
 * performance mark (article-widget:start, :loaded, :read, :plan, :apply, each ended by
 * :done, and :mounted) for the page's own timing and the browser's performance panel.
 */
export async function mountAfterPaint(root, options) {
  await afterFirstPaint();
  mark('start');
  try {
    await init();
  } catch (thrown) {
    const e = new Error(`article-widget: the module did not load (${thrown?.message ?? thrown})`, { cause: thrown });
    e.code = 'load-failed';
    throw e;
  }
  mark('loaded');
  await warmUp(root);
  await nextTask();
  const prepared = step('read', () => prepareMount(root, options));
  let more;
  do {
    await nextTask();
    more = step('plan', () => prepared.plan());
  } while (more);
  await nextTask();
  const widget = step('apply', () => prepared.mount());
  mark('mounted');
  return widget;
}

function mark(name) {
  performance.mark(`article-widget:${name}`);
}

// Runs one step between its mark and article-widget:done.
function step(name, run) {
  mark(name);
  try {
    return run();
  } finally {
    mark('done');
  }
}
