import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportFormat } from '../../../../shared/excel/kinds';
import { AppError } from '../../errors';
import { UNWATCHED, type JobHandle } from '../../jobs/registry';
import { parseDelimited } from './csv';
import { FORMAT_NAMES, openSpreadsheet } from './detect';
import { legacyRows, parseLegacy, type LegacySource } from './legacy';
import { badFile, xlsxProblem } from './problems';
import { checkTime, gateRows } from './rowGate';
import {
  DEFAULT_LIMITS,
  HEAD_ROWS,
  type ReadLimits,
  type SheetHead,
  type SheetRow,
  type SpreadsheetInfo,
} from './types';
import { openXlsx, type XlsxBook } from './xlsxBook';
import { streamXlsxSheets, type ChunkGuard } from './xlsxStream';
import { measureEntry, TagGapWatch } from './zip';

export { DEFAULT_LIMITS, HEAD_ROWS };
export type { CellValue, ReadLimits, SheetHead, SheetRow, SpreadsheetInfo } from './types';

/** Rows SheetJS parses per sheet for a first look at a legacy file: enough for any head, fast on a big sheet. */
const LEGACY_HEAD_ROWS = 2_000;
/** A CSV is one sheet; it is called what the clerk's file is called. */
const csvSheetName = (path: string) => basename(path).replace(/\.[^.]*$/, '') || 'CSV';

/** What a file turned out to be, opened for reading. */
type Source =
  | { kind: 'stream'; format: 'xlsx'; fh: FileHandle; book: XlsxBook }
  | { kind: 'text'; format: 'csv'; text: string }
  | { kind: 'legacy'; format: ImportFormat; source: LegacySource };

async function resolve(path: string, limits: ReadLimits): Promise<Source> {
  const opened = await openSpreadsheet(path, limits);
  if (opened.kind === 'text') return opened;
  if (opened.kind !== 'zip') return { kind: 'legacy', format: opened.format, source: opened };
  let handedOver = false;
  try {
    const book = await openXlsx(path, opened.fh, opened.size, limits);
    if (book.sheets.every((s) => s.streamable)) {
      handedOver = true;
      return { kind: 'stream', format: 'xlsx', fh: opened.fh, book };
    }
    // Cells without their A1 position (allowed, rarely written) defeat ExcelJS; SheetJS reads them, whole — so
    // only a small file, and only once every sheet has been inflated and counted.
    if (opened.size > limits.maxLegacyFileBytes) throw badFile.unsupported('工作表中的单元格没有记录位置，且文件较大');
    let total = 0;
    for (const s of book.sheets) total += await measureEntry(path, opened.fh, s.entry, limits.maxUnzippedBytes - total);
    return { kind: 'legacy', format: 'xlsx', source: { kind: 'binary', bytes: await opened.fh.readFile() } };
  } finally {
    if (!handedOver) await opened.fh.close();
  }
}

/**
 * The sheets of a spreadsheet and each one's first rows with content, for choosing the sheet and the header rows.
 * Throws only AppError: BAD_FILE with the clerk's message for anything unreadable.
 */
export async function inspectSpreadsheet(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<SpreadsheetInfo> {
  return guardErrors(async () => {
    const src = await resolve(path, limits);
    const sheets: SheetHead[] = [];
    if (src.kind === 'stream') {
      try {
        const guard = chunkGuard(limits, UNWATCHED);
        for await (const s of streamXlsxSheets(path, src.fh, src.book, src.book.sheets, guard)) {
          guard.startSheet(s.sheet.name);
          const gate = { sheet: s.sheet.name, limits, job: UNWATCHED, take: HEAD_ROWS, deadline: guard.deadline };
          sheets.push(head(s.sheet.name, await collect(gateRows(s.rows, gate)), s.sheet.hidden));
        }
      } finally {
        await src.fh.close();
      }
    } else if (src.kind === 'text') {
      const name = csvSheetName(path);
      const rows = await collect(gateRows(parseDelimited(src.text), gateFor(name, limits, UNWATCHED, HEAD_ROWS)));
      sheets.push(head(name, rows, false));
    } else {
      const book = await parseLegacy(src.source, FORMAT_NAMES[src.format], { rows: LEGACY_HEAD_ROWS });
      for (const name of book.names) {
        const rows = await collect(gateRows(legacyRows(book, name), gateFor(name, limits, UNWATCHED, HEAD_ROWS)));
        sheets.push(head(name, rows, book.hidden.has(name)));
      }
    }
    return { format: src.format, fileName: basename(path), sheets };
  });
}

/**
 * Every row with content of one sheet, in order, numbered as the sheet numbers them (CSV: the line number).
 * Reports progress on `job` and answers its cancel every few hundred rows; stops at the end of the data.
 */
export async function* readSheetRows(
  path: string,
  sheetName: string,
  options: { limits?: ReadLimits; job?: JobHandle } = {},
): AsyncGenerator<SheetRow, void, undefined> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const job = options.job ?? UNWATCHED;
  const src = await guardErrors(() => resolve(path, limits));
  try {
    job.checkpoint();
    if (src.kind === 'stream') {
      const sheet = src.book.sheets.find((s) => s.name === sheetName);
      if (!sheet) throw badFile.noSheet(sheetName);
      const guard = chunkGuard(limits, job);
      guard.startSheet(sheet.name);
      for await (const s of streamXlsxSheets(path, src.fh, src.book, [sheet], guard)) {
        yield* gateRows(s.rows, { sheet: sheet.name, limits, job, deadline: guard.deadline });
      }
    } else if (src.kind === 'text') {
      if (sheetName !== csvSheetName(path)) throw badFile.noSheet(sheetName);
      yield* gateRows(parseDelimited(src.text), gateFor(sheetName, limits, job));
    } else {
      const book = await parseLegacy(src.source, FORMAT_NAMES[src.format], { sheet: sheetName });
      if (!book.sheets.has(sheetName)) throw badFile.noSheet(sheetName);
      yield* gateRows(legacyRows(book, sheetName), gateFor(sheetName, limits, job));
    }
  } catch (err) {
    throw asAppError(err);
  } finally {
    if (src.kind === 'stream') await src.fh.close().catch(() => {});
  }
}

function head(name: string, rows: SheetRow[], hidden: boolean): SheetHead {
  return hidden ? { name, rows, hidden } : { name, rows };
}

function gateFor(sheet: string, limits: ReadLimits, job: JobHandle, take?: number) {
  const deadline = Date.now() + limits.maxMillis;
  return take === undefined ? { sheet, limits, job, deadline } : { sheet, limits, job, deadline, take };
}

/** Counts every inflated byte of every sheet read, and watches the current sheet's clock and the cancel flag. */
function chunkGuard(
  limits: ReadLimits,
  job: JobHandle,
): ChunkGuard & { startSheet(name: string): void; deadline: number } {
  let bytes = 0;
  let sheet = '';
  let gaps = new TagGapWatch();
  const guard = {
    deadline: Date.now() + limits.maxMillis,
    startSheet(name: string) {
      sheet = name;
      gaps = new TagGapWatch();
      guard.deadline = Date.now() + limits.maxMillis;
    },
    onChunk(chunk: Buffer) {
      gaps.check(chunk);
      bytes += chunk.length;
      if (bytes > limits.maxUnzippedBytes) throw badFile.zipBomb();
      guard.checkTime();
      job.checkpoint();
    },
    checkTime() {
      checkTime({ deadline: guard.deadline, sheet, limits });
    },
  };
  return guard;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function guardErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw asAppError(err);
  }
}

/** Nothing but AppError leaves the readers: a library's exception becomes the clerk's "file is damaged". */
function asAppError(err: unknown): AppError {
  return err instanceof AppError ? err : xlsxProblem(err);
}
