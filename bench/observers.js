// Put first in the <head> of the start-up page (a classic inline script), so that the
// observers see the whole load. Entries are also requested buffered.
window.benchEntries = { longtasks: [], shifts: [] };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.benchEntries.longtasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
} catch (err) {
  window.benchEntries.longtaskError = String(err);
}
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // What moved, for the report: each source node and its boxes, and whether the
      // widget had mounted by then.
      const box = (b) => b && `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
      const sources = (e.sources || []).map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} ${box(s.previousRect)} -> ${box(s.currentRect)}`);
      const mounted = performance.getEntriesByName('article-widget:mounted', 'mark').length > 0;
      window.benchEntries.shifts.push({ start: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput, sources, mounted });
    }
  }).observe({ type: 'layout-shift', buffered: true });
} catch (err) {
  window.benchEntries.shiftError = String(err);
}
