// Type definitions for article-widget/embed, the one-tag embed.
//
// Importing the module (or loading it with a <script type="module"> tag) mounts the
// widget on the page's article, with the options read from the data-* attributes of
// its own script tag. It mounts once per page; the widget is then
// `window.articleWidget`. On a failure it logs the error with its code and sends
// `article-widget:error` on document (detail: EmbedErrorDetail).
import type { Widget } from './index.js';

export type { EmbedErrorCode, EmbedErrorDetail, Widget } from './index.js';

/** Resolves to the mounted widget, or to `null` when it could not mount. */
export declare const ready: Promise<Widget | null>;
