import { ROSTER_COUNT_FIELDS } from '../../../../shared/domain/enterprise';
import {
  ENTERPRISE_FIELD_LABELS,
  enterpriseInput,
  type EnterpriseValues,
} from '../../../../shared/domain/enterpriseInput';
import { checkEnterprise } from '../../../../shared/domain/enterpriseRules';
import type { OrgSetting } from '../../../../shared/domain/labels';
import { checkUscc, normalizeUscc } from '../../../../shared/domain/uscc';
import type { OnMatch } from '../../../../shared/excel/kinds';
import { AppError } from '../../errors';
import { recordById } from '../../db/records';
import type { Db } from '../../db/open';
import { enterprisesTable } from '../../db/tables';
import { checkFormationLinks } from '../enterprises';
import type { Effects } from './effects';
import { describeChanges, writeEnterprise } from './enterpriseWrite';
import { linkOrg, materializeOrg, type OrgLink } from './enterpriseOrgs';
import { AreaMaker, resolveRefs, type RowRefs } from './enterpriseRefs';
import { nameKey, type LedgerIndex } from './ledgerIndex';
import { readRowFields, warnMasked, type ReadCell } from './rowFields';
import { RowResult, type FieldRow, type Tally } from './rowResult';

type Key = keyof EnterpriseValues;
/** An enterprise as this import knows it: the schema's fields plus what the link and the roster decide. */
export type EnterpriseState = EnterpriseValues & { orgSetting: OrgSetting; rosterKept: boolean };

const SHAPE = enterpriseInput.shape as Record<Key, { safeParse(v: unknown): { success: boolean } }>;
const KEYS = Object.keys(SHAPE) as Key[];
/** Fields where 不详 is stored as unknown (null); the others (counts of members, yes/no) keep their value. */
const NULLABLE = new Set(KEYS.filter((k) => SHAPE[k].safeParse(null).success));
const REF_KEYS = new Set<string>(['areaId', 'partyOrgId', 'workGroupId', 'instructorId', 'leaderId', 'orgSetting']);

export interface EnterpriseOptions {
  /** `survey`: a 调查表 coming back, matched by its record id only and never adding. */
  mode: 'ledger' | 'survey';
  onMatch: OnMatch;
  /** Area names (as name keys) the clerk agreed to add. */
  /** Which unknown areas (by name key) the clerk agreed to add. */
  addAreas: { has(areaKey: string): boolean };
  mergeDuplicates: boolean;
}

/** The first accepted row that named a credit code or a record: later rows naming it again are duplicates. */
interface Claim {
  row: number;
  id: number | null;
  action: 'add' | 'update' | 'skip' | 'reject';
  /** Kept only when duplicates are merged: what the record looks like after the first row. */
  state: EnterpriseState | null;
}

type Target = { kind: 'add' } | { kind: 'match'; id: number; merge: Claim | null } | { kind: 'skip'; id: number };

/**
 * Plans (and, in a commit, writes) one spreadsheet row of enterprises by domain.md §9, with the schema and the
 * rules the enterprise form uses (enterpriseInput, checkEnterprise).
 */
export class EnterprisePlanner {
  private readonly codeRows = new Map<string, Claim>();
  private readonly idClaims = new Map<number, Claim>();
  private readonly areas: AreaMaker;

  constructor(
    private readonly db: Db,
    private readonly index: LedgerIndex,
    private readonly opts: EnterpriseOptions,
    private readonly tally: Tally,
  ) {
    this.areas = new AreaMaker(index);
  }

  plan(row: FieldRow, fx: Effects): RowResult {
    const result = new RowResult(row.row);
    const cells = readRowFields(row, result, this.tally);
    const { given, noteAppend } = this.given(cells, result);
    result.name = typeof given.name === 'string' ? given.name : '';
    const refs = resolveRefs(cells, this.index, this.opts.addAreas, result, this.tally);
    const uscc = typeof given.uscc === 'string' ? normalizeUscc(given.uscc) : '';
    const claimable = uscc !== '' && checkUscc(uscc).ok ? uscc : null;
    const target =
      this.opts.mode === 'survey' ? this.matchRecord(cells, result) : this.match(given, uscc, cells, result);
    if (target === null) return this.settle(result, claimable, null, null);
    if (target.kind === 'skip') {
      result.action = 'skip';
      return this.settle(result, claimable, target.id, null);
    }
    // A row matching an enterprise reads it (and what links to it) from the ledger: new enterprises of the rows
    // before, still queued (Tx.insertLater), are written first. A new enterprise's row reads none.
    if (target.kind === 'match') fx.tx?.flush();
    const current = target.kind === 'match' ? this.currentOf(target) : null;
    if (target.kind === 'match' && !current) {
      result.reject('企业名称', result.name, '要更新的企业已不在台账中（可能刚被删除），本行未导入');
      return this.settle(result, claimable, null, null);
    }
    warnMasked(cells, current, result);
    if (current) {
      this.dropRosterCounts(current, given, cells, result);
      if (!result.name) result.name = current.name;
    }
    const link = linkOrg(
      refs.org,
      {
        enterpriseId: target.kind === 'match' ? target.id : null,
        enterpriseName: result.name,
        // An area still to be added has no id yet: a 属地 organisation made now is left without one.
        areaId: refs.pendingArea !== undefined ? null : (refs.areaId ?? current?.areaId ?? null),
        current: current ? this.currentLink(current) : null,
      },
      this.index,
      result,
    );
    const recordId = target.kind === 'match' ? target.id : null;
    const values = this.validate(given, noteAppend, refs, link, current, recordId, cells, result, fx);
    if (!values || result.rejected) return this.settle(result, claimable, null, null);
    return this.accept(result, given, values, refs, link ?? undefined, target, current, claimable, fx);
  }

  /**
   * The row's values by field, as the schema takes them; 不详 becomes null where a field may be unknown. 行业 text
   * nothing recognised comes back apart, to be added to 备注.
   */
  private given(
    cells: ReadonlyMap<string, ReadCell>,
    result: RowResult,
  ): { given: Partial<Record<Key, unknown>>; noteAppend: string | null } {
    const out: Partial<Record<Key, unknown>> = {};
    let noteAppend: string | null = null;
    for (const [key, cell] of cells) {
      if (REF_KEYS.has(key) || key === 'id') continue;
      const k = key as Key;
      if (cell.read.kind === 'unknown') {
        if (NULLABLE.has(k)) out[k] = null;
        else result.warn(cell.column, cell.text, `${cell.field.label}为“${cell.text}”，未导入`);
        continue;
      }
      if (cell.read.kind !== 'value') continue;
      if (k === 'industry' && cell.read.free?.kept) {
        noteAppend = `原表${ENTERPRISE_FIELD_LABELS.industry}：${cell.text}`;
        continue;
      }
      out[k] = cell.read.value;
      // 其他 keeps the clerk's wording (国有, 集体, what nothing matched); any other 企业性质 needs none.
      if (k === 'ownership')
        out.ownershipNote = cell.read.value === 'other' && cell.text !== '其他' ? cell.text.slice(0, 50) : '';
    }
    return { given: out, noteAppend };
  }

  private match(
    given: Partial<Record<Key, unknown>>,
    uscc: string,
    cells: ReadonlyMap<string, ReadCell>,
    result: RowResult,
  ): Target | null {
    const name = typeof given.name === 'string' ? given.name : '';
    const codeColumn = cells.get('uscc')?.column ?? ENTERPRISE_FIELD_LABELS.uscc;
    const nameColumn = cells.get('name')?.column ?? ENTERPRISE_FIELD_LABELS.name;
    const first = uscc ? this.codeRows.get(uscc) : undefined;
    if (first) return this.duplicate(first, result, codeColumn, uscc, `与第${first.row}行的统一社会信用代码相同`);
    const byCode = uscc ? this.index.enterpriseByUscc.get(uscc) : undefined;
    const named = name ? (this.index.enterprisesByName.get(nameKey(name)) ?? []) : [];
    let id: number | undefined;
    if (byCode !== undefined) {
      if (named.length > 0 && !named.includes(byCode)) {
        result.reject(
          codeColumn,
          uscc,
          `统一社会信用代码属于台账中的“${this.index.enterpriseName.get(byCode)}”，而企业名称“${name}”是台账中的另一家企业，无法确定要更新哪一家，请核对`,
        );
        return null;
      }
      id = byCode;
    } else if (uscc) {
      const uncoded = named.filter((e) => !this.index.enterpriseUscc.get(e));
      // The ledger's record without a code is this one: the row fills its code in.
      if (named.length === 1 && uncoded.length === 1) id = uncoded[0];
      else if (named.length > 0) {
        result.warn(
          nameColumn,
          name,
          `台账中已有同名企业（统一社会信用代码不同或有多家），本行按信用代码作为另一家企业处理，请核实`,
        );
      }
    } else if (named.length === 1) id = named[0];
    else if (named.length > 1) {
      result.reject(
        nameColumn,
        name,
        `台账中有${named.length}家名为“${name}”的企业，无法确定是哪一家，请填写统一社会信用代码`,
      );
      return null;
    }
    if (id === undefined) return { kind: 'add' };
    const claim = this.idClaims.get(id);
    if (claim) return this.duplicate(claim, result, nameColumn, name, `与第${claim.row}行是同一家企业`);
    if (this.opts.onMatch === 'skip') return { kind: 'skip', id };
    return { kind: 'match', id, merge: null };
  }

  /** A 调查表 row names its record by id, and nothing else decides which enterprise it is. */
  private matchRecord(cells: ReadonlyMap<string, ReadCell>, result: RowResult): Target | null {
    const cell = cells.get('id');
    const column = cell?.column ?? '记录编号';
    if (!cell || cell.read.kind !== 'value') {
      if (!cell) result.reject(column, '', '缺少记录编号（该列请勿修改或删除），本行未导入');
      return null;
    }
    const id = cell.read.value as number;
    if (!this.index.enterpriseName.has(id)) {
      result.reject(
        column,
        cell.text,
        `记录编号${id}在本台账中不存在（企业可能已被删除，或调查表来自其他台账），本行未导入`,
      );
      return null;
    }
    const claim = this.idClaims.get(id);
    if (claim) return this.duplicate(claim, result, column, cell.text, `与第${claim.row}行的记录编号相同`);
    return { kind: 'match', id, merge: null };
  }

  private duplicate(first: Claim, result: RowResult, column: string, value: string, same: string): Target | null {
    if (!this.opts.mergeDuplicates) {
      result.reject(column, value, `${same}，属重复行：按第${first.row}行导入，本行未导入`);
      return null;
    }
    if (first.action === 'skip' && first.id !== null) {
      result.warn(column, value, `${same}，已合并到第${first.row}行（该企业已在台账中，按选择跳过）`);
      return { kind: 'skip', id: first.id };
    }
    if (first.id === null || first.state === null) {
      result.reject(column, value, `${same}，但第${first.row}行未能导入，无法合并，本行未导入`);
      return null;
    }
    result.warn(column, value, `${same}，已合并到第${first.row}行`);
    return { kind: 'match', id: first.id, merge: first };
  }

  private currentOf(target: Extract<Target, { kind: 'match' }>): EnterpriseState | null {
    if (target.merge) return target.merge.state;
    return recordById(this.db, enterprisesTable, target.id);
  }

  private currentLink(current: EnterpriseState): OrgLink {
    const org = current.partyOrgId === null ? null : this.index.orgById.get(current.partyOrgId);
    return { orgId: current.partyOrgId, orgSetting: current.orgSetting, orgName: org?.name ?? null, pending: null };
  }

  /** A kept roster's counts are the roster's: the file's are not imported (as the form does). */
  private dropRosterCounts(
    current: EnterpriseState,
    given: Partial<Record<Key, unknown>>,
    cells: ReadonlyMap<string, ReadCell>,
    result: RowResult,
  ): void {
    if (!current.rosterKept) return;
    // Only counts that disagree with the roster are worth a word (a 调查表 carries the roster's own).
    const dropped = ROSTER_COUNT_FIELDS.filter((k) => k in given && given[k] !== current[k]);
    for (const k of ROSTER_COUNT_FIELDS) delete given[k];
    if (dropped.length === 0) return;
    const first = cells.get(dropped[0]!)!;
    result.warn(
      first.column,
      first.text,
      `“${current.name}”已建立党员名册，党员人数由名册统计，表中的${dropped.map((k) => ENTERPRISE_FIELD_LABELS[k]).join('、')}未导入`,
    );
  }

  private validate(
    given: Partial<Record<Key, unknown>>,
    noteAppend: string | null,
    refs: RowRefs,
    link: OrgLink | null | undefined,
    current: EnterpriseState | null,
    recordId: number | null,
    cells: ReadonlyMap<string, ReadCell>,
    result: RowResult,
    fx: Effects,
  ): EnterpriseValues | null {
    if (link === null) return null;
    const base: Record<string, unknown> = {};
    if (current) for (const k of KEYS) base[k] = current[k];
    const input: Record<string, unknown> = { ...base, ...given };
    // Kept after what the row's own 备注 says, or the ledger's; not twice when the same file comes in again.
    if (noteAppend) {
      const note = typeof given.note === 'string' ? given.note : (current?.note ?? '');
      given.note = note.includes(noteAppend) ? note : note ? `${note}；${noteAppend}` : noteAppend;
      input.note = given.note;
    }
    if (!current && given.ownership === 'individual' && !('kind' in given)) input.kind = 'individual';
    for (const k of ['areaId', 'workGroupId', 'instructorId', 'leaderId'] as const) {
      if (refs[k] !== undefined) input[k] = refs[k];
    }
    if (link) input.partyOrgId = link.pending ? null : link.orgId;
    if (input.areaId === undefined) {
      if (!cells.has('areaId'))
        result.reject(ENTERPRISE_FIELD_LABELS.areaId, '', '未填写所在区域，新增企业须有所在区域（村、社区、园区等）');
      return null;
    }
    const parsed = enterpriseInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const cell = cells.get(String(issue.path[0]));
        const label = ENTERPRISE_FIELD_LABELS[issue.path[0] as Key] ?? '';
        result.reject(cell?.column ?? label, cell?.text ?? '', issue.message);
      }
      return null;
    }
    const values = parsed.data;
    const columnOf = (field: string) => cells.get(field) ?? null;
    // A 调查表 may change a code to one another enterprise holds: the same refusal as the form's.
    const holder = values.uscc ? this.index.enterpriseByUscc.get(values.uscc) : undefined;
    if (current && holder !== undefined && values.uscc !== current.uscc && holder !== recordId) {
      const cell = columnOf('uscc');
      result.reject(
        cell?.column ?? ENTERPRISE_FIELD_LABELS.uscc,
        cell?.text ?? '',
        `统一社会信用代码已被“${this.index.enterpriseName.get(holder)}”使用，同一代码不能登记两次`,
      );
    }
    const before = current ? new Set(checkEnterprise(current, fx.today).warnings.map((w) => w.message)) : null;
    const check = checkEnterprise(values, fx.today);
    for (const e of check.errors) {
      const cell = columnOf(e.field);
      result.reject(cell?.column ?? ENTERPRISE_FIELD_LABELS[e.field], cell?.text ?? '', e.message);
    }
    // On an update only what this row brings about is worth a warning, not what the ledger already held.
    for (const w of check.warnings) {
      if (before?.has(w.message)) continue;
      const cell = columnOf(w.field);
      result.warn(cell?.column ?? ENTERPRISE_FIELD_LABELS[w.field], cell?.text ?? '', w.message);
    }
    // A record only planned in a preview (a merge into a new row) has no links pointing at it yet.
    if (current && recordId !== null && recordId < Number.MAX_SAFE_INTEGER / 2 && values.kind !== current.kind) {
      this.checkKind(values, recordId, result);
    }
    return values;
  }

  /** 所属商会 and 龙头企业 links pointing at this enterprise fix its kind (the form refuses the same change). */
  private checkKind(values: EnterpriseValues, id: number, result: RowResult): void {
    try {
      checkFormationLinks(this.db, values, id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      result.reject(ENTERPRISE_FIELD_LABELS.kind, '', e.message);
    }
  }

  private accept(
    result: RowResult,
    given: Partial<Record<Key, unknown>>,
    values: EnterpriseValues,
    refs: RowRefs,
    link: OrgLink | undefined,
    target: Exclude<Target, { kind: 'skip' }>,
    current: EnterpriseState | null,
    claimable: string | null,
    fx: Effects,
  ): RowResult {
    if (refs.pendingArea !== undefined) values.areaId = this.areas.make(refs.pendingArea, fx);
    if (link) values.partyOrgId = materializeOrg(link, this.index, fx);
    const orgSetting = link ? link.orgSetting : (current?.orgSetting ?? 'none');
    const state: EnterpriseState = { ...values, orgSetting, rosterKept: current?.rosterKept ?? false };
    const id = target.kind === 'match' ? target.id : null;
    // On an update only what the row gives is changed: every other field keeps the ledger's value.
    const keys = new Set<string>(Object.keys(given));
    for (const k of ['areaId', 'workGroupId', 'instructorId', 'leaderId'] as const)
      if (refs[k] !== undefined) keys.add(k);
    if (link) keys.add('partyOrgId').add('orgSetting');
    const written = writeEnterprise(fx, this.index, state, id === null ? null : { id, current: current! }, keys);
    result.action = written.action;
    if (current && written.patch) result.changes.push(...describeChanges(this.db, this.index, current, written.patch));
    return this.settle(result, claimable, written.id, state);
  }

  private settle(result: RowResult, code: string | null, id: number | null, state: EnterpriseState | null): RowResult {
    const action = result.rejected ? 'reject' : result.action;
    const claim: Claim = { row: result.row, id, action, state: this.opts.mergeDuplicates ? state : null };
    // A refused row claims nothing: the next row with its code or name is judged on its own.
    if (action === 'reject') return result;
    if (code && !this.codeRows.has(code)) this.codeRows.set(code, claim);
    if (id !== null) {
      const first = this.idClaims.get(id);
      if (!first) this.idClaims.set(id, claim);
      // A merged row: the first row's record now reads as merged, for the next duplicate.
      else if (claim.state) first.state = claim.state;
    }
    return result;
  }
}
