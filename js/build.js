// The widget's own elements, built detached in one call each from the module
// (src/web/toc.rs and src/web/quotes_panel.rs decide what goes in them). Text stays
// text: every string is set as textContent or as an attribute value, never parsed.

function element(doc, tag, className, text) {
  const e = doc.createElement(tag);
  e.className = className;
  if (text) e.textContent = text;
  return e;
}

// The title of a part, at the heading level `level` (2 to 6), with its id.
function partTitle(doc, part, level, className, id, text) {
  const h = element(doc, `h${level}`, className, text);
  h.id = id;
  part.setAttribute('aria-labelledby', id);
  return h;
}

// The table of contents: `strings` per section its id, title, reading time and
// number; `numbers` per section its level, depth and whether it shows at first;
// `more` the label of the button that shows the rest ("" when all show). Returns
// [nav, the expand-all button, the links, the show-all button or null].
export function buildToc(doc, n, level, strings, numbers, more) {
  const nav = element(doc, 'nav', 'aw-toc');
  const head = element(doc, 'div', 'aw-toc-head');
  const all = element(doc, 'button', 'aw-toc-all', 'Expand all');
  all.type = 'button';
  head.append(partTitle(doc, nav, level, 'aw-toc-title', `aw-toc-title-${n}`, 'In this article'), all);
  const list = element(doc, 'ol', 'aw-toc-list');
  const links = [];
  for (let i = 0; 4 * i < strings.length; i++) {
    const [id, text, time, number] = strings.slice(4 * i, 4 * i + 4);
    const li = element(doc, 'li', 'aw-toc-item');
    li.setAttribute('data-level', numbers[3 * i]);
    li.setAttribute('data-depth', numbers[3 * i + 1]);
    if (!numbers[3 * i + 2]) li.hidden = true;
    li.setAttribute('data-number', number);
    const a = element(doc, 'a', 'aw-toc-link', text);
    a.setAttribute('href', `#${id}`);
    li.append(a, element(doc, 'span', 'aw-toc-time', time));
    list.append(li);
    links.push(a);
  }
  nav.append(head, list);
  let rest = null;
  if (more) {
    rest = element(doc, 'button', 'aw-toc-more', more);
    rest.type = 'button';
    nav.append(rest);
  }
  return [nav, all, links, rest];
}

// The key-quotes panel: `strings` per key quote its text, speaker, role (each ""
// when there is none), the id of its section ("" for none) and its text fragment.
// Returns [aside, the "in context" links].
export function buildPanel(doc, n, level, strings) {
  const aside = element(doc, 'aside', 'aw-quotes');
  const list = element(doc, 'ol', 'aw-quotes-list');
  const links = [];
  for (let i = 0; 5 * i < strings.length; i++) {
    const [text, speaker, role, section, fragment] = strings.slice(5 * i, 5 * i + 5);
    const li = element(doc, 'li', 'aw-quote');
    const figure = element(doc, 'figure', 'aw-quote-figure');
    figure.append(element(doc, 'blockquote', 'aw-quote-text', text));
    if (speaker) {
      const cap = element(doc, 'figcaption', 'aw-quote-speaker');
      cap.append(element(doc, 'span', 'aw-quote-name', speaker));
      if (role) cap.append(element(doc, 'span', 'aw-quote-role', role));
      figure.append(cap);
    }
    const link = element(doc, 'a', 'aw-quote-link', 'Read in context');
    link.setAttribute('href', `#${section}`);
    // A link that takes any reader straight to the quotation (a text fragment;
    // relative, so that it stays on this page wherever the page is).
    const share = element(doc, 'a', 'aw-quote-share', 'Link to this quote');
    share.setAttribute('href', `#:~:${fragment}`);
    li.append(figure, link, share);
    list.append(li);
    links.push(link);
  }
  aside.append(partTitle(doc, aside, level, 'aw-quotes-title', `aw-quotes-title-${n}`, 'Key quotes'), list);
  return [aside, links];
}
