import { ENTERPRISE_FIELD_LABELS, type EnterpriseFields } from '../../../shared/domain/enterpriseInput';
import { enterpriseFieldText, type RefField } from '../../../shared/domain/fieldText';
import type { HistoryEntry } from '../../../shared/ipc/enterprises';
import { historyOf } from '../db/changeLog';
import type { Db } from '../db/open';
import { nameOf, type NamedTable } from '../db/repos/lookups';
import { enterprisesTable } from '../db/tables';

const REF_TABLES: Record<RefField, NamedTable> = {
  areaId: 'areas',
  workGroupId: 'work_groups',
  instructorId: 'instructors',
};

/** One enterprise's history from the change log, newest first, in words. */
export function enterpriseHistory(db: Db, id: number): HistoryEntry[] {
  const refName = (field: RefField, refId: number) => nameOf(db, REF_TABLES[field], refId);
  return historyOf(db, enterprisesTable.entity, id).map((c) => {
    const field = c.field as keyof EnterpriseFields | null;
    const known = field !== null && field in ENTERPRISE_FIELD_LABELS;
    return {
      batchId: c.batchId,
      at: c.at,
      actor: c.actor,
      action: c.action,
      op: c.op,
      field: c.field,
      fieldLabel: known ? ENTERPRISE_FIELD_LABELS[field] : c.field,
      oldText: c.op === 'update' && known ? enterpriseFieldText(field, c.oldValue, refName) : null,
      newText: c.op === 'update' && known ? enterpriseFieldText(field, c.newValue, refName) : null,
    };
  });
}
