// The bundler usage of the package, as its README shows it.
import init, { analyze, mount } from 'article-widget';
import 'article-widget/article-widget.css';

await init();
const planned = analyze('.post-body', { comments: '#comments' });
const widget = mount('.post-body', { comments: '#comments', open: 'none', maxQuotes: 3 });
window.articleWidget = widget;
window.plannedSections = planned.sections.length;
document.documentElement.dataset.result = 'mounted';
