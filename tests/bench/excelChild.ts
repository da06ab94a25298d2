import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CoreContext } from '../../electron/core/app/context';
import { openLedgerSession } from '../../electron/core/ledger/session';
import { invoke } from '../../electron/core/invoke';
import { ledgerIds, ledgerRecords } from '../../electron/core/reports/ledger';
import { ledgerCells } from '../../electron/core/reports/ledgerColumns';

/**
 * The export measured in a process of its own, so its memory is the export's and not what made the sample:
 * `node --import tsx tests/bench/excelChild.ts LEDGER DIR` prints one JSON line. The product is `exports:run` of the
 * 台账明细表 as the screen calls it; the reference writes the very same cell values with ExcelJS's streaming writer
 * and nothing else — no styles, no header, no layout, the values already in memory.
 */
const [ledger, dir] = process.argv.slice(2) as [string, string];

function residentMB(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** The kernel's own high-water mark of resident memory, to check the sampling against. */
function highWaterMB(): number | null {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
}

const ctx = new CoreContext({ dataDir: join(dir, 'data') });
const session = openLedgerSession(ledger);
ctx.setLedger(session);
// Warm the page cache the way a second export would find it, for both sides alike.
session.db.prepare('SELECT count(*), sum(length(name)), sum(length(address)) FROM enterprises').get();

const ids = ledgerIds(session.db, { areaId: null, workGroupId: null, text: '', name: null });

/** The product: the whole 台账明细表 through the handler, as the screen asks for it. */
async function product(n: number): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const result = await invoke(ctx, 'exports:run', {
    report: 'ledger',
    unmask: true,
    target: ctx.files.grant(join(dir, `product-${n}.xlsx`), 'export'),
  });
  if (!result.ok) throw new Error(result.error.message);
  return { ms: performance.now() - started, rows: (result.value as { rows: number }).rows };
}

/** The reference: the same cells, made beforehand (not timed), written the plainest way. */
async function reference(n: number): Promise<number> {
  const cells = ledgerRecords(session.db, ids).map((e, i) => ledgerCells(e, i + 1, true));
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(dir, `reference-${n}.xlsx`),
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('reference');
  for (const row of cells) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return performance.now() - started;
}

// The first product run is the one whose memory is watched: nothing else has run in this process yet.
let peak = residentMB();
const sampler = setInterval(() => (peak = Math.max(peak, residentMB())), 10);
const first = await product(0);
clearInterval(sampler);
peak = Math.max(peak, residentMB());
const hwm = highWaterMB();
// Timings alternate so that neither side gets all the warm caches: the median of three each.
const products = [first.ms];
const references: number[] = [];
for (let n = 1; n <= 3; n++) {
  references.push(await reference(n));
  if (n < 3) products.push((await product(n)).ms);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = first.rows;
const productMs = median(products);
const referenceMs = median(references);
ctx.close();

process.stdout.write(`${JSON.stringify({ rows, productMs, referenceMs, peakMB: peak, highWaterMB: hwm })}\n`);
