// Finding a blog post's body on the common platforms, for the one-tag embed when the
// tag names no data-article. Each platform's own class for the post body comes
// first (the most specific), then the generic ones; the first selector that matches
// an element holding text wins, and of its matches the first in the page (on an index
// page, the first post). Checked on the test pages in tests/fixtures/platforms/ by
// tests/e2e/platforms.test.mjs.

/** The post-body selectors, most specific first. */
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
  // Medium and most news sites: the article element itself.
  'article',
];

/** Areas that are never the article, however they are classed. */
const NOT_ARTICLE = '#comments, .comments, .comment, nav, footer, aside, [role="complementary"]';

/** The least text a root must hold, in characters (an empty template is no post). */
const MIN_TEXT = 200;

/**
 * The element that holds the post in `doc`, or null: the first match of the first
 * selector of ROOT_SELECTORS that matches an element with at least MIN_TEXT
 * characters of text outside comment areas, navigation and footers.
 */
export function findRoot(doc = document) {
  for (const selector of ROOT_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      if (el.closest(NOT_ARTICLE)) continue;
      if ((el.textContent || '').trim().length >= MIN_TEXT) return el;
    }
  }
  return null;
}
