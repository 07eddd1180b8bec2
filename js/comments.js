// The DOM work of loading a comment system (src/web/comments.rs decides when and
// what): parked markup parsed inert, its scripts made anew so that they run, a script
// added for an address. Every insertion goes into a log that undoLog() takes back.
//
// Trusted Types: on a page that requires them for scripts, script addresses, script
// text and parked markup go through the widget's own policy, `article-widget` (the
// page allows it with `trusted-types article-widget`). The policy passes values
// through unchanged: every script address was checked at mount (https or
// same-origin), and parked markup is the page's own. Where the page's policy names
// do not include it, creating it fails: the browser then refuses the sinks too, and
// loading reports the failure.

let policy;

function trusted(kind, value) {
  if (policy === undefined) {
    policy = null;
    const tt = globalThis.trustedTypes;
    if (tt && typeof tt.createPolicy === 'function') {
      const same = (s) => s;
      try {
        policy = tt.createPolicy('article-widget', {
          createHTML: same,
          createScript: same,
          createScriptURL: same,
        });
      } catch {
        // Refused by the page's policy names.
      }
    }
  }
  return policy ? policy[kind](value) : value;
}

// The markup parked in `holder` as a fragment (inert: nothing in it has run or been
// fetched): a <template>'s content, or the markup a <textarea> or <noscript> holds as
// text (the page author's markup, not article text, parsed like a template's).
export function parkedContent(doc, holder) {
  if (holder.localName === 'template') return holder.content.cloneNode(true);
  const range = doc.createRange();
  range.selectNodeContents(holder.parentNode || doc);
  const fragment = range.createContextualFragment(trusted('createHTML', holder.textContent));
  // A range the page holds is updated by every later change until it is collected:
  // park it where the widget changes nothing.
  range.setStart(doc, 0);
  range.collapse(true);
  return fragment;
}

// The address of each script in `fragment`, in document order ("" for inline ones).
export function scriptSources(fragment) {
  return Array.from(fragment.querySelectorAll('script'), (s) => s.getAttribute('src') || '');
}

// The addresses the parked markup would fetch as scripts or frames.
export function parkedSources(doc, holder) {
  const list = parkedContent(doc, holder).querySelectorAll('script[src], iframe[src]');
  return Array.from(list, (e) => e.getAttribute('src')).filter(Boolean);
}

// A script element that runs when inserted, with the attributes and text of one
// parsed from inert markup.
function runnableCopy(doc, old) {
  const fresh = doc.createElement('script');
  for (const name of old.getAttributeNames()) {
    const v = old.getAttribute(name);
    // The address is a Trusted Types sink: set through the widget's policy.
    if (name.toLowerCase() === 'src') fresh.src = trusted('createScriptURL', v);
    else fresh.setAttribute(name, v);
  }
  if (old.textContent) fresh.text = trusted('createScript', old.textContent);
  return fresh;
}

// Puts the parked markup's nodes before `holder`, each script made anew, but those
// whose `keep` flag (one per script, in document order) is false: their address was
// started already. Returns the scripts and frames that load from an address.
export function startParked(doc, fragment, keep, holder, parent, log) {
  const waiting = [];
  let k = 0;
  const copy = (old) => {
    if (!keep[k++]) return null;
    const fresh = runnableCopy(doc, old);
    if (old.hasAttribute('src')) waiting.push(fresh);
    return fresh;
  };
  for (const n of Array.from(fragment.childNodes)) {
    let node = n;
    if (n.localName === 'script') {
      node = copy(n);
    } else if (n.nodeType === 1) {
      for (const old of Array.from(n.querySelectorAll('script, iframe[src]'))) {
        if (old.localName === 'iframe') {
          waiting.push(old);
          continue;
        }
        const fresh = copy(old);
        if (fresh) old.replaceWith(fresh);
        else old.remove();
      }
    }
    if (node) {
      parent.insertBefore(node, holder);
      // 0: an inserted node, in the log format undoLog() of js/apply.js reads (the two
      // files are separate modules in the browser tests, so the constant is not shared).
      log.push([0, node]);
    }
  }
  return waiting;
}

// A script that loads `url`, to be inserted.
export function scriptFor(doc, url) {
  const s = doc.createElement('script');
  s.src = trusted('createScriptURL', url);
  s.async = true;
  return s;
}
