import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CoreContext } from '../../electron/core/app/context';
import { createSampleAt } from '../../electron/core/services/sample';
import { figure, type Figure } from './report';

interface ChildResult {
  rows: number;
  productMs: number;
  referenceMs: number;
  peakMB: number;
  highWaterMB: number | null;
}

/**
 * `export.ledger`: the 台账明细表 of `size` enterprises written by `exports:run` (styled, streamed, print-ready),
 * against ExcelJS's streaming writer putting down the same cell values with no styles (ratio target 1.3).
 * `export.peakMB`: the resident memory of the process doing that export at its highest, sampled while it runs
 * (target 400). The export runs in a child process of its own so that neither figure carries the making of the
 * sample.
 */
export async function benchExport(size: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-excel-'));
  try {
    const ledger = join(dir, 'export.yqyc');
    const ctx = new CoreContext({ dataDir: join(dir, 'data') });
    createSampleAt(ctx, ledger, { enterprises: size, seed: 5 });
    ctx.close();
    const child = fileURLToPath(new URL('./excelChild.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, ledger, dir], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      maxBuffer: 1024 * 1024,
      timeout: 30 * 60_000,
    });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
    if (r.rows !== size) throw new Error(`export.ledger wrote ${r.rows} rows of ${size}`);
    return [
      figure({
        id: 'export.ledger',
        size,
        value: Math.round(r.productMs),
        unit: 'ms',
        target: null,
        reference: Math.round(r.referenceMs),
        ratioTarget: 1.3,
      }),
      figure({
        id: 'export.peakMB',
        size,
        value: r.peakMB,
        unit: 'MB',
        target: 400,
        reference: null,
        ratioTarget: null,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
