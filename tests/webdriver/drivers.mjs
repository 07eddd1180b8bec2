// Starts a W3C WebDriver server for one engine and opens a session in it, with
// selenium-webdriver as the client (not a test file itself: node --test only runs
// *.test.mjs here).
//
//   firefox   geckodriver (GECKODRIVER or PATH), Firefox headless, the prefs of
//             webdriver.json (no update checks, no telemetry)
//   webkit    WebKitGTK's WebKitWebDriver (WEBKITWEBDRIVER or PATH) driving its
//             MiniBrowser (MINIBROWSER or /usr/lib/<triplet>/webkit2gtk-4.1/MiniBrowser)
//             on an Xvfb display of its own (xvfb.sh): MiniBrowser has no headless mode
//   chromium  chromedriver (CHROMEDRIVER or /usr/bin/chromedriver), headless; not
//             part of `make test` (Playwright drives Chromium there), kept so that the
//             same walk and screenshots can be compared with the third engine
//
// Each driver gets a free port on 127.0.0.1 and its own process group, so that
// stop() ends it and everything it started (Xvfb, the browser) and nothing else.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebDriver } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The engines `make test` walks; WEBDRIVER_ENGINES (comma-separated) overrides. */
export function enginesFromEnv(fallback = ['firefox', 'webkit']) {
  const raw = process.env.WEBDRIVER_ENGINES;
  if (!raw) return fallback;
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of list) {
    if (!ENGINES[e]) throw new Error(`unknown engine "${e}" in WEBDRIVER_ENGINES; known: ${Object.keys(ENGINES).join(', ')}`);
  }
  return list;
}

function onPath(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/** WebKitGTK installs MiniBrowser outside PATH, under the multiarch library folder. */
export function miniBrowserPath() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    let entries = [];
    try {
      entries = readdirSync(lib);
    } catch {
      continue;
    }
    for (const dir of ['', ...entries.map((e) => `${e}/`)]) {
      const candidate = `${lib}/${dir}webkit2gtk-4.1/MiniBrowser`;
      if (existsSync(candidate)) return candidate;
    }
  }
  return '';
}

function firefoxPrefs() {
  try {
    const json = JSON.parse(readFileSync(`${REPO}webdriver.json`, 'utf8'));
    return json['moz:firefoxOptions']?.prefs ?? {};
  } catch {
    return {};
  }
}

const ENGINES = {
  firefox: {
    label: 'Firefox',
    command(port) {
      const bin = process.env.GECKODRIVER || onPath('geckodriver');
      if (!bin) throw new Error('geckodriver not found: run scripts/ensure-tools.sh or set GECKODRIVER');
      return [bin, ['--host', '127.0.0.1', `--port=${port}`]];
    },
    capabilities() {
      const binary = onPath('firefox-esr') || onPath('firefox');
      return {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          ...(binary ? { binary } : {}),
          args: ['-headless'],
          prefs: firefoxPrefs(),
        },
      };
    },
  },
  webkit: {
    label: 'WebKit',
    command(port) {
      const bin = process.env.WEBKITWEBDRIVER || onPath('WebKitWebDriver');
      if (!bin) throw new Error('WebKitWebDriver not found: run scripts/ensure-tools.sh (webkit2gtk-driver) or set WEBKITWEBDRIVER');
      if (!onPath('Xvfb')) throw new Error('Xvfb not found: run scripts/ensure-tools.sh (xvfb)');
      return [`${REPO}tests/webdriver/xvfb.sh`, [bin, '--host=127.0.0.1', `--port=${port}`]];
    },
    capabilities() {
      const binary = miniBrowserPath();
      if (!binary) throw new Error('MiniBrowser not found: install webkit2gtk-driver or set MINIBROWSER');
      return { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } };
    },
  },
  chromium: {
    label: 'Chromium',
    command(port) {
      const bin = process.env.CHROMEDRIVER || '/usr/bin/chromedriver';
      return [bin, ['--allowed-ips=127.0.0.1', `--port=${port}`]];
    },
    capabilities() {
      return {
        browserName: 'chrome',
        'goog:chromeOptions': {
          binary: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            'headless=new',
            'no-sandbox',
            'disable-dev-shm-usage',
            'disable-gpu',
            'disable-background-networking',
            'disable-component-update',
            'disable-sync',
            'no-first-run',
            'disable-quic',
          ],
        },
      };
    },
  },
};

export function engineLabel(engine) {
  return ENGINES[engine].label;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the driver exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) {
        const body = await res.json();
        if (body?.value?.ready !== false) return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the driver did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Starts the driver of `engine` and a session in it; with `proxy` ("127.0.0.1:port"),
 * the browser sends every request for another host there. Returns { driver, engine,
 * label, browserName, browserVersion, log(), stop() }; stop() ends the session and the
 * driver's whole process group.
 *
 * A browser that never comes up leaves its driver waiting for it without end (WebKitGTK,
 * about one start in fifteen on this loaded machine: WebKitWebDriver up, no MiniBrowser,
 * the new session unanswered, once for 14 minutes), so each try has `timeoutMs` (a
 * start takes 1.3 to 2.8 s) and up to `tries` are made.
 */
export async function openSession(engine, { timeoutMs = 30_000, proxy, tries = 3 } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine "${engine}"`);
  let last;
  for (let i = 1; i <= tries; i += 1) {
    try {
      return await tryOpenSession(engine, spec, timeoutMs, proxy);
    } catch (err) {
      last = err;
      if (i < tries) console.log(`${err.message}\ntrying again`);
    }
  }
  throw last;
}

function timeout(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

async function tryOpenSession(engine, spec, timeoutMs, proxy) {
  const port = await freePort();
  const [bin, args] = spec.command(port);
  const output = [];
  // detached: its own process group, ended as a whole by stop().
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((r) => child.once('exit', r));
  const killGroup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
    }
  };
  let driver;
  const limit = timeout(timeoutMs, 'starting the browser');
  try {
    await Promise.race([waitReady(url, child, timeoutMs), spawnError, limit.promise]);
    const caps = spec.capabilities();
    if (proxy) {
      // Every request not for the loopback address goes to `proxy` (host:port).
      caps.proxy = { proxyType: 'manual', httpProxy: proxy, sslProxy: proxy, noProxy: ['127.0.0.1', 'localhost'] };
    }
    driver = WebDriver.createSession(new Executor(new HttpClient(url)), caps);
    await Promise.race([driver.getSession(), limit.promise]);
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
  } catch (err) {
    // What was running in the driver's group when it gave up, for the log.
    const ps = spawnSync('ps', ['-o', 'pid,stat,etime,args', '-g', String(child.pid)], { encoding: 'utf8' }).stdout ?? '';
    await killGroup();
    throw new Error(`${spec.label}: could not start a WebDriver session: ${err.message}\n${ps}${output.join('').slice(-2000)}`);
  } finally {
    limit.clear();
  }
  const got = await driver.getCapabilities();
  return {
    driver,
    engine,
    label: spec.label,
    browserName: got.get('browserName'),
    browserVersion: got.get('browserVersion'),
    log: () => output.join(''),
    async stop() {
      try {
        await driver.quit();
      } catch {
        // The browser may be gone already; the driver is ended below either way.
      }
      await killGroup();
    },
  };
}

/**
 * Sets the viewport (the page's innerWidth x innerHeight) to width x height: WebDriver
 * sizes the outer window, whose frame and toolbar differ by engine, so measure and
 * correct. Returns the viewport reached, which may be larger where the window has a
 * minimum width.
 */
export async function setViewport(driver, width, height) {
  const win = driver.manage().window();
  const read = () => driver.executeScript('return { w: window.innerWidth, h: window.innerHeight };');
  // A window manager may apply a resize after setRect has answered (seen with WebKitGTK
  // under Xvfb): wait up to a second for the page to see a new size before adjusting.
  const settled = async (before) => {
    let inner = await read();
    for (let t = 0; t < 20 && inner.w === before.w && inner.h === before.h; t += 1) {
      await new Promise((r) => setTimeout(r, 50));
      inner = await read();
    }
    return inner;
  };
  let inner = await read();
  await win.setRect({ width, height });
  inner = await settled(inner);
  for (let i = 0; i < 5 && (inner.w !== width || inner.h !== height); i += 1) {
    const rect = await win.getRect();
    await win.setRect({ width: rect.width + (width - inner.w), height: rect.height + (height - inner.h) });
    inner = await settled(inner);
  }
  return read();
}
