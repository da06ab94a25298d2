import { ENTERPRISE_FIELD_LABELS, type EnterpriseFields } from '../../../../shared/domain/enterpriseInput';
import { enterpriseFieldText, type RefField } from '../../../../shared/domain/fieldText';
import { toDbValue } from '../../db/tableSpec';
import type { Db } from '../../db/open';
import { ENTERPRISE_REF_TABLES, nameOf } from '../../db/repos/lookups';
import { enterprisesTable } from '../../db/tables';
import { setCurrentInstructor } from '../currentInstructor';
import type { Effects } from './effects';
import type { EnterpriseState } from './enterpriseRows';
import type { LedgerIndex } from './ledgerIndex';

type Patch = Partial<EnterpriseState>;

/**
 * Writes one accepted row as createEnterprise and updateEnterprise do (the instructor through its assignment,
 * search keys derived by the table spec), or in a preview only works out what would change. An update writes
 * only the fields the row gives that differ; with none, the row is a skip.
 */
export function writeEnterprise(
  fx: Effects,
  index: LedgerIndex,
  state: EnterpriseState,
  update: { id: number; current: EnterpriseState } | null,
  keys: ReadonlySet<string>,
): { action: 'add' | 'update' | 'skip'; id: number; patch: Patch | null } {
  if (!update) {
    const { instructorId } = state;
    let id: number;
    if (fx.tx) {
      // One copy of the row per insert (not a rest copy and then a second one): an import writes tens of thousands.
      // Written with the rows around it (insertLater): the planner flushes before it reads an enterprise back.
      id = fx.tx.insertLater(enterprisesTable, {
        ...state,
        instructorId: null,
        createdAt: fx.tx.at,
        updatedAt: fx.tx.at,
      });
      // The instructor is the one of the current assignment: naming one starts it today, as on the form.
      if (instructorId !== null) setCurrentInstructor(fx.tx, id, instructorId, fx.today);
    } else id = fx.newId();
    index.addEnterprise(id, state.name, state.uscc);
    index.relink(id, null, state.partyOrgId);
    return { action: 'add', id, patch: null };
  }
  const { id, current } = update;
  const patch: Patch = {};
  for (const key of keys) {
    const k = key as keyof EnterpriseState;
    if (!(k in state)) continue;
    const spec = enterprisesTable.columns[k as keyof typeof enterprisesTable.columns];
    if (spec && toDbValue(spec.kind, state[k]) === toDbValue(spec.kind, current[k])) continue;
    (patch as Record<string, unknown>)[k] = state[k];
  }
  if (Object.keys(patch).length === 0) return { action: 'skip', id, patch: null };
  if (fx.tx) {
    const { instructorId, ...rest } = patch;
    fx.tx.update(enterprisesTable, id, rest);
    if (instructorId !== undefined) setCurrentInstructor(fx.tx, id, instructorId, fx.today);
  }
  if ('name' in patch || 'uscc' in patch) {
    index.renameEnterprise(id, { name: current.name, uscc: current.uscc }, { name: state.name, uscc: state.uscc });
  }
  if ('partyOrgId' in patch) index.relink(id, current.partyOrgId, state.partyOrgId);
  return { action: 'update', id, patch };
}

/** What an update changes, field by field, in words (names for references, labels for codes). */
export function describeChanges(
  db: Db,
  index: LedgerIndex,
  current: EnterpriseState,
  patch: Patch,
): { field: string; label: string; from: string; to: string }[] {
  // Records this import creates are not in the ledger yet: their names come from the index.
  const nameFor = (field: RefField, id: number): string | null => {
    if (field === 'partyOrgId') return index.orgById.get(id)?.name ?? nameOf(db, 'party_orgs', id);
    if (field === 'areaId') {
      for (const [key, areaId] of index.areas) if (areaId === id && id > Number.MAX_SAFE_INTEGER / 2) return key;
    }
    return nameOf(db, ENTERPRISE_REF_TABLES[field], id);
  };
  return Object.keys(patch)
    .filter((f) => f !== 'orgSetting' || !('partyOrgId' in patch))
    .map((f) => {
      const field = f as keyof EnterpriseFields;
      const text = (v: unknown) => enterpriseFieldText(field, v, nameFor) ?? '（空）';
      return {
        field: f,
        label: ENTERPRISE_FIELD_LABELS[field],
        from: text(current[field as keyof EnterpriseState]),
        to: text((patch as Record<string, unknown>)[f]),
      };
    });
}
