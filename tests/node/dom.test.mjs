// The widget in Node under jsdom and happy-dom, set up as Vitest's environments do
// and as the setups that copy a window's globals do: analyze(), mount() and destroy()
// on a small article (tests/node/check-env.mjs), each in its own process so that the
// globals of one DOM never leak into the other. Needs pkg/ (make package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHECK = fileURLToPath(new URL('check-env.mjs', import.meta.url));

function run(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CHECK, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? err.code ?? 1 : 0, stdout, stderr });
    });
  });
}

for (const dom of ['jsdom', 'happy-dom']) {
  for (const [style, bare] of [['vitest'], ['global'], ['vitest', 'bare']]) {
    const what = bare ? `${style} globals, without the APIs a DOM may lack` : `${style} globals`;
    test(`analyze, mount and destroy under ${dom} (${what})`, async () => {
      const r = await run(dom, style, ...(bare ? [bare] : []));
      assert.equal(r.code, 0, `${dom}/${style} failed:\n${r.stdout}${r.stderr}`);
      const seen = JSON.parse(r.stdout.trim().split('\n').pop());
      assert.equal(seen.restored, true);
      assert.equal(seen.sections, 2);
      console.log(`# ${dom} (${what}): ${JSON.stringify(seen)}`);
    });
  }
}

// Regression: under Vitest's environments analyze() and mount() trapped
// ("RuntimeError: unreachable", jsdom and happy-dom alike): web_sys::window() checks
// `globalThis instanceof Window`, Node's globalThis is no Window, and the document was
// taken from it with expect(). The document now comes from the root's own.
test('regression: no trap when globalThis is not a Window (web_sys::window() finds none)', async () => {
  for (const dom of ['jsdom', 'happy-dom']) {
    const r = await run(dom, 'vitest');
    assert.doesNotMatch(r.stderr, /RuntimeError|unreachable/, `${dom} trapped:\n${r.stderr}`);
    assert.equal(r.code, 0, `${dom} failed:\n${r.stdout}${r.stderr}`);
  }
});
