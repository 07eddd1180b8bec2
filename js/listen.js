// The widget's event listeners (src/web/listeners.rs): one function of the module
// handles every event of a widget, and each target gets a plain listener that calls
// it with a number saying what the listener is for. A listener made in the module
// itself costs a closure of its own, registered for collection, for each target.
//
// listen(target, type, handler, code, once) adds the listener (for the first such
// event only when `once`) and returns the function that removes it.
export function listen(target, type, handler, code, once) {
  const f = (e) => handler(code, e);
  target.addEventListener(type, f, { once });
  return () => target.removeEventListener(type, f);
}
