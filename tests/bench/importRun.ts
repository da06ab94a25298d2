import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { parseArgs } from 'node:util';
import type { Enterprise } from '../../shared/domain/enterprise';
import { enterpriseInput } from '../../shared/domain/enterpriseInput';
import { enterprisesTable } from '../../electron/core/db/tables';
import { toDbValue, type ColumnSpec } from '../../electron/core/db/tableSpec';
import { BENCH_COLUMNS } from './importWorkbook';

/**
 * The reference side of the import benchmark, in its own process so its peak memory is its own: streams the
 * workbook with ExcelJS and inserts the same values with one prepared INSERT per row. Prints
 * {"ms": …, "peakMB": …, "rows": …}.
 */
const { values } = parseArgs({
  options: { mode: { type: 'string' }, file: { type: 'string' }, ledger: { type: 'string' }, data: { type: 'string' } },
});

async function raw(): Promise<number> {
  const rows: unknown[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(values.file!, {});
  for await (const sheet of reader)
    for await (const row of sheet) if (row.number > 1) rows.push((row.values as unknown[]).slice(1));

  const db = new Database(values.ledger!);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const areaIds = new Map(
    (db.prepare('SELECT id, name FROM areas').all() as { id: number; name: string }[]).map((a) => [a.name, a.id]),
  );
  const columns = enterprisesTable.columns as Record<string, ColumnSpec>;
  const fields = Object.keys(columns);
  // The same stored row as the product's: its search keys and size band included, computed by the same function.
  const derived = enterprisesTable.derived!;
  const names = [...fields.map((f) => columns[f]!.column), ...derived.columns];
  const insert = db.prepare(
    `INSERT INTO enterprises (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const r of rows) {
      const given = Object.fromEntries(BENCH_COLUMNS.map((c, i) => [c.field, r[i] ?? null]));
      const row: Record<string, unknown> = {
        ...EMPTY,
        ...given,
        areaId: areaIds.get(String(given.areaId)),
        createdAt: at,
        updatedAt: at,
      };
      insert.run([
        ...fields.map((f) => toDbValue(columns[f]!.kind, row[f])),
        ...derived.compute(row as unknown as Enterprise),
      ]);
    }
  })();
  db.close();
  return rows.length;
}

/** Every other field as a new enterprise has it: the input schema's own defaults. */
const EMPTY: Record<string, unknown> = {
  ...enterpriseInput.parse({ name: '-', areaId: 1 }),
  orgSetting: 'none',
  rosterKept: false,
};

const start = performance.now();
const rows = await raw();
const ms = Math.round(performance.now() - start);
const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ ms, peakMB, rows })}\n`);
