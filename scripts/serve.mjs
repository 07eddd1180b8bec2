// Static server for the demo page, with no dependencies beyond Node 20.
//
// Two origins on 127.0.0.1, so that the demo behaves like a real blog whose comment
// system lives on another host:
//   - the demo origin (PORT, default 8080) serves www/ at / and pkg/ at /pkg/;
//   - the comments origin (COMMENTS_PORT, default PORT + 1) serves www/comments-origin/,
//     the stand-in comment system.
// HTML from www/ gets `{{COMMENTS_ORIGIN}}` replaced with the comments origin's URL.
// Text, JavaScript, CSS, SVG and WebAssembly are sent compressed (brotli, else gzip) to
// a client that accepts it, as a CDN sends them, so that transfer times measured
// against this server (Lighthouse, the benchmark) are a blog's, not a raw file's.
// Port 0 picks a free port. When listening it prints `Demo: http://127.0.0.1:<port>/`
// and `Comments: http://127.0.0.1:<port>/`.
//
// Tests import start({ port, commentsPort }) instead of running the CLI.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readmeTags } from './readme-tags.mjs';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HOST = '127.0.0.1';
const PLACEHOLDER = '{{COMMENTS_ORIGIN}}';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

const hashOf = (body) => createHash('sha1').update(body).digest('hex');

// Types worth compressing; images other than SVG are compressed already.
const COMPRESSIBLE = /^(text\/|application\/(wasm|json)|image\/svg)/;

// Compressed bodies by file, version and encoding (brotli at quality 11 takes a
// while: compress each version of a file once).
const compressed = new Map();

// The body in the best encoding the request accepts: [body, encoding or null].
// `key` names the file and its version. Compression runs off the event loop, so that
// a large file being compressed never holds up the page's other requests.
async function encode(req, type, body, key) {
  if (!COMPRESSIBLE.test(type) || body.length < 256) return [body, null];
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!encoding) return [body, null];
  const k = `${key}:${encoding}`;
  let out = compressed.get(k);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliAsync(body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gzipAsync(body, { level: 9 });
    if (compressed.size > 200) compressed.clear();
    compressed.set(k, out);
  }
  return [await out, encoding];
}

// /one-tag.html: the demo's post as a Blogger user publishes it with the README's tag
// (scripts/readme-tags.mjs), pasted into a gadget at the end of the body: nothing in
// <head>. The demo's own start-up (between its `demo-start` marks: its error box and
// start-up scripts) goes. The tag is an inline loader that imports the embed once the
// page has loaded and reported its first contentful paint: nothing of the widget is
// fetched before.
// /one-tag-src.html: the same with the README's shorter tag, the embed's own <script
// src>, which the browser fetches (not runs) while the page loads.
const ONE_TAG = '/one-tag.html';
const SRC_TAG = '/one-tag-src.html';
const TAGS = readmeTags('/pkg/embed.js');

function oneTagPage(html, tag) {
  const marks = /<!-- demo-start[\s\S]*?<!-- \/demo-start -->\n?/g;
  return html
    .replace(marks, '')
    .replace('</body>', `<!-- an HTML/JavaScript gadget -->\n${tag}\n</body>`);
}

// Resolves a URL path inside `dir`, or returns null when it would leave it.
function inside(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(dir, '.' + sep + decoded);
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

// mounts: [[urlPrefix, directory]], longest prefix first. pages: { [path]: () => html },
// pages made on request, answered before any mount.
function handler(mounts, rewriteHtml, oneTag = false, pages = {}) {
  return async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    // A body of `type`, compressed as the client accepts (cached under `key`).
    const reply = async (type, body, key) => {
      const [sent, encoding] = await encode(req, type, body, key);
      send(200, sent, {
        'content-type': type,
        'content-length': sent.length,
        ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // Comment systems serve their scripts to any page (crossorigin="anonymous").
        'access-control-allow-origin': '*',
        'timing-allow-origin': '*',
      });
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(req.url, `http://${HOST}`);
    if (Object.hasOwn(pages, pathname)) {
      try {
        const body = Buffer.from(pages[pathname]());
        await reply(MIME['.html'], body, `page:${pathname}:${hashOf(body)}`);
      } catch (err) {
        send(500, `internal error: ${err.message}\n`);
      }
      return;
    }
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) {
      send(404, 'not found\n');
      return;
    }
    const [prefix, dir] = mount;
    const tagPage = oneTag && (pathname === ONE_TAG || pathname === SRC_TAG);
    let file = inside(dir, (tagPage ? '/index.html' : pathname).slice(prefix.length));
    if (!file) {
      send(403, 'forbidden\n');
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      let body = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (tagPage) body = Buffer.from(oneTagPage(body.toString('utf8'), pathname === SRC_TAG ? TAGS.src : TAGS.loader));
      if (rewriteHtml && type.startsWith('text/html')) {
        body = Buffer.from(rewriteHtml(body.toString('utf8')));
      }
      await reply(type, body, `${file}:${info.mtimeMs}:${body.length}`);
    } catch (err) {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'EISDIR') {
        send(404, 'not found\n');
      } else {
        send(500, 'internal error\n');
      }
    }
  };
}

function listen(server, port) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolveListen(server.address().port);
    });
  });
}

function closeServer(server) {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

/**
 * Starts both servers. `port` and `commentsPort` may be 0 for a free port;
 * `commentsPort` defaults to `port + 1` (or a free port when `port` is 0).
 * Tests may add `mounts` ([[urlPrefix, directory]], served before www/) and serve
 * another stand-in comment system with `commentsDir`; `pages` ({ [path]: () => html })
 * answers those paths of the demo origin with HTML made on each request (the
 * benchmark's pages, served as the demo is, with no request interception).
 * Returns { url, commentsUrl, port, commentsPort, close() }.
 */
export async function start({ port = 8080, commentsPort, mounts = [], commentsDir, pages = {} } = {}) {
  const www = join(root, 'www');
  const pkg = join(root, 'pkg');
  commentsDir = resolve(commentsDir ?? join(www, 'comments-origin'));
  mounts = mounts.map(([prefix, dir]) => [prefix, resolve(dir)]);

  let commentsOrigin = '';
  const demo = createServer(
    handler(
      [
        ...mounts,
        ['/pkg/', pkg],
        ['/', www],
      ],
      (html) => html.split(PLACEHOLDER).join(commentsOrigin),
      true,
      pages,
    ),
  );
  const comments = createServer(handler([['/', commentsDir]], null));

  const demoPort = await listen(demo, port);
  const wantedCommentsPort = commentsPort ?? (port === 0 ? 0 : demoPort + 1);
  let boundCommentsPort;
  try {
    boundCommentsPort = await listen(comments, wantedCommentsPort);
  } catch (err) {
    await closeServer(demo);
    throw err;
  }
  commentsOrigin = `http://${HOST}:${boundCommentsPort}`;

  return {
    url: `http://${HOST}:${demoPort}/`,
    commentsUrl: `${commentsOrigin}/`,
    port: demoPort,
    commentsPort: boundCommentsPort,
    close: () => Promise.all([closeServer(demo), closeServer(comments)]).then(() => {}),
  };
}

function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return n;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const port = portFromEnv('PORT', 8080);
    const commentsPort = portFromEnv('COMMENTS_PORT', undefined);
    const server = await start({ port, commentsPort });
    console.log(`Demo: ${server.url}`);
    console.log(`Comments: ${server.commentsUrl}`);
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
}
