import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreContext } from '../../electron/core/app/context';
import { countyReport } from '../../electron/core/county/merge';
import { closeTownships, openTownships } from '../../electron/core/county/townships';
import { invoke } from '../../electron/core/invoke';
import { generateSample } from '../../electron/core/sample/generate';
import { createLedgerAt, openLedgerAt } from '../../electron/core/services/ledgers';
import { fillSample } from '../../electron/core/services/sample';
import { figure, median, type Figure } from './report';

const TOWNSHIPS = 20;
const SIZE = 5_000;
const SEED = 7;
const RUNS = 3;
const TODAY = '2026-11-21';

/**
 * The 20 township ledgers, generated once into the temp folder and reused by later runs with the same seed and size
 * (generating them takes longer than everything measured here). Each is written under a temporary name and renamed
 * when whole, so an interrupted run leaves no half-made ledger to be reused.
 */
function townshipFiles(): string[] {
  const dir = join(tmpdir(), `yqyc-bench-county-${TOWNSHIPS}x${SIZE}-seed${SEED}`);
  mkdirSync(dir, { recursive: true });
  const ctx = new CoreContext({ dataDir: join(dir, 'data') });
  try {
    return Array.from({ length: TOWNSHIPS }, (_, i) => {
      const township = `第${String(i + 1).padStart(2, '0')}镇`;
      const path = join(dir, `${township}.yqyc`);
      if (existsSync(path)) return path;
      const making = join(dir, `${township}-生成中.yqyc`);
      for (const suffix of ['', '-wal', '-shm', '.open']) rmSync(making + suffix, { force: true });
      const sample = generateSample({ enterprises: SIZE, seed: SEED + i, today: TODAY });
      sample.settings = { ...sample.settings, township, committee: `中共${township}委员会` };
      createLedgerAt(ctx, making, sample.settings, '生成示例台账', (tx) => fillSample(tx, sample));
      ctx.setLedger(null);
      renameSync(making, path);
      return path;
    });
  } finally {
    ctx.close();
  }
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * `county.merge`: open 20 township ledgers of 5,000 enterprises read-only and compute the county's indicators,
 * 党内统计 form and duplicates. The reference is what a clerk would otherwise do: open each ledger alone and ask for
 * its statistics (stats:report), one after the other.
 */
export async function benchCounty(): Promise<Figure[]> {
  const paths = townshipFiles();
  const merge = () => {
    const ledgers = openTownships(paths);
    try {
      countyReport(ledgers, TODAY);
    } finally {
      closeTownships(ledgers);
    }
  };
  const dataDir = join(tmpdir(), `yqyc-bench-county-data-${process.pid}`);
  const oneByOne = async () => {
    const start = performance.now();
    for (const path of paths) {
      const ctx = new CoreContext({ dataDir });
      try {
        openLedgerAt(ctx, path, true);
        const result = await invoke(ctx, 'stats:report', {});
        if (!result.ok) throw new Error(result.error.message);
      } finally {
        ctx.close();
      }
    }
    return performance.now() - start;
  };
  try {
    // The first of each pays for reading the files into the page cache.
    merge();
    await oneByOne();
    const merged: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      merged.push(timed(merge));
      reference.push(await oneByOne());
    }
    return [
      figure({
        id: 'county.merge',
        size: TOWNSHIPS * SIZE,
        value: Math.round(median(merged)),
        unit: 'ms',
        target: 5_000,
        reference: Math.round(median(reference)),
        ratioTarget: null,
      }),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
