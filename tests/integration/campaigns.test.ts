import { describe, expect, test } from 'vitest';
import { CAMPAIGN_PHASE_TEMPLATE, type Campaign, type PlanDetail } from '../../shared/domain/plans';
import { campaignInput, members, planInput, usePlanLedger } from './planSetup';

const L = usePlanLedger();
const { call, errorOf, enterprise, savePlan, move, saveCampaign, undo, lastStep } = L;

const list = () => call<Campaign[]>('campaigns:list');

/** The six phases of source 002 over August–September. */
const SIX = [
  ['调查摸底', '2026-08-01', '2026-08-07'],
  ['制定方案', '2026-08-08', '2026-08-12'],
  ['组建', '2026-08-13', '2026-08-31'],
  ['工作覆盖', '2026-08-20', '2026-08-31'],
  ['选配指导员', '2026-08-11', '2026-08-20'],
  ['总结完善', '2026-09-01', '2026-09-20'],
].map(([name, startOn, endOn]) => ({ name: name!, startOn: startOn!, endOn: endOn! }));

describe('saving a campaign', () => {
  test('with its phases in the order given, as one step', async () => {
    expect(SIX.map((p) => p.name)).toEqual([...CAMPAIGN_PHASE_TEMPLATE]);
    const saved = await saveCampaign({ startOn: '2026-08-01', endOn: '2026-09-20', note: '三个100%', phases: SIX });
    expect(saved).toMatchObject({
      name: '非公企业党建集中攻坚月',
      startOn: '2026-08-01',
      endOn: '2026-09-20',
      note: '三个100%',
      plans: 0,
      openPlans: 0,
    });
    expect(saved.phases.map((p) => [p.name, p.startOn, p.endOn, p.sortOrder])).toEqual(
      SIX.map((p, i) => [p.name, p.startOn, p.endOn, i]),
    );
    expect((await lastStep())?.action).toBe('新建专项行动“非公企业党建集中攻坚月”');
    expect(await list()).toEqual([saved]);
  });

  test('phases are updated, added and deleted by id', async () => {
    const saved = await saveCampaign({ phases: SIX.slice(0, 3) });
    const [survey, , forming] = saved.phases;
    const edited = await saveCampaign(
      {
        name: '集中攻坚月',
        phases: [
          { id: forming!.id, name: '组建', startOn: '2026-08-13', endOn: '2026-09-10' },
          { id: survey!.id, name: '调查摸底', startOn: '2026-08-01', endOn: '2026-08-10' },
          { name: '总结完善', startOn: '2026-12-01', endOn: '2026-12-31' },
        ],
      },
      saved.id,
    );
    expect(edited.phases.map((p) => [p.name, p.endOn, p.sortOrder])).toEqual([
      ['组建', '2026-09-10', 0],
      ['调查摸底', '2026-08-10', 1],
      ['总结完善', '2026-12-31', 2],
    ]);
    expect(edited.phases.slice(0, 2).map((p) => p.id)).toEqual([forming!.id, survey!.id]);
    await undo('修改专项行动“集中攻坚月”');
    expect((await list())[0]!.phases.map((p) => p.name)).toEqual(['调查摸底', '制定方案', '组建']);
  });

  test.each([
    [
      '结束早于开始',
      { startOn: '2026-09-01', endOn: '2026-08-31' },
      'input.endOn',
      '结束日期（2026-08-31）不能早于开始日期（2026-09-01）',
    ],
    [
      '阶段早于专项行动',
      { phases: [SIX[0]!, { name: '制定方案', startOn: '2026-07-30', endOn: '2026-08-10' }] },
      'input.phases.1.startOn',
      '阶段“制定方案”的开始日期（2026-07-30）不能早于专项行动的开始日期（2026-08-01）',
    ],
    [
      '阶段晚于专项行动',
      { phases: [{ name: '总结完善', startOn: '2026-12-20', endOn: '2027-01-05' }] },
      'input.phases.0.endOn',
      '阶段“总结完善”的结束日期（2027-01-05）不能晚于专项行动的结束日期（2026-12-31）',
    ],
    [
      '阶段结束早于开始',
      { phases: [{ name: '组建', startOn: '2026-09-10', endOn: '2026-09-01' }] },
      'input.phases.0.endOn',
      '阶段“组建”的结束日期（2026-09-01）不能早于其开始日期（2026-09-10）',
    ],
  ])('refused: %s', async (_, more, field, message) => {
    const err = await errorOf('campaigns:save', { input: campaignInput(more) });
    expect(err).toMatchObject({ code: 'VALIDATION', field, message });
  });

  test('names are unique; a phase of another campaign cannot be edited through this one', async () => {
    const first = await saveCampaign({ phases: SIX.slice(0, 1) });
    const dup = await errorOf('campaigns:save', { input: campaignInput() });
    expect(dup).toMatchObject({
      field: 'input.name',
      message: '已有名为“非公企业党建集中攻坚月”的专项行动，请换一个名称',
    });
    const second = await saveCampaign({ name: '回头看' });
    const foreign = { ...SIX[0]!, id: first.phases[0]!.id };
    const err = await errorOf('campaigns:save', {
      id: second.id,
      input: campaignInput({ name: '回头看', phases: [foreign] }),
    });
    expect(err).toMatchObject({ field: 'input.phases.0.id' });
    // Keeping its own name on edit is fine.
    expect((await saveCampaign({ note: '改说明' }, first.id)).note).toBe('改说明');
  });
});

describe('listing campaigns', () => {
  test('newest first, each with its plans and how many are open', async () => {
    const old = await saveCampaign({ name: '去年攻坚', startOn: '2025-08-01', endOn: '2025-09-30' });
    const current = await saveCampaign();
    const a = await enterprise('甲机械有限公司', members(2));
    const b = await enterprise('乙纺织有限公司', members(1));
    await savePlan(planInput(a, { campaignId: current.id }));
    const shelved = await savePlan(planInput(b, { campaignId: current.id }));
    await move(shelved.id, 'shelve', { reason: '企业迁出' });
    const campaigns = await list();
    expect(campaigns.map((c) => [c.name, c.plans, c.openPlans])).toEqual([
      ['非公企业党建集中攻坚月', 2, 1],
      ['去年攻坚', 0, 0],
    ]);
    expect(campaigns[1]!.id).toBe(old.id);
  });
});

describe('deleting a campaign never deletes plans', () => {
  async function withPlans() {
    const campaign = await saveCampaign({ phases: SIX.slice(0, 2) });
    const a = await enterprise('甲机械有限公司', members(2));
    const b = await enterprise('乙纺织有限公司', members(1));
    const planA = await savePlan(planInput(a, { campaignId: campaign.id }));
    const planB = await savePlan(planInput(b, { campaignId: campaign.id }));
    return { campaign, a, b, planA, planB };
  }

  test('refused while plans name it', async () => {
    const { campaign } = await withPlans();
    const err = await errorOf('campaigns:delete', { id: campaign.id });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'plans' });
    expect(err.message).toBe(
      '专项行动“非公企业党建集中攻坚月”中有2个方案，不能直接删除；可选择将这些方案移出专项行动（方案保留为各自年度的方案）后再删除',
    );
    expect(await list()).toHaveLength(1);
  });

  test('with plans: "detach" the plans stay as plans of their year; one undo brings everything back', async () => {
    const { campaign, planA, planB } = await withPlans();
    await call('campaigns:delete', { id: campaign.id, plans: 'detach' });
    expect(await list()).toEqual([]);
    for (const p of [planA, planB]) {
      expect(await call<PlanDetail>('plans:get', { id: p.id })).toMatchObject({ campaignId: null, year: 2026 });
    }
    await undo('删除专项行动“非公企业党建集中攻坚月”（2个方案移出）');
    const [back] = await list();
    expect(back).toMatchObject({ id: campaign.id, plans: 2, openPlans: 2 });
    expect(back!.phases.map((p) => p.name)).toEqual(['调查摸底', '制定方案']);
    expect((await call<PlanDetail>('plans:get', { id: planA.id })).campaignId).toBe(campaign.id);
  });

  test('detaching is refused where an enterprise would then have two open plans in one year, naming it', async () => {
    const { campaign, a } = await withPlans();
    const ofYear = await savePlan(planInput(a));
    const err = await errorOf('campaigns:delete', { id: campaign.id, plans: 'detach' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'plans' });
    expect(err.message).toContain(`“甲机械有限公司”在2026年度已有另一个未完成的方案（编号${ofYear.id}）`);
    expect(await list()).toHaveLength(1);
  });

  test('an empty campaign goes at once, with its phases', async () => {
    const campaign = await saveCampaign({ phases: SIX });
    await call('campaigns:delete', { id: campaign.id });
    expect(await list()).toEqual([]);
    expect((await lastStep())?.action).toBe('删除专项行动“非公企业党建集中攻坚月”');
    expect((await errorOf('campaigns:delete', { id: campaign.id })).code).toBe('NOT_FOUND');
  });
});
