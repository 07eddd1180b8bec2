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
      window.benchEntries.shifts.push({ start: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput });
    }
  }).observe({ type: 'layout-shift', buffered: true });
} catch (err) {
  window.benchEntries.shiftError = String(err);
}
