import { describe, expect, test } from 'vitest';
import { countOutcome, type BreakdownRow, type Indicator } from '../../shared/domain/indicators';
import type { IndicatorInput } from '../../shared/ipc/stats';
import { TODAY, useStatsLedger } from './statsSetup';

/**
 * Each default indicator of domain.md §4 on a small township built through the real services: enterprises
 * created as the form creates them, organisations linked as the 党组织 page links them (so 组织设置 is derived,
 * never typed), logs and instructors as the clerk records them. Today is 2026-11-21. Every expected number is
 * worked out by hand in the comment above it.
 */
const s = useStatsLedger();

const ORG_TARGET = 1;

describe('org-coverage-members 有党员企业的组织覆盖率', () => {
  test('counts enterprises with a 正式 or 预备 member; 挂靠 and 联合 have an organisation; 社会组织 and closed ones are out', async () => {
    const jia = await s.enterprise('甲机械有限公司', { fullMembers: 3 });
    const yi = await s.enterprise('乙纺织有限公司', { probationaryMembers: 1 });
    const bing = await s.enterprise('丙五金店', { kind: 'individual', fullMembers: 1 });
    const ding = await s.enterprise('丁电器有限公司', { fullMembers: 2 });
    const wu = await s.enterprise('戊塑料有限公司', { fullMembers: 2 });
    const ji = await s.enterprise('己食品有限公司', { fullMembers: 1, operatingStatus: 'suspended' });
    const geng = await s.enterprise('庚包装有限公司');
    const xin = await s.enterprise('辛商会', { kind: 'social-group', fullMembers: 5 });
    const ren = await s.enterprise('壬培训学校', { kind: 'private-non-enterprise', fullMembers: 3 });
    await s.enterprise('癸会计师事务所', { kind: 'intermediary', fullMembers: 1 });
    await s.enterprise('子建材有限公司', { fullMembers: 4, operatingStatus: 'deregistered' });
    const chou = await s.enterprise('丑化工有限公司', { fullMembers: 3, operatingStatus: 'moved-out' });
    await s.standalone(jia);
    await s.joint([yi, bing]);
    await s.attached([ding]);
    await s.standalone(geng);
    await s.standalone(ren);
    await s.standalone(chou);
    // Nothing was typed as 组织设置: each was derived from the organisation linked.
    expect((await s.call<{ orgSetting: string }>('enterprises:get', { id: yi })).orgSetting).toBe('joint');
    expect((await s.call<{ orgSetting: string }>('enterprises:get', { id: ding })).orgSetting).toBe('attached');
    void xin;

    const r = await s.result('org-coverage-members');
    // Denominator: 企业/个体 with 正式 + 预备 ≥ 1, active: 甲(3) 乙(预备 1) 丙(个体, 1) 丁(2) 戊(2) 己(停产, 1) = 6.
    // Not: 庚 (no members), 辛/壬/癸 (社会组织 kinds), 子 (注销), 丑 (迁出).
    // Numerator: 甲 单独, 乙 and 丙 联合, 丁 挂靠 = 4. Rate 4/6 = 0.6667; target 100% → 2 short.
    expect(r).toMatchObject({
      key: 'org-coverage-members',
      name: '有党员企业的组织覆盖率',
      numerator: 4,
      denominator: 6,
      rate: 0.6667,
      target: ORG_TARGET,
      met: false,
      shortfall: 2,
      revenueUnknown: 0,
    });
    // The gap is exactly 戊 and 己.
    expect(await s.listed({ key: 'org-coverage-members', part: 'gap' })).toEqual([wu, ji]);
  });

  test('an empty denominator: no enterprise has members → rate, met and shortfall are null', async () => {
    await s.enterprise('甲机械有限公司', { employees: 120 });
    await s.enterprise('乙商会', { kind: 'social-group', fullMembers: 4 });
    // No 企业/个体 with a member: 0 / 0.
    expect(await s.result('org-coverage-members')).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      met: null,
      shortfall: null,
    });
  });
});

describe('org-coverage-80plus 从业80人以上企业的组织覆盖率', () => {
  test('80 is 80人以上; unknown employees are in no range; 挂靠 and 联合 count', async () => {
    const a = await s.enterprise('甲机械有限公司', { employees: 80 });
    const b = await s.enterprise('乙纺织有限公司', { employees: 500 });
    const c = await s.enterprise('丙物流个体户', { kind: 'individual', employees: 120 });
    const d = await s.enterprise('丁电器有限公司', { employees: 79 });
    const e = await s.enterprise('戊塑料有限公司', { employees: null });
    await s.enterprise('己商会', { kind: 'social-group', employees: 200 });
    await s.enterprise('庚化工有限公司', { employees: 300, operatingStatus: 'deregistered' });
    const h = await s.enterprise('辛建材有限公司', { employees: 90 });
    const i = await s.enterprise('壬食品有限公司', { employees: 60 });
    await s.standalone(a);
    await s.attached([c]);
    await s.joint([h, i]);
    await s.standalone(d);
    await s.standalone(e);

    const r = await s.result('org-coverage-80plus');
    // Denominator: 甲(80) 乙(500) 丙(个体 120) 辛(90) = 4. Not: 丁 (79), 戊 (不详), 己 (社会团体), 庚 (注销), 壬 (60).
    // Numerator: 甲 单独, 丙 挂靠, 辛 联合 = 3 → 3/4 = 0.75, target 100% → 1 short (乙).
    expect(r).toMatchObject({ numerator: 3, denominator: 4, rate: 0.75, met: false, shortfall: 1 });
    expect(await s.listed({ key: 'org-coverage-80plus', part: 'gap' })).toEqual([b]);
  });

  test('every one covered: met, nothing short', async () => {
    await s.standalone(await s.enterprise('甲机械有限公司', { employees: 81 }));
    // 1/1 = 100%.
    expect(await s.result('org-coverage-80plus')).toMatchObject({ rate: 1, met: true, shortfall: 0 });
  });
});

describe('org-coverage-50to79 从业50–79人且营业收入500万元以上', () => {
  test('both bounds inclusive; an unknown revenue counts as under 500万元 and is flagged', async () => {
    const a = await s.enterprise('甲机械有限公司', { employees: 50, revenue: 500 });
    const b = await s.enterprise('乙纺织有限公司', { employees: 79, revenue: 2000 });
    await s.enterprise('丙电器有限公司', { employees: 60, revenue: 499.99 });
    const d = await s.enterprise('丁塑料有限公司', { employees: 60, revenue: null });
    const e = await s.enterprise('戊食品有限公司', { employees: 70, revenue: null });
    await s.enterprise('己化工有限公司', { employees: 80, revenue: 900 });
    await s.enterprise('庚建材有限公司', { employees: 49, revenue: 800 });
    await s.enterprise('辛商会', { kind: 'social-group', employees: 60, revenue: null });
    await s.enterprise('壬物流有限公司', { employees: 60, revenue: null, operatingStatus: 'moved-out' });
    await s.enterprise('癸包装有限公司', { employees: null, revenue: null });
    await s.enterprise('子五金有限公司', { employees: 65, revenue: 0 });
    await s.standalone(a);
    await s.joint([e, b]);

    const r = await s.result('org-coverage-50to79');
    // Denominator: 甲 (50, 500) and 乙 (79, 2000) = 2. Not: 丙 (499.99), 丁/戊 (revenue 不详 → under 500),
    // 己 (80), 庚 (49), 辛 (社会团体), 壬 (迁出), 癸 (人数不详), 子 (revenue 0).
    // Numerator: 甲 单独, 乙 联合 = 2 → 2/2 = 100%, met.
    expect(r).toMatchObject({ numerator: 2, denominator: 2, rate: 1, met: true, shortfall: 0 });
    // Flagged: 企业/个体, active, 50–79人, revenue unknown: 丁 and 戊 = 2 (戊 whatever its organisation).
    // Not 辛 (社会团体), 壬 (迁出), 癸 (人数不详), 子 (0 is a known revenue).
    expect(r.revenueUnknown).toBe(2);
    // The unknown revenue banded them C, as the size band says (domain.md §3).
    for (const id of [d, e]) {
      expect((await s.call<{ sizeBand: string }>('enterprises:get', { id })).sizeBand).toBe('C');
    }
    // Only an indicator with a revenue clause flags anything.
    const report = await s.report();
    for (const other of report.indicators.filter((i) => i.key !== 'org-coverage-50to79')) {
      expect(other.revenueUnknown, other.key).toBe(0);
    }
  });

  test('no 50–79 enterprise over 500万元: an empty denominator, but the unknown revenues are still flagged', async () => {
    await s.enterprise('甲机械有限公司', { employees: 55, revenue: null });
    await s.enterprise('乙纺织有限公司', { employees: 55, revenue: 100 });
    // 0 / 0, and 甲 flagged (1).
    expect(await s.result('org-coverage-50to79')).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      met: null,
      shortfall: null,
      revenueUnknown: 1,
    });
  });
});

describe('formation-rate 总体组建率', () => {
  test('every active 企业 and 个体 counts, unknown size included; 社会组织 kinds and closed ones do not', async () => {
    const a = await s.enterprise('甲机械有限公司', { employees: 10 });
    const b = await s.enterprise('乙纺织有限公司', { employees: 40 });
    const c = await s.enterprise('丙五金店', { kind: 'individual', employees: 3 });
    const d = await s.enterprise('丁电器有限公司', { employees: null });
    const e = await s.enterprise('戊塑料有限公司', { employees: null });
    const f = await s.enterprise('己小吃店', { kind: 'individual', employees: 2 });
    const g = await s.enterprise('庚商会', { kind: 'social-group' });
    await s.enterprise('辛培训学校', { kind: 'private-non-enterprise' });
    const i = await s.enterprise('壬会计师事务所', { kind: 'intermediary' });
    const j = await s.enterprise('癸化工有限公司', { operatingStatus: 'deregistered' });
    await s.enterprise('子建材有限公司', { operatingStatus: 'moved-out' });
    const l = await s.enterprise('丑食品有限公司', { employees: 45, operatingStatus: 'difficult' });
    await s.standalone(a);
    await s.joint([b, g]);
    await s.attached([c, i]);
    await s.standalone(e);
    await s.standalone(j);

    const r = await s.result('formation-rate');
    // Denominator: 甲 乙 丙 丁 戊 己 丑 = 7 (丁 and 戊 人数不详 still count; 丑 困难 is active).
    // Not: 庚 (社会团体, though 联合), 辛 (民办非企业单位), 壬 (社会中介组织, though 挂靠), 癸 (注销), 子 (迁出).
    // Numerator: 甲 单独, 乙 联合, 丙 挂靠, 戊 单独 = 4 → 4/7 = 0.571428… → 0.5714.
    // Target 35%: 0.35 × 7 = 2.45 → 3 needed, 4 ≥ 3 → met, nothing short.
    expect(r).toMatchObject({ numerator: 4, denominator: 7, rate: 0.5714, target: 0.35, met: true, shortfall: 0 });
    // 人数不详: 丁 and 戊 are in the unknown band: 1 of 2 (戊).
    expect(r.breakdowns.sizeBand.find((row) => row.key === 'unknown')).toMatchObject({
      label: '人数不详',
      numerator: 1,
      denominator: 2,
    });
    // …and they are not in the 80人以上 denominator, which has nobody: 0/0.
    expect(await s.counts('org-coverage-80plus')).toEqual({ numerator: 0, denominator: 0 });
    expect(await s.listed({ key: 'formation-rate', part: 'gap' })).toEqual([d, f, l]);
  });

  test('shortfall: 35% of 20 enterprises is 7', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 20; n++) ids.push(await s.enterprise(`第${n}号机械有限公司`));
    // No organisation yet: 0/20, 0.35 × 20 = 7 needed → 7 short.
    expect(await s.result('formation-rate')).toMatchObject({
      numerator: 0,
      denominator: 20,
      rate: 0,
      met: false,
      shortfall: 7,
    });
    for (const id of ids.slice(0, 3)) await s.standalone(id);
    // 3/20 = 0.15 → 4 short.
    expect(await s.result('formation-rate')).toMatchObject({ numerator: 3, rate: 0.15, met: false, shortfall: 4 });
    await s.joint(ids.slice(3, 6));
    // 6/20 = 0.3 → 1 short.
    expect(await s.result('formation-rate')).toMatchObject({ numerator: 6, rate: 0.3, met: false, shortfall: 1 });
    await s.attached([ids[6]!]);
    // 7/20 = 0.35 → exactly the target: met.
    expect(await s.result('formation-rate')).toMatchObject({ numerator: 7, rate: 0.35, met: true, shortfall: 0 });
  });

  test('an empty ledger: every default has an empty denominator', async () => {
    const report = await s.report();
    expect(report.source).toEqual({ kind: 'live' });
    expect(report.asOf).toBe(TODAY);
    expect(report.indicators.map((i) => i.key)).toEqual([
      'org-coverage-members',
      'org-coverage-80plus',
      'org-coverage-50to79',
      'formation-rate',
      'work-coverage',
    ]);
    for (const i of report.indicators) {
      expect(i, i.key).toMatchObject({ numerator: 0, denominator: 0, rate: null, met: null, shortfall: null });
      expect(i.breakdowns, i.key).toEqual({ area: [], workGroup: [], sizeBand: [] });
    }
  });
});

describe('work-coverage 党的工作覆盖率', () => {
  /** Eight enterprises without an organisation, and some that are not counted; returns their ids by name. */
  async function township() {
    const instructor = await s.instructor('王指导');
    const withInstructor = { instructorId: instructor };
    const w = {
      w1: await s.enterprise('一号机械有限公司', withInstructor),
      w2: await s.enterprise('二号纺织有限公司', withInstructor),
      w3: await s.enterprise('三号电器有限公司'),
      w4: await s.enterprise('四号塑料有限公司', withInstructor),
      w5: await s.enterprise('五号食品有限公司', withInstructor),
      w6: await s.enterprise('六号化工有限公司', withInstructor),
      w7: await s.enterprise('七号建材有限公司', withInstructor),
      w8: await s.enterprise('八号包装有限公司', withInstructor),
      w9: await s.enterprise('九号商会', { kind: 'social-group', ...withInstructor }),
      w10: await s.enterprise('十号物流有限公司', { operatingStatus: 'deregistered', ...withInstructor }),
      w11: await s.enterprise('十一号五金店', { kind: 'individual', ...withInstructor }),
      w12: await s.enterprise('十二号印刷有限公司', withInstructor),
    };
    await s.log(w.w1, '2026-03-01');
    await s.log(w.w3, '2026-05-10');
    await s.log(w.w4, '2025-10-21'); // 13 months before 2026-11-21
    await s.log(w.w5, '2025-11-21'); // exactly 12 months before: the window's first day
    await s.log(w.w6, '2025-11-20'); // one day more than 12 months
    await s.log(w.w7, '2026-06-01');
    await s.log(w.w8, TODAY);
    await s.log(w.w9, '2026-06-01');
    await s.log(w.w10, '2026-06-01');
    await s.log(w.w11, '2026-06-01');
    await s.log(w.w12, '2026-12-05'); // planned, after today
    await s.standalone(w.w7);
    await s.attached([w.w11]);
    return w;
  }

  test('the default rule: a 指导员 and a work log within the 12 months up to today', async () => {
    const w = await township();
    const r = await s.result('work-coverage');
    // Denominator: 企业/个体, active, 未建立: w1 w2 w3 w4 w5 w6 w8 w12 = 8.
    // Not: w7 (单独建立), w11 (挂靠), w9 (社会团体), w10 (注销).
    // Window 2025-11-21 … 2026-11-21, both ends included.
    // Numerator: w1 (2026-03-01), w5 (2025-11-21, the first day), w8 (today) = 3.
    // Not: w2 (no log), w3 (no 指导员), w4 (13 months old), w6 (2025-11-20), w12 (log after today).
    // 3/8 = 0.375; target 40%: 0.4 × 8 = 3.2 → 4 needed → 1 short.
    expect(r).toMatchObject({ numerator: 3, denominator: 8, rate: 0.375, target: 0.4, met: false, shortfall: 1 });
    expect(await s.listed({ key: 'work-coverage', part: 'numerator' })).toEqual([w.w1, w.w5, w.w8]);
  });

  test('without the 指导员 requirement a log alone is party work', async () => {
    const w = await township();
    await s.saveSettings({ partyWork: { months: 12, needsInstructor: false }, reportingOn: null });
    // w3 now counts too: w1 w3 w5 w8 = 4 of 8 = 0.5; 4 ≥ 3.2 → met.
    expect(await s.result('work-coverage')).toMatchObject({ numerator: 4, denominator: 8, rate: 0.5, met: true });
    expect(await s.listed({ key: 'work-coverage', part: 'numerator' })).toEqual([w.w1, w.w3, w.w5, w.w8]);
  });

  test('a longer window: 14 months takes in the 13-month-old log', async () => {
    const w = await township();
    await s.saveSettings({ partyWork: { months: 14, needsInstructor: true }, reportingOn: null });
    // Window 2025-09-21 … 2026-11-21: w4 (2025-10-21) and w6 (2025-11-20) join w1 w5 w8 → 5/8 = 0.625.
    expect(await s.result('work-coverage')).toMatchObject({ numerator: 5, denominator: 8, rate: 0.625 });
    expect(await s.listed({ key: 'work-coverage', part: 'numerator' })).toEqual([w.w1, w.w4, w.w5, w.w6, w.w8]);
  });

  test('a shorter window: 1 month keeps only today’s log', async () => {
    await township();
    await s.saveSettings({ partyWork: { months: 1, needsInstructor: true }, reportingOn: null });
    // Window 2026-10-21 … 2026-11-21: only w8 → 1/8 = 0.125; 4 needed → 3 short.
    expect(await s.result('work-coverage')).toMatchObject({ numerator: 1, denominator: 8, rate: 0.125, shortfall: 3 });
  });

  test('a reporting date in the past moves the window back and leaves out later logs', async () => {
    const w = await township();
    await s.saveSettings({ partyWork: { months: 12, needsInstructor: true }, reportingOn: '2026-06-30' });
    const report = await s.report();
    expect(report.asOf).toBe('2026-06-30');
    // Window 2025-06-30 … 2026-06-30: w1 (2026-03-01), w4 (2025-10-21), w5 (2025-11-21), w6 (2025-11-20) = 4.
    // Not: w8 (2026-11-21) and w12 (2026-12-05) are after the reporting date; w2 none; w3 no 指导员.
    // 4/8 = 0.5.
    expect(report.indicators.find((i) => i.key === 'work-coverage')).toMatchObject({
      numerator: 4,
      denominator: 8,
      rate: 0.5,
      met: true,
    });
    expect(await s.listed({ key: 'work-coverage', part: 'numerator' })).toEqual([w.w1, w.w4, w.w5, w.w6]);
  });

  test('the 指导员 taken away leaves its enterprise out of the numerator', async () => {
    const w = await township();
    await s.update(w.w1, { instructorId: null });
    // w5 and w8 remain: 2/8 = 0.25.
    expect(await s.result('work-coverage')).toMatchObject({ numerator: 2, denominator: 8, rate: 0.25 });
  });
});

describe('disabled indicators', () => {
  test('a disabled indicator is absent from the report; enabling it again brings it back', async () => {
    await s.enterprise('甲机械有限公司', { employees: 100 });
    const before = (await s.indicators()).find((i) => i.key === 'org-coverage-80plus')!;
    const { id, key: _k, builtin: _b, sortOrder: _s, ...definition } = before;
    await s.call<Indicator>('indicators:save', { id, input: { ...definition, enabled: false } });
    const keys = (await s.report()).indicators.map((i) => i.key);
    expect(keys).toEqual(['org-coverage-members', 'org-coverage-50to79', 'formation-rate', 'work-coverage']);
    // Still listed for the editor, marked disabled.
    expect((await s.indicators()).find((i) => i.key === 'org-coverage-80plus')).toMatchObject({ enabled: false });
    await s.call<Indicator>('indicators:save', { id, input: { ...definition, enabled: true } });
    // 甲 (100人, no organisation): 0/1.
    expect(await s.counts('org-coverage-80plus')).toEqual({ numerator: 0, denominator: 1 });
  });
});

describe('custom indicators', () => {
  test('several clause kinds: set, area type, range, flag, recent work log', async () => {
    const park = await s.area('城东工业园区', 'industrial-park');
    const village = s.defaultArea();
    const leader = await s.leader('张书记');
    const inPark = { areaId: park, aboveScale: true, leaderId: leader };
    const c1 = await s.enterprise('一号机械有限公司', { ...inPark, employees: 100 });
    const c2 = await s.enterprise('二号纺织有限公司', { ...inPark, employees: 30 });
    const c3 = await s.enterprise('三号电器有限公司', { ...inPark, employees: 50, leaderId: null });
    const c4 = await s.enterprise('四号塑料有限公司', { ...inPark, employees: 29 });
    const c5 = await s.enterprise('五号食品有限公司', { ...inPark, areaId: village, employees: 200 });
    await s.enterprise('六号五金店', { ...inPark, kind: 'individual', employees: 40 });
    const c7 = await s.enterprise('七号建材有限公司', { ...inPark, employees: 60, aboveScale: false });
    await s.enterprise('八号包装有限公司', { ...inPark, employees: null });
    const c9 = await s.enterprise('九号化工有限公司', { ...inPark, employees: 300, operatingStatus: 'deregistered' });
    await s.log(c1, '2026-07-01');
    await s.log(c2, '2026-04-30');
    await s.log(c3, '2026-08-01');
    await s.log(c4, '2026-10-01');
    await s.log(c5, '2026-09-15');
    await s.log(c9, '2026-10-01');

    const input: IndicatorInput = {
      name: '园区规上企业走访率',
      denominator: [
        { fact: 'kind', in: ['enterprise'] },
        { fact: 'areaType', in: ['industrial-park'] },
        { fact: 'employees', min: 30, max: null },
        { fact: 'aboveScale', is: true },
      ],
      numerator: [
        { fact: 'recentWorkLog', months: 6, is: true },
        { fact: 'hasLeader', is: true },
      ],
      target: 0.5,
      note: '',
    };
    const saved = await s.call<Indicator>('indicators:save', { input });
    expect(saved).toMatchObject({ key: `custom-${saved.id}`, builtin: false, enabled: true, sortOrder: 6 });

    const r = await s.result(saved.key);
    // Denominator: 企业, in a 工业园区, ≥ 30人, 规上: c1 (100), c2 (30, the bound), c3 (50) = 3.
    // Not: c4 (29), c5 (village), 六号 (个体), c7 (not 规上), 八号 (人数不详), c9 (注销).
    // Numerator (a log within 6 months: 2026-05-21 … 2026-11-21, and a 联系领导): c1 = 1.
    // Not: c2 (2026-04-30 is 6 months and 3 weeks back), c3 (no 联系领导).
    // 1/3 = 0.3333; target 50%: 1.5 → 2 needed → 1 short.
    expect(r).toMatchObject({ name: '园区规上企业走访率', numerator: 1, denominator: 3, rate: 0.3333, shortfall: 1 });
    expect(await s.listed({ key: saved.key, part: 'gap' })).toEqual([c2, c3]);

    // A second one: negated recent log, 组织设置 and 规模类别 sets, no kind clause, only watched (no target).
    const watched = await s.call<Indicator>('indicators:save', {
      input: {
        name: '近3个月未走访的未建组织企业',
        denominator: [
          { fact: 'orgSetting', in: ['none'] },
          { fact: 'sizeBand', in: ['C', 'D'] },
        ],
        numerator: [{ fact: 'recentWorkLog', months: 3, is: false }],
        target: null,
        note: '',
      },
    });
    expect(watched.key).toBe(`custom-${watched.id}`);
    // Bands: c1 100 → D, c2 30 → B, c3 50 (revenue 不详) → C, c4 29 → A, c5 200 → D, 六号 40 → B,
    // c7 60 → C, 八号 不详, c9 D but 注销. None has an organisation.
    // Denominator: c1 c3 c5 c7 = 4. Window 2026-08-21 … 2026-11-21.
    // Numerator (no log in it): c1 (2026-07-01), c3 (2026-08-01), c7 (none) = 3; c5 (2026-09-15) has one.
    // 3/4 = 0.75, no target: met and shortfall null.
    expect(await s.result(watched.key)).toMatchObject({
      numerator: 3,
      denominator: 4,
      rate: 0.75,
      target: null,
      met: null,
      shortfall: null,
    });
    expect(await s.listed({ key: watched.key, part: 'numerator' })).toEqual([c1, c3, c7]);
  });

  test('a clerk’s indicator over the 社会组织 kinds counts them (closed ones still out)', async () => {
    const g = await s.enterprise('长乐商会', { kind: 'social-group' });
    await s.enterprise('阳光培训学校', { kind: 'private-non-enterprise' });
    const m = await s.enterprise('正信会计师事务所', { kind: 'intermediary' });
    const closed = await s.enterprise('老年协会', { kind: 'social-group', operatingStatus: 'deregistered' });
    await s.enterprise('甲机械有限公司');
    await s.standalone(g);
    await s.attached([m]);
    await s.standalone(closed);
    const saved = await s.call<Indicator>('indicators:save', {
      input: {
        name: '社会组织组建率',
        denominator: [{ fact: 'kind', in: ['private-non-enterprise', 'social-group', 'intermediary'] }],
        numerator: [{ fact: 'hasOrg', is: true }],
        target: 0.35,
        note: '',
      },
    });
    // Denominator: 商会, 培训学校, 事务所 = 3 (老年协会 注销, 甲 is a 企业). Numerator: 商会 单独, 事务所 挂靠 = 2.
    // 2/3 = 0.6667; 0.35 × 3 = 1.05 → 2 needed → met.
    expect(await s.result(saved.key)).toMatchObject({ numerator: 2, denominator: 3, rate: 0.6667, met: true });
    // The defaults still leave them out: formation-rate is 甲 alone, 0/1.
    expect(await s.counts('formation-rate')).toEqual({ numerator: 0, denominator: 1 });
  });
});

describe('breakdowns', () => {
  test('by area, by work group (未分组 is key 0) and by size band, each adding up to the total', async () => {
    const village = s.defaultArea(); // 长安村
    const park = await s.area('工业园区', 'industrial-park');
    const community = await s.area('城东社区', 'community');
    const rural = await s.workGroup('农村片区组');
    const economy = await s.workGroup('新经济组织组');
    const b1 = await s.enterprise('一号机械有限公司', { areaId: village, workGroupId: rural, employees: 10 });
    const b2 = await s.enterprise('二号纺织有限公司', { areaId: village, workGroupId: rural, employees: 35 });
    const b3 = await s.enterprise('三号电器有限公司', { areaId: village, employees: 60, revenue: 600 });
    const b4 = await s.enterprise('四号塑料有限公司', { areaId: park, workGroupId: economy, employees: 85 });
    const b5 = await s.enterprise('五号食品有限公司', { areaId: park, workGroupId: economy, employees: null });
    const b6 = await s.enterprise('六号化工有限公司', { areaId: park, employees: 55, revenue: null });
    const b7 = await s.enterprise('七号建材有限公司', {
      areaId: park,
      workGroupId: rural,
      employees: 20,
      operatingStatus: 'deregistered',
    });
    await s.enterprise('八号商会', { kind: 'social-group', areaId: community, workGroupId: economy, employees: 10 });
    await s.standalone(b1);
    await s.joint([b3, b4]);
    await s.standalone(b7);

    const r = await s.result('formation-rate');
    // Denominator: b1…b6 = 6 (b7 注销, 八号 社会团体). Numerator: b1 单独, b3 b4 联合 = 3 → 3/6 = 0.5.
    expect(r).toMatchObject({ numerator: 3, denominator: 6, rate: 0.5, met: true, shortfall: 0 });
    const row = (key: string, label: string, n: number, d: number): BreakdownRow => ({
      key,
      label,
      ...countOutcome(n, d, 0.35),
    });
    // 长安村: b1 b2 b3, 2 with an organisation → 2/3 = 0.6667. 工业园区: b4 b5 b6 → 1/3 = 0.3333 (0.35 × 3 = 1.05
    // → 2 needed, 1 short). 城东社区 has only the 商会: 0/0, rate null.
    expect(r.breakdowns.area).toEqual([
      row(String(village), '长安村', 2, 3),
      row(String(park), '工业园区', 1, 3),
      row(String(community), '城东社区', 0, 0),
    ]);
    expect(r.breakdowns.area[1]).toMatchObject({ rate: 0.3333, met: false, shortfall: 1 });
    expect(r.breakdowns.area[2]).toMatchObject({ rate: null, met: null, shortfall: null });
    // 农村片区组: b1 b2 → 1/2 (b7 注销). 新经济组织组: b4 b5 → 1/2 (the 商会 not counted). 未分组 (key '0'): b3 b6 → 1/2.
    expect(r.breakdowns.workGroup).toEqual([
      row(String(rural), '农村片区组', 1, 2),
      row(String(economy), '新经济组织组', 1, 2),
      row('0', '未分组', 1, 2),
    ]);
    // A: b1 (10) → 1/1. B: b2 (35) → 0/1. C: b6 (55, revenue 不详) → 0/1. D: b3 (60, 600万) and b4 (85) → 2/2.
    // 人数不详: b5 → 0/1. The 商会 is A but not counted, so A stays 1/1.
    expect(r.breakdowns.sizeBand).toEqual([
      row('A', 'A', 1, 1),
      row('B', 'B', 0, 1),
      row('C', 'C', 0, 1),
      row('D', 'D', 2, 2),
      row('unknown', '人数不详', 0, 1),
    ]);

    // Each row links to exactly its enterprises.
    expect(
      await s.listed({ key: 'formation-rate', part: 'gap', breakdown: { dimension: 'workGroup', key: '0' } }),
    ).toEqual([b6]);
    expect(
      await s.listed({
        key: 'formation-rate',
        part: 'denominator',
        breakdown: { dimension: 'area', key: String(park) },
      }),
    ).toEqual([b4, b5, b6]);
    expect(
      await s.listed({ key: 'formation-rate', part: 'numerator', breakdown: { dimension: 'sizeBand', key: 'D' } }),
    ).toEqual([b3, b4]);
    expect(
      await s.listed({
        key: 'formation-rate',
        part: 'denominator',
        breakdown: { dimension: 'area', key: String(community) },
      }),
    ).toEqual([]);
    void b2;
  });
});
