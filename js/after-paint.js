// Waiting for the page: until it has shown what the reader sees first, and between the
// widget's steps, so that the widget's bytes and work never compete with the page's
// own. Used by the one-tag embed (before it fetches anything) and by mountAfterPaint
// (index.js), the package's one call that mounts at no cost to the page.

// How long after the first paint the widget waits for the page's load event at most.
const LOAD_WAIT_MS = 3000;

/**
 * Settles once the page has shown what the reader sees first: after its load event
 * (its images are in) and its first contentful paint, and one frame later (the frame
 * that paints what loaded last has been presented: the largest paint is done before
 * the widget asks for a byte). LOAD_WAIT_MS after the first paint at most, when
 * something holds the load event up. A hidden page paints nothing: there only the
 * load event is waited for, up to the same time.
 */
export function afterFirstPaint() {
  const loaded = new Promise((r) => {
    if (document.readyState === 'complete') return r();
    window.addEventListener('load', r, { once: true });
  });
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
    return Promise.race([loaded, wait(LOAD_WAIT_MS)]);
  }
  return firstPaint()
    .then(() => Promise.race([loaded, wait(LOAD_WAIT_MS)]))
    .then(nextFrame)
    .then(nextFrame);
}

// Settles once the browser reports the first contentful paint (where it reports
// paints; else at the next frame).
function firstPaint() {
  const done = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    return nextFrame();
  }
  if (done()) return Promise.resolve();
  return new Promise((r) => {
    const o = new PerformanceObserver(() => {
      if (!done()) return;
      o.disconnect();
      r();
    });
    o.observe({ type: 'paint', buffered: true });
    // A page with nothing contentful never reports one.
    wait(LOAD_WAIT_MS).then(() => (o.disconnect(), r()));
  });
}

// Settles after the next frame has been drawn (a task after its animation frame).
function nextFrame() {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

function wait(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Lets the browser run what waits (a paint, input) before the next piece of work. */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((r) => setTimeout(r, 0));
}
