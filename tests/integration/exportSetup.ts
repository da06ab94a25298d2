import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll } from 'vitest';
import type { ReportId } from '../../shared/excel/kinds';
import type { ExportDone } from '../../shared/ipc/exports';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { valueOf } from './helpers';
import { noon, TODAY } from './statsSetup';

/**
 * One sample township per test file (made once: the tests only read it, apart from the export log they add to),
 * exported through `exports:run` as the screen calls it, and read back with SheetJS — a second library, not the
 * one that wrote the files.
 */
export function useExportLedger(enterprises = 300, seed = 11) {
  let dir = '';
  let core: CoreClient;
  let ledger = '';
  let n = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yqyc-export-'));
    core = inProcessCore({ dataDir: join(dir, 'data'), now: () => noon(TODAY), actor: '王文书' });
    ledger = join(dir, '长乐镇.yqyc');
    valueOf(
      await core.invoke('ledgers:createSample', { target: await core.grant(ledger, 'create'), enterprises, seed }),
    );
  }, 120_000);
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

  /** Writes a report to a file of its own and returns where, with what the handler answered. */
  async function exportReport(report: ReportId, options: Record<string, unknown> = {}) {
    const path = join(dir, `${report}-${++n}.xlsx`);
    const done = await call<ExportDone>('exports:run', {
      report,
      target: await core.grant(path, 'export'),
      ...options,
    });
    return { path, done };
  }

  /** A read-only look at the ledger file itself, for figures the test works out on its own. */
  function query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(ledger, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  return { core: () => core, dir: () => dir, ledger: () => ledger, call, exportReport, query };
}

export function readBook(path: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(path), { cellStyles: true, cellNF: true, cellFormula: true });
}

export function firstSheet(book: XLSX.WorkBook): XLSX.WorkSheet {
  return book.Sheets[book.SheetNames[0]!]!;
}

/** The sheet as rows of raw values (numbers stay numbers), blank cells null; row 1 is index 0. */
export function grid(sheet: XLSX.WorkSheet): (string | number | boolean | null)[][] {
  return XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, defval: null, blankrows: true });
}

export function cell(sheet: XLSX.WorkSheet, address: string): XLSX.CellObject | undefined {
  return sheet[address] as XLSX.CellObject | undefined;
}

export function merges(sheet: XLSX.WorkSheet): string[] {
  return (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
}

/** A part of the package as text (xl/workbook.xml, xl/worksheets/sheet1.xml), read straight from the zip. */
export function part(path: string, name: string): string {
  const zip = XLSX.CFB.read(readFileSync(path), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/${name}`);
  if (!entry) throw new Error(`${name} is not in ${path}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

export function partNames(path: string): string[] {
  const zip = XLSX.CFB.read(readFileSync(path), { type: 'buffer' });
  const paths: string[] = zip.FullPaths;
  return paths.filter((p) => !p.endsWith('/')).map((p) => p.replace(/^Root Entry\//, ''));
}

/** The body rows of a report: below the header, down to the first row whose first cell is empty or 合计. */
export function bodyRows(sheet: XLSX.WorkSheet, firstBodyRow: number): (string | number | boolean | null)[][] {
  const rows = grid(sheet).slice(firstBodyRow - 1);
  const end = rows.findIndex((r) => r[0] === null || r[0] === '合计' || String(r[0]).startsWith('填表人'));
  return end === -1 ? rows : rows.slice(0, end);
}

/** The 1-based sheet row whose first cell reads `text`. */
export function rowOf(sheet: XLSX.WorkSheet, text: string): number {
  const at = grid(sheet).findIndex((r) => r[0] === text);
  if (at === -1) throw new Error(`no row starts with ${text}`);
  return at + 1;
}

export const col = (n: number) => XLSX.utils.encode_col(n - 1);

/** The font colour and lock of a cell as styles.xml gives them (SheetJS does not read font colours). */
export function styleOf(path: string, address: string, sheetPart = 'xl/worksheets/sheet1.xml') {
  const sheet = part(path, sheetPart);
  const s = new RegExp(`<c r="${address}"(?: [^>]*?)? s="(\\d+)"`).exec(sheet)?.[1];
  const styles = part(path, 'xl/styles.xml');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  const xf = xfs[Number(s ?? 0)]!;
  const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1]!.match(/<font>[\s\S]*?<\/font>|<font\/>/g)!;
  const font = fonts[Number(/fontId="(\d+)"/.exec(xf)?.[1] ?? 0)]!;
  return {
    color: /<color rgb="([0-9A-F]+)"/.exec(font)?.[1] ?? null,
    locked: !/<protection locked="0"/.test(xf),
  };
}
