import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreContext } from '../../electron/core/app/context';
import { migrate } from '../../electron/core/db/migrate';
import { openDatabase } from '../../electron/core/db/open';
import { enterprisesTable } from '../../electron/core/db/tables';
import { generateSample, type SampleLedger } from '../../electron/core/sample/generate';
import { createSampleAt } from '../../electron/core/services/sample';
import { figure, type Figure } from './report';

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: Math.round(performance.now() - start), value };
}

/**
 * The reference: the same rows inserted the plainest way — one prepared INSERT per table in one transaction,
 * no change log, no row mapping — into the same schema.
 */
function rawInsert(path: string, sample: SampleLedger): void {
  const setup = openDatabase(path, { create: true });
  migrate(setup);
  setup.close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insertArea = db.prepare('INSERT INTO areas (name, type, sort_order) VALUES (?, ?, ?)');
  // Every column the product writes, so both sides store the same rows.
  const columns = Object.values(enterprisesTable.columns).map((c) => c.column);
  const insertEnterprise = db.prepare(
    `INSERT INTO enterprises (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    const areaIds = sample.areas.map((a, i) => Number(insertArea.run(a.name, a.type, i).lastInsertRowid));
    for (const { areaIndex, workGroupIndex: _w, ...e } of sample.enterprises) {
      const row: Record<string, unknown> = {
        ...e,
        areaId: areaIds[areaIndex],
        workGroupId: null,
        createdAt: now,
        updatedAt: now,
      };
      insertEnterprise.run(
        Object.keys(enterprisesTable.columns).map((k) => {
          const v = row[k];
          return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
        }),
      );
    }
  })();
  db.close();
}

export function benchSample(size: number): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-'));
  try {
    const generated = time(() => generateSample({ enterprises: size, seed: 1 }));
    const raw = time(() => rawInsert(join(dir, 'raw.yqyc'), generated.value));
    const ctx = new CoreContext({ dataDir: join(dir, 'data') });
    const product = time(() => createSampleAt(ctx, join(dir, 'product.yqyc'), { enterprises: size, seed: 1 }));
    ctx.close();
    return [
      figure({
        id: 'sample.generate',
        size,
        value: generated.ms,
        unit: 'ms',
        target: null,
        reference: null,
        ratioTarget: null,
      }),
      // The product's figure includes generating the rows; the reference starts from rows already made.
      figure({
        id: 'sample.create',
        size,
        value: product.ms,
        unit: 'ms',
        target: null,
        reference: raw.ms + generated.ms,
        ratioTarget: 2,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
