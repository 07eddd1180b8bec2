// Misuses the package's API: tsc --noEmit must fail on this file, with an error on
// each line marked "// error" and on no other line.
import init, { analyze, mount, mountAfterPaint, warmUp, type Widget } from 'article-widget';

await init();
mount('#post-body', { open: 'some' }); // error
mount('#post-body', { maxQuotes: 'three' }); // error
mount('#post-body', { maxQuote: 3 }); // error
mount('#post-body', { comments: 1 }); // error
mount('#post-body', { toc: 'false' }); // error
mount('#post-body', { maxLevel: 9 }); // error
mount(document, {}); // error
warmUp(document); // error
mountAfterPaint('#post-body', { maxQuote: 3 }); // error
const sync: Widget = mountAfterPaint('#post-body'); // error
const plan = analyze('#post-body');
const title: number = plan.sections[0].title; // error
mount('#post-body').expandAll('all'); // error
document.addEventListener('article-widget:toggle', (e) => {
  const open: string = e.detail.open; // error
  void open;
});
void title;
void sync;
