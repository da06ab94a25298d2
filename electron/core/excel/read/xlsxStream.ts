import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../lazyLibs';
import { badFile, xlsxProblem } from './problems';
import type { CellValue, SheetRow } from './types';
import type { XlsxBook, XlsxSheet } from './xlsxBook';
import { PrefixStripper } from './prefix';
import { dataStart } from './zip';
import type { ZipEntry } from './zip';

/**
 * Streams worksheets of an .xlsx through ExcelJS's streaming reader — never the whole workbook in memory.
 *
 * The reader is not handed the file itself but a zip stream assembled from it: fresh local headers (sizes from the
 * central directory, so no part is found by scanning for a data-descriptor signature) and the parts in the order
 * the reader needs — relationships, workbook, shared strings, styles, then only the wanted sheets, renamed
 * xl/worksheets/sheetN.xml. With the shared strings ahead of the sheets, ExcelJS never parks a sheet in a temp file,
 * and a sheet the clerk did not pick is never inflated.
 *
 * Each sheet's inflated bytes pass through a guard (the reader's `iterator`, replaced before the sheet is read):
 * it counts real bytes against the unzipped limit, watches the deadline and the cancel flag even while the XML
 * yields no rows (a sheet of nothing but whitespace), and can drain the rest of a sheet unparsed.
 */
export interface ChunkGuard {
  /** Called for every inflated chunk of a sheet; throws to stop the read. */
  onChunk(chunk: Buffer): void;
  /** Throws once the current sheet is out of time; also called while nothing arrives at all. */
  checkTime(): void;
}

export interface StreamedSheet {
  sheet: XlsxSheet;
  /** Ending this early (return) skips the rest of the sheet unparsed when more sheets follow. */
  rows: AsyncGenerator<SheetRow, void, undefined>;
}

interface Part {
  name: string;
  literal?: Buffer;
  entry?: ZipEntry;
}

export async function* streamXlsxSheets(
  path: string,
  fh: FileHandle,
  book: XlsxBook,
  wanted: XlsxSheet[],
  guard: ChunkGuard,
): AsyncGenerator<StreamedSheet, void, undefined> {
  // Loaded before the source is opened and its watchdog started: the first load takes a noticeable moment.
  const excel = await loadExcelJS();
  const date1904 = book.date1904 ? ' date1904="1"' : '';
  const parts: Part[] = [
    { name: 'xl/_rels/workbook.xml.rels', literal: Buffer.from(EMPTY_RELS) },
    { name: 'xl/workbook.xml', literal: Buffer.from(`<workbook${NS}><workbookPr${date1904}/><sheets/></workbook>`) },
    book.sharedStrings
      ? { name: 'xl/sharedStrings.xml', ...book.sharedStrings }
      : { name: 'xl/sharedStrings.xml', literal: Buffer.from(`<sst${NS}/>`) },
    ...(book.styles ? [{ name: 'xl/styles.xml', ...book.styles }] : []),
    ...wanted.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, entry: s.entry })),
  ];
  // ExcelJS attaches its error listener to a zip entry only when it starts reading it; an entry that fails before
  // that (a damaged deflate stream) would leave it waiting forever. Every wait on its internals is therefore raced
  // against this wire, tripped by the zip's own error event, a failed file read, or the sheet's clock.
  const wire = new Tripwire();
  const source = Readable.from(
    assemble(path, fh, parts, (err) => wire.trip(err)),
    { objectMode: false },
  );
  source.on('error', (err) => wire.trip(err));
  const pipe = source.pipe.bind(source);
  source.pipe = ((destination: NodeJS.WritableStream, options?: { end?: boolean }) => {
    destination.on('error', (err: unknown) => wire.trip(err));
    return pipe(destination, options);
  }) as typeof source.pipe;
  const watchdog = setInterval(() => {
    try {
      guard.checkTime();
    } catch (err) {
      wire.trip(err);
      clearInterval(watchdog);
    }
  }, WATCHDOG_MILLIS);
  watchdog.unref();

  let skipping = false;
  const reader = new excel.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const next = async <T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> => {
    try {
      return await wire.wait(it.next());
    } catch (err) {
      throw xlsxProblem(wire.error ?? err);
    }
  };
  try {
    for (const [index, sheet] of wanted.entries()) {
      const emitted = await next(sheets);
      if (emitted.done) throw badFile.corrupt(`工作表「${sheet.name}」的内容缺失`);
      const ws = emitted.value as unknown as { iterator: AsyncIterable<Buffer> } & AsyncIterable<ExcelJS.Row>;
      skipping = false;
      ws.iterator = guarded(ws.iterator, guard, wire, sheet.prefix, () => skipping);
      const rows = ws[Symbol.asyncIterator]();
      let finished = false;
      yield {
        sheet,
        rows: (async function* () {
          for (;;) {
            const r = await next(rows);
            if (r.done) break;
            yield rowOf(r.value, book.date1904);
          }
          finished = true;
        })(),
      };
      if (index === wanted.length - 1) return;
      // Left early (or never read) with sheets still to come: the zip must be read past this sheet, so drain it
      // through the guard, unparsed; leaving it to ExcelJS would inflate it unwatched.
      if (!finished) {
        skipping = true;
        while (!(await next(rows)).done);
      }
    }
  } finally {
    clearInterval(watchdog);
    source.destroy();
    sheets.return?.(undefined).catch(() => {});
  }
}

const WATCHDOG_MILLIS = 250;
const NS = ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const EMPTY_RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

async function* guarded(
  inner: AsyncIterable<Buffer>,
  guard: ChunkGuard,
  wire: Tripwire,
  prefix: string | null,
  skipping: () => boolean,
): AsyncGenerator<Buffer, void, undefined> {
  const chunks = inner[Symbol.asyncIterator]();
  const stripper = prefix ? new PrefixStripper(prefix) : null;
  for (;;) {
    const r = await wire.wait(chunks.next());
    if (r.done) break;
    guard.onChunk(r.value);
    if (!skipping()) yield stripper ? stripper.push(r.value) : r.value;
  }
  if (stripper && !skipping()) yield stripper.end();
}

/** Races waits against the first failure anywhere; one rejecter per pending wait, none kept after it settles. */
class Tripwire {
  error: unknown = null;
  private readonly waiting = new Set<(err: unknown) => void>();

  trip(err: unknown): void {
    if (this.error !== null) return;
    this.error = err ?? new Error('aborted');
    for (const reject of this.waiting) reject(this.error);
    this.waiting.clear();
  }

  wait<T>(p: Promise<T>): Promise<T> {
    if (this.error !== null) {
      p.catch(() => {});
      return Promise.reject(this.error);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      p.then(
        (v) => {
          this.waiting.delete(reject);
          resolve(v);
        },
        (e: unknown) => {
          this.waiting.delete(reject);
          reject(e);
        },
      );
    });
  }
}

/** The zip stream ExcelJS reads; a read error ends it early (ExcelJS then fails on the short zip) and is kept. */
async function* assemble(path: string, fh: FileHandle, parts: Part[], onError: (err: unknown) => void) {
  try {
    for (const part of parts) {
      const name = Buffer.from(part.name, 'utf8');
      const header = Buffer.alloc(30 + name.length);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(0x800, 6);
      header.writeUInt16LE(name.length, 26);
      name.copy(header, 30);
      if (part.literal) {
        header.writeUInt32LE(crc32(part.literal), 14);
        header.writeUInt32LE(part.literal.length, 18);
        header.writeUInt32LE(part.literal.length, 22);
        yield header;
        yield part.literal;
      } else if (part.entry) {
        const e = part.entry;
        header.writeUInt16LE(e.method, 8);
        header.writeUInt32LE(e.crc32, 14);
        header.writeUInt32LE(e.compressedSize, 18);
        header.writeUInt32LE(e.size, 22);
        yield header;
        if (e.compressedSize === 0) continue;
        const start = await dataStart(fh, e);
        yield* createReadStream(path, { start, end: start + e.compressedSize - 1 });
      }
    }
  } catch (err) {
    onError(err);
  }
}

/** One ExcelJS row as the reader's cells: text stays text, formulas give their cached result. */
function rowOf(row: ExcelJS.Row, date1904: boolean): SheetRow {
  const cells: CellValue[] = [];
  row.eachCell((cell, col) => {
    cells[col - 1] = valueOf(cell.value, cell.numFmt, date1904);
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return { row: row.number, cells };
}

function valueOf(v: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  if ('error' in v) return String(v.error);
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    // A formula's cached number is not turned into a date by the reader even under a date format.
    if (typeof result === 'number' && numFmt && isDateFormat(numFmt)) return excelDate(result + (date1904 ? 1462 : 0));
    if (result instanceof Date || typeof result === 'number' || typeof result === 'string') return result;
    if (typeof result === 'boolean') return result;
    if (result && typeof result === 'object' && 'error' in result) return String(result.error);
    return null;
  }
  if ('text' in v) return String((v as { text: unknown }).text ?? '');
  return null;
}

/** A number format that shows a date or time: y, m, d, h or s outside quotes, escapes and [colour] brackets. */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function excelDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}
