import { maskIdNumber } from '../../../shared/domain/idNumber';
import { isMasked, maskPhone } from '../../../shared/domain/masking';
import {
  PERSONAL_FIELD_LABELS,
  PERSONAL_FIELDS,
  type PersonalEntity,
  type PersonalField,
  type RevealedValue,
} from '../../../shared/ipc/personal';
import { assertWritable, recordReveal, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { recordById } from '../db/records';
import { TABLES_BY_ENTITY } from '../db/tables';
import { AppError } from '../errors';

/** The action a reveal batch is named by, and how a record's history words it. */
export function revealAction(field: string): string {
  return `显示完整${PERSONAL_FIELD_LABELS[field as PersonalField] ?? field}`;
}

export function revealedText(field: string): string {
  return `查看了完整${PERSONAL_FIELD_LABELS[field as PersonalField] ?? field}`;
}

/**
 * 显示: one personal field of one record in full, recorded in the change log first. A read-only ledger cannot record
 * the reveal, so it refuses: showing the value unrecorded would defeat the point of recording (issue 10).
 */
export function revealPersonal(
  db: Db,
  writer: Writer,
  entity: PersonalEntity,
  id: number,
  field: PersonalField,
): RevealedValue {
  const spec = TABLES_BY_ENTITY[entity];
  if (!spec) throw new Error(`reveal: no table for entity ${entity}`);
  try {
    assertWritable(db);
  } catch (e) {
    if (e instanceof AppError) {
      throw new AppError('READ_ONLY', '台账以只读方式打开，无法记录查看操作，因此不能显示完整个人信息');
    }
    throw e;
  }
  const row = recordById(db, spec, id) as Record<string, unknown> | null;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的记录，可能已被删除`);
  recordReveal(db, writer, revealAction(field), [{ entity, entityId: id, field }]);
  const value = row[field];
  return { value: value === null || value === undefined ? '' : String(value) };
}

/**
 * The edit forms show personal fields masked; a masked value sent back means "unchanged" (as in an import,
 * domain.md §9), so it is replaced by the stored value before any check. A new record has nothing stored, so a
 * masked value there is refused. `prefix` is where the input sits in the request, for the field the error names.
 */
export function keepStoredPersonal<T extends object>(
  db: Db,
  entity: PersonalEntity,
  id: number | null | undefined,
  input: T,
  prefix = 'input.',
): T {
  const masked = PERSONAL_FIELDS[entity].filter((f) => {
    const value = (input as Record<string, unknown>)[f];
    return typeof value === 'string' && isMasked(value);
  });
  if (masked.length === 0) return input;
  const stored = id === null || id === undefined ? null : recordById(db, TABLES_BY_ENTITY[entity]!, id);
  if (id !== null && id !== undefined && !stored) {
    throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的记录，可能已被删除`);
  }
  const out = { ...input } as Record<string, unknown>;
  for (const f of masked) {
    if (!stored) {
      throw new AppError(
        'VALIDATION',
        `${PERSONAL_FIELD_LABELS[f]}是隐去部分数字的显示值，请填写完整号码或留空`,
        `${prefix}${f}`,
      );
    }
    out[f] = (stored as Record<string, unknown>)[f];
  }
  return out as T;
}

const PHONE_KEYS: ReadonlySet<string> = new Set(
  Object.values(PERSONAL_FIELDS)
    .flat()
    .filter((f) => f !== 'idNumber'),
);

/**
 * Every answer the core gives passes through here (handlers/index.ts): any property named like a personal field
 * (PERSONAL_FIELDS: idNumber, phone, contactPhone, secretaryPhone) is masked wherever it sits — a list row, a detail,
 * an edit form's record, something nested in a plan — so a new channel cannot leak a full value by forgetting to.
 * Only `personal:reveal` is exempt. Objects are copied, never changed in place (a repo may hand out cached rows).
 */
export function maskPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonal);
  if (value === null || typeof value !== 'object') return value;
  // Plain records (a null prototype too) are walked; bytes, dates and the like carry no named fields.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && !isMasked(v) && v !== '') {
      if (key === 'idNumber') out[key] = maskIdNumber(v);
      else if (PHONE_KEYS.has(key)) out[key] = maskPhone(v);
      else out[key] = v;
    } else out[key] = maskPersonal(v);
  }
  return out;
}
