import { IMPORT_FIELDS, missingColumns, type ValueType } from '../../../../shared/excel/importFields';
import type { ImportKind } from '../../../../shared/excel/kinds';

/** A field a column can be imported into, as the mapping screen offers it. */
export interface FieldChoice {
  key: string;
  label: string;
  type: ValueType;
  group?: string;
}

export function fieldChoices(kind: ImportKind): FieldChoice[] {
  return IMPORT_FIELDS[kind].map((f) => ({ key: f.key, label: f.label, type: f.type }));
}

/** Why the mapping cannot be previewed yet (a required column has no field), or null. */
export function mappingGap(kind: ImportKind, mapped: readonly { field: string }[]): string | null {
  return missingColumns(kind, new Set(mapped.map((m) => m.field)));
}

/** Numbers the clerk corrects are typed as digits: the input says so. */
export function isNumeric(type: ValueType | undefined): boolean {
  return type === 'count' || type === 'amount';
}
