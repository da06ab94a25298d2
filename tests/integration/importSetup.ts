import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { beforeEach, expect } from 'vitest';
import type { EnterpriseDetail } from '../../shared/domain/enterprise';
import type { ImportKind } from '../../shared/excel/kinds';
import type {
  ColumnMapping,
  HeaderRows,
  ImportLayout,
  ImportOpened,
  ImportPreview,
  ImportReport,
} from '../../shared/ipc/imports';
import type { RecentLedger } from '../../shared/ipc/ledgers';
import type { AppErrorShape } from '../../shared/ipc/result';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

type Cell = string | number | Date | boolean | null;

export interface ImportOptions {
  kind?: ImportKind;
  sheet?: string;
  header?: HeaderRows;
  /** By header text; the guessed (or saved) mapping when left out. */
  columns?: Record<string, string>;
  onMatch?: 'skip' | 'update';
  addAreas?: string[];
  overrides?: { row: number; field: string; value: string }[];
  mergeDuplicates?: boolean;
}

/**
 * A fresh ledger per test (长乐镇, with the village 长安村) driven through `invoke` as the import screen drives it:
 * a file written into the test's folder is granted, opened, its columns read, previewed and committed.
 */
export function useImportLedger() {
  const tmp = useTempDir('yiqiyice-import-');
  let core: CoreClient;
  let areaId = 0;

  beforeEach(async () => {
    core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW, actor: '王文书' });
    tmp.onCleanup(() => core.close());
    valueOf(
      await core.invoke('ledgers:create', {
        settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      }),
    );
    areaId = valueOf<{ id: number }>(await core.invoke('areas:save', { name: '长安村', type: 'village' })).id;
  });

  const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

  async function errorOf(channel: string, payload: unknown = {}): Promise<AppErrorShape> {
    const result = await core.invoke(channel, payload);
    expect(result.ok, `${channel} should fail`).toBe(false);
    if (result.ok) throw new Error('unreachable');
    return result.error as AppErrorShape;
  }

  /** A CSV as a clerk's program saves it (UTF-8 with a BOM), one array per line. */
  function csv(name: string, lines: Cell[][]): string {
    const path = join(tmp.dir(), name);
    const quote = (v: Cell) => {
      const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    writeFileSync(path, `\ufeff${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`);
    return path;
  }

  /** An .xlsx with the rows from row 1 (null leaves a cell empty), written by ExcelJS. */
  async function xlsx(name: string, rows: Cell[][], more?: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const path = join(tmp.dir(), name);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
    more?.(wb);
    await wb.xlsx.writeFile(path);
    return path;
  }

  async function open(path: string): Promise<ImportOpened> {
    return call<ImportOpened>('imports:open', { fileRef: await core.grant(path, 'import') });
  }

  /** The plan request for a file: sheet, header rows and mapping as the screen would send them. */
  async function plan(path: string, o: ImportOptions = {}) {
    const opened = await open(path);
    const sheet = opened.sheets.find((s) => s.name === (o.sheet ?? opened.sheets[0]!.name))!;
    const header = o.header ?? sheet.guessedHeader!;
    const kind = o.kind ?? 'enterprises';
    const layout = await call<ImportLayout>('imports:columns', {
      sessionId: opened.sessionId,
      kind,
      sheet: sheet.name,
      header,
    });
    const mapping: ColumnMapping[] = o.columns
      ? Object.entries(o.columns).map(([h, field]) => {
          const column = layout.columns.find((c) => c.header === h);
          if (!column) throw new Error(`no column “${h}” in ${layout.columns.map((c) => c.header).join('|')}`);
          return { column: column.index, field };
        })
      : layout.mapping;
    const request = {
      sessionId: opened.sessionId,
      kind,
      sheet: sheet.name,
      header,
      mapping,
      onMatch: o.onMatch ?? 'skip',
      addAreas: o.addAreas ?? [],
      overrides: o.overrides ?? [],
      mergeDuplicates: o.mergeDuplicates ?? false,
    };
    return { opened, layout, request };
  }

  async function preview(path: string, o: ImportOptions = {}): Promise<ImportPreview> {
    const { request } = await plan(path, o);
    return call<ImportPreview>('imports:preview', request);
  }

  async function commit(path: string, o: ImportOptions = {}): Promise<ImportReport> {
    const { request } = await plan(path, o);
    return call<ImportReport>('imports:commit', request);
  }

  /** Every enterprise, by name, as the detail screen shows it. */
  /** Each enterprise as its form gets it, but with the stored 联系电话 (every answer of the core masks it). */
  async function enterprises(): Promise<Map<string, EnterpriseDetail>> {
    const page = await call<{ rows: { id: number }[] }>('enterprises:list', { limit: 500 });
    const phones = await readFile(
      (db) => new Map(db.prepare('SELECT id, contact_phone FROM enterprises').raw().all() as [number, string][]),
    );
    const out = new Map<string, EnterpriseDetail>();
    for (const r of page.rows) {
      const d = await call<EnterpriseDetail>('enterprises:get', { id: r.id });
      out.set(d.name, { ...d, contactPhone: phones.get(d.id) ?? '' });
    }
    return out;
  }

  /** A second, read-only connection to the open ledger's file: what is really stored. */
  async function readFile<T>(read: (db: Database.Database) => T): Promise<T> {
    const [recent] = await call<RecentLedger[]>('ledgers:listRecent');
    const db = new Database(join(recent!.folder, recent!.fileName), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  return {
    call,
    errorOf,
    csv,
    xlsx,
    open,
    plan,
    preview,
    commit,
    enterprises,
    readFile,
    core: () => core,
    dir: () => tmp.dir(),
    areaId: () => areaId,
  };
}
