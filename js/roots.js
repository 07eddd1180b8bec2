// Finding the article on a page, for the one-tag embed when the tag names no
// data-article. In two steps, over one walk of the page:
//
// 1. Each platform's own class for the post body (Blogger, WordPress, Ghost, Substack
//    and the like), most specific first. A match counts only when it holds text and
//    most of the article's paragraph text as step 2 sees it: an empty template, a
//    teaser or the first of several parts of an article is skipped.
// 2. Else the paragraphs decide, as Readability finds an article: each block of text
//    of some length scores the elements around it (its parent most, then fading),
//    link-dense text, navigation, asides, footers, forms, comment areas and boxes
//    classed as such count for nothing, and the best-scored element wins. When the
//    article is split over siblings (several sections of one story), their common
//    parent is taken if it holds little else; an `article` or `main` that wraps
//    galleries, related stories and promotions is passed over for the element that
//    holds the article text.
//
// Text inside script, style, template and noscript is never article text. Checked on
// the platform pages of tests/fixtures/platforms/ (tests/e2e/platforms.test.mjs) and
// on real saved pages (tests/realpages/).

/** The post-body selectors of the common platforms, most specific first. */
export const ROOT_SELECTORS = [
  // Blogger: the body of each post (its id is post-body-<post id>).
  '.post-body',
  '[id^="post-body-"]',
  // WordPress, classic themes and block themes.
  '.entry-content',
  '.wp-block-post-content',
  // Ghost (Casper, Source and most themes).
  '.gh-content',
  // Substack: the free part of a post (a paywalled post has no more in the page).
  '.available-content',
  // Other engines and hand-made themes.
  '.post-content',
  '.article-body',
  '[itemprop="articleBody"]',
];

/** Areas that are never the article, however they are classed. */
const NOT_ARTICLE = 'nav, footer, aside, dialog, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="dialog"], #comments, .comments, .comment, #disqus_thread, #respond, [hidden], [aria-hidden="true"]';

/** Class names and ids of boxes that are not article (Readability's list, trimmed). */
const UNLIKELY = /(^|[-_\s])(ad|ads|advert|banner|breadcrumbs?|combx|comment|comments|community|cookie|disqus|footer|gdpr|menu|modal|newsletter|outbrain|pager|pagination|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|taboola|teaser|tags)([-_\s]|$)/i;
/** ... unless they also say they are the content. */
const MAYBE = /article|body|column|content|main|story|entry|post/i;
/** Class names and ids that say "content" or "not content", for the score. */
const POSITIVE = /article|body|content|entry|main|page|post|text|blog|story/i;
const NEGATIVE = /comment|footer|sidebar|related|share|social|promo|byline|author|meta|caption|gallery|hidden|banner|ad-/i;

/** Elements whose text is never read: their text is not text of the page. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'textarea', 'button', 'head']);
/** Elements that do not start a block: their text belongs to the block around them. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'img', 'kbd', 'label', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr']);

/** The least text, in characters, that makes a block a paragraph. */
const MIN_PARAGRAPH = 25;
/** The least text a root must hold, in characters (an empty template is no post). */
const MIN_TEXT = 200;
/** A platform match must hold this share of the paragraph text the scorer finds. */
const PLATFORM_SHARE = 0.6;

/**
 * The element that holds the article in `doc`, or null when the page has no text
 * that reads as one.
 */
export function findRoot(doc = document) {
  const body = doc.body;
  if (!body) return null;
  const page = measure(body);
  const best = bestByScore(page);
  for (const selector of ROOT_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      if (el.closest(NOT_ARTICLE)) continue;
      const m = page.get(el);
      if (!m || m.text < MIN_TEXT) continue;
      // A part of the article (a teaser, the first of several parts) is not it.
      if (best && m.para < PLATFORM_SHARE * page.get(best).para && !el.contains(best)) continue;
      return el;
    }
  }
  return best && page.get(best).text >= MIN_TEXT ? best : null;
}

/**
 * One walk of the page: for each element, its text (`text`, characters of visible
 * text, the skipped elements' aside), its text inside links (`links`), its paragraph
 * text (`para`: blocks of MIN_PARAGRAPH characters or more, outside the areas that are
 * never article and not mostly links) and its Readability score (`score`, from the
 * paragraphs below it). A Map from element to those figures.
 */
function measure(body) {
  const out = new Map();
  // Blocks of text, each with its element, length and link length, in page order.
  const blocks = [];
  const walk = (el, block, inLink) => {
    const m = { text: 0, links: 0, para: 0, score: 0 };
    out.set(el, m);
    const own = INLINE.has(el.localName) ? block : { el, text: 0, links: 0, commas: 0 };
    if (own !== block) blocks.push(own);
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const n = visibleLength(c.data);
        if (n === 0) continue;
        m.text += n;
        own.text += n;
        own.commas += commas;
        if (inLink) {
          m.links += n;
          own.links += n;
        }
      } else if (c.nodeType === 1) {
        const tag = c.localName;
        if (SKIP.has(tag)) continue;
        const cm = walk(c, own, inLink || tag === 'a');
        m.text += cm.text;
        m.links += cm.links;
      }
    }
    return m;
  };
  walk(body, null, false);
  // Whether an element is in an area that is never article: one that says so by its
  // tag or role, or a box classed as not article (unless it holds half the page: a
  // layout wrapper named after its sidebar).
  const half = out.get(body).text / 2;
  const never = new Map([[body, false]]);
  const excluded = (el) => {
    let v = never.get(el);
    if (v === undefined) {
      v = el.matches(NOT_ARTICLE) || (unlikely(el) && out.get(el).text < half) || excluded(el.parentElement);
      never.set(el, v);
    }
    return v;
  };
  // Each paragraph scores the elements around it: its container fully, the one
  // above half, then a third of a level's worth (as Readability does).
  for (const b of blocks) {
    if (b.text < MIN_PARAGRAPH || b.links > b.text / 2 || excluded(b.el)) continue;
    const points = 1 + b.commas + Math.min(Math.floor(b.text / 100), 3);
    let el = INLINE.has(b.el.localName) || !isContainer(b.el) ? b.el.parentElement : b.el;
    for (let level = 0; el && level < 5; level += 1, el = el.parentElement) {
      const m = out.get(el);
      if (!m) break;
      m.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
    // Its text is paragraph text of it and every element around it.
    for (let up = b.el; up; up = up.parentElement) {
      const m = out.get(up);
      if (!m) break;
      m.para += b.text;
    }
  }
  return out;
}

/** The best-scored element of the page, then widened to what holds the article. */
function bestByScore(page) {
  let best = null;
  let top = 0;
  for (const [el, m] of page) {
    if (m.score === 0 || m.para < MIN_PARAGRAPH) continue;
    const s = m.score * (1 + weight(el) / 50) * (1 - m.links / Math.max(1, m.text));
    if (s > top) {
      top = s;
      best = el;
    }
  }
  if (!best) return null;
  // The article split over siblings: take their parent while it adds paragraphs and
  // little else (its text stays mostly paragraphs); and a parent that adds next to
  // no text is the same article in a wider box.
  for (let up = best.parentElement; up && up !== best.ownerDocument.body; up = up.parentElement) {
    const b = page.get(best);
    const u = page.get(up);
    if (!u) break;
    const addsNothing = u.text <= 1.05 * b.text;
    // Parts of one story, not the next stories of the page (each with its headline).
    const addsArticle =
      u.para >= 1.3 * b.para &&
      (u.para - b.para) / Math.max(1, u.text - b.text) >= 0.6 &&
      headlines(up) <= Math.max(1, headlines(best));
    if (!addsArticle && !addsNothing) break;
    best = up;
  }
  return best;
}

/** How many headlines (h1) an element holds. */
function headlines(el) {
  return el.getElementsByTagName('h1').length;
}

/** Whether an element holds blocks (a div of text with line breaks is a container). */
function isContainer(el) {
  return !/^(p|h[1-6]|li|dt|dd|pre|blockquote|figcaption|caption|th|td|address)$/.test(el.localName);
}

/** An element's class names and id, as one string (an SVG's className is no string). */
function classAndId(el) {
  return `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
}

/** Whether an element's class and id say it is not article. */
function unlikely(el) {
  const id = classAndId(el);
  return UNLIKELY.test(id) && !MAYBE.test(id);
}

/** A class-and-id weight, as Readability gives it: +25 content, -25 not (the score x1.5 or x0.5). */
function weight(el) {
  const id = classAndId(el);
  if (id.length < 2) return 0;
  return (POSITIVE.test(id) ? 25 : 0) - (NEGATIVE.test(id) ? 25 : 0);
}

/** The commas of the text visibleLength() read last (a comma, and its CJK and Arabic forms). */
let commas = 0;

/** The length of a text with its runs of white space as one; counts its commas. */
function visibleLength(text) {
  let n = 0;
  let space = true;
  commas = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (!ws) n += 1;
    else if (!space) n += 1;
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) commas += 1;
    space = ws;
  }
  return n;
}
