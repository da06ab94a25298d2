import { maskIdNumber } from '../../../../shared/domain/idNumber';
import { maskPhone } from '../../../../shared/domain/masking';
import type { ImportField } from '../../../../shared/excel/importFields';
import { readField, type FieldRead } from './fieldValues';
import type { FieldRow, RowResult, Tally } from './rowResult';

/** One mapped field of one row, read: where it came from and what it gave. */
export interface ReadCell {
  field: ImportField;
  column: string;
  /** The cell's text as the clerk sees it (for messages and the preview). */
  text: string;
  read: FieldRead;
}

/**
 * Reads every mapped field of a row. Errors reject the row (each with its column, value and reason); free text read
 * through synonyms is listed for the clerk, and text nothing matched (kept as 其他) is a warning. Returns the
 * fields that gave a value, 不详 or a masked display value, by key.
 */
export function readRowFields(row: FieldRow, result: RowResult, tally: Tally): Map<string, ReadCell> {
  const out = new Map<string, ReadCell>();
  for (const cell of row.cells.values()) {
    const { field, text: original } = cell;
    const read = readField(field, cell.value, original);
    switch (read.kind) {
      case 'blank':
        continue;
      case 'error':
        result.reject(cell.column, read.text, read.reason);
        continue;
      case 'masked':
        // Kept for warnMasked, which knows the record it would have overwritten.
        break;
      case 'value':
        if (read.free) {
          tally.freeValue(field.key, field.label, original, read.free.mappedTo);
          if (read.free.kept) {
            result.warn(
              cell.column,
              original,
              field.unknownChoice === 'note'
                ? `${field.label}“${original}”无法识别，未填${field.label}，原文已记入备注`
                : `${field.label}“${original}”无法识别，已记为“其他”并保留原文`,
            );
          }
        }
        break;
      case 'unknown':
        break;
    }
    result.values[field.key] = read.kind === 'value' ? read.text : original;
    out.set(field.key, { field, column: cell.column, text: original, read });
  }
  return out;
}

/** How the ledger's own value of a field reads once masked, as exports write it (null: never masked). */
function maskedAs(field: ImportField, value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (field.type === 'idNumber') return maskIdNumber(value);
  if (field.type === 'phone') return maskPhone(value);
  return null;
}

/**
 * A masked value (138****0000) is a display value: it never overwrites real data, nor goes into a new record. It is
 * passed over in silence when it is the ledger's own value as an export masked it (a 调查表 coming back), and with
 * a warning otherwise.
 */
export function warnMasked(
  cells: ReadonlyMap<string, ReadCell>,
  current: Readonly<Record<string, unknown>> | null,
  result: RowResult,
): void {
  for (const cell of cells.values()) {
    if (cell.read.kind !== 'masked') continue;
    if (current && maskedAs(cell.field, current[cell.field.key]) === cell.read.text) continue;
    result.warn(
      cell.column,
      cell.read.text,
      `${cell.field.label}“${cell.read.text}”是隐去部分内容的显示值，未导入（不会覆盖台账中的原有内容）`,
    );
  }
}
