import { describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../shared/ipc/enterprises';
import type { Page, Saved } from '../../shared/ipc/fields';
import type { PlanDetail, PlanRow } from '../../shared/domain/plans';
import type { BatchResult, PlanPrefill } from '../../shared/ipc/plans';
import { members, planInput, READY, TODAY, usePlanLedger } from './planSetup';

const L = usePlanLedger();
const { call, errorOf, enterprise, savePlan, move, moveAll, saveCampaign, saveOrg, undo, lastStep, readFile } = L;

const list = (query: Record<string, unknown> = {}) => call<Page<PlanRow>>('plans:list', query);
const names = (page: Page<PlanRow>) => page.rows.map((r) => r.enterpriseName);

describe('新建方案 starts from the ledger', () => {
  test('现状 from the enterprise’s facts; 组建对策 from the rule; its 推进组; milestones counted from the start', async () => {
    const group = (await call<{ id: number }>('workGroups:save', { name: '农村东片推进组' })).id;
    const instructor = (await call<{ id: number }>('instructors:save', { name: '张明' })).id;
    const id = await enterprise('甲机械有限公司', {
      ...members(2, 1),
      employees: 45,
      workGroupId: group,
      instructorId: instructor,
    });
    await call<Saved>('workLogs:save', { input: { enterpriseId: id, heldOn: '2026-10-12', kind: 'visit' } });
    await call<Saved>('workLogs:save', { input: { enterpriseId: id, heldOn: '2026-11-02', kind: 'forum' } });

    const prefill = await call<PlanPrefill>('plans:prefill', { enterpriseId: id, startOn: '2026-12-20' });
    expect(prefill.situation).toBe(
      '从业人员45人，规模类别：30–49人；正式党员2名、预备党员1名；组织设置：未建立；党建工作指导员：张明；最近走访：2026-10-12',
    );
    // 2 正式党员 in a village, no links: 村企联建, and no 组建方向 of the clerk's yet.
    expect(prefill.suggestion?.method).toBe('village-joint');
    expect(prefill.suggestion?.reason).toBeTruthy();
    expect(prefill.method).toBe('village-joint');
    expect(prefill.workGroupId).toBe(group);
    expect(prefill.milestones).toEqual([
      { name: '企业提出组建请示', dueOn: '2027-01-04' },
      { name: '镇党委批复同意组建', dueOn: '2027-01-19' },
      { name: '召开党员大会选举', dueOn: '2027-02-03' },
      { name: '党组织挂牌、制度上墙', dueOn: '2027-02-18' },
    ]);
  });

  test('the clerk’s 组建方向 wins over the suggestion; an organisation is named in 现状', async () => {
    const chosen = await enterprise('乙纺织有限公司', { ...members(1), formationDirection: 'leader-led' });
    expect((await call<PlanPrefill>('plans:prefill', { enterpriseId: chosen, startOn: TODAY })).method).toBe(
      'leader-led',
    );
    const attached = await enterprise('丙印染有限公司', { ...members(1), employees: 10 });
    await saveOrg('中共长安村委员会', 'committee', [attached], { host: 'locality' });
    const prefill = await call<PlanPrefill>('plans:prefill', { enterpriseId: attached, startOn: TODAY });
    expect(prefill.situation).toContain('组织设置：挂靠（中共长安村委员会）');
    expect(prefill.situation).toContain('党建工作指导员：未选派；最近走访：无记录');
  });

  test('an enterprise that no longer exists is refused', async () => {
    const err = await errorOf('plans:prefill', { enterpriseId: 999, startOn: TODAY });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'enterpriseId' });
    expect(err.message).toContain('企业已不存在');
  });
});

describe('saving a plan', () => {
  test('a new plan is 草拟 with its milestones as rows in the order given; measures trimmed', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const plan = await savePlan(planInput(id, { measures: ['  上门宣讲  ', '发展积极分子'], problems: '业主顾虑' }));
    expect(plan).toMatchObject({
      status: 'draft',
      enterpriseName: '甲机械有限公司',
      areaName: '长安村',
      measures: ['上门宣讲', '发展积极分子'],
      approvedOn: null,
      suggestion: { method: 'village-joint' },
      reply: null,
    });
    expect(plan.milestones.map((m) => [m.name, m.dueOn, m.doneOn, m.sortOrder])).toEqual([
      ['企业提出组建请示', '2026-11-15', null, 0],
      ['镇党委批复同意组建', '2026-12-15', null, 1],
    ]);
    expect((await lastStep())?.action).toBe('新建方案“甲机械有限公司”');
  });

  test('milestones are updated, added and deleted by id in the same step', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const plan = await savePlan(planInput(id));
    const [first, second] = plan.milestones;
    const edited = await savePlan(
      planInput(id, {
        milestones: [
          { name: '召开党员大会选举', dueOn: '2027-01-10' },
          { id: first!.id, name: '企业提出组建请示', dueOn: '2026-11-15', doneOn: '2026-11-14' },
        ],
      }),
      plan.id,
    );
    expect(edited.milestones.map((m) => [m.id === first!.id, m.name, m.doneOn, m.sortOrder])).toEqual([
      [false, '召开党员大会选举', null, 0],
      [true, '企业提出组建请示', '2026-11-14', 1],
    ]);
    // 镇党委批复同意组建 is gone (SQLite may hand its id to the new row, which is why history splits an id's lives).
    expect(edited.milestones.map((m) => m.name)).not.toContain(second!.name);
    // One step: one undo puts back the deleted milestone and the old order.
    await undo('修改方案“甲机械有限公司”');
    const back = await call<PlanDetail>('plans:get', { id: plan.id });
    expect(back.milestones.map((m) => m.id)).toEqual([first!.id, second!.id]);
    expect(back.milestones[0]!.doneOn).toBeNull();
  });

  test.each([
    [
      '节点期限早于开始日期',
      {
        milestones: [
          { name: '企业提出组建请示', dueOn: '2026-11-15' },
          { name: '批复', dueOn: '2026-10-31' },
        ],
      },
      'input.milestones.1.dueOn',
      '节点“批复”的期限（2026-10-31）不能早于方案的开始日期（2026-11-01）',
    ],
    [
      '节点完成日期晚于今天',
      { milestones: [{ name: '企业提出组建请示', dueOn: '2026-11-15', doneOn: '2026-11-22' }] },
      'input.milestones.0.doneOn',
      '节点“企业提出组建请示”的完成日期（2026-11-22）不能晚于今天',
    ],
    ['专项行动不存在', { campaignId: 77 }, 'input.campaignId', '所选专项行动已不存在'],
    ['推进组不存在', { workGroupId: 77 }, 'input.workGroupId', '所选推进组已不存在'],
  ])('refused: %s', async (_, more, field, message) => {
    const id = await enterprise('甲机械有限公司', members(2));
    const err = await errorOf('plans:save', { input: planInput(id, more) });
    expect(err).toMatchObject({ code: 'VALIDATION', field });
    expect(err.message).toContain(message);
  });

  test('refused by the contract: a blank milestone name, a bad date, a status typed in, a blank measure', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const blankName = await errorOf('plans:save', {
      input: planInput(id, { milestones: [{ name: ' ', dueOn: TODAY }] }),
    });
    expect(blankName).toMatchObject({ field: 'input.milestones.0.name' });
    expect(blankName.message).toContain('节点名称');
    const badDate = await errorOf('plans:save', { input: planInput(id, { startOn: '2026-02-30' }) });
    expect(badDate).toMatchObject({ field: 'input.startOn' });
    expect(badDate.message).toContain('开始日期');
    const status = await errorOf('plans:save', { input: { ...planInput(id), status: 'approved' } });
    expect(status.code).toBe('VALIDATION');
    const blank = await errorOf('plans:save', { input: planInput(id, { measures: ['上门宣讲', '  '] }) });
    expect(blank).toMatchObject({ field: 'input.measures.1' });
    expect(blank.message).toContain('具体措施');
  });

  test('a missing enterprise, and moving a plan to another enterprise, are refused', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const other = await enterprise('乙纺织有限公司', members(1));
    expect(await errorOf('plans:save', { input: planInput(999) })).toMatchObject({ field: 'input.enterpriseId' });
    const plan = await savePlan(planInput(id));
    const err = await errorOf('plans:save', { id: plan.id, input: planInput(other) });
    expect(err).toMatchObject({ field: 'input.enterpriseId' });
    expect(err.message).toContain('方案的企业不能更改');
  });

  test('a milestone of another plan cannot be edited through this one', async () => {
    const a = await savePlan(planInput(await enterprise('甲机械有限公司', members(2))));
    const b = await savePlan(planInput(await enterprise('乙纺织有限公司', members(1))));
    const foreign = a.milestones[0]!;
    const err = await errorOf('plans:save', {
      id: b.id,
      input: planInput(b.enterpriseId, { milestones: [{ id: foreign.id, name: foreign.name, dueOn: foreign.dueOn }] }),
    });
    expect(err).toMatchObject({ field: 'input.milestones.0.id' });
  });

  test('one open plan per enterprise per campaign, and per year outside campaigns, refused by name', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const campaign = await saveCampaign();
    const first = await savePlan(planInput(id, { campaignId: campaign.id }));
    const err = await errorOf('plans:save', { input: planInput(id, { campaignId: campaign.id }) });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'input.enterpriseId' });
    expect(err.message).toBe(
      `“甲机械有限公司”在专项行动“非公企业党建集中攻坚月”中已有未完成的方案（编号${first.id}，草拟），` +
        '同一企业只能有一个未完成的方案；请在原方案上修改，或先将其完成或搁置',
    );
    // Outside the campaign the year counts: one plan of 2026 may sit beside the campaign's, not two.
    const ofYear = await savePlan(planInput(id));
    const again = await errorOf('plans:save', { input: planInput(id) });
    expect(again.message).toContain(`在2026年度（不属于专项行动）已有未完成的方案（编号${ofYear.id}，草拟）`);
    await savePlan(planInput(id, { year: 2027, startOn: '2027-01-01', milestones: [] }));
    // Moving a plan into the campaign is refused the same way.
    const into = await errorOf('plans:save', { id: ofYear.id, input: planInput(id, { campaignId: campaign.id }) });
    expect(into.message).toContain(`编号${first.id}`);
    // Once the first is shelved a new one may be made.
    await move(first.id, 'shelve', { reason: '企业停产' });
    expect((await savePlan(planInput(id, { campaignId: campaign.id }))).status).toBe('draft');
  });

  test('a 已完成 plan is read-only but for its 备注', async () => {
    const id = await enterprise('甲机械有限公司', members(3));
    const org = await saveOrg('中共甲机械有限公司支部委员会', 'branch', []);
    const plan = await savePlan(planInput(id, READY));
    await moveAll(plan.id, ['submit', 'approve', 'start']);
    await move(plan.id, 'complete', { partyOrgId: org });
    const input = planInput(id, {
      ...READY,
      milestones: plan.milestones.map(({ id: mid, name, dueOn }) => ({ id: mid, name, dueOn })),
    });
    const noted = await savePlan({ ...input, note: '已挂牌' }, plan.id);
    expect(noted).toMatchObject({ note: '已挂牌', status: 'done' });
    const err = await errorOf('plans:save', { id: plan.id, input: { ...input, problems: '改写' } });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'input.problems' });
    expect(err.message).toContain('方案已完成，只能修改备注');
    const milestoneErr = await errorOf('plans:save', { id: plan.id, input: { ...input, milestones: [] } });
    expect(milestoneErr).toMatchObject({ field: 'input.milestones' });
  });

  test('an approved plan keeps its 组建对策 and at least one measure; its start stays before approval', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const plan = await savePlan(planInput(id, READY));
    await moveAll(plan.id, ['submit', 'approve'], { on: '2026-11-10' });
    expect(
      await errorOf('plans:save', { id: plan.id, input: planInput(id, { ...READY, method: null }) }),
    ).toMatchObject({
      field: 'input.method',
    });
    expect(
      await errorOf('plans:save', { id: plan.id, input: planInput(id, { ...READY, measures: [] }) }),
    ).toMatchObject({
      field: 'input.measures',
    });
    const late = await errorOf('plans:save', {
      id: plan.id,
      input: planInput(id, { ...READY, startOn: '2026-11-12', milestones: [] }),
    });
    expect(late).toMatchObject({ field: 'input.startOn' });
    expect(late.message).toContain('不能晚于方案的审批日期（2026-11-10）');
  });
});

describe('deleting a plan', () => {
  test('only 草拟 or 搁置; the others are refused with what to do', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const plan = await savePlan(planInput(id, READY));
    await move(plan.id, 'submit');
    const err = await errorOf('plans:delete', { id: plan.id });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      '方案“甲机械有限公司”当前为“待审批”，只能删除草拟或搁置的方案；不再推进的方案请搁置并写明原因',
    );
    await move(plan.id, 'shelve', { reason: '企业迁出' });
    await call('plans:delete', { id: plan.id });
    expect((await list()).total).toBe(0);
    await undo('删除方案“甲机械有限公司”');
    const back = await call<PlanDetail>('plans:get', { id: plan.id });
    expect(back.milestones).toHaveLength(2);
    expect(back.status).toBe('shelved');
  });
});

describe('批量生成方案', () => {
  /** 甲, 乙 on the 名册; 丙 too but already planned in the campaign; 丁 has no members; 戊 is 注销. */
  async function roster() {
    const campaign = await saveCampaign();
    const e = {
      jia: await enterprise('甲机械有限公司', { ...members(2), employees: 45, formationDirection: 'standalone' }),
      yi: await enterprise('乙纺织有限公司', members(1)),
      bing: await enterprise('丙印染有限公司', members(1)),
      ding: await enterprise('丁五金有限公司', { employees: 20 }),
      wu: await enterprise('戊服装有限公司', { ...members(1), operatingStatus: 'deregistered' }),
    };
    const existing = await savePlan(planInput(e.bing, { campaignId: campaign.id }));
    return { campaign, existing, ...e };
  }

  test('every enterprise of the 有党员未建 名册, pre-filled, in one step; those already planned are listed', async () => {
    const { campaign, existing, jia, yi, bing } = await roster();
    const result = await call<BatchResult>('plans:batchCreate', {
      campaignId: campaign.id,
      year: 2026,
      startOn: '2026-11-21',
    });
    expect(result.created).toBe(2);
    expect(result.skipped).toEqual([
      {
        enterpriseId: bing,
        name: '丙印染有限公司',
        reason: `本专项行动中已有未完成的方案（编号${existing.id}，草拟）`,
      },
    ]);
    const rows = (await list({ campaignId: campaign.id })).rows;
    expect(rows.map((r) => r.enterpriseName).sort()).toEqual(['丙印染有限公司', '乙纺织有限公司', '甲机械有限公司']);
    const jiaPlan = await call<PlanDetail>('plans:get', { id: rows.find((r) => r.enterpriseId === jia)!.id });
    expect(jiaPlan).toMatchObject({
      status: 'draft',
      method: 'standalone',
      startOn: '2026-11-21',
      campaignId: campaign.id,
    });
    expect(jiaPlan.situation).toContain('从业人员45人');
    expect(jiaPlan.milestones.map((m) => m.dueOn)).toEqual(['2026-12-06', '2026-12-21', '2027-01-05', '2027-01-20']);
    const yiPlan = rows.find((r) => r.enterpriseId === yi)!;
    expect(yiPlan.method).toBe('village-joint');

    // One step, named by its scope and count; one undo takes every plan and milestone back.
    await undo('批量生成专项行动“非公企业党建集中攻坚月”方案（2家）');
    expect((await list({ campaignId: campaign.id })).total).toBe(1);
    expect(await readFile((db) => db.prepare('SELECT count(*) FROM plan_milestones').pluck().get())).toBe(2);
  });

  test('for the enterprises named, of a year outside campaigns; a second batch skips them all', async () => {
    const { jia, ding } = await roster();
    const first = await call<BatchResult>('plans:batchCreate', {
      year: 2027,
      startOn: '2027-01-05',
      enterpriseIds: [jia, ding, jia],
    });
    expect(first).toEqual({ created: 2, skipped: [] });
    expect((await lastStep())?.action).toBe('批量生成2027年度方案（2家）');
    const second = await call<BatchResult>('plans:batchCreate', {
      year: 2027,
      startOn: '2027-01-05',
      enterpriseIds: [jia, 999],
    });
    expect(second.created).toBe(0);
    expect(second.skipped.map((s) => [s.enterpriseId, s.name, s.reason])).toEqual([
      [jia, '甲机械有限公司', expect.stringMatching(/^2027年度已有未完成的方案（编号\d+，草拟）$/)],
      [999, '编号999', '企业已不存在（可能已被删除）'],
    ]);
    expect((await lastStep())?.action).toBe('批量生成2027年度方案（2家）');
  });

  test('a campaign that no longer exists is refused', async () => {
    const err = await errorOf('plans:batchCreate', { campaignId: 5, year: 2026, startOn: TODAY });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'campaignId' });
  });
});

describe('the progress board (推进情况)', () => {
  /**
   * 甲 in progress, first milestone due 11-15 not done: overdue. 乙 approved, next due 12-01. 丙 draft without
   * milestones. 丁 done with an old open milestone: never overdue. 戊 shelved, due long ago: never overdue.
   */
  async function board() {
    const park = (await call<{ id: number }>('areas:save', { name: '长乐镇工业园区', type: 'industrial-park' })).id;
    const group = (await call<{ id: number }>('workGroups:save', { name: '工业园区推进组' })).id;
    const campaign = await saveCampaign();
    const e = {
      jia: await enterprise('甲机械有限公司', members(3)),
      yi: await enterprise('乙纺织有限公司', { ...members(1), areaId: park }),
      bing: await enterprise('丙印染有限公司', members(1)),
      ding: await enterprise('丁五金有限公司', members(3)),
      wu: await enterprise('戊服装有限公司', members(1)),
    };
    const jia = await savePlan(planInput(e.jia, { ...READY, campaignId: campaign.id, workGroupId: group }));
    await moveAll(jia.id, ['submit', 'approve', 'start']);
    const yi = await savePlan(
      planInput(e.yi, {
        ...READY,
        milestones: [
          { name: '企业提出组建请示', dueOn: '2026-11-15', doneOn: '2026-11-14' },
          { name: '镇党委批复同意组建', dueOn: '2026-12-01' },
        ],
      }),
    );
    await moveAll(yi.id, ['submit', 'approve']);
    await savePlan(planInput(e.bing, { campaignId: campaign.id, milestones: [] }));
    const ding = await savePlan(planInput(e.ding, READY));
    const org = await saveOrg('中共丁五金有限公司支部委员会', 'branch', []);
    await moveAll(ding.id, ['submit', 'approve', 'start']);
    await move(ding.id, 'complete', { partyOrgId: org });
    const wu = await savePlan(
      planInput(e.wu, { startOn: '2026-01-01', milestones: [{ name: '请示', dueOn: '2026-02-01' }] }),
    );
    await move(wu.id, 'shelve', { reason: '企业停产' });
    return { campaign, group, park, ...e };
  }

  test('overdue first, then by the next due date, plans without one last; overdue only for open plans', async () => {
    await board();
    const page = await list();
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => [r.enterpriseName, r.status, r.nextMilestone?.due ?? null, r.overdue])).toEqual([
      ['甲机械有限公司', 'in_progress', '2026-11-15', true],
      ['戊服装有限公司', 'shelved', '2026-02-01', false],
      ['丁五金有限公司', 'done', '2026-11-15', false],
      ['乙纺织有限公司', 'approved', '2026-12-01', false],
      ['丙印染有限公司', 'draft', null, false],
    ]);
    expect(page.rows[0]).toMatchObject({
      nextMilestone: { name: '企业提出组建请示', due: '2026-11-15' },
      campaignName: '非公企业党建集中攻坚月',
      workGroupName: '工业园区推进组',
      areaName: '长安村',
      year: 2026,
      method: 'village-joint',
    });
  });

  test('filters: search (name and pinyin initials), campaign, year, statuses, work groups (0 = 未分组), areas, overdue', async () => {
    const { campaign, group, park } = await board();
    expect(names(await list({ search: '纺织' }))).toEqual(['乙纺织有限公司']);
    expect(names(await list({ search: 'jjx' }))).toEqual(['甲机械有限公司']);
    expect(names(await list({ campaignId: campaign.id }))).toEqual(['甲机械有限公司', '丙印染有限公司']);
    expect((await list({ year: 2027 })).total).toBe(0);
    expect(names(await list({ statuses: ['approved', 'draft'] }))).toEqual(['乙纺织有限公司', '丙印染有限公司']);
    expect(names(await list({ workGroupIds: [group] }))).toEqual(['甲机械有限公司']);
    expect((await list({ workGroupIds: [0] })).total).toBe(4);
    expect((await list({ workGroupIds: [0, group] })).total).toBe(5);
    expect(names(await list({ areaIds: [park] }))).toEqual(['乙纺织有限公司']);
    expect(names(await list({ overdueOnly: true }))).toEqual(['甲机械有限公司']);
    expect((await list({ overdueOnly: true, statuses: ['draft'] })).total).toBe(0);
  });

  test('paged: the total counts every match, also past the last page', async () => {
    await board();
    const page = await list({ offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(names(page)).toEqual(['戊服装有限公司', '丁五金有限公司']);
    expect(await list({ offset: 10, limit: 2 })).toEqual({ total: 5, rows: [] });
  });
});

describe('a plan’s detail and history', () => {
  test('the 批复 of the enterprise’s organisation shows once recorded', async () => {
    const id = await enterprise('甲机械有限公司', members(3));
    const org = await saveOrg('中共甲机械有限公司支部委员会', 'branch', []);
    const plan = await savePlan(planInput(id, READY));
    await moveAll(plan.id, ['submit', 'approve', 'start']);
    await move(plan.id, 'complete', { partyOrgId: org });
    expect((await call<PlanDetail>('plans:get', { id: plan.id })).reply).toBeNull();
    await call('formationSteps:save', { orgId: org, step: 'reply', doneOn: '2026-11-20', docNo: '长委〔2026〕45号' });
    expect((await call<PlanDetail>('plans:get', { id: plan.id })).reply).toEqual({
      orgId: org,
      orgName: '中共甲机械有限公司支部委员会',
      doneOn: '2026-11-20',
      docNo: '长委〔2026〕45号',
    });
    // Its organisation now stands on its own: no suggestion any more.
    expect((await call<PlanDetail>('plans:get', { id: plan.id })).suggestion).toBeNull();
  });

  test('read from the change log: the plan’s edits and transitions, its milestones’ (also deleted ones), in words', async () => {
    const group = (await call<{ id: number }>('workGroups:save', { name: '农村东片推进组' })).id;
    const id = await enterprise('甲机械有限公司', members(2));
    const plan = await savePlan(planInput(id));
    const [first, second] = plan.milestones;
    await savePlan(
      planInput(id, {
        ...READY,
        workGroupId: group,
        milestones: [{ id: first!.id, name: first!.name, dueOn: first!.dueOn, doneOn: '2026-11-14' }],
      }),
      plan.id,
    );
    await move(plan.id, 'submit');
    const history = await call<HistoryEntry[]>('plans:history', { id: plan.id });
    const read = (h: HistoryEntry) => [h.action, h.op, h.fieldLabel, h.oldText, h.newText];
    expect(history.map(read)).toEqual([
      ['方案“甲机械有限公司”：提交审批', 'update', '状态', '草拟', '待审批'],
      ['修改方案“甲机械有限公司”', 'update', '节点“企业提出组建请示”完成日期', null, '2026-11-14'],
      ['修改方案“甲机械有限公司”', 'delete', '节点“镇党委批复同意组建”', null, null],
      ['修改方案“甲机械有限公司”', 'update', '责任推进组', null, '农村东片推进组'],
      ['修改方案“甲机械有限公司”', 'update', '具体措施', null, '1. 推进组上门宣讲组建政策'],
      ['修改方案“甲机械有限公司”', 'update', '组建对策', null, '村企联建'],
      ['新建方案“甲机械有限公司”', 'insert', '节点“镇党委批复同意组建”', null, null],
      ['新建方案“甲机械有限公司”', 'insert', '节点“企业提出组建请示”', null, null],
      ['新建方案“甲机械有限公司”', 'insert', null, null, null],
    ]);
    expect(history[0]).toMatchObject({ actor: '王文书' });
    expect(second).toBeDefined();
    expect((await errorOf('plans:history', { id: 999 })).code).toBe('NOT_FOUND');
  });

  test('a milestone id SQLite hands on to another plan’s new milestone stays in each plan’s own history', async () => {
    const a = await savePlan(planInput(await enterprise('甲机械有限公司', members(2))));
    const [kept, dropped] = a.milestones;
    await savePlan(
      planInput(a.enterpriseId, { milestones: [{ id: kept!.id, name: kept!.name, dueOn: kept!.dueOn }] }),
      a.id,
    );
    const b = await savePlan(
      planInput(await enterprise('乙纺织有限公司', members(1)), {
        milestones: [{ name: '乙的节点', dueOn: '2026-12-01' }],
      }),
    );
    expect(b.milestones[0]!.id).toBe(dropped!.id);
    const labels = async (id: number) =>
      (await call<HistoryEntry[]>('plans:history', { id })).flatMap((h) =>
        h.fieldLabel ? [`${h.op} ${h.fieldLabel}`] : [],
      );
    expect(await labels(a.id)).toEqual([
      'delete 节点“镇党委批复同意组建”',
      'insert 节点“镇党委批复同意组建”',
      'insert 节点“企业提出组建请示”',
    ]);
    expect(await labels(b.id)).toEqual(['insert 节点“乙的节点”']);
  });
});

describe('重点培育 set in bulk (the 双强 ranking’s action)', () => {
  test('one step named for what it does; undone at once', async () => {
    const a = await enterprise('甲机械有限公司', members(2));
    const b = await enterprise('乙纺织有限公司', { ...members(1), keyCultivation: true });
    expect(await call('enterprises:bulkUpdate', { ids: [a, b], patch: { keyCultivation: true } })).toEqual({
      changed: 1,
    });
    expect((await lastStep())?.action).toBe('批量设为重点培育（2家）');
    expect((await L.detail(a)).keyCultivation).toBe(true);
    expect(await call('enterprises:bulkUpdate', { ids: [a, b], patch: { keyCultivation: false } })).toEqual({
      changed: 2,
    });
    await undo('批量取消重点培育（2家）');
    expect([(await L.detail(a)).keyCultivation, (await L.detail(b)).keyCultivation]).toEqual([true, true]);
    const bad = await errorOf('enterprises:bulkUpdate', { ids: [a], patch: { keyCultivation: 'yes' } });
    expect(bad.code).toBe('VALIDATION');
  });
});
