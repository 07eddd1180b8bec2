// Stand-in for a blog's embedded comment system (Blogger's comment_from_post_iframe.js
// and BLOG_CMT_createIframe), served from a second origin. The demo page parks the tag
// that loads this file; running it is what "the comments loaded" means in the demo:
// it renders the thread into #comment-holder, points the comment form's iframe at its
// own origin, sets window.__commentsLoaded and fires `demo-comments-loaded` on window.
// Text only goes through textContent.
(() => {
  'use strict';

  if (window.__commentsLoaded) return;

  const script = document.currentScript;
  const scriptUrl = new URL(script ? script.src : 'comments.js', document.baseURI);
  const area = (script && script.closest('#comments')) || document.getElementById('comments') || document.body;

  const SAMPLE_COMMENTS = [
    {
      id: '1001',
      author: 'Marta K.',
      date: 'February 13, 2025 at 10:12 AM',
      text: 'Thanks for laying out who said what. The section on the Munich meeting was the part I was looking for.',
    },
    {
      id: '1002',
      author: 'Daniel Osei',
      date: 'February 13, 2025 at 11:47 AM',
      text: 'Good summary. It will be interesting to see what the delegations agree on after the talks.',
    },
  ];

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The thread, in the shape Blogger renders: .comments-content > #comment-holder.
  let holder = document.getElementById('comment-holder');
  if (!holder) {
    let content = area.querySelector('.comments-content');
    if (!content) {
      content = el('div', 'comments-content');
      area.appendChild(content);
    }
    holder = el('div');
    holder.id = 'comment-holder';
    content.appendChild(holder);
  }

  const thread = el('div', 'comment-thread toplevel-thread');
  const list = el('ol');
  list.id = 'top-ra';
  for (const c of SAMPLE_COMMENTS) {
    const item = el('li', 'comment');
    item.id = `c${c.id}`;
    const block = el('div', 'comment-block');
    const header = el('div', 'comment-header');
    header.appendChild(el('cite', 'user', c.author));
    const when = el('span', 'datetime secondary-text');
    const permalink = el('a', '', c.date);
    permalink.href = `#c${c.id}`;
    permalink.rel = 'nofollow';
    when.appendChild(permalink);
    header.appendChild(when);
    block.appendChild(header);
    block.appendChild(el('p', 'comment-content', c.text));
    item.appendChild(block);
    list.appendChild(item);
  }
  thread.appendChild(list);
  holder.replaceChildren(thread);

  // The form: like BLOG_CMT_createIframe, take the query from a#comment-editor-src and
  // load the form page from this script's own origin.
  const editor = document.getElementById('comment-editor');
  if (editor) {
    const formUrl = new URL('comment-iframe.html', scriptUrl);
    const source = document.getElementById('comment-editor-src');
    if (source && source.href) formUrl.search = new URL(source.href, document.baseURI).search;
    editor.src = formUrl.href;
  }

  window.__commentsLoaded = true;
  window.dispatchEvent(new Event('demo-comments-loaded'));
})();
