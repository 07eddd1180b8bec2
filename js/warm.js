// The worker that compiles the core's WebAssembly off the page's main thread
// (src/web/warm.rs). V8 compiles a WebAssembly function on its first call, on the
// calling thread, and a compiled module shares that code with all its instances, a
// worker's too. So a throwaway worker instantiates the module (its imports stubbed:
// only the core runs, which imports nothing) and plans the article's text once through
// the module's `warm` export; the sections' and the quote rules' code is then compiled
// before the mount calls it on the main thread.
// The build puts this file into the glue (warmUp) and ships it as warm.js for the
// embed, which starts the worker while the .wasm is still loading (a worker takes tens
// of milliseconds to start). js/rehearse.js does the same for the code a worker cannot
// run, the DOM layer's.

// How long a run waits for the worker at most, and how much text it plans.
const WARM_WAIT_MS = 1000;
const WARM_TEXT = 4000;

// The worker's whole source: instantiate, copy the text in, plan it, answer.
const WARM_WORKER =
  'onmessage=(e)=>{try{const[m,t]=e.data,o={};for(const i of WebAssembly.Module.imports(m))(o[i.module]??={})[i.name]=()=>{throw 0};' +
  'const x=new WebAssembly.Instance(m,o).exports,b=new TextEncoder().encode(t),p=x.__wbindgen_malloc(b.length,1);' +
  'new Uint8Array(x.memory.buffer).set(b,p);x.warm(p,b.length)}catch{}postMessage(0)}';

/**
 * Starts the worker now (or nothing, where the page forbids blob: workers). Its
 * `run(module, root)` plans the text of `root` (an Element or a selector) in it once
 * and resolves when done or failed, after WARM_WAIT_MS at most; it never rejects.
 * Either ends the worker; `stop()` ends it unused (a mount that failed before).
 */
export function warmer() {
  let worker = null;
  let url = null;
  const stop = () => {
    worker?.terminate();
    if (url) URL.revokeObjectURL(url);
    worker = url = null;
  };
  try {
    if (typeof Worker === 'function') {
      url = URL.createObjectURL(new Blob([WARM_WORKER], { type: 'text/javascript' }));
      worker = new Worker(url);
    }
  } catch {
    stop();
  }
  const run = (module, root) =>
    new Promise((resolve) => {
      const done = () => (stop(), resolve());
      try {
        const el = typeof root === 'string' ? document.querySelector(root) : root;
        const text = (el?.textContent ?? '').slice(0, WARM_TEXT);
        if (!worker || !(module instanceof WebAssembly.Module) || !text) return done();
        worker.onmessage = worker.onerror = done;
        worker.postMessage([module, text]);
        setTimeout(done, WARM_WAIT_MS);
      } catch {
        done();
      }
    });
  return { run, stop };
}

/** Runs `warm` on the text of `root` in a new worker: see warmer. */
export function warmIn(module, root) {
  return warmer().run(module, root);
}
