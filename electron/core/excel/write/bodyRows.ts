import type { Style, Worksheet } from 'exceljs';
import { displayWidth, type ReportColumn, type ReportRow } from '../../../../shared/excel/reportModel';
import { columnLetter } from './sheet';
import { bodyStyle } from './styles';

/** What the streaming sheet keeps that the body rows are written through. */
interface SheetInternals {
  _write(text: string): void;
  /** ExcelJS's buffer for the sheet's part; the zip's compressor is piped from it once the part is reached. */
  stream: { pipes?: Pipe[] };
  _rowZero: number;
  _rows: unknown[];
  startedData: boolean;
  workbook: {
    styles: { addStyleModel(style: Partial<Style>, cellType: number): number };
    sharedStrings: { add(text: string): number };
  };
}

/** The zip's input for the part: archiver's PassThrough (from readable-stream, which keeps its state privately). */
interface Pipe {
  writableLength?: number;
  _writableState?: { length?: number };
  once(event: 'drain', f: () => void): void;
}

/** Points per line of 10.5 pt text, and the row's own padding. */
const LINE = 14;
const PAD = 4;

/**
 * The height a row needs for its wrapped text, or null for one line. Not every viewer works row heights out on
 * opening (Excel keeps what the file says), so a row of long text would print cut off.
 */
export function rowHeight(row: ReportRow, widths: readonly number[]): number | null {
  let lines = 1;
  row.cells.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') return;
    const room = Math.max(2, (widths[i] ?? 10) - 1.5);
    const needed = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / room)), 0);
    lines = Math.max(lines, needed);
  });
  return lines > 1 ? lines * LINE + PAD : null;
}

/** Bytes of sheet XML allowed to wait for the compressor. */
const MAX_BACKLOG = 4 * 1024 * 1024;

/** ExcelJS's ValueType.Number: the styles all carry a number format, so the type does not pick one. */
const NUMBER_TYPE = 2;
const EXCEL_EPOCH_DAYS = 25569;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Body rows written as sheet XML directly into ExcelJS's streaming sheet, with ExcelJS's own style table and
 * shared strings. ExcelJS makes a Cell object, a model and an xform pass per cell, which for a ledger of a hundred
 * thousand rows and fifty columns costs several times the XML it produces; the rows here are the same XML
 * (`<c r s t><v>`), every cell present so every cell has its border.
 */
export class BodyRows {
  private readonly sheet: SheetInternals;
  private readonly letters: string[];
  private readonly styles = new Map<string, number>();
  private pending: string[] = [];

  constructor(
    sheet: Worksheet,
    private readonly columns: readonly ReportColumn[],
    private readonly widths: readonly number[],
  ) {
    this.sheet = sheet as unknown as SheetInternals;
    if (!this.sheet.startedData || this.sheet._rows.some(Boolean)) {
      throw new Error('BodyRows: the rows above must be committed first');
    }
    this.letters = columns.map((_, i) => columnLetter(i + 1));
  }

  private styleId(i: number, alert: boolean): number {
    const column = this.columns[i]!;
    const key = `${i}|${alert ? 1 : 0}`;
    let id = this.styles.get(key);
    if (id === undefined) {
      const style = bodyStyle(column.kind, { alert, editable: column.editable });
      id = this.sheet.workbook.styles.addStyleModel(style, NUMBER_TYPE);
      this.styles.set(key, id);
    }
    return id;
  }

  /** Queues one row; `values` are the row's numbers (0 for the rest), for its ratio formulas. */
  add(at: number, row: ReportRow, values: readonly number[]): void {
    const height = rowHeight(row, this.widths);
    let xml = height ? `<row r="${at}" ht="${height}" customHeight="1">` : `<row r="${at}">`;
    this.columns.forEach((column, i) => {
      const ref = `${this.letters[i]}${at}`;
      const s = this.styleId(i, row.alert?.includes(i) ?? false);
      if (column.ratio) {
        const n = this.columns.findIndex((c) => c.key === column.ratio!.numerator);
        const d = this.columns.findIndex((c) => c.key === column.ratio!.denominator);
        const [nr, dr] = [`${this.letters[n]}${at}`, `${this.letters[d]}${at}`];
        const formula = escapeXml(`IF(${dr}=0,"",${nr}/${dr})`);
        const den = values[d] ?? 0;
        xml +=
          den === 0
            ? `<c r="${ref}" s="${s}" t="str"><f>${formula}</f><v></v></c>`
            : `<c r="${ref}" s="${s}"><f>${formula}</f><v>${(values[n] ?? 0) / den}</v></c>`;
        return;
      }
      const v = row.cells[i] ?? null;
      if (v === null || v === '') xml += `<c r="${ref}" s="${s}"/>`;
      else if (typeof v === 'number') xml += `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
      else if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        const [y, m, d] = v.split('-').map(Number) as [number, number, number];
        xml += `<c r="${ref}" s="${s}"><v>${Date.UTC(y, m - 1, d) / 86_400_000 + EXCEL_EPOCH_DAYS}</v></c>`;
      } else xml += `<c r="${ref}" s="${s}" t="s"><v>${this.sheet.workbook.sharedStrings.add(v)}</v></c>`;
    });
    this.pending.push(`${xml}</row>`);
  }

  /**
   * Lets the zip's compressor work, and waits for it when it is far behind. ExcelJS hands it the sheet's XML
   * without heeding backpressure, and the compressor moves one step per turn of the event loop: a writer that only
   * yields now and then piles the whole sheet up in memory. Rows are therefore handed over a few dozen at a time
   * with a turn of the loop after each, and past MAX_BACKLOG the writer waits until the compressor has caught up.
   */
  async paced(): Promise<void> {
    const pipe = this.sheet.stream.pipes?.[0];
    const backlog = pipe ? (pipe.writableLength ?? pipe._writableState?.length ?? 0) : 0;
    if (pipe && backlog > MAX_BACKLOG) await new Promise<void>((resolve) => pipe.once('drain', resolve));
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Writes the queued rows and tells the sheet they are done, so rows after them go through ExcelJS again. */
  flush(nextRow: number): void {
    if (this.pending.length > 0) this.sheet._write(this.pending.join(''));
    this.pending = [];
    this.sheet._rowZero = nextRow;
  }
}
