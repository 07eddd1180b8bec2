// The worker that compiles the core's WebAssembly off the page's main thread
// (src/web/warm.rs). V8 compiles a WebAssembly function on its first call, on the
// calling thread, and a compiled module shares that code with all its instances, a
// worker's too. So a throwaway worker instantiates the module (its imports stubbed:
// only the core runs, which imports nothing) and plans the article's text once through
// the module's `warm` export; the sections' and the quote rules' code is then compiled
// before the mount calls it on the main thread.
// The build puts this file into the glue (warmCore, the worker part of the package's
// warmUp). js/rehearse.js does the same for the code a worker cannot run, the DOM
// layer's.

// How long a run waits for the worker at most, and how much text it plans.
const WARM_WAIT_MS = 1000;
const WARM_TEXT = 4000;

// The worker's whole source: instantiate, copy the text into a buffer of the module's
// (its export warm_buffer), plan it (its export warm), answer. Only the module's own
// exports are called, none of the generated glue's.
const WARM_WORKER =
  'onmessage=(e)=>{try{const[m,t]=e.data,o={};for(const i of WebAssembly.Module.imports(m))(o[i.module]??={})[i.name]=()=>{throw 0};' +
  'const x=new WebAssembly.Instance(m,o).exports,b=new TextEncoder().encode(t),p=x.warm_buffer(b.length);' +
  'new Uint8Array(x.memory.buffer).set(b,p);x.warm(p,b.length)}catch{}postMessage(0)}';

/**
 * Plans the text of `root` (an Element or a selector) once in a new worker's instance
 * of `module`; resolves when done or failed, after WARM_WAIT_MS at most, and ends the
 * worker. Never rejects; resolves at once where the page forbids blob: workers.
 */
export function warmIn(module, root) {
  return new Promise((resolve) => {
    let worker = null;
    let url = null;
    const done = () => {
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
      worker = url = null;
      resolve();
    };
    try {
      const el = typeof root === 'string' ? document.querySelector(root) : root;
      const text = (el?.textContent ?? '').slice(0, WARM_TEXT);
      if (typeof Worker !== 'function' || !(module instanceof WebAssembly.Module) || !text) return done();
      url = URL.createObjectURL(new Blob([WARM_WORKER], { type: 'text/javascript' }));
      worker = new Worker(url);
      worker.onmessage = worker.onerror = done;
      worker.postMessage([module, text]);
      setTimeout(done, WARM_WAIT_MS);
    } catch {
      done();
    }
  });
}
