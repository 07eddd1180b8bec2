// Uses the package's API as its types allow: tsc --noEmit must pass on this file.
// The @ts-expect-error lines are misuses that must each be an error.
import init, {
  analyze,
  isArticleWidgetError,
  mount,
  mountAfterPaint,
  warmUp,
  Widget,
  type ArticleWidgetError,
  type ArticleWidgetErrorCode,
  type EmbedErrorCode,
  type LenientMountOptions,
  type MountOptions,
  type Plan,
  type Quote,
  type Section,
} from 'article-widget';
import 'article-widget/article-widget.css';
import { ready } from 'article-widget/embed';

await init();
await init({ module_or_path: new URL('article_widget_bg.wasm', import.meta.url) });
const warmed: Promise<void> = warmUp('#post-body');
await warmed;
const gentle: Widget = await mountAfterPaint('#post-body', { comments: '#comments' });
gentle.destroy();

const every: Required<MountOptions> = {
  sections: true,
  inferHeadings: false,
  minLevel: 2,
  maxLevel: 4,
  open: 'none',
  minSectionWords: 20,
  quotes: true,
  maxQuotes: 3,
  comments: '#comments',
  commentsScript: 'https://comments.example/embed.js',
  commentsMargin: 200,
  commentsOnClick: true,
  commentsTimeout: 15000,
  exclude: '.ad',
  adSlots: '.house-promo',
  toc: false,
  remember: false,
  theme: 'auto',
  ignoreUnknownOptions: false,
  quotesAt: 'lead',
};
const article: Element | null = document.querySelector('article');
const widget: Widget = mount(article ?? '#post-body', every);
mount('#a', { comments: false, open: 'all', maxQuotes: null, toc: undefined });
mount('#b', { comments: true });
mount('#c');
const lenient: LenientMountOptions = { ignoreUnknownOptions: true, someFutureOption: 1, open: 'first' };
mount('#d', lenient);
mount('#e', { ignoreUnknownOptions: true, myOwnSetting: 'x' } as LenientMountOptions);

widget.expandAll();
widget.collapseAll();
widget.loadComments();
const mounted: boolean = widget.mounted;
const plan: Plan | null = widget.plan;
widget.destroy();
void mounted;
void plan;

const analyzed: Plan = analyze('#post-body', { quotes: false });
const first: Section | undefined = analyzed.sections[0];
if (first) {
  const fields: [string, string, number, boolean, boolean, boolean, number] = [
    first.id, first.title, first.level, first.inferred, first.collapsible, first.open, first.words,
  ];
  void fields;
}
const key: Quote[] = analyzed.quotes.filter((q) => q.key);
const speakers: (string | null)[] = key.map((q) => q.speaker ?? q.role ?? q.sectionId);
void speakers;

try {
  mount('#post', { maxQuotes: 3 });
} catch (e) {
  if (isArticleWidgetError(e)) {
    const code: ArticleWidgetErrorCode = e.code;
    const err: ArticleWidgetError = e;
    const message: string = err.message;
    if (code === 'unknown-option' || code === 'dom-error') void message;
  }
}

const root = document.body;
root.addEventListener('article-widget:mounted', (e) => {
  const n: number = e.detail.sections + e.detail.keyQuotes;
  void n;
});
document.addEventListener('article-widget:toggle', (e) => {
  const id: string = e.detail.id;
  const open: boolean = e.detail.open;
  void id;
  void open;
});
window.addEventListener('article-widget:quote', (e) => {
  const who: string | undefined = e.detail.speaker;
  const text: string = e.detail.text;
  void who;
  void text;
});
root.addEventListener('article-widget:comments-loading', () => {});
root.addEventListener('article-widget:comments-loaded', () => {});
root.addEventListener('article-widget:comments-failed', (e) => {
  const reason: string = e.detail.reason;
  void reason;
});
root.addEventListener('article-widget:destroyed', () => {});
document.addEventListener('article-widget:error', (e) => {
  const code: EmbedErrorCode = e.detail.code;
  const message: string = e.detail.message;
  void code;
  void message;
});

const fromEmbed: Widget | null = await ready;
const global: Widget | undefined = window.articleWidget;
void fromEmbed;
void global;

// Misuses, each an error:
// @ts-expect-error "some" is not an OpenMode
mount('#x', { open: 'some' });
// @ts-expect-error maxQuotes is a number
mount('#x', { maxQuotes: 'three' });
// @ts-expect-error a typo of maxQuotes is no option
mount('#x', { maxQuote: 3 });
// @ts-expect-error heading levels are 1 to 6
mount('#x', { minLevel: 7 });
// @ts-expect-error known options keep their types when unknown ones are let through
mount('#x', { ignoreUnknownOptions: true, open: 'some' } as LenientMountOptions);
// @ts-expect-error in a literal written in the call, only the known names
mount('#x', { ignoreUnknownOptions: true, myOwnSetting: 'x' });
// @ts-expect-error the root is an Element or a selector
mount(42);
root.addEventListener('article-widget:toggle', (e) => {
  // @ts-expect-error the toggle's detail has no title
  void e.detail.title;
});
