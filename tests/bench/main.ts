import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { met, printTable, writeJson, type Figure } from './report';
import { benchSample } from './sample';
import { benchIndicators } from './indicators';
import { benchSearch } from './search';
import { benchExport } from './excel';
import { benchImport } from './importBench';
import { benchPrint } from './print';
import { benchCounty } from './county';
import { benchUi } from './ui';
import { benchBundle } from './bundle';

/**
 * `npm run bench [-- --json FILE] [--sizes 10000,50000,100000]`: every benchmark, each figure beside its reference and
 * target. Timings are never asserted in tests (shared, noisy machines); they are shown here.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    sizes: { type: 'string' },
    'excel-size': { type: 'string' },
    /** `--print false` leaves the print figures out (they need a Chromium-family browser). */
    print: { type: 'string' },
    /** `--county false` leaves out county.merge (20 generated townships, made once into the temp folder). */
    county: { type: 'string' },
    /** `--ui false` leaves out the browser-shell figures (they need `npm run build:web` and Chromium). */
    ui: { type: 'string' },
    'ui-size': { type: 'string' },
    /** `--bundle false` leaves out the renderer's sizes (they need `npm run build:renderer`). */
    bundle: { type: 'string' },
  },
  strict: true,
});
// `--sizes 0` leaves out the core figures (sample, search, indicators).
const sizes = (values.sizes ?? '10000,50000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** Issue 7 sets the Excel figures at 50,000 enterprises; `--excel-size 0` leaves them out. */
const excelSize = Number(values['excel-size'] ?? 50_000);

// The products' daily and import backups land beside the bench's own files, never in this PC's real backup folder
// (whose rotation would also count them); every child process inherits it.
const benchBackups = mkdtempSync(join(tmpdir(), 'yqyc-bench-backups-'));
process.env.YIQIYICE_BACKUP_DIR ??= benchBackups;
process.on('exit', () => rmSync(benchBackups, { recursive: true, force: true }));

const figures: Figure[] = [];
for (const size of sizes) {
  figures.push(...benchSample(size));
  figures.push(...(await benchSearch(size)));
  figures.push(...(await benchIndicators(size)));
}

if (excelSize > 0) {
  figures.push(...(await benchImport(excelSize)));
  figures.push(...(await benchExport(excelSize)));
}

if (values.print !== 'false') figures.push(...(await benchPrint()));
if (values.county !== 'false') figures.push(...(await benchCounty()));
if (values.bundle !== 'false') figures.push(...benchBundle());
if (values.ui !== 'false') figures.push(...(await benchUi(Number(values['ui-size'] ?? 100_000))));

printTable(figures);
if (values.json) writeJson(values.json, figures);
const missed = figures.filter((f) => !met(f));
if (missed.length) console.log(`\n未达标：${missed.map((f) => `${f.id}@${f.size}`).join('、')}`);
