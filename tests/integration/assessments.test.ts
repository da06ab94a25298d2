import { describe, expect, test } from 'vitest';
import type { Assessment, AssessmentRow, HardChecks, Scores } from '../../shared/domain/assessments';
import type { UndoableStep } from '../../shared/ipc/changes';
import type { AssessmentInput } from '../../shared/ipc/plans';
import { TODAY, useStatsLedger } from './statsSetup';

const L = useStatsLedger();
const { call, errorOf, enterprise } = L;

const FULL: Scores = {
  production: 15,
  growth: 15,
  ecology: 15,
  labour: 15,
  culture: 15,
  responsibility: 15,
  partyBuilding: 10,
};
const ALL_MET: HardChecks = { hasOrg: true, hasVenue: true, fundingInBudget: true, noViolation: true };

/** Scores adding up to `total` (a multiple of 0.1 up to 100): the first standards full, the rest what is left. */
function scoresFor(total: number): Scores {
  let left = Math.round(total * 10);
  const out = { ...FULL };
  for (const s of Object.keys(FULL) as (keyof Scores)[]) {
    const take = Math.min(left, FULL[s] * 10);
    out[s] = take / 10;
    left -= take;
  }
  return out;
}

const input = (enterpriseId: number, over: Partial<AssessmentInput> = {}): AssessmentInput => ({
  enterpriseId,
  year: 2026,
  scores: FULL,
  hard: ALL_MET,
  ...over,
});
const save = (enterpriseId: number, over: Partial<AssessmentInput> = {}, id?: number) =>
  call<Assessment>('assessments:save', { id, input: input(enterpriseId, over) });
const list = (req: Record<string, unknown> = {}) => call<AssessmentRow[]>('assessments:list', { year: 2026, ...req });
const lastStep = () => call<UndoableStep | null>('changes:lastUndoable');
async function undo(action: string) {
  const step = await lastStep();
  expect(step?.action).toBe(action);
  await call('changes:undo', { batchId: step!.batchId });
}

describe('saving an assessment', () => {
  test('the core works out and stores the total and grade, in one step of the change log', async () => {
    const id = await enterprise('甲机械有限公司');
    const saved = await save(id, {
      scores: { ...FULL, production: 12.5, partyBuilding: 9.9 },
      assessedOn: '2026-11-20',
      note: '年度评价',
    });
    expect(saved).toMatchObject({
      enterpriseId: id,
      year: 2026,
      total: 97.4,
      grade: 'model',
      assessedOn: '2026-11-20',
    });
    expect(saved.scores.production).toBe(12.5);
    expect(saved.hard).toEqual(ALL_MET);
    const step = await lastStep();
    expect(step).toMatchObject({ action: '新增双强评价“甲机械有限公司”2026年', records: 1 });

    const stored = await L.readFile(
      (db) => db.prepare('SELECT total, grade, production, party_building FROM assessments').get() as object,
    );
    expect(stored).toEqual({ total: 97.4, grade: 'model', production: 12.5, party_building: 9.9 });
  });

  test('a total and grade sent by the caller are refused: only the core sets them', async () => {
    const id = await enterprise('甲机械有限公司');
    const e = await errorOf('assessments:save', { input: { ...input(id), total: 100, grade: 'model' } });
    expect(e.code).toBe('VALIDATION');
  });

  test('without every hard indicator 90 points is 达标; 70 is 达标; below is 培育', async () => {
    const a = await save(await enterprise('甲'), { hard: { ...ALL_MET, fundingInBudget: false } });
    const b = await save(await enterprise('乙'), { scores: scoresFor(70) });
    const c = await save(await enterprise('丙'), { scores: scoresFor(69.9) });
    expect([a.grade, b.grade, c.grade]).toEqual(['qualified', 'qualified', 'cultivate']);
    expect([a.total, b.total, c.total]).toEqual([100, 70, 69.9]);
  });

  test('editing recomputes the grade and is logged as a change of that assessment', async () => {
    const id = await enterprise('甲机械有限公司');
    const first = await save(id);
    const edited = await save(id, { scores: scoresFor(75) }, first.id);
    expect(edited).toMatchObject({ id: first.id, total: 75, grade: 'qualified' });
    expect((await lastStep())?.action).toBe('修改双强评价“甲机械有限公司”2026年');
  });
});

describe('refusals name the field and the reason', () => {
  test.each([
    ['over its maximum', { production: 15.5 }, 'production', '生产经营好的得分不能超过15分'],
    ['党组织自身建设好 over 10', { partyBuilding: 11 }, 'partyBuilding', '党组织自身建设好的得分不能超过10分'],
    ['negative', { ecology: -0.5 }, 'ecology', '生态建设好的得分不能为负数'],
    ['with two decimals', { labour: 12.25 }, 'labour', '劳动关系好的得分最多保留一位小数'],
  ])('a score %s', async (_what, scores, field, message) => {
    const id = await enterprise('甲机械有限公司');
    const e = await errorOf('assessments:save', { input: input(id, { scores: { ...FULL, ...scores } }) });
    expect(e).toEqual({ code: 'VALIDATION', field: `input.scores.${field}`, message });
  });

  test('a second assessment of the same enterprise in the same year, naming both', async () => {
    const id = await enterprise('甲机械有限公司');
    await save(id);
    const e = await errorOf('assessments:save', { input: input(id, { scores: scoresFor(80) }) });
    expect(e.field).toBe('input.enterpriseId');
    expect(e.message).toBe('“甲机械有限公司”2026年已有双强评价，每家企业每年只评价一次，请修改原有的评价');
    // Another year is another assessment.
    expect((await save(id, { year: 2025 })).year).toBe(2025);
    // Nor may an edit move one assessment onto a year that already has one.
    const other = await save(id, { year: 2024 });
    const moved = await errorOf('assessments:save', { id: other.id, input: input(id, { year: 2025 }) });
    expect(moved.message).toContain('2025年已有双强评价');
  });

  test('an assessment dated after today', async () => {
    const id = await enterprise('甲机械有限公司');
    const e = await errorOf('assessments:save', { input: input(id, { assessedOn: '2026-11-22' }) });
    expect(e).toEqual({
      code: 'VALIDATION',
      field: 'input.assessedOn',
      message: `评价日期（2026-11-22）不能晚于今天（${TODAY}）`,
    });
    expect((await save(id, { assessedOn: TODAY })).assessedOn).toBe(TODAY);
  });

  test('an enterprise that does not exist, and a year outside the range', async () => {
    const e = await errorOf('assessments:save', { input: input(9999) });
    expect(e).toEqual({ code: 'VALIDATION', field: 'input.enterpriseId', message: '所选企业已不存在，请重新选择' });
    const id = await enterprise('甲机械有限公司');
    const y = await errorOf('assessments:save', { input: input(id, { year: 1999 }) });
    expect(y).toMatchObject({ field: 'input.year', message: '年度应在2000年以后' });
  });

  test('nothing is written by a refused save', async () => {
    const id = await enterprise('甲机械有限公司');
    const before = await lastStep();
    await errorOf('assessments:save', { input: input(id, { scores: { ...FULL, culture: 16 } }) });
    expect(await lastStep()).toEqual(before);
    expect(await list()).toEqual([]);
  });
});

describe('the ranking', () => {
  test('best first; equal totals share a place (1, 1, 3); 示范 are the model candidates', async () => {
    const a = await enterprise('甲机械有限公司');
    const b = await enterprise('乙纺织有限公司');
    const c = await enterprise('丙印染有限公司');
    const d = await enterprise('丁电器有限公司');
    const e = await enterprise('戊五金有限公司');
    await save(a, { scores: scoresFor(80) });
    await save(b, { scores: scoresFor(95.5) });
    await save(c, { scores: scoresFor(95.5), hard: { ...ALL_MET, hasVenue: false } });
    await save(d, { scores: scoresFor(60) });
    await save(e, { scores: scoresFor(80) });
    // Another year's does not take part.
    await save(d, { year: 2025, scores: FULL });

    const rows = await list();
    expect(rows.map((r) => [r.enterpriseName, r.rank, r.total, r.grade, r.modelCandidate])).toEqual([
      // Equal totals: in pinyin order of the name (bing before yi).
      ['丙印染有限公司', 1, 95.5, 'qualified', false],
      ['乙纺织有限公司', 1, 95.5, 'model', true],
      ['甲机械有限公司', 3, 80, 'qualified', false],
      ['戊五金有限公司', 3, 80, 'qualified', false],
      ['丁电器有限公司', 5, 60, 'cultivate', false],
    ]);
    expect(rows[0]).toMatchObject({ areaName: '长安村', keyCultivation: false });
    expect((await list({ year: 2025 })).map((r) => [r.enterpriseName, r.rank])).toEqual([['丁电器有限公司', 1]]);
    expect(await list({ year: 2024 })).toEqual([]);
  });

  test('filters narrow the rows but keep each one its place in the township', async () => {
    const park = await L.area('长乐镇工业园区', 'industrial-park');
    const a = await enterprise('长乐机械有限公司');
    const b = await enterprise('乙纺织有限公司', { areaId: park });
    const c = await enterprise('丙印染有限公司', { areaId: park });
    await save(a, { scores: scoresFor(99) });
    await save(b, { scores: scoresFor(85) });
    await save(c, { scores: scoresFor(50) });

    const ranks = (rows: AssessmentRow[]) => rows.map((r) => [r.enterpriseName, r.rank]);
    expect(ranks(await list({ areaIds: [park] }))).toEqual([
      ['乙纺织有限公司', 2],
      ['丙印染有限公司', 3],
    ]);
    expect(ranks(await list({ grades: ['model', 'cultivate'] }))).toEqual([
      ['长乐机械有限公司', 1],
      ['丙印染有限公司', 3],
    ]);
    // The ledger's own search: a part of the name, or pinyin initials.
    expect(ranks(await list({ search: '纺织' }))).toEqual([['乙纺织有限公司', 2]]);
    expect(ranks(await list({ search: 'cljx' }))).toEqual([['长乐机械有限公司', 1]]);
    expect(ranks(await list({ search: '印染', areaIds: [park], grades: ['model'] }))).toEqual([]);
  });

  test('重点培育 comes from the ledger and follows a bulk change there', async () => {
    const a = await enterprise('甲机械有限公司');
    await save(a);
    await call('enterprises:bulkUpdate', { ids: [a], patch: { keyCultivation: true } });
    expect((await list())[0]?.keyCultivation).toBe(true);
  });
});

describe('pre-filling the hard indicators from the ledger', () => {
  test('an organisation, a venue and funding in the budget as the ledger records them; no violation assumed', async () => {
    const bare = await enterprise('甲机械有限公司');
    expect(await call('assessments:prefill', { enterpriseId: bare })).toEqual({
      hasOrg: false,
      hasVenue: false,
      fundingInBudget: false,
      noViolation: true,
    });

    const own = await enterprise('乙纺织有限公司', { hasVenue: true, fundingInBudget: true });
    await L.standalone(own);
    expect(await call('assessments:prefill', { enterpriseId: own })).toEqual(ALL_MET);

    // 挂靠 and 联合建立 are organisations too (组织设置 other than 未建立).
    const attached = await enterprise('丙印染有限公司', { hasVenue: true });
    await L.attached([attached]);
    const joint = await enterprise('丁电器有限公司');
    await L.joint([joint, bare]);
    expect(await call('assessments:prefill', { enterpriseId: attached })).toMatchObject({
      hasOrg: true,
      hasVenue: true,
      fundingInBudget: false,
    });
    expect((await call<HardChecks>('assessments:prefill', { enterpriseId: joint })).hasOrg).toBe(true);
    expect((await call<HardChecks>('assessments:prefill', { enterpriseId: bare })).hasOrg).toBe(true);
  });

  test('an enterprise that does not exist', async () => {
    const e = await errorOf('assessments:prefill', { enterpriseId: 9999 });
    expect(e.code).toBe('NOT_FOUND');
  });
});

describe('undo and delete', () => {
  test('one 撤销 takes back a new assessment, an edit, and a delete', async () => {
    const id = await enterprise('甲机械有限公司');
    await save(id);
    await undo('新增双强评价“甲机械有限公司”2026年');
    expect(await list()).toEqual([]);

    const again = await save(id);
    await save(id, { scores: scoresFor(72), hard: { ...ALL_MET, noViolation: false } }, again.id);
    await undo('修改双强评价“甲机械有限公司”2026年');
    expect((await list())[0]).toMatchObject({ id: again.id, total: 100, grade: 'model', hard: ALL_MET });

    await call('assessments:delete', { id: again.id });
    expect(await list()).toEqual([]);
    await undo('删除双强评价“甲机械有限公司”2026年');
    expect((await list())[0]).toMatchObject({ id: again.id, total: 100, grade: 'model' });
  });

  test('deleting one that is gone says so', async () => {
    const e = await errorOf('assessments:delete', { id: 4242 });
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '找不到编号为 4242 的双强评价，可能已被删除' });
  });
});
