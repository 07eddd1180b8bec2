// A static file server on 127.0.0.1 for the package tests (not a test file itself).
//
// serve({ mounts: [[urlPrefix, directory]], pages: { '/path': () => html },
// redirects: { '/path': '/elsewhere' } }) serves each prefix from its directory (longest
// prefix first), each page from its function, and answers each redirect with a 302;
// resolves to { url, close() }. Port 0: a free port.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const HOST = '127.0.0.1';
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

function inside(dir, rest) {
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const file = resolve(dir, '.' + sep + decoded);
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

export function serve({ mounts = [], pages = {}, redirects = {} } = {}) {
  const sorted = mounts
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const { pathname } = new URL(req.url, `http://${HOST}`);
    if (Object.hasOwn(redirects, pathname)) {
      res.writeHead(302, { location: redirects[pathname], 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (Object.hasOwn(pages, pathname)) {
      send(200, pages[pathname](), MIME['.html']);
      return;
    }
    const mount = sorted.find(([prefix]) => pathname.startsWith(prefix));
    let file = mount && inside(mount[1], pathname.slice(mount[0].length));
    if (!file) {
      send(404, 'not found\n');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      resolveStart({
        url: `http://${HOST}:${port}`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
