import { cellText, columnLetter } from '../../../../shared/excel/cells';
import { guessMapping, layoutSignature } from '../../../../shared/excel/guessMapping';
import { headerTexts, isNonDataRow } from '../../../../shared/excel/headers';
import { IMPORT_FIELDS, importField, missingColumns } from '../../../../shared/excel/importFields';
import type { ImportKind } from '../../../../shared/excel/kinds';
import type { ColumnMapping, HeaderRows, ImportColumn, ImportLayout } from '../../../../shared/ipc/imports';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { HEAD_ROWS, readSheetRows, type SheetRow } from '../../excel/read';
import type { ImportSession } from './sessions';
import { requireSheet } from './sessions';

const SAMPLES = 3;

/**
 * The rows from the top of the sheet to a little past the header: from the first look when it reaches that far,
 * otherwise read again (a header picked far down a long preamble).
 */
export async function topRows(session: ImportSession, sheetName: string, header: HeaderRows): Promise<SheetRow[]> {
  const sheet = requireSheet(session, sheetName);
  const want = header.end + SAMPLES * 2;
  if ((sheet.rows.at(-1)?.row ?? 0) >= want || sheet.rows.length < HEAD_ROWS) return sheet.rows;
  const rows: SheetRow[] = [];
  for await (const r of readSheetRows(session.path, sheetName)) {
    if (r.row > want) break;
    rows.push(r);
  }
  return rows;
}

/** One title per column under the chosen header rows; refused when those rows hold no titles at all. */
export function headersOf(rows: readonly SheetRow[], header: HeaderRows): string[] {
  const headers = headerTexts(rows, header);
  if (headers.every((h) => h === '')) {
    throw new AppError(
      'VALIDATION',
      header.start === header.end
        ? `第${header.start}行没有列标题，请重新选择表头行`
        : `第${header.start}–${header.end}行没有列标题，请重新选择表头行`,
      'header',
    );
  }
  return headers;
}

/** What a column is called in messages: its title, or its letter when it has none. */
export const columnName = (headers: readonly string[], column: number) =>
  headers[column] || `${columnLetter(column)}列`;

export async function importLayout(
  db: Db,
  session: ImportSession,
  req: { kind: ImportKind; sheet: string; header: HeaderRows },
): Promise<ImportLayout> {
  const rows = await topRows(session, req.sheet, req.header);
  const headers = headersOf(rows, req.header);
  const data = rows.filter((r) => r.row > req.header.end && !isNonDataRow(r.cells)).slice(0, SAMPLES);
  const width = Math.max(headers.length, ...data.map((r) => r.cells.length));
  const columns: ImportColumn[] = Array.from({ length: width }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: headers[index] ?? '',
    samples: data.map((r) => cellText(r.cells[index])),
  }));
  const saved = savedMapping(db, req.kind, layoutSignature(req.kind, headers), width);
  if (saved) return { columns, mapping: saved, savedMapping: true };
  return { columns, mapping: guessMapping(req.kind, headers), savedMapping: false };
}

/** A saved mapping for this layout, without fields this version no longer has. */
function savedMapping(db: Db, kind: ImportKind, signature: string, width: number): ColumnMapping[] | null {
  const json = db
    .prepare('SELECT mapping FROM import_mappings WHERE kind = ? AND signature = ?')
    .pluck()
    .get(kind, signature) as string | undefined;
  if (json === undefined) return null;
  const parsed = JSON.parse(json) as { column: number; field: string }[];
  const seen = new Set<string>();
  return parsed.filter(
    (m) =>
      Number.isInteger(m.column) &&
      m.column >= 0 &&
      m.column < width &&
      importField(kind, m.field) !== null &&
      !seen.has(m.field) &&
      !!seen.add(m.field),
  );
}

/** Kept with the import's write, so a cancelled or failed import leaves the old one. */
export function saveMapping(
  db: Db,
  kind: ImportKind,
  headers: readonly string[],
  mapping: ColumnMapping[],
  at: string,
) {
  db.prepare(
    `INSERT INTO import_mappings (kind, signature, mapping, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(kind, layoutSignature(kind, headers), JSON.stringify(mapping), at);
}

/**
 * The mapping as the import uses it: every field known to the kind, none twice, every column inside the sheet, and
 * the columns the kind cannot do without present. Refusals name the column or field.
 */
export function checkedMapping(kind: ImportKind, mapping: readonly ColumnMapping[], headers: readonly string[]) {
  const byField = new Map<string, number>();
  for (const m of mapping) {
    const field = importField(kind, m.field);
    if (!field) throw new AppError('VALIDATION', `“${m.field}”不是可导入的字段，请重新选择列对应关系`, 'mapping');
    const before = byField.get(m.field);
    if (before !== undefined) {
      throw new AppError(
        'VALIDATION',
        `“${columnName(headers, before)}”和“${columnName(headers, m.column)}”两列都对应到了“${field.label}”，一个字段只能对应一列`,
        'mapping',
      );
    }
    byField.set(m.field, m.column);
  }
  const missing = missingColumns(kind, new Set(byField.keys()));
  if (missing) throw new AppError('VALIDATION', missing, 'mapping');
  return IMPORT_FIELDS[kind].filter((f) => byField.has(f.key)).map((f) => ({ field: f, column: byField.get(f.key)! }));
}
