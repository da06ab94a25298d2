import { maskIdNumber, normalizeIdNumber } from '../../../../shared/domain/idNumber';
import { EDUCATIONS, GENDERS, MEMBER_LOCATIONS, MEMBER_STATUSES } from '../../../../shared/domain/labels';
import { checkMemberFields } from '../../../../shared/domain/memberRules';
import type { Member } from '../../../../shared/domain/party';
import { normalizeUscc } from '../../../../shared/domain/uscc';
import type { OnMatch } from '../../../../shared/excel/kinds';
import { MEMBER_FIELD_LABELS, memberInput, type MemberValues } from '../../../../shared/ipc/members';
import type { Db } from '../../db/open';
import { memberRow } from '../../db/repos/members';
import { enterprisesTable, membersTable } from '../../db/tables';
import { recountRoster } from '../members';
import type { Effects } from './effects';
import { nameKey, onlyOne, type LedgerIndex } from './ledgerIndex';
import { readRowFields, warnMasked, type ReadCell } from './rowFields';
import { RowResult, type FieldRow, type Tally } from './rowResult';
import type { RowPlanner } from './run';

type Key = keyof MemberValues;
const KEYS = Object.keys(memberInput.shape) as Key[];
const CHOICES: Partial<Record<Key, Readonly<Record<string, string>>>> = {
  gender: GENDERS,
  education: EDUCATIONS,
  status: MEMBER_STATUSES,
  location: MEMBER_LOCATIONS,
};

interface KnownMember {
  id: number;
  enterpriseId: number;
  name: string;
}

/**
 * 党员名册 rows: each names its enterprise (by name or credit code) and is matched to a member already on a roster
 * by 身份证号, else by name within that enterprise. Saved with the schema and rules of the member form; every
 * enterprise that receives members keeps a roster from then on and its counts follow it (once, at the end).
 */
export class MemberPlanner implements RowPlanner {
  private readonly byIdNumber = new Map<string, KnownMember>();
  private readonly byName = new Map<string, number[]>();
  private readonly rosters = new Set<number>();
  private readonly claims = new Map<number, number>();
  private readonly touched = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly index: LedgerIndex,
    private readonly opts: { onMatch: OnMatch },
    private readonly tally: Tally,
  ) {
    const members = db
      .prepare('SELECT id, enterprise_id AS enterpriseId, name, id_number AS idNumber FROM party_members')
      .all() as (KnownMember & { idNumber: string | null })[];
    for (const m of members) this.remember(m, m.idNumber);
    for (const id of db.prepare('SELECT id FROM enterprises WHERE roster_kept = 1').pluck().all() as number[]) {
      this.rosters.add(id);
    }
  }

  private remember(m: KnownMember, idNumber: string | null): void {
    if (idNumber) this.byIdNumber.set(idNumber, m);
    const key = `${m.enterpriseId}\u0000${nameKey(m.name)}`;
    this.byName.set(key, [...(this.byName.get(key) ?? []), m.id]);
  }

  plan(row: FieldRow, fx: Effects): RowResult {
    const result = new RowResult(row.row);
    const cells = readRowFields(row, result, this.tally);
    const idCell = cells.get('idNumber');
    if (idCell) {
      result.values.idNumber = maskIdNumber(normalizeIdNumber(idCell.text)) ?? '';
      for (const p of result.problems) if (p.column === idCell.column) p.value = maskIdNumber(p.value) ?? '';
    }
    const given: Partial<Record<Key, unknown>> = {};
    for (const [key, cell] of cells) {
      if (cell.read.kind === 'value' && KEYS.includes(key as Key) && key !== 'enterpriseId') {
        given[key as Key] = cell.read.value;
      }
    }
    result.name = typeof given.name === 'string' ? given.name : '';
    const enterpriseId = this.enterpriseOf(cells, result);
    if (enterpriseId === null) return result;
    const idNumber = typeof given.idNumber === 'string' ? normalizeIdNumber(given.idNumber) : null;
    const existing = this.match(enterpriseId, result.name, idNumber, cells, result);
    if (existing === undefined) return result;
    if (existing !== null && this.opts.onMatch === 'skip') {
      result.action = 'skip';
      this.claims.set(existing.id, row.row);
      return result;
    }
    const current = existing ? memberRow(this.db, existing.id) : null;
    warnMasked(cells, current as Record<string, unknown> | null, result);
    const base: Record<string, unknown> = {};
    if (current) for (const k of KEYS) base[k] = current[k];
    const parsed = memberInput.safeParse({ ...base, ...given, enterpriseId });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.reject(cells, String(issue.path[0]), issue.message, result);
      return result;
    }
    const values = parsed.data;
    const rules = checkMemberFields(values, fx.today);
    for (const e of rules.errors) this.reject(cells, e.field, e.message, result);
    for (const w of rules.warnings) {
      const cell = cells.get(w.field);
      result.warn(cell?.column ?? MEMBER_FIELD_LABELS[w.field], cell?.text ?? '', w.message);
    }
    if (result.rejected) return result;
    if (!this.rosters.has(enterpriseId)) {
      this.rosters.add(enterpriseId);
      result.warn(
        cells.get('enterpriseId')?.column ?? cells.get('enterpriseUscc')?.column ?? '所在企业',
        this.index.enterpriseName.get(enterpriseId) ?? '',
        `已为“${this.index.enterpriseName.get(enterpriseId)}”建立党员名册，该企业的党员人数今后由名册统计`,
      );
    }
    this.write(values, current, given, result, fx);
    return result;
  }

  private reject(cells: ReadonlyMap<string, ReadCell>, field: string, message: string, result: RowResult) {
    const cell = cells.get(field);
    const value = field === 'idNumber' ? (maskIdNumber(cell?.text ?? null) ?? '') : (cell?.text ?? '');
    result.reject(cell?.column ?? MEMBER_FIELD_LABELS[field as Key] ?? field, value, message);
  }

  private enterpriseOf(cells: ReadonlyMap<string, ReadCell>, result: RowResult): number | null {
    const code = cells.get('enterpriseUscc');
    const named = cells.get('enterpriseId');
    const name = named?.read.kind === 'value' ? String(named.read.value) : '';
    if (code?.read.kind === 'value') {
      const id = this.index.enterpriseByUscc.get(normalizeUscc(String(code.read.value)));
      if (id === undefined) {
        result.reject(code.column, code.text, `台账中没有统一社会信用代码为“${code.text}”的企业，请先导入企业台账`);
        return null;
      }
      const holder = this.index.enterpriseName.get(id)!;
      if (name && nameKey(name) !== nameKey(holder)) {
        result.reject(code.column, code.text, `统一社会信用代码属于“${holder}”，与企业名称“${name}”不一致，请核对`);
        return null;
      }
      return id;
    }
    if (!name) {
      if (!result.rejected) result.reject('所在企业', '', '未填写所在企业（企业名称或统一社会信用代码）');
      return null;
    }
    const found = onlyOne(this.index.enterprisesByName.get(nameKey(name)));
    if (found.kind === 'one') return found.id;
    result.reject(
      named!.column,
      name,
      found.kind === 'none'
        ? `台账中没有名为“${name}”的企业，请核对企业名称，或先导入企业台账`
        : `台账中有${found.count}家名为“${name}”的企业，无法确定是哪一家，请改填统一社会信用代码`,
    );
    return null;
  }

  /** The member already on a roster (null: a new one), or undefined after rejecting the row. */
  private match(
    enterpriseId: number,
    name: string,
    idNumber: string | null,
    cells: ReadonlyMap<string, ReadCell>,
    result: RowResult,
  ): KnownMember | null | undefined {
    let found: KnownMember | null = null;
    const byId = idNumber ? this.byIdNumber.get(idNumber) : undefined;
    if (byId) {
      if (byId.enterpriseId !== enterpriseId) {
        const where = this.index.enterpriseName.get(byId.enterpriseId) ?? '';
        this.reject(
          cells,
          'idNumber',
          `身份证号已登记在“${where}”的名册中（${byId.name}），同一人不能登记两次；如已调动，请用组织关系转接`,
          result,
        );
        return undefined;
      }
      found = byId;
    } else if (name) {
      const ids = this.byName.get(`${enterpriseId}\u0000${nameKey(name)}`) ?? [];
      if (ids.length > 1) {
        this.reject(cells, 'name', `该企业名册中有${ids.length}名党员叫“${name}”，请填写身份证号以区分`, result);
        return undefined;
      }
      if (ids.length === 1) found = { id: ids[0]!, enterpriseId, name };
    }
    const first = found ? this.claims.get(found.id) : undefined;
    if (first !== undefined) {
      this.reject(
        cells,
        byId ? 'idNumber' : 'name',
        `与第${first}行是同一名党员，按第${first}行导入，本行未导入`,
        result,
      );
      return undefined;
    }
    return found;
  }

  private write(
    values: MemberValues,
    current: Member | null,
    given: Partial<Record<Key, unknown>>,
    result: RowResult,
    fx: Effects,
  ): void {
    if (!current) {
      const id = fx.tx
        ? fx.tx.insert(membersTable, { ...values, createdAt: fx.tx.at, updatedAt: fx.tx.at })
        : fx.newId();
      this.remember({ id, enterpriseId: values.enterpriseId, name: values.name }, values.idNumber);
      this.claims.set(id, result.row);
      this.touched.add(values.enterpriseId);
      result.action = 'add';
      return;
    }
    this.claims.set(current.id, result.row);
    const patch: Partial<MemberValues> = {};
    for (const key of Object.keys(given) as Key[]) {
      if (values[key] !== current[key]) (patch as Record<string, unknown>)[key] = values[key];
    }
    if (Object.keys(patch).length === 0) {
      result.action = 'skip';
      return;
    }
    result.action = 'update';
    for (const [field, to] of Object.entries(patch) as [Key, unknown][]) {
      result.changes.push({
        field,
        label: MEMBER_FIELD_LABELS[field],
        from: this.text(field, current[field]),
        to: this.text(field, to),
      });
    }
    if (fx.tx) fx.tx.update(membersTable, current.id, patch);
    this.touched.add(current.enterpriseId);
  }

  private text(field: Key, value: unknown): string {
    if (value === null || value === undefined || value === '') return '（空）';
    if (field === 'idNumber') return maskIdNumber(String(value)) ?? '';
    return CHOICES[field]?.[String(value)] ?? String(value);
  }

  /** Every enterprise that received members keeps a roster, and its counts are the roster's, once. */
  finish(fx: Effects): void {
    if (!fx.tx) return;
    for (const id of this.touched) {
      fx.tx.update(enterprisesTable, id, { rosterKept: true });
      recountRoster(fx.tx, id);
    }
  }
}
