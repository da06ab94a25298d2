import { ENTERPRISE_FIELD_LABELS, type EnterpriseFields } from '../../../shared/domain/enterpriseInput';
import { enterpriseFieldText, RETIRED_ENTERPRISE_FIELD_LABELS, type RefField } from '../../../shared/domain/fieldText';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { maskPhone } from '../../../shared/domain/masking';
import { EDUCATIONS, GENDERS, MEMBER_LOCATIONS, MEMBER_STATUSES } from '../../../shared/domain/labels';
import type { Member } from '../../../shared/domain/party';
import type { HistoryEntry } from '../../../shared/ipc/enterprises';
import { historyOf, type ChangeEntry } from '../db/changeLog';
import type { Db } from '../db/open';
import { ENTERPRISE_REF_TABLES, nameOf } from '../db/repos/lookups';
import { enterprisesTable, membersTable } from '../db/tables';
import { MEMBER_FIELD_LABELS } from '../../../shared/ipc/members';
import { PERSONAL_FIELD_LABELS, type PersonalField } from '../../../shared/ipc/personal';
import { revealedText } from './personal';

const entry = (c: ChangeEntry, fieldLabel: string | null, oldText: string | null, newText: string | null) => ({
  batchId: c.batchId,
  at: c.at,
  actor: c.actor,
  action: c.action,
  op: c.op,
  field: c.field,
  fieldLabel,
  oldText,
  newText,
});

/** A 显示 of a full value: who looked and when, never the value itself (it was not stored). */
const revealEntry = (c: ChangeEntry) => ({
  ...entry(c, PERSONAL_FIELD_LABELS[c.field as PersonalField] ?? c.field, null, null),
  action: revealedText(c.field ?? ''),
});

/** Phones read masked in history as on every list: the log keeps the full values only so undo can restore them. */
const maskedPhone = (text: string | null) => (text === null ? null : maskPhone(text));

const plain = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));

/** One enterprise's history from the change log, newest first, in words. */
export function enterpriseHistory(db: Db, id: number): HistoryEntry[] {
  const refName = (field: RefField, refId: number) => nameOf(db, ENTERPRISE_REF_TABLES[field], refId);
  const text = (field: keyof EnterpriseFields, value: unknown) => {
    const words = enterpriseFieldText(field, value, refName);
    return field === 'contactPhone' ? maskedPhone(words) : words;
  };
  return historyOf(db, enterprisesTable.entity, id).map((c) => {
    if (c.op === 'reveal') return revealEntry(c);
    const field = c.field as keyof EnterpriseFields | null;
    const known = field !== null && field in ENTERPRISE_FIELD_LABELS;
    if (!known && c.field !== null && c.field in RETIRED_ENTERPRISE_FIELD_LABELS) {
      // 党组织名称 and 上级党组织 were typed text before organisations became records: they read as written.
      const label = RETIRED_ENTERPRISE_FIELD_LABELS[c.field]!;
      return entry(
        c,
        label,
        c.op === 'update' ? plain(c.oldValue) : null,
        c.op === 'update' ? plain(c.newValue) : null,
      );
    }
    return entry(
      c,
      known ? ENTERPRISE_FIELD_LABELS[field] : c.field,
      c.op === 'update' && known ? text(field, c.oldValue) : null,
      c.op === 'update' && known ? text(field, c.newValue) : null,
    );
  });
}

const MEMBER_ENUMS: Partial<Record<keyof Member, Readonly<Record<string, string>>>> = {
  gender: GENDERS,
  education: EDUCATIONS,
  status: MEMBER_STATUSES,
  location: MEMBER_LOCATIONS,
};

/** One member's history, newest first, in words; the 身份证号 and phone read masked here as on every list. */
export function memberHistory(db: Db, id: number): HistoryEntry[] {
  const text = (field: keyof Member, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (field === 'idNumber') return maskIdNumber(String(value));
    if (field === 'phone') return maskPhone(String(value));
    if (field === 'enterpriseId') return nameOf(db, 'enterprises', Number(value)) ?? `（已删除，编号${String(value)}）`;
    const labels = MEMBER_ENUMS[field];
    return labels ? (labels[String(value)] ?? String(value)) : String(value);
  };
  return historyOf(db, membersTable.entity, id).map((c) => {
    if (c.op === 'reveal') return revealEntry(c);
    const field = c.field as keyof typeof MEMBER_FIELD_LABELS | null;
    const known = field !== null && field in MEMBER_FIELD_LABELS;
    return entry(
      c,
      known ? MEMBER_FIELD_LABELS[field] : c.field,
      c.op === 'update' && known ? text(field, c.oldValue) : null,
      c.op === 'update' && known ? text(field, c.newValue) : null,
    );
  });
}
