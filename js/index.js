// article-widget: the package's entry. The API itself is the generated module
// article_widget.js; this file re-exports it so that the hand-written types in
// index.d.ts describe it.
export { default, initSync, mount, analyze, prepareMount, PreparedMount, Widget } from './article_widget.js';

// The codes of README.md's "Error codes" table (tests/package checks that they agree).
const CODES = new Set([
  'root-not-found', 'root-not-element', 'bad-selector', 'bad-options', 'unknown-option',
  'bad-option', 'already-mounted', 'empty-article', 'comments-not-found',
  'comments-not-lazy', 'bad-comments-url', 'dom-error',
]);

/** Whether `e` is an error the widget threw (an Error with one of its codes). */
export function isArticleWidgetError(e) {
  return e instanceof Error && CODES.has(e.code);
}
