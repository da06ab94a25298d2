import { describe, expect, test } from 'vitest';
import type { StatsReport } from '../../shared/domain/indicators';
import type { Campaign, PlanDetail } from '../../shared/domain/plans';
import type { SnapshotItem } from '../../shared/ipc/stats';
import type { CampaignInput } from '../../shared/ipc/plans';
import { campaignInput, planInput } from './planSetup';
import { useStatsLedger } from './statsSetup';

/**
 * The dashboard scoped to a 专项行动: only the live enterprises with a plan in it (whatever the plan's state), against
 * the campaign's own targets where it sets them and the indicators' own elsewhere; and the ledger list behind each
 * number, told the campaign, lists exactly those. Today is 2026-11-21. Every expected number is worked out by hand.
 */
const s = useStatsLedger();

const saveCampaign = (more: Partial<CampaignInput> = {}, id?: number) =>
  s.call<Campaign>('campaigns:save', { ...(id === undefined ? {} : { id }), input: campaignInput(more) });
const savePlan = (enterpriseId: number, campaignId: number | null) =>
  s.call<PlanDetail>('plans:save', { input: planInput(enterpriseId, campaignId === null ? {} : { campaignId }) });
const scopedReport = (campaignId: number) => s.call<StatsReport>('stats:report', { campaignId });
const resultOf = (report: StatsReport, key: string) => report.indicators.find((i) => i.key === key)!;

/**
 * The township:
 *   甲 2 members, own branch, 100 employees      — plan in the campaign
 *   乙 1 member, no organisation, 90 employees    — plan in the campaign
 *   丙 3 members, no organisation, in 长乐村       — plan in the campaign, shelved (still counted)
 *   丁 no members, no organisation, a visit this year and an instructor (党的工作覆盖) — plan in the campaign
 *   戊 1 member, no organisation                  — plan in the campaign, then 注销 (out of every count)
 *   己 1 member, no organisation, in 长乐村        — plan in another campaign only
 *   庚 2 members, own branch                      — a plan of the year, in no campaign
 *   辛 nothing, no plan
 */
async function township() {
  const changle = await s.area('长乐村');
  const instructor = await s.instructor('王指导');
  const jia = await s.enterprise('甲机械有限公司', { fullMembers: 2, employees: 100 });
  const yi = await s.enterprise('乙纺织有限公司', { fullMembers: 1, employees: 90 });
  const bing = await s.enterprise('丙五金有限公司', { fullMembers: 3, areaId: changle });
  const ding = await s.enterprise('丁电器有限公司', { instructorId: instructor });
  const wu = await s.enterprise('戊塑料有限公司', { fullMembers: 1 });
  const ji = await s.enterprise('己食品有限公司', { fullMembers: 1, areaId: changle });
  const geng = await s.enterprise('庚包装有限公司', { fullMembers: 2 });
  const xin = await s.enterprise('辛建材有限公司');
  await s.standalone(jia);
  await s.standalone(geng);
  await s.log(ding, '2026-06-10');

  const campaign = await saveCampaign();
  const other = await saveCampaign({ name: '回头看' });
  for (const e of [jia, yi, ding, wu]) await savePlan(e, campaign.id);
  const planOfBing = await savePlan(bing, campaign.id);
  await s.call('plans:transition', { id: planOfBing.id, action: 'shelve', reason: '企业暂不具备组建条件' });
  await savePlan(ji, other.id);
  await savePlan(geng, null);
  await s.update(wu, { operatingStatus: 'deregistered', statusSince: '2026-11-01' });
  return { campaign, other, changle, jia, yi, bing, ding, wu, ji, geng, xin };
}

describe('the dashboard scoped to a campaign', () => {
  test('counts only the live enterprises with a plan in it, whatever the plan’s state', async () => {
    const t = await township();
    const report = await scopedReport(t.campaign.id);
    expect(report.source).toEqual({ kind: 'live', campaign: { id: t.campaign.id, name: '非公企业党建集中攻坚月' } });

    // 有党员企业的组织覆盖率. Campaign: 甲 乙 丙 (戊 注销, 己 another campaign, 庚 no campaign) = 3; 甲 has a branch = 1.
    // Own target 100% → needs 3, 2 short. Township: 甲 乙 丙 己 庚 = 5, 甲 庚 covered = 2.
    expect(resultOf(report, 'org-coverage-members')).toMatchObject({
      numerator: 1,
      denominator: 3,
      rate: 0.3333,
      target: 1,
      met: false,
      shortfall: 2,
    });
    expect(await s.counts('org-coverage-members')).toEqual({ numerator: 2, denominator: 5 });

    // 总体组建率: 甲 乙 丙 丁 = 4, 甲 = 1 → 0.25; own target 35% needs ceil(1.4) = 2, 1 short.
    expect(resultOf(report, 'formation-rate')).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(resultOf(report, 'formation-rate')).toMatchObject({ target: 0.35, met: false, shortfall: 1 });
    // 从业80人以上: 甲(100) 乙(90) = 2, 甲 = 1.
    expect(resultOf(report, 'org-coverage-80plus')).toMatchObject({ numerator: 1, denominator: 2 });
    // 党的工作覆盖率: no organisation among them: 乙 丙 丁 = 3; 丁 has a visit this year and an instructor = 1.
    expect(resultOf(report, 'work-coverage')).toMatchObject({ numerator: 1, denominator: 3, rate: 0.3333 });

    // Broken down by area, the same enterprises: 长乐村 holds 丙 alone (己 is another campaign's).
    const inChangle = resultOf(report, 'org-coverage-members').breakdowns.area.find((r) => r.key === String(t.changle));
    expect(inChangle).toMatchObject({ numerator: 0, denominator: 1 });
  });

  test('uses the campaign’s target where it sets one and the indicator’s own elsewhere; met and shortfall follow', async () => {
    const t = await township();
    await saveCampaign({ targets: { 'formation-rate': 0.25, 'work-coverage': 0.7 } }, t.campaign.id);
    const report = await scopedReport(t.campaign.id);

    // 总体组建率 1 / 4 = 0.25: against the campaign's 25% it needs ceil(1) = 1 → met (against 35% it was 1 short).
    expect(resultOf(report, 'formation-rate')).toMatchObject({
      rate: 0.25,
      target: 0.25,
      met: true,
      shortfall: 0,
    });
    // 党的工作覆盖率 1 / 3: against the campaign's 70% it needs ceil(2.1) = 3 → 2 short (against the own 40%,
    // ceil(1.2) = 2 → 1 short).
    expect(resultOf(report, 'work-coverage')).toMatchObject({ target: 0.7, met: false, shortfall: 2 });
    // The breakdown rows are held to the same target: 长乐村 has 丙 only, no org, 0 / 1 → ceil(0.7) = 1 short.
    const area = resultOf(report, 'work-coverage').breakdowns.area.find((r) => r.key === String(t.changle));
    expect(area).toMatchObject({ numerator: 0, denominator: 1, met: false, shortfall: 1 });
    // Not named by the campaign: the indicator's own 100%.
    expect(resultOf(report, 'org-coverage-members')).toMatchObject({ target: 1, shortfall: 2 });

    // The township's figures keep the indicators' own targets.
    expect(await s.result('formation-rate')).toMatchObject({ target: 0.35 });
    expect(await s.result('work-coverage')).toMatchObject({ target: 0.4 });
  });

  test('the ledger list behind each number, told the campaign, lists exactly those enterprises', async () => {
    const t = await township();
    const report = await scopedReport(t.campaign.id);
    const campaignId = t.campaign.id;
    const byId = (ids: number[]) => [...ids].sort((a, b) => a - b);

    const members = resultOf(report, 'org-coverage-members');
    expect(await s.listed({ key: 'org-coverage-members', part: 'denominator', campaignId })).toEqual(
      byId([t.jia, t.yi, t.bing]),
    );
    expect(await s.listed({ key: 'org-coverage-members', part: 'numerator', campaignId })).toEqual([t.jia]);
    const gap = await s.listed({ key: 'org-coverage-members', part: 'gap', campaignId });
    expect(gap).toEqual(byId([t.yi, t.bing]));
    expect(gap).toHaveLength(members.denominator - members.numerator);
    // The township's gap has 己 and not 戊 (注销) besides.
    expect(await s.listed({ key: 'org-coverage-members', part: 'gap' })).toEqual(byId([t.yi, t.bing, t.ji]));

    // Every part of every indicator: as many listed as the scoped report counts.
    for (const r of report.indicators) {
      for (const [part, count] of [
        ['numerator', r.numerator],
        ['denominator', r.denominator],
        ['gap', r.denominator - r.numerator],
      ] as const) {
        expect(await s.listed({ key: r.key, part, campaignId }), `${r.key} ${part}`).toHaveLength(count);
      }
    }

    // A breakdown row too: 长乐村's gap is 丙 alone (己 is another campaign's).
    const breakdown = { dimension: 'area', key: String(t.changle) };
    expect(await s.listed({ key: 'org-coverage-members', part: 'gap', breakdown, campaignId })).toEqual([t.bing]);
    // The other campaign has 己 alone.
    expect(await s.listed({ key: 'org-coverage-members', part: 'gap', campaignId: t.other.id })).toEqual([t.ji]);
  });

  test('refused: a snapshot and a campaign together, and a campaign that does not exist', async () => {
    const t = await township();
    const snapshot = await s.call<SnapshotItem>('snapshots:take', { takenOn: '2026-11-21' });
    const both = await s.errorOf('stats:report', { snapshotId: snapshot.id, campaignId: t.campaign.id });
    expect(both).toMatchObject({ code: 'VALIDATION', message: '统计快照是全镇的数字，不能按专项行动查看' });

    const gone = await s.errorOf('stats:report', { campaignId: 9999 });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', message: '该专项行动已不存在，可能已被删除，请刷新' });
    const listGone = await s.errorOf('enterprises:list', {
      query: { indicator: { key: 'formation-rate', part: 'gap', campaignId: 9999 } },
      limit: 10,
    });
    expect(listGone).toMatchObject({ code: 'NOT_FOUND', message: '该专项行动已不存在，可能已被删除，请刷新' });
  });

  test('a campaign with no plans counts nothing: every rate is null', async () => {
    await s.enterprise('甲机械有限公司', { fullMembers: 2 });
    const empty = await saveCampaign();
    const report = await scopedReport(empty.id);
    for (const r of report.indicators) expect(r, r.key).toMatchObject({ numerator: 0, denominator: 0, rate: null });
  });
});

describe('a campaign’s targets', () => {
  const storedTargets = (id: number) =>
    s.readFile(
      (db) => (db.prepare('SELECT targets FROM campaigns WHERE id = ?').get(id) as { targets: string }).targets,
    );

  test('kept as sent, keys in a fixed order; saving without them clears them', async () => {
    const saved = await saveCampaign({ targets: { 'work-coverage': 0.6, 'formation-rate': 0.355 } });
    expect(saved.targets).toEqual({ 'formation-rate': 0.355, 'work-coverage': 0.6 });
    expect(await storedTargets(saved.id)).toBe('{"formation-rate":0.355,"work-coverage":0.6}');
    const [listed] = await s.call<Campaign[]>('campaigns:list');
    expect(listed!.targets).toEqual({ 'formation-rate': 0.355, 'work-coverage': 0.6 });

    // Sent again (in another order) they stay; the note changes alone.
    const again = await saveCampaign(
      { note: '三个100%', targets: { 'formation-rate': 0.355, 'work-coverage': 0.6 } },
      saved.id,
    );
    expect(again.targets).toEqual({ 'formation-rate': 0.355, 'work-coverage': 0.6 });

    // A save without `targets` means none: the campaign falls back to the indicators' own.
    const cleared = await saveCampaign({ note: '三个100%' }, saved.id);
    expect(cleared.targets).toEqual({});
    expect(await storedTargets(saved.id)).toBe('{}');
  });

  test.each([
    ['over 100%', 1.2, '目标值不能超过100%'],
    ['below 0%', -0.1, '目标值不能小于0%'],
  ])('a target %s is refused naming 专项行动目标', async (_, rate, reason) => {
    const err = await s.errorOf('campaigns:save', { input: campaignInput({ targets: { 'formation-rate': rate } }) });
    expect(err).toEqual({
      code: 'VALIDATION',
      field: 'input.targets.formation-rate',
      message: `专项行动目标：${reason}`,
    });
    expect(await s.call<Campaign[]>('campaigns:list')).toEqual([]);
  });
});
