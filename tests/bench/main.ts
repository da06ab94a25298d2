import { parseArgs } from 'node:util';
import { met, printTable, writeJson, type Figure } from './report';
import { benchSample } from './sample';
import { benchIndicators } from './indicators';
import { benchSearch } from './search';

/**
 * `npm run bench [-- --json FILE] [--sizes 10000,100000]`: every benchmark, each figure beside its reference and
 * target. Timings are never asserted in tests (shared, noisy machines); they are shown here.
 */
const { values } = parseArgs({ options: { json: { type: 'string' }, sizes: { type: 'string' } }, strict: true });
const sizes = (values.sizes ?? '10000,100000').split(',').map(Number);

const figures: Figure[] = [];
for (const size of sizes) {
  figures.push(...benchSample(size));
  figures.push(...(await benchSearch(size)));
  figures.push(...(await benchIndicators(size)));
}

printTable(figures);
if (values.json) writeJson(values.json, figures);
const missed = figures.filter((f) => !met(f));
if (missed.length) console.log(`\n未达标：${missed.map((f) => `${f.id}@${f.size}`).join('、')}`);
