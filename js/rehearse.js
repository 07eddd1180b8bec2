// Compiling the DOM layer's WebAssembly before the mount, in short tasks of its own.
// V8 compiles a WebAssembly function on its first call, on the calling thread. The
// worker of js/warm.js compiles the core's code off the main thread, but the DOM
// layer's functions cannot run in a worker: on a slow phone their first calls made
// the read and apply steps of the real mount long tasks (over 50 ms at 4x slower CPU,
// a third of it compiling). `rehearse` mounts the widget on a small article of its
// own, in a document that is never shown, so that those functions are compiled, in
// tasks of a few milliseconds each, before the real mount calls them.
// Used by the entry's warmUp (index.js), the one-tag embed and the demo.

// The rehearsal's article: a few sections of a few paragraphs, with quotations, so
// that mounting it takes the paths a real article takes (sections, contents, key
// quotes, their listeners and observers) and destroying it the way back.
const REHEARSAL_TITLES = ['What was said', 'What came next', 'What it means'];
const REHEARSAL_TEXT =
  '"We will open the bridge on Monday," said Ada Quill, the mayor of the town. The crews had worked ' +
  'through the winter, and the people who crossed the river by ferry every morning were tired of ' +
  'waiting. "It took longer than anyone wanted," she said.';

/** The rehearsal's article, in a document of its own that is never shown. */
function article() {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('article');
  for (const title of REHEARSAL_TITLES) {
    const h = doc.createElement('h2');
    h.textContent = title;
    root.append(h);
    for (let i = 0; i < 3; i++) {
      const p = doc.createElement('p');
      p.textContent = REHEARSAL_TEXT;
      root.append(p);
    }
  }
  doc.body.append(root);
  return root;
}

// Nothing stored, no comments; and for the first, bare mount, nothing made but the
// widget's frame (the mount's outer code, the largest function, compiles there alone).
const FULL = { comments: false, remember: false };
const BARE = { ...FULL, sections: false, quotes: false, toc: false };

/**
 * Mounts the widget on a small article of its own, in a document that is not the
 * page's and is never shown, and destroys it, over short tasks: `prepareMount` (the
 * reading), a bare mount and its destroy at once; then, once `ready` settles (the
 * worker has compiled the core), the plan's steps, the full mount and its destroy, a
 * task each. Settles after `ready`, whatever happens. Nothing of the page changes:
 * the events go to the rehearsal's root, nothing is stored, no comments load. Never
 * rejects; a rehearsal that fails leaves the real mount to compile as it goes.
 */
export async function rehearse(prepareMount, ready) {
  let root = null;
  let prepared = null;
  // A task of its own: the caller may have just instantiated the module in this one.
  await nextTask();
  try {
    root = article();
    prepared = prepareMount(root, FULL);
    // The bare mount calls next to nothing of the core: it need not wait for the worker.
    await nextTask();
    const bare = prepareMount(root, BARE).mount();
    await nextTask();
    bare.destroy();
  } catch {
    // No rehearsal here (no createHTMLDocument): the real mount compiles as it goes.
    prepared = null;
  }
  // The worker first: what it compiles must not compile here.
  await ready;
  if (!prepared) return;
  try {
    do await nextTask();
    while (prepared.plan());
    await nextTask();
    const widget = prepared.mount();
    await nextTask();
    widget.destroy();
  } catch {
    // Nothing to undo: the rehearsal's document is dropped with it.
  }
}

function nextTask() {
  return new Promise((r) => setTimeout(r, 0));
}
