import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Indicator, IndicatorResult, StatsReport } from '../../shared/domain/indicators';
import type { RecentLedger } from '../../shared/ipc/ledgers';
import type { IndicatorTrend, SnapshotComparison, SnapshotEnterpriseRow, SnapshotItem } from '../../shared/ipc/stats';
import type { UndoableStep } from '../../shared/ipc/changes';
import { TODAY, useStatsLedger } from './statsSetup';

/**
 * Snapshots through the contract: take one, change the ledger, take another, compare. Names are chosen so
 * that their pinyin order is their letter order (安 < 百 < 成 < 鼎 < 恩 < 富), which is how comparisons list them.
 */
const s = useStatsLedger();

const take = (takenOn: string, label = '') => s.call<SnapshotItem>('snapshots:take', { takenOn, label });
const compare = (fromId: number, toId?: number) =>
  s.call<SnapshotComparison>('snapshots:compare', toId === undefined ? { fromId } : { fromId, toId });
const names = (refs: { name: string }[]) => refs.map((r) => r.name);
const counts = (r: Pick<IndicatorResult, 'numerator' | 'denominator'> | null) =>
  r === null ? null : [r.numerator, r.denominator];

/** The township before the changes; returns the ids by letter. */
async function township() {
  const A = await s.enterprise('安达机械有限公司', { employees: 80, fullMembers: 3 });
  const B = await s.enterprise('百盛纺织有限公司', { employees: 10, fullMembers: 1 });
  const C = await s.enterprise('成丰电器有限公司', { employees: 30 });
  const E = await s.enterprise('恩泰食品有限公司', { employees: 5 });
  const F = await s.enterprise('富源化工有限公司', { employees: 40, fullMembers: 2 });
  await s.joint([F]);
  return { A, B, C, E, F };
}

/** Link A to its own branch, close B, give C a member on its roster, register D. */
async function changes(t: Awaited<ReturnType<typeof township>>) {
  await s.standalone(t.A);
  await s.update(t.B, { operatingStatus: 'deregistered' });
  await s.call('members:save', { input: { enterpriseId: t.C, name: '李芳', status: 'full', joinedOn: '2020-07-01' } });
  const D = await s.enterprise('鼎新塑料有限公司', { employees: 20 });
  return D;
}

describe('snapshot, change, snapshot, compare', () => {
  test('new organisations, enterprises entering and leaving each gap, added and removed', async () => {
    const t = await township();
    const first = await take('2026-10-31', '10月底');
    const D = await changes(t);
    const second = await take(TODAY, '11月');
    const c = await compare(first.id, second.id);

    expect(c.from).toMatchObject({
      id: first.id,
      takenOn: '2026-10-31',
      label: '10月底',
      enterprises: 5,
      indicators: 5,
    });
    // B is 注销 on the second: not counted, so 5 (A C D E F).
    expect(c.to).toMatchObject({ id: second.id, takenOn: TODAY, label: '11月', enterprises: 5 });
    // Only A gained an organisation; nobody lost one.
    expect(c.newOrgs).toEqual([{ id: t.A, name: '安达机械有限公司', areaName: '长安村' }]);
    expect(c.lostOrgs).toEqual([]);
    expect(c.added).toEqual([{ id: D, name: '鼎新塑料有限公司', areaName: '长安村' }]);
    expect(c.removed).toEqual([{ id: t.B, name: '百盛纺织有限公司', areaName: '长安村' }]);

    const byKey = Object.fromEntries(c.indicators.map((i) => [i.key, i]));
    expect(Object.keys(byKey)).toEqual([
      'org-coverage-members',
      'org-coverage-80plus',
      'org-coverage-50to79',
      'formation-rate',
      'work-coverage',
    ]);
    // 有党员: before A B F (F covered) → gap A B; after A C F (A F covered) → gap C.
    expect(counts(byKey['org-coverage-members']!.from)).toEqual([1, 3]);
    expect(counts(byKey['org-coverage-members']!.to)).toEqual([2, 3]);
    expect(names(byKey['org-coverage-members']!.enteredGap)).toEqual(['成丰电器有限公司']);
    expect(names(byKey['org-coverage-members']!.leftGap)).toEqual(['安达机械有限公司', '百盛纺织有限公司']);
    // 80人以上: A alone, uncovered then covered.
    expect(counts(byKey['org-coverage-80plus']!.from)).toEqual([0, 1]);
    expect(counts(byKey['org-coverage-80plus']!.to)).toEqual([1, 1]);
    expect(names(byKey['org-coverage-80plus']!.enteredGap)).toEqual([]);
    expect(names(byKey['org-coverage-80plus']!.leftGap)).toEqual(['安达机械有限公司']);
    // 50–79: nobody either time.
    expect(byKey['org-coverage-50to79']).toMatchObject({ enteredGap: [], leftGap: [] });
    expect(byKey['org-coverage-50to79']!.from).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    // 组建率: before A B C E F, F covered → gap A B C E; after A C D E F, A F covered → gap C D E.
    expect(counts(byKey['formation-rate']!.from)).toEqual([1, 5]);
    expect(counts(byKey['formation-rate']!.to)).toEqual([2, 5]);
    expect(names(byKey['formation-rate']!.enteredGap)).toEqual(['鼎新塑料有限公司']);
    expect(names(byKey['formation-rate']!.leftGap)).toEqual(['安达机械有限公司', '百盛纺织有限公司']);
    // 工作覆盖 (nobody has a 指导员): before A B C E uncovered; after C D E.
    expect(counts(byKey['work-coverage']!.from)).toEqual([0, 4]);
    expect(counts(byKey['work-coverage']!.to)).toEqual([0, 3]);
    expect(names(byKey['work-coverage']!.enteredGap)).toEqual(['鼎新塑料有限公司']);
    expect(names(byKey['work-coverage']!.leftGap)).toEqual(['安达机械有限公司', '百盛纺织有限公司']);

    // Against the ledger as it is now, which is what the second froze: the same comparison, `to` null.
    const live = await compare(first.id);
    expect(live.to).toBeNull();
    expect({ ...live, to: null, from: null }).toEqual({ ...c, to: null, from: null });
  });

  test('comparing a snapshot with itself is refused', async () => {
    const first = await take(TODAY);
    expect(await s.errorOf('snapshots:compare', { fromId: first.id, toId: first.id })).toMatchObject({
      code: 'VALIDATION',
      message: '请选择两份不同的快照进行对比',
    });
  });

  test('an indicator switched off or added since is on one side only', async () => {
    await township();
    const first = await take(TODAY);
    const off = (await s.indicators()).find((i) => i.key === 'org-coverage-80plus')!;
    const { id, key: _k, builtin: _b, sortOrder: _s, ...definition } = off;
    await s.call('indicators:save', { id, input: { ...definition, enabled: false } });
    const added = await s.call<Indicator>('indicators:save', {
      input: {
        name: '重点培育企业组建率',
        denominator: [{ fact: 'keyCultivation', is: true }],
        numerator: [{ fact: 'hasOrg', is: true }],
        target: null,
        note: '',
      },
    });
    const c = await compare(first.id);
    const byKey = Object.fromEntries(c.indicators.map((i) => [i.key, i]));
    expect(byKey['org-coverage-80plus']).toMatchObject({ to: null, enteredGap: [] });
    expect(counts(byKey['org-coverage-80plus']!.from)).toEqual([0, 1]);
    expect(byKey[added.key]).toMatchObject({ from: null, leftGap: [] });
    expect(counts(byKey[added.key]!.to)).toEqual([0, 0]);
  });
});

/** The report with each breakdown's rows in key order: the figures, whatever order the rows come in. */
const sameRowOrder = (r: StatsReport) =>
  r.indicators.map((i) => ({
    ...i,
    breakdowns: Object.fromEntries(
      Object.entries(i.breakdowns).map(([dim, rows]) => [dim, [...rows].sort((a, b) => a.key.localeCompare(b.key))]),
    ),
  }));

describe('a snapshot is frozen', () => {
  test('its report, recomputed from the frozen rows, equals the counts stored and the live report when taken', async () => {
    // Two work groups whose pinyin order (社 < 新) is not their code-point order (新 < 社).
    const social = await s.workGroup('社会组织组');
    const economy = await s.workGroup('新经济组织组');
    const park = await s.area('工业园区', 'industrial-park');
    const instructor = await s.instructor('王指导');
    const t = await township();
    await s.update(t.A, { workGroupId: economy, instructorId: instructor });
    await s.update(t.C, { workGroupId: social, areaId: park, instructorId: instructor, revenue: null });
    await s.update(t.E, { workGroupId: social, employees: 60, revenue: null });
    await s.log(t.A, '2026-01-10');
    await s.log(t.C, '2026-10-01');
    await s.log(t.C, '2026-11-20'); // after the snapshot's date: not within its window
    await s.saveSettings({ partyWork: { months: 12, needsInstructor: true }, reportingOn: '2026-10-31' });
    const live = await s.report();
    const snap = await take('2026-10-31');
    const frozen = await s.report(snap.id);

    expect(frozen.asOf).toBe('2026-10-31');
    expect(frozen.source).toEqual({ kind: 'snapshot', id: snap.id, takenOn: '2026-10-31', label: '' });
    // The live report at the same reporting date is what the snapshot says, every breakdown row included.
    expect(sameRowOrder(frozen)).toEqual(sameRowOrder(live));
    // And what was stored when it was taken.
    const stored = await s.readFile(
      (db) =>
        db
          .prepare(
            `SELECT key, numerator_count AS n, denominator_count AS d FROM snapshot_indicators
             WHERE snapshot_id = ? ORDER BY position`,
          )
          .all(snap.id) as { key: string; n: number; d: number }[],
    );
    expect(stored).toEqual(frozen.indicators.map((i) => ({ key: i.key, n: i.numerator, d: i.denominator })));
    // 工作覆盖 by hand: without an organisation A B C E; A (指导员, log 2026-01-10) and C (指导员, log 2026-10-01)
    // within 2025-10-31 … 2026-10-31 → 2/4.
    expect(counts(frozen.indicators.find((i) => i.key === 'work-coverage')!)).toEqual([2, 4]);
  });

  test('on the sample township, the snapshot report equals the live one it froze', async () => {
    await s.call('ledgers:createSample', { enterprises: 300, seed: 20110809 });
    const live = await s.report();
    const snap = await take(TODAY);
    const frozen = await s.report(snap.id);
    expect(frozen.asOf).toBe(live.asOf);
    expect(sameRowOrder(frozen)).toEqual(sameRowOrder(live));
  });

  /**
   * BUG (electron/core/stats/source.ts, snapshotSource.labels): a snapshot lists its work groups by the
   * code points of their names (ORDER BY max(work_group_name)), the live ledger by pinyin (name_initials), so
   * the same figures come out in another order: 新经济组织组 before 社会组织组 in the snapshot, after it live.
   */
  test('breakdown rows come in the same order in a snapshot as live', async () => {
    const social = await s.workGroup('社会组织组');
    const economy = await s.workGroup('新经济组织组');
    const t = await township();
    await s.update(t.A, { workGroupId: economy });
    await s.update(t.C, { workGroupId: social });
    const live = await s.report();
    const frozen = await s.report((await take(TODAY)).id);
    const order = (r: StatsReport) => r.indicators[0]!.breakdowns.workGroup.map((row) => row.label);
    // Pinyin: 社 (she) before 新 (xin); 未分组 last.
    expect(order(live)).toEqual(['社会组织组', '新经济组织组', '未分组']);
    expect(order(frozen)).toEqual(order(live));
  });

  test('later ledger changes, edits to the indicators and settings, and undo leave it as it was', async () => {
    const t = await township();
    const instructor = await s.instructor('王指导');
    await s.update(t.C, { instructorId: instructor });
    await s.log(t.C, '2026-11-01');
    const stepBefore = await s.call<UndoableStep | null>('changes:lastUndoable');
    const snap = await take(TODAY, '基线');
    // Taking it is not a step of the change log.
    expect(await s.call<UndoableStep | null>('changes:lastUndoable')).toEqual(stepBefore);
    const before = await s.report(snap.id);
    // work-coverage: A B C E without an organisation; C has a 指导员 and a log this month → 1/4.
    expect(counts(before.indicators.find((i) => i.key === 'work-coverage')!)).toEqual([1, 4]);

    await changes(t);
    const formation = (await s.indicators()).find((i) => i.key === 'formation-rate')!;
    const { id, key: _k, builtin: _b, sortOrder: _s, ...definition } = formation;
    await s.call('indicators:save', { id, input: { ...definition, target: 0.5, name: '组建率（新）' } });
    await s.saveSettings({ partyWork: { months: 1, needsInstructor: false }, reportingOn: '2026-06-30' });
    // The live figures moved…
    expect(counts((await s.report()).indicators.find((i) => i.key === 'formation-rate')!)).toEqual([2, 5]);
    // …the snapshot did not: its rows, its definitions (name, target 35%) and its 工作覆盖 rule are its own.
    expect(await s.report(snap.id)).toEqual(before);
    expect(before.indicators.find((i) => i.key === 'formation-rate')).toMatchObject({
      name: '总体组建率',
      target: 0.35,
    });

    // Undo every step back to before the snapshot: the snapshot stays, unchanged.
    for (;;) {
      const step = await s.call<UndoableStep | null>('changes:lastUndoable');
      if (step === null || step.batchId === stepBefore?.batchId) break;
      await s.call('changes:undo', { batchId: step.batchId });
    }
    expect(counts((await s.report()).indicators.find((i) => i.key === 'formation-rate')!)).toEqual([1, 5]);
    expect((await s.call<SnapshotItem[]>('snapshots:list')).map((i) => i.id)).toEqual([snap.id]);
    expect(await s.report(snap.id)).toEqual(before);
  });

  test('undoing the step before a snapshot does not remove or change it', async () => {
    const t = await township();
    await s.standalone(t.A);
    const snap = await take(TODAY);
    const before = await s.report(snap.id);
    const step = await s.call<UndoableStep>('changes:lastUndoable');
    expect(step.action).toContain('党组织');
    await s.call('changes:undo', { batchId: step.batchId });
    // Live: A lost its organisation again (formation-rate 1/5); the snapshot still has it (2/5).
    expect(counts((await s.report()).indicators.find((i) => i.key === 'formation-rate')!)).toEqual([1, 5]);
    expect(await s.report(snap.id)).toEqual(before);
    expect(counts(before.indicators.find((i) => i.key === 'formation-rate')!)).toEqual([2, 5]);
  });
});

describe('negated clauses in a snapshot', () => {
  /**
   * A snapshot knows only each enterprise's last log on or before its date, NULL when there was none; "no log
   * in the window" must still hold for those, as NOT EXISTS does live (a NULL must not turn the negation false).
   */
  test('count as the live ledger does for enterprises that never had a log', async () => {
    const instructor = await s.instructor('王指导');
    await s.enterprise('安达机械有限公司', { instructorId: instructor });
    await s.enterprise('百盛纺织有限公司');
    const visited = await s.enterprise('成丰电器有限公司', { instructorId: instructor });
    await s.log(visited, '2026-11-01');
    const noRecentLog = await s.call<Indicator>('indicators:save', {
      input: {
        name: '近3个月未走访企业',
        denominator: [],
        numerator: [{ fact: 'recentWorkLog', months: 3, is: false }],
        target: null,
        note: '',
      },
    });
    const noPartyWork = await s.call<Indicator>('indicators:save', {
      input: {
        name: '未实现工作覆盖企业',
        denominator: [],
        numerator: [{ fact: 'partyWork', is: false }],
        target: null,
        note: '',
      },
    });
    // Live: 安达 and 百盛 have no log in the 3 months → 2/3; 安达 (指导员, no log) and 百盛 (neither) have no
    // party work → 2/3.
    expect(counts(await s.result(noRecentLog.key))).toEqual([2, 3]);
    expect(counts(await s.result(noPartyWork.key))).toEqual([2, 3]);
    const snap = await take(TODAY);
    expect(counts(await s.result(noRecentLog.key, snap.id))).toEqual([2, 3]);
    expect(counts(await s.result(noPartyWork.key, snap.id))).toEqual([2, 3]);
  });
});

describe('trend', () => {
  test('points in date order, whatever order they were taken in, ending with the live ledger', async () => {
    const t = await township();
    // 组建率 1/5 (F).
    const sep = await take('2026-09-30');
    await s.standalone(t.A);
    // 2/5.
    const jun = await take('2026-06-30');
    await s.standalone(t.E);
    // 3/5.
    const oct = await take('2026-10-31');
    await s.attached([t.C]);
    // live: 4/5.
    const trend = await s.call<IndicatorTrend[]>('snapshots:trend');
    expect(trend.map((i) => i.key)).toEqual([
      'org-coverage-members',
      'org-coverage-80plus',
      'org-coverage-50to79',
      'formation-rate',
      'work-coverage',
    ]);
    const formation = trend.find((i) => i.key === 'formation-rate')!;
    expect(formation).toMatchObject({ name: '总体组建率', target: 0.35 });
    expect(formation.points.map((p) => [p.snapshotId, p.takenOn, p.numerator, p.denominator])).toEqual([
      [jun.id, '2026-06-30', 2, 5],
      [sep.id, '2026-09-30', 1, 5],
      [oct.id, '2026-10-31', 3, 5],
      [null, TODAY, 4, 5],
    ]);
    // Each point has its rate and verdict: 2/5 = 0.4 ≥ 35% met; 1/5 = 0.2 not, 1 short (0.35 × 5 = 1.75 → 2).
    expect(formation.points[0]).toMatchObject({ rate: 0.4, met: true, shortfall: 0 });
    expect(formation.points[1]).toMatchObject({ rate: 0.2, met: false, shortfall: 1 });
    // An empty denominator along the way has null rate (50–79: nobody).
    for (const p of trend.find((i) => i.key === 'org-coverage-50to79')!.points) {
      expect(p).toMatchObject({ rate: null, met: null, shortfall: null });
    }
  });

  test('the live point follows every change made after the figures were last counted', async () => {
    const t = await township();
    const live = async () =>
      (await s.call<IndicatorTrend[]>('snapshots:trend')).find((i) => i.key === 'formation-rate')!.points.at(-1)!;
    // 覆盖概览 counts first, then asks for the trend: 1/5 either way.
    const report = await s.call<StatsReport>('stats:report');
    expect(counts(report.indicators.find((i) => i.key === 'formation-rate')!)).toEqual([1, 5]);
    expect(counts(await live())).toEqual([1, 5]);
    // A change after the count: the trend's live point must not be the remembered 1/5.
    await s.standalone(t.A);
    expect(counts(await live())).toEqual([2, 5]);
    // Counted again, then changed again.
    await s.call<StatsReport>('stats:report');
    await s.standalone(t.E);
    expect(counts(await live())).toEqual([3, 5]);
  });

  test('with no snapshot the trend is the live point alone, dated at the reporting date', async () => {
    await township();
    await s.saveSettings({ partyWork: { months: 12, needsInstructor: true }, reportingOn: '2026-08-31' });
    const trend = await s.call<IndicatorTrend[]>('snapshots:trend');
    for (const i of trend) expect(i.points.map((p) => [p.snapshotId, p.takenOn])).toEqual([[null, '2026-08-31']]);
  });
});

describe('taking a snapshot is refused', () => {
  test('on a date after today, in Chinese, at the date field', async () => {
    expect(await s.errorOf('snapshots:take', { takenOn: '2026-11-22' })).toEqual({
      code: 'VALIDATION',
      message: '快照日期不能晚于今天',
      field: 'takenOn',
    });
    expect((await s.errorOf('snapshots:take', { takenOn: '2026-13-01' })).field).toBe('takenOn');
    expect(await s.call<SnapshotItem[]>('snapshots:list')).toEqual([]);
  });

  test('on a ledger opened read-only (and so is deleting one)', async () => {
    await township();
    const kept = await take(TODAY);
    const [recent] = await s.call<RecentLedger[]>('ledgers:listRecent');
    const path = join(recent!.folder, recent!.fileName);
    await s.call('ledgers:close');
    await s.call('ledgers:openFile', { fileRef: await s.core().grant(path, 'open'), readOnly: true });
    expect(await s.errorOf('snapshots:take', { takenOn: TODAY })).toMatchObject({
      code: 'READ_ONLY',
      message: '台账以只读方式打开，不能修改',
    });
    expect((await s.errorOf('snapshots:delete', { id: kept.id })).code).toBe('READ_ONLY');
    // Reading it is fine.
    expect((await s.call<SnapshotItem[]>('snapshots:list')).map((i) => i.id)).toEqual([kept.id]);
    expect((await s.call<StatsReport>('stats:report', { snapshotId: kept.id })).source.kind).toBe('snapshot');
  });
});

describe('stats:snapshotEnterprises', () => {
  test('lists exactly the frozen enterprises behind a number, as they were', async () => {
    const t = await township();
    const snap = await take('2026-10-31');
    await changes(t);
    const list = (selection: Record<string, unknown>, page: Record<string, number> = {}) =>
      s.call<{ total: number; rows: SnapshotEnterpriseRow[] }>('stats:snapshotEnterprises', {
        snapshotId: snap.id,
        selection,
        ...page,
      });
    // 有党员企业 gap in the snapshot: A and B — though A has a branch and B is 注销 now.
    const gap = await list({ key: 'org-coverage-members', part: 'gap' });
    expect(gap.total).toBe(2);
    expect(gap.rows).toEqual([
      {
        id: t.A,
        name: '安达机械有限公司',
        uscc: null,
        areaName: '长安村',
        workGroupName: null,
        kind: 'enterprise',
        sizeBand: 'D',
        employees: 80,
        revenue: null,
        members: 3,
        orgSetting: 'none',
        partyOrgName: null,
        instructorName: null,
        lastLogOn: null,
      },
      expect.objectContaining({ id: t.B, name: '百盛纺织有限公司', members: 1, orgSetting: 'none' }),
    ]);
    // Numerator: F, in its 联合 branch.
    expect((await list({ key: 'org-coverage-members', part: 'numerator' })).rows).toEqual([
      expect.objectContaining({ id: t.F, orgSetting: 'joint', partyOrgName: '第1联合党支部' }),
    ]);
    // 组建率 denominator A B C E F = 5, paged two at a time.
    const first = await list({ key: 'formation-rate', part: 'denominator' }, { limit: 2 });
    const rest = await list({ key: 'formation-rate', part: 'denominator' }, { offset: 2, limit: 2 });
    const last = await list({ key: 'formation-rate', part: 'denominator' }, { offset: 4, limit: 2 });
    expect([first.total, rest.total, last.total]).toEqual([5, 5, 5]);
    expect([...first.rows, ...rest.rows, ...last.rows].map((r) => r.id).sort((a, b) => a - b)).toEqual(
      [t.A, t.B, t.C, t.E, t.F].sort((a, b) => a - b),
    );
    // One breakdown row: size band A (B 10人, E 5人), gap of 组建率 → B and E.
    const bandA = await list({ key: 'formation-rate', part: 'gap', breakdown: { dimension: 'sizeBand', key: 'A' } });
    expect(bandA.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([t.B, t.E]);
    // D did not exist then.
    const all = await list({ key: 'formation-rate', part: 'denominator' }, { limit: 100 });
    expect(all.rows.map((r) => r.name)).not.toContain('鼎新塑料有限公司');
  });

  test('an indicator the snapshot does not have, or a snapshot deleted, is refused', async () => {
    await township();
    const snap = await take(TODAY);
    expect(
      await s.errorOf('stats:snapshotEnterprises', {
        snapshotId: snap.id,
        selection: { key: 'custom-99', part: 'gap' },
      }),
    ).toMatchObject({ code: 'NOT_FOUND', message: '该快照中没有这项指标' });
    await s.call('snapshots:delete', { id: snap.id });
    expect((await s.errorOf('stats:report', { snapshotId: snap.id })).message).toBe(
      '该统计快照已不存在，可能已被删除，请刷新',
    );
    // Deleting a snapshot takes its frozen rows with it.
    expect(await s.readFile((db) => db.prepare('SELECT count(*) FROM snapshot_facts').pluck().get() as number)).toBe(0);
  });
});
