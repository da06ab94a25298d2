import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreContext } from '../../electron/core/app/context';
import { invoke } from '../../electron/core/invoke';
import { createSampleAt } from '../../electron/core/services/sample';
import { figure, median, type Figure } from './report';

const RUNS = 21;

async function timedCall(ctx: CoreContext, channel: string, payload: unknown): Promise<number> {
  const start = performance.now();
  const result = await invoke(ctx, channel as 'stats:report', payload as never);
  if (!result.ok) throw new Error(result.error.message);
  return performance.now() - start;
}

/**
 * `indicators.all`: every enabled indicator with every breakdown (area, work group, size band), as the dashboard
 * asks for them. The reference is the one hand-written aggregate a programmer would write for indicator 1 alone.
 */
export async function benchIndicators(size: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-indicators-'));
  const ctx = new CoreContext({ dataDir: join(dir, 'data') });
  try {
    const path = join(dir, 'indicators.yqyc');
    createSampleAt(ctx, path, { enterprises: size, seed: 5 });
    const raw = new Database(path, { readonly: true });
    const indicator1 = raw.prepare(
      `SELECT sum(org_setting <> 'none') AS covered, count(*) AS counted FROM enterprises
       WHERE operating_status NOT IN ('deregistered', 'moved-out') AND kind IN ('enterprise', 'individual')
         AND full_members + probationary_members >= 1`,
    );
    const all: number[] = [];
    const reference: number[] = [];
    const snapshot: number[] = [];
    // The first of each pays for reading the file into the page cache.
    await timedCall(ctx, 'stats:report', {});
    indicator1.get();
    for (let i = 0; i < RUNS; i++) {
      all.push(await timedCall(ctx, 'stats:report', {}));
      const start = performance.now();
      indicator1.get();
      reference.push(performance.now() - start);
    }
    for (let i = 0; i < 3; i++) {
      snapshot.push(await timedCall(ctx, 'snapshots:take', { takenOn: '2026-01-01', label: `基准${i}` }));
    }
    raw.close();
    return [
      figure({
        id: 'indicators.all',
        size,
        value: median(all),
        unit: 'ms',
        target: size >= 100_000 ? 50 : null,
        reference: median(reference),
        ratioTarget: null,
      }),
      figure({
        id: 'snapshots.take',
        size,
        value: median(snapshot),
        unit: 'ms',
        target: null,
        reference: null,
        ratioTarget: null,
      }),
    ];
  } finally {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
