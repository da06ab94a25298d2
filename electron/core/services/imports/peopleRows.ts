import type { z } from 'zod';
import { INSTRUCTOR_SOURCES } from '../../../../shared/domain/labels';
import type { ImportField } from '../../../../shared/excel/importFields';
import type { OnMatch } from '../../../../shared/excel/kinds';
import { leaderInput } from '../../../../shared/ipc/people';
import { instructorInput } from '../../../../shared/ipc/settings';
import type { Db } from '../../db/open';
import { recordById } from '../../db/records';
import { prepared } from '../../db/statements';
import { enterprisesTable, instructorsTable, leadersTable } from '../../db/tables';
import { setCurrentInstructor } from '../currentInstructor';
import type { Effects } from './effects';
import { splitNames } from './fieldValues';
import { nameKey, onlyOne, type LedgerIndex } from './ledgerIndex';
import { readRowFields, warnMasked, type ReadCell } from './rowFields';
import { RowResult, type FieldRow, type Tally } from './rowResult';
import type { RowPlanner } from './run';

type PersonKind = 'instructors' | 'contacts';

const SCHEMAS = { instructors: instructorInput, contacts: leaderInput } as const;
const WHO = { instructors: '党建工作指导员', contacts: '联系领导' } as const;
const TABLES = { instructors: instructorsTable, contacts: leadersTable } as const;

/** Who covers an enterprise now: its current instructor (and since when), or its contact leader. */
interface Holder {
  personId: number;
  startedOn: string;
}

/**
 * 党建工作指导员 and 领导联系点 rows: a person matched by name (a name shared by two is refused, never guessed),
 * saved with the schema of their form, and the enterprises a column lists become theirs — an instructor through a
 * current assignment (as 派驻 does: the previous instructor's ends), a leader as the enterprises' 联系领导.
 * Enterprises are only added to a person, never taken away: the file may list part of their enterprises.
 */
export class PeoplePlanner implements RowPlanner {
  private readonly claims = new Map<string, number>();
  private readonly holders = new Map<number, Holder>();
  private readonly personName = new Map<number, string>();

  constructor(
    private readonly db: Db,
    private readonly index: LedgerIndex,
    private readonly opts: { kind: PersonKind; onMatch: OnMatch; fields: readonly ImportField[] },
    private readonly tally: Tally,
  ) {
    const names = opts.kind === 'instructors' ? 'SELECT id, name FROM instructors' : 'SELECT id, name FROM leaders';
    for (const p of prepared(db, `import:names:${opts.kind}`, () => names).all() as { id: number; name: string }[]) {
      this.personName.set(p.id, p.name);
    }
    const holders =
      opts.kind === 'instructors'
        ? `SELECT enterprise_id AS enterpriseId, instructor_id AS personId, started_on AS startedOn
           FROM instructor_assignments WHERE ended_on IS NULL`
        : `SELECT id AS enterpriseId, leader_id AS personId, '' AS startedOn FROM enterprises WHERE leader_id IS NOT NULL`;
    for (const h of prepared(db, `import:holders:${opts.kind}`, () => holders).all() as (Holder & {
      enterpriseId: number;
    })[]) {
      this.holders.set(h.enterpriseId, { personId: h.personId, startedOn: h.startedOn });
    }
  }

  private get people(): Map<string, number[]> {
    return this.opts.kind === 'instructors' ? this.index.instructors : this.index.leaders;
  }

  plan(row: FieldRow, fx: Effects): RowResult {
    const { kind } = this.opts;
    const result = new RowResult(row.row);
    const cells = readRowFields(row, result, this.tally);
    const given: Record<string, unknown> = {};
    for (const [key, cell] of cells)
      if (cell.read.kind === 'value' && key !== 'enterprises') given[key] = cell.read.value;
    const name = typeof given.name === 'string' ? given.name : '';
    result.name = name;
    const nameColumn = cells.get('name')?.column ?? '姓名';
    const found = onlyOne(this.people.get(nameKey(name)));
    if (name && found.kind === 'many') {
      result.reject(
        nameColumn,
        name,
        `台账中有${found.count}位名为“${name}”的${WHO[kind]}，无法确定是哪一位，请先在台账中区分姓名`,
      );
    }
    const first = name ? this.claims.get(nameKey(name)) : undefined;
    if (first !== undefined)
      result.reject(nameColumn, name, `与第${first}行是同一位${WHO[kind]}，按第${first}行导入，本行未导入`);
    const enterprises = this.enterprisesOf(cells.get('enterprises'), result);
    if (result.rejected) return result;
    const existingId = found.kind === 'one' ? found.id : null;
    if (existingId !== null && this.opts.onMatch === 'skip') {
      this.claims.set(nameKey(name), row.row);
      result.action = 'skip';
      return result;
    }
    const current = existingId === null ? null : recordById(this.db, TABLES[kind] as typeof leadersTable, existingId);
    warnMasked(cells, current as Record<string, unknown> | null, result);
    const base: Record<string, unknown> = {};
    if (current)
      for (const k of Object.keys(SCHEMAS[kind].shape))
        if (k !== 'id' && k in current) base[k] = current[k as keyof typeof current];
    const parsed = SCHEMAS[kind].safeParse({ ...base, ...given });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const cell = cells.get(String(issue.path[0]));
        result.reject(cell?.column ?? String(issue.path[0]), cell?.text ?? '', issue.message);
      }
      return result;
    }
    const values = parsed.data as z.output<typeof instructorInput> & z.output<typeof leaderInput>;
    if (kind === 'instructors' && values.appointedOn && values.appointedOn > fx.today) {
      const cell = cells.get('appointedOn')!;
      result.reject(cell.column, cell.text, `派驻日期不能晚于今天（${fx.today}）`);
      return result;
    }
    // Only an accepted row claims the name: a refused one leaves the next row with that name to be judged alone.
    this.claims.set(nameKey(values.name), row.row);
    const personId = this.save(existingId, current as Record<string, unknown> | null, values, given, result, fx);
    this.link(personId, values, enterprises, cells.get('enterprises'), result, fx);
    // A person unchanged but given new enterprises is still an update.
    if (result.action === 'skip' && result.changes.length > 0) result.action = 'update';
    return result;
  }

  private enterprisesOf(cell: ReadCell | undefined, result: RowResult): number[] {
    if (!cell || cell.read.kind !== 'value') return [];
    const ids: number[] = [];
    const missing: string[] = [];
    const shared: string[] = [];
    for (const name of splitNames(String(cell.read.value))) {
      const found = onlyOne(this.index.enterprisesByName.get(nameKey(name)));
      if (found.kind === 'one') ids.push(found.id);
      else (found.kind === 'none' ? missing : shared).push(`“${name}”`);
    }
    if (missing.length > 0) {
      result.reject(
        cell.column,
        cell.text,
        `${missing.join('、')}在台账中不存在，请核对企业名称（多家企业用顿号分隔）`,
      );
    }
    if (shared.length > 0) {
      result.reject(
        cell.column,
        cell.text,
        `台账中有多家企业名为${shared.join('、')}，无法确定是哪一家，请在台账中区分企业名称`,
      );
    }
    return [...new Set(ids)];
  }

  private save(
    existingId: number | null,
    current: Record<string, unknown> | null,
    values: Record<string, unknown>,
    given: Record<string, unknown>,
    result: RowResult,
    fx: Effects,
  ): number {
    const table = TABLES[this.opts.kind] as typeof leadersTable;
    const { id: _id, ...row } = values;
    if (existingId === null || !current) {
      const id = fx.tx ? fx.tx.insert(table, row as never) : fx.newId();
      this.people.set(nameKey(String(values.name)), [id]);
      this.personName.set(id, String(values.name));
      result.action = 'add';
      return id;
    }
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(given)) if (key in row && row[key] !== current[key]) patch[key] = row[key];
    for (const [field, to] of Object.entries(patch)) {
      const label = this.opts.fields.find((f) => f.key === field)?.label ?? field;
      result.changes.push({ field, label, from: this.text(field, current[field]), to: this.text(field, to) });
    }
    if (Object.keys(patch).length > 0 && fx.tx) fx.tx.update(table, existingId, patch as never);
    result.action = Object.keys(patch).length > 0 ? 'update' : 'skip';
    return existingId;
  }

  private text(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '（空）';
    if (typeof value === 'boolean') return field === 'fullTime' ? (value ? '专职' : '兼职') : value ? '是' : '否';
    if (field === 'source') return INSTRUCTOR_SOURCES[value as keyof typeof INSTRUCTOR_SOURCES] ?? String(value);
    return String(value);
  }

  /** The listed enterprises become this person's; one taken from someone else says so. */
  private link(
    personId: number,
    values: { appointedOn?: string | null },
    enterprises: number[],
    cell: ReadCell | undefined,
    result: RowResult,
    fx: Effects,
  ): void {
    const added: string[] = [];
    for (const enterpriseId of enterprises) {
      const holder = this.holders.get(enterpriseId);
      if (holder?.personId === personId) continue;
      const name = this.index.enterpriseName.get(enterpriseId) ?? '';
      let on = fx.today;
      if (this.opts.kind === 'instructors') {
        // The 派驻日期 starts the assignment when it is after the current one began; otherwise today.
        if (values.appointedOn && (!holder || values.appointedOn > holder.startedOn)) on = values.appointedOn;
        if (fx.tx) setCurrentInstructor(fx.tx, enterpriseId, personId, on);
      } else if (fx.tx) fx.tx.update(enterprisesTable, enterpriseId, { leaderId: personId });
      if (holder) {
        const before = this.personName.get(holder.personId) ?? '';
        result.warn(
          cell?.column ?? '',
          name,
          this.opts.kind === 'instructors'
            ? `“${name}”原由指导员“${before}”指导，自${on}起改由本指导员指导`
            : `“${name}”原联系领导为“${before}”，改为本领导`,
        );
      }
      this.holders.set(enterpriseId, { personId, startedOn: on });
      added.push(name);
    }
    if (added.length > 0) {
      const label = this.opts.kind === 'instructors' ? '派驻企业' : '联系企业';
      result.changes.push({ field: 'enterprises', label, from: '', to: `新增：${added.join('、')}` });
    }
  }
}
