// Generated articles (src/core/textgen.rs: every script, emoji, combining marks, every
// quotation mark, nested inline markup, runs of lines, very long lines) through
// analyze(), mount() and destroy() under jsdom and happy-dom (check-generated.mjs).
// The articles are written by the ignored native test write_generated_html in
// tests/generated.rs, so this needs cargo as well as pkg/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CHECK = fileURLToPath(new URL('check-generated.mjs', import.meta.url));
const ARTICLES = 80;
const file = join(mkdtempSync(join(tmpdir(), 'aw-generated-')), 'articles.jsonl');

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: REPO, timeout: 300_000, maxBuffer: 16 << 20, env: { ...process.env, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? err.code ?? 1 : 0, stdout, stderr }));
  });
}

before(async () => {
  const r = await run('cargo', ['test', '-q', '--test', 'generated', '--', '--ignored', '--exact', 'write_generated_html'], {
    GENERATED_HTML: file,
    GENERATED_COUNT: String(ARTICLES),
    CARGO_BUILD_JOBS: process.env.CARGO_BUILD_JOBS ?? '1',
  });
  assert.equal(r.code, 0, `writing the generated articles failed:\n${r.stdout}${r.stderr}`);
});

for (const dom of ['jsdom', 'happy-dom']) {
  test(`${ARTICLES} generated articles under ${dom}: coded errors only, the exact page back`, async () => {
    const r = await run(process.execPath, [CHECK, dom, file]);
    assert.equal(r.code, 0, `${dom} failed:\n${r.stdout}${r.stderr}`);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop());
    assert.ok(seen.articles + seen.skippedTraps === ARTICLES);
    assert.ok(seen.mounted > ARTICLES / 2, `only ${seen.mounted} mounted`);
    console.log(`# ${dom}: ${JSON.stringify(seen)}`);
  });
}
