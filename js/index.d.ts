// Type definitions for article-widget.
//
// Written by hand: the declarations wasm-bindgen generates type every option and result
// as `any`. The options follow OPTION_NAMES in src/core/settings.rs, one field each.

/** Which sections start open. */
export type OpenMode = 'none' | 'first' | 'all';

/** A heading level, as in `<h1>` to `<h6>`. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The options of {@link mount} and {@link analyze}. Every field is optional; `null`
 * (or leaving it out) keeps the default. A name the widget does not know is an error
 * (`unknown-option`) that suggests the closest known one, unless
 * `ignoreUnknownOptions` is `true` (see {@link LenientMountOptions}). A value of the
 * wrong type or out of range is a `bad-option` error.
 */
export interface MountOptions {
  /**
   * Make collapsible sections from the article's headings.
   * @defaultValue `true`
   */
  sections?: boolean | null | undefined;
  /**
   * Infer headings from bold or short standalone lines when the article has fewer than
   * two real ones (common on Blogger, where sub-headings are often typed as lines).
   * @defaultValue `true`
   */
  inferHeadings?: boolean | null | undefined;
  /**
   * The highest heading level (smallest number) that makes a section. Must be at most
   * `maxLevel`.
   * @defaultValue `2`
   */
  minLevel?: HeadingLevel | null | undefined;
  /**
   * The deepest heading level that makes a section.
   * @defaultValue `4`
   */
  maxLevel?: HeadingLevel | null | undefined;
  /**
   * Which sections start open: none, the first one, or all of them (still
   * collapsible on demand).
   * @defaultValue `'first'`
   */
  open?: OpenMode | null | undefined;
  /**
   * Sections with fewer words than this get no toggle. A whole number from 0 to
   * 100000.
   * @defaultValue `20`
   */
  minSectionWords?: number | null | undefined;
  /**
   * Find the quotations and show the key-quotes panel.
   * @defaultValue `true`
   */
  quotes?: boolean | null | undefined;
  /**
   * How many key quotes to show: a whole number from 0 to 20.
   * @defaultValue 3 to 5, picked from the article's length
   */
  maxQuotes?: number | null | undefined;
  /**
   * Where the key-quotes panel goes: `'lead'` (after the lead, before the first
   * section), `'top'` (at the top, after the contents), `'end'` (at the end of the
   * article), or a CSS selector of an element anywhere in the page to put it in.
   * @defaultValue `'lead'`
   */
  quotesAt?: 'lead' | 'top' | 'end' | (string & {}) | null | undefined;
  /**
   * The comment area to load lazily: a CSS selector, `true` to find it in the page
   * (`#comments`, `.comments`, `#disqus_thread`, ...), or `false` to leave comments
   * alone. Park the comment system in a `<template data-article-widget-comments>`
   * inside it, or give `commentsScript`. An area that is missing or holds nothing to
   * load later is left as it is: the widget mounts all the same and reports it
   * (`MountedDetail.comments`, and one console line).
   * @defaultValue `true`
   */
  comments?: string | boolean | null | undefined;
  /**
   * A script that loads the comment system, instead of the page's parked one: an
   * `https://` address, or a same-origin path (`http://` only on 127.0.0.1 or
   * localhost). Anything else is a `bad-comments-url` error.
   * @defaultValue none
   */
  commentsScript?: string | null | undefined;
  /**
   * How near the viewport the comment area must come before comments load, in CSS
   * pixels: a whole number from 0 to 100000.
   * @defaultValue `200`
   */
  commentsMargin?: number | null | undefined;
  /**
   * Load comments only on an explicit click ("Show comments"), never on scrolling.
   * @defaultValue `false`
   */
  commentsOnClick?: boolean | null | undefined;
  /**
   * How long the comment system may take to load before the widget reports a failure
   * (`article-widget:comments-failed`) and offers a retry, in milliseconds: a whole
   * number from 100 to 600000.
   * @defaultValue `15000`
   */
  commentsTimeout?: number | null | undefined;
  /**
   * A CSS selector of content inside the article to leave alone.
   * @defaultValue none
   */
  exclude?: string | null | undefined;
  /**
   * A CSS selector of the page's own ad slots, kept visible like the ad networks'
   * slots the widget knows (AdSense, Google Publisher Tag, Amazon, Ezoic, Mediavine,
   * ad-network frames): never hidden by a collapsed section, never moved, never
   * article.
   * @defaultValue none
   */
  adSlots?: string | null | undefined;
  /**
   * Show a table of contents at the top of the article.
   * @defaultValue `true`
   */
  toc?: boolean | null | undefined;
  /**
   * Remember which sections the reader opened, for this page, in session storage.
   * @defaultValue `true`
   */
  remember?: boolean | null | undefined;
  /**
   * The widget's colours: `"auto"` dark only where the page is dark (its background,
   * or its text colour on a bare canvas), never from the reader's system setting
   * alone; `"light"` or `"dark"` to force them.
   * @defaultValue `"auto"`
   */
  theme?: 'auto' | 'light' | 'dark' | null | undefined;
  /**
   * Let option names the widget does not know through without an error (options meant
   * for a newer version, or for the caller's own code). Known options are still
   * checked. To pass other names from TypeScript, type the options as
   * {@link LenientMountOptions}.
   * @defaultValue `false`
   */
  ignoreUnknownOptions?: boolean | null | undefined;
}

/**
 * Options with `ignoreUnknownOptions: true`: names the widget does not know are let
 * through (and ignored); the known ones keep their types. {@link mount} takes a variable
 * of this type (or a literal `as LenientMountOptions`); an object literal written in the
 * call is checked as {@link MountOptions}, so that a typo is an error there.
 */
export type LenientMountOptions = MountOptions & {
  ignoreUnknownOptions: true;
  [name: string]: unknown;
};

/** One section of the article, as the plan gives it. */
export interface Section {
  /** A stable, unique id: the heading's own id, or a slug of its title. */
  id: string;
  /** The heading's text. */
  title: string;
  /** Its level (2 for a top-level section, 3 for one nested in it, ...). */
  level: number;
  /** Whether the heading was inferred from a line that is not a heading element. */
  inferred: boolean;
  /** Whether the section gets a toggle (it has enough words). */
  collapsible: boolean;
  /** Whether it starts open. */
  open: boolean;
  /** The number of words in the section, headings of nested sections included. */
  words: number;
}

/** One direct quotation of the article. */
export interface Quote {
  /** The quoted words (the parts of a quotation broken by its attribution, joined). */
  text: string;
  /**
   * Who said it, by the fullest name the article gives; `null` when it does not say,
   * or when the rules are not sure of the name (see `guess`).
   */
  speaker: string | null;
  /** The name the rules would guess where they are not sure enough to show one, or `null`. */
  guess: string | null;
  /** The speaker's role as the article gives it, or `null`. */
  role: string | null;
  /** The id of the innermost section that holds it, or `null`. */
  sectionId: string | null;
  /** Whether it is one of the key quotes of the summary panel. */
  key: boolean;
  /**
   * A text directive (`text=start,end`) that points a browser at the quotation: put
   * `#:~:` and it after the page's address to link to the quote.
   */
  textFragment: string;
}

/** What the widget does to an article: {@link analyze} returns it, `Widget.plan` holds it. */
export interface Plan {
  /** The sections, in document order (a nested section follows its parent). */
  sections: Section[];
  /** Every direct quotation found, in document order; `key` marks the summary's. */
  quotes: Quote[];
}

/** The handle {@link mount} returns. */
export declare class Widget {
  private constructor();
  /**
   * Puts the page back exactly as it was (the same nodes, order and attributes) and
   * removes every listener and observer. Calling it again does nothing.
   */
  destroy(): void;
  /** Opens every section. */
  expandAll(): void;
  /** Closes every collapsible section. */
  collapseAll(): void;
  /** Loads the comments now, as the "Show comments" button does. */
  loadComments(): void;
  /** The plan the widget applied, as {@link analyze} returns it; `null` once destroyed. */
  readonly plan: Plan | null;
  /** Whether the widget is still mounted (`false` after `destroy()`). */
  readonly mounted: boolean;
}

/**
 * An article read and planned by {@link prepareMount}; the page is not changed yet.
 */
export declare class PreparedMount {
  private constructor();
  /**
   * Makes the next part of the plan from what was read: the sections, the quotes,
   * then the widget's own elements (the contents and the key-quotes panel, built
   * detached; the page is not touched). Returns `true` while a part remains (call it again, in a later task, to
   * keep each task short), `false` once the plan is made. Optional: `mount()` makes
   * what remains.
   */
  plan(): boolean;
  /**
   * Applies the plan (reading the article again if it changed in between) and
   * returns the mounted widget. Once only: a second call throws `already-mounted`.
   */
  mount(): Widget;
  /** Frees the prepared plan without mounting. */
  free(): void;
}

/** The `code` of every error that {@link mount} and {@link analyze} throw. */
export type ArticleWidgetErrorCode =
  /* CODES: the package build puts here every code of src/core/error.rs (Error::CODES), with when it is thrown. */
  string;

/**
 * The errors {@link mount} and {@link analyze} throw: an `Error` whose message names the
 * bad input and the fix, with a stable `code`. The page is untouched when one is thrown.
 *
 * ```ts
 * try { mount('#post', options); } catch (e) {
 *   if (isArticleWidgetError(e) && e.code === 'unknown-option') ...
 * }
 * ```
 */
export interface ArticleWidgetError extends Error {
  code: ArticleWidgetErrorCode;
}

/**
 * The `code` the one-tag embed (`article-widget/embed`) reports: the widget's own codes
 * (`root-not-found` also when the page has no Blogger post body and the tag no
 * `data-article`), `load-failed` when the module or its WebAssembly could not be
 * loaded, and `internal-error` for a failure without a code (a bug in the widget).
 */
export type EmbedErrorCode = ArticleWidgetErrorCode | 'load-failed' | 'internal-error';

/** The `detail` of `article-widget:error`, which the one-tag embed sends on `document`. */
export interface EmbedErrorDetail {
  code: EmbedErrorCode;
  message: string;
  /** What was thrown. */
  error: unknown;
}

/** `article-widget:mounted`: the widget is in place. */
export interface MountedDetail {
  /** How many sections it made. */
  sections: number;
  /** How many key quotes it shows. */
  keyQuotes: number;
  /**
   * What became of the comments: `'lazy'` (behind the "Show comments" facade until
   * the reader wants them), `'not-lazy'` (a comment area with nothing to load later,
   * left as it is), `'not-found'` (no comment area) or `'off'`.
   */
  comments: 'lazy' | 'not-lazy' | 'not-found' | 'off';
}

/** `article-widget:toggle`: a section opened or closed. */
export interface ToggleDetail {
  /** The section's id (as in {@link Section.id}). */
  id: string;
  /** Whether it is open now. */
  open: boolean;
}

/** `article-widget:quote`: the reader followed a key quote to its place in the text. */
export interface QuoteDetail {
  /** The quoted words. */
  text: string;
  /** Who said it; `undefined` when the article does not say. */
  speaker: string | undefined;
}

/** `article-widget:comments-failed`: the comment system did not load. */
export interface CommentsFailedDetail {
  /** Why, in words. */
  reason: string;
}

/** The detail of the events that carry none. */
export type EmptyDetail = Record<string, never>;

/**
 * The events the widget sends from the article root, bubbling, as `CustomEvent`s. They
 * are added to `HTMLElementEventMap`, `DocumentEventMap` and `WindowEventMap`, so that
 * `addEventListener('article-widget:toggle', (e) => e.detail.open)` is typed.
 */
export interface ArticleWidgetEventMap {
  'article-widget:mounted': CustomEvent<MountedDetail>;
  'article-widget:toggle': CustomEvent<ToggleDetail>;
  'article-widget:quote': CustomEvent<QuoteDetail>;
  'article-widget:comments-loading': CustomEvent<EmptyDetail>;
  'article-widget:comments-loaded': CustomEvent<EmptyDetail>;
  'article-widget:comments-failed': CustomEvent<CommentsFailedDetail>;
  'article-widget:destroyed': CustomEvent<EmptyDetail>;
}

/** The names of the widget's events. */
export type ArticleWidgetEventName = keyof ArticleWidgetEventMap;

declare global {
  interface HTMLElementEventMap extends ArticleWidgetEventMap {}
  interface DocumentEventMap extends ArticleWidgetEventMap {
    /** Sent by the one-tag embed when it could not mount the widget. */
    'article-widget:error': CustomEvent<EmbedErrorDetail>;
  }
  interface WindowEventMap extends ArticleWidgetEventMap {}
  interface Window {
    /** The widget the one-tag embed mounted (set once it is mounted). */
    articleWidget?: Widget;
  }
}

/** What `init` accepts: the WebAssembly's address, a response, its bytes or a module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` accepts: the WebAssembly's bytes or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated WebAssembly's exports (internal but for its memory). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads the WebAssembly (by default `article_widget_bg.wasm` next to the module). Await
 * it once before {@link mount} or {@link analyze}; calling it again does nothing.
 */
export default function init(
  options?: { module_or_path: InitInput | Promise<InitInput> },
): Promise<InitOutput>;

/** Instantiates the WebAssembly synchronously from its bytes or a compiled module. */
export function initSync(options: { module: SyncInitInput }): InitOutput;

/**
 * The one call that mounts the widget at no cost to the page: it waits until the page
 * has shown itself (its load event and first contentful paint, then a frame), loads
 * the WebAssembly unless {@link init} did, compiles the widget's code ({@link warmUp}),
 * then runs {@link prepareMount}, its `plan()` steps and `mount()`, each in a task of
 * its own, so that the reader never waits on a long task. Resolves to the widget.
 * Each step leaves a performance mark (`article-widget:start`, `:loaded`, `:read`,
 * `:plan`, `:apply`, each ended by `:done`, and `:mounted`).
 *
 * @throws {ArticleWidgetError} (as a rejection) what {@link mount} throws; and
 * `load-failed` when the WebAssembly could not be fetched or instantiated. The page
 * is then untouched.
 */
export function mountAfterPaint(root: Element | string, options?: MountOptions): Promise<Widget>;

/**
 * Mounts the widget on the article under `root` (an Element or a CSS selector):
 * collapsible sections, the key-quotes panel and lazy comments.
 *
 * @throws {ArticleWidgetError} when the root or the options are wrong; the page is
 * then untouched.
 */
export function mount(root: Element | string, options?: MountOptions): Widget;

/**
 * Returns what {@link mount} would do to the article under `root`, without changing
 * the page. On a mounted root it returns what `mount` applied.
 *
 * @throws {ArticleWidgetError} when the root or the options are wrong.
 */
export function analyze(root: Element | string, options?: MountOptions): Plan;

/**
 * The first step of {@link mount}, for pages that split the work over several tasks
 * (so that none blocks the reader for long): reads the article, changing nothing.
 * Call `.plan()` (until it returns `false`) and then `.mount()` on the result, each in a
 * later task. Throws what
 * `mount` throws for a bad root or options.
 */
export function prepareMount(root: Element | string, options?: MountOptions): PreparedMount;

/**
 * Optional, before {@link mount} or {@link prepareMount}: compiles the widget's code
 * ahead of the mount, so that no step of the mount is a long task (the browser
 * compiles WebAssembly on first call). The analysis code compiles in a throwaway
 * worker on the text of the article under `root` (an Element or a CSS selector; the
 * browser shares the worker's code with the page); then the DOM code compiles on the
 * main thread, in tasks of a few milliseconds, by mounting and destroying the widget
 * on a small article of its own in a document that is never shown (no event, storage
 * or request reaches the page). Resolves when done, about a second at most; never
 * rejects (where a page's policy forbids `blob:` workers the worker part is skipped).
 */
export function warmUp(root: Element | string): Promise<void>;

/** Whether `e` is an error the widget threw (an `Error` with one of its codes). */
export function isArticleWidgetError(e: unknown): e is ArticleWidgetError;
