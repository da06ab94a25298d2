/**
 * A table described once: which record field lives in which column and how it is stored. The change log
 * writer and the row mappers read it, so column lists are never repeated by hand. Identifiers come only
 * from these constants; every value is a bound parameter.
 */
export type ColumnKind = 'text' | 'int' | 'real' | 'bool';

export interface ColumnSpec {
  column: string;
  kind: ColumnKind;
}

export interface TableSpec<R extends { id: number }> {
  /** The name used in the change log. */
  entity: string;
  table: string;
  columns: { readonly [K in Exclude<keyof R, 'id'>]: ColumnSpec };
  /** Set to the write's time on insert and update, when the table has it. */
  touch?: { created?: Exclude<keyof R, 'id'>; updated?: Exclude<keyof R, 'id'> };
  /**
   * Columns computed from the record on every write (search keys, size band): stored so queries can filter
   * and sort on them, never typed by anyone and never logged — the fields they come from are.
   */
  derived?: { columns: readonly string[]; compute: (row: Omit<R, 'id'>) => DbValue[] };
}

export type DbValue = string | number | null;

export function toDbValue(kind: ColumnKind, value: unknown): DbValue {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value ? 1 : 0;
  if (kind === 'text') return String(value);
  return Number(value);
}

export function fromDbValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value === 1;
  return value;
}

export function rowFromDb<R extends { id: number }>(spec: TableSpec<R>, dbRow: Record<string, unknown>): R {
  const out: Record<string, unknown> = { id: dbRow.id };
  for (const [field, col] of Object.entries(spec.columns) as [string, ColumnSpec][]) {
    out[field] = fromDbValue(col.kind, dbRow[col.column]);
  }
  return out as R;
}

export function fieldsOf<R extends { id: number }>(spec: TableSpec<R>): [Exclude<keyof R, 'id'>, ColumnSpec][] {
  return Object.entries(spec.columns) as [Exclude<keyof R, 'id'>, ColumnSpec][];
}
