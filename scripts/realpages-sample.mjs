// Copies the project's sample of ../shared/realpages/ into tests/fixtures/realpages/:
// every seventh page in order of id (26 of 181), chosen by position alone, and the
// ground truth of those pages. Run again when the shared pages change; says so and
// does nothing when they are not there.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const FROM = join(REPO, '../shared/realpages');
const TO = join(REPO, 'tests/fixtures/realpages');
const EVERY = 7;

if (!existsSync(FROM)) {
  console.log(`realpages-sample: ${FROM} is not there; nothing copied`);
  process.exit(0);
}
const truth = JSON.parse(readFileSync(join(FROM, 'ground-truth.json'), 'utf8'));
const ids = readdirSync(join(FROM, 'html')).map((f) => f.replace(/\.html\.gz$/, '')).filter((id) => truth[id]).sort();
const sample = ids.filter((_, i) => i % EVERY === 0);
mkdirSync(join(TO, 'html'), { recursive: true });
const picked = {};
for (const id of sample) {
  copyFileSync(join(FROM, 'html', `${id}.html.gz`), join(TO, 'html', `${id}.html.gz`));
  picked[id] = truth[id];
}
writeFileSync(join(TO, 'ground-truth.json'), `${JSON.stringify(picked, null, 1)}\n`);
copyFileSync(join(FROM, 'LICENSE'), join(TO, 'LICENSE'));
console.log(`realpages-sample: ${sample.length} of ${ids.length} pages in ${TO}`);
