// The one-tag embed, bundled: importing it mounts the widget on the Blogger post body.
import { ready } from 'article-widget/embed';

const widget = await ready;
document.documentElement.dataset.result = widget ? 'mounted' : 'failed';
