import { describe, expect, test } from 'vitest';
import {
  PLAN_ACTIONS,
  PLAN_STATUSES,
  transition,
  type PlanAction,
  type PlanDetail,
  type PlanStatus,
} from '../../shared/domain/plans';
import { localDate } from '../../shared/domain/enterpriseRules';
import { FIXED_NOW } from './helpers';
import { liveReport } from '../../electron/core/services/stats';
import { members, planInput, READY, TODAY, usePlanLedger } from './planSetup';

const L = usePlanLedger();
const { call, errorOf, enterprise, detail, savePlan, move, moveAll, saveOrg, undo, lastStep, readFile } = L;

/** The shortest way from 草拟 to each status, with what each move needs. */
const PATH: Record<PlanStatus, PlanAction[]> = {
  draft: [],
  submitted: ['submit'],
  approved: ['submit', 'approve'],
  in_progress: ['submit', 'approve', 'start'],
  done: ['submit', 'approve', 'start', 'complete'],
  shelved: ['shelve'],
};
const NEEDS: Partial<Record<PlanAction, Record<string, unknown>>> = { shelve: { reason: '企业停产' } };

/** A fresh plan of 甲 (3 正式党员, no organisation yet), ready for approval, taken to `status`. */
async function planIn(status: PlanStatus, orgId?: number): Promise<PlanDetail> {
  const id = await enterprise(`甲机械有限公司${status}`, members(3));
  const plan = await savePlan(planInput(id, READY));
  let current = plan;
  for (const a of PATH[status]) {
    const more =
      a === 'complete' ? { partyOrgId: orgId ?? (await saveOrg(`中共甲${status}支部委员会`, 'branch', [])) } : NEEDS[a];
    current = await move(plan.id, a, more);
  }
  expect(current.status).toBe(status);
  return current;
}

describe('only from the right state', () => {
  const pairs = (Object.keys(PLAN_STATUSES) as PlanStatus[]).flatMap((s) =>
    (Object.keys(PLAN_ACTIONS) as PlanAction[]).map((a) => [s, a] as const),
  );

  test.each(pairs)('%s + %s', async (status, action) => {
    const plan = await planIn(status);
    const to = transition(status, action);
    const more =
      action === 'complete' ? { partyOrgId: await saveOrg('中共新支部委员会', 'branch', []) } : NEEDS[action];
    if (to === null) {
      const err = await errorOf('plans:transition', { id: plan.id, action, ...more });
      expect(err).toMatchObject({ code: 'CONFLICT', field: 'action' });
      expect(err.message).toBe(`方案当前为“${PLAN_STATUSES[status]}”，不能“${PLAN_ACTIONS[action].label}”`);
    } else {
      expect((await move(plan.id, action, more)).status).toBe(to);
      expect((await lastStep())?.action).toBe(`方案“甲机械有限公司${status}”：${PLAN_ACTIONS[action].label}`);
    }
  });
});

describe('批准', () => {
  test('needs a 组建对策 and at least one 具体措施, each refusal naming its field', async () => {
    const id = await enterprise('甲机械有限公司', members(2));
    const bare = await savePlan(planInput(id));
    await move(bare.id, 'submit');
    const noMethod = await errorOf('plans:transition', { id: bare.id, action: 'approve' });
    expect(noMethod).toMatchObject({ code: 'VALIDATION', field: 'method', message: '批准前请先填写组建对策' });
    await move(bare.id, 'return');
    await savePlan(planInput(id, { method: 'standalone' }), bare.id);
    await move(bare.id, 'submit');
    const noMeasure = await errorOf('plans:transition', { id: bare.id, action: 'approve' });
    expect(noMeasure).toMatchObject({ field: 'measures', message: '批准前请至少填写一条具体措施' });
  });

  test('records the 审批日期: today by default, or the day given — not after today, not before the start', async () => {
    const today = await planIn('submitted');
    expect((await move(today.id, 'approve')).approvedOn).toBe(TODAY);
    const given = await planIn('submitted');
    expect((await move(given.id, 'approve', { on: '2026-11-05' })).approvedOn).toBe('2026-11-05');
    const plan = await planIn('submitted');
    const future = await errorOf('plans:transition', { id: plan.id, action: 'approve', on: '2026-11-22' });
    expect(future).toMatchObject({ field: 'on', message: '审批日期（2026-11-22）不能晚于今天' });
    const early = await errorOf('plans:transition', { id: plan.id, action: 'approve', on: '2026-10-31' });
    expect(early).toMatchObject({ field: 'on', message: '审批日期（2026-10-31）不能早于方案的开始日期（2026-11-01）' });
    expect((await call<PlanDetail>('plans:get', { id: plan.id })).status).toBe('submitted');
  });
});

describe('搁置 and 恢复', () => {
  test('shelving needs a reason; resuming goes back to 草拟 and clears the reason and the 审批日期', async () => {
    const plan = await planIn('approved');
    expect(await errorOf('plans:transition', { id: plan.id, action: 'shelve' })).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
      message: '搁置方案请填写搁置原因',
    });
    expect(await errorOf('plans:transition', { id: plan.id, action: 'shelve', reason: '   ' })).toMatchObject({
      field: 'reason',
    });
    const shelved = await move(plan.id, 'shelve', { reason: '企业停产，业主外出' });
    expect(shelved).toMatchObject({ status: 'shelved', shelvedReason: '企业停产，业主外出', approvedOn: TODAY });
    const resumed = await move(plan.id, 'resume');
    expect(resumed).toMatchObject({ status: 'draft', shelvedReason: '', approvedOn: null });
  });

  test('resuming is refused while the enterprise has another open plan for the same campaign or year', async () => {
    const plan = await planIn('shelved');
    const other = await savePlan(planInput(plan.enterpriseId));
    const err = await errorOf('plans:transition', { id: plan.id, action: 'resume' });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'action' });
    expect(err.message).toContain(`已有未完成的方案（编号${other.id}，草拟）`);
  });
});

describe('完成', () => {
  test('links the enterprise to its new organisation in the same step: 组织设置 and indicator 1 move', async () => {
    const id = await enterprise('甲机械有限公司', { ...members(3), employees: 100 });
    await enterprise('乙纺织有限公司', { ...members(1), employees: 20 });
    const org = await saveOrg('中共甲机械有限公司支部委员会', 'branch', []);
    const plan = await savePlan(planInput(id, READY));
    await moveAll(plan.id, ['submit', 'approve', 'start'], { on: '2026-11-10' });
    const coverage = () =>
      readFile((db) => liveReport(db, localDate(FIXED_NOW)).indicators.find((i) => i.key === 'org-coverage-members')!);
    expect(await coverage()).toMatchObject({ numerator: 0, denominator: 2 });

    const done = await move(plan.id, 'complete', { partyOrgId: org, on: '2026-11-20' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-11-20', suggestion: null });
    expect(await detail(id)).toMatchObject({ partyOrgId: org, orgSetting: 'standalone' });
    expect(await coverage()).toMatchObject({ numerator: 1, denominator: 2 });
    // The enterprise's own history shows the link, under the plan's step.
    const history = await call<{ action: string; field: string | null }[]>('enterprises:history', { id });
    expect(
      history
        .filter((h) => h.action === '方案“甲机械有限公司”：完成')
        .map((h) => h.field)
        .sort(),
    ).toEqual(['orgSetting', 'partyOrgId']);

    // One undo takes back both the plan's move and the link.
    await undo('方案“甲机械有限公司”：完成');
    expect(await call<PlanDetail>('plans:get', { id: plan.id })).toMatchObject({ status: 'in_progress', doneOn: null });
    expect(await detail(id)).toMatchObject({ partyOrgId: null, orgSetting: 'none' });
    expect(await coverage()).toMatchObject({ numerator: 0, denominator: 2 });
  });

  test('an enterprise without an organisation must be given one; a 单独 organisation of another is refused', async () => {
    const plan = await planIn('in_progress');
    const err = await errorOf('plans:transition', { id: plan.id, action: 'complete' });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'partyOrgId' });
    expect(err.message).toContain('尚未建立党组织');
    const taken = await enterprise('乙纺织有限公司', members(3));
    const theirs = await saveOrg('中共乙纺织有限公司支部委员会', 'branch', [taken]);
    const refused = await errorOf('plans:transition', { id: plan.id, action: 'complete', partyOrgId: theirs });
    expect(refused).toMatchObject({ field: 'partyOrgId' });
    expect(refused.message).toContain('已覆盖“乙纺织有限公司”');
    expect((await call<PlanDetail>('plans:get', { id: plan.id })).status).toBe('in_progress');
  });

  test('an enterprise that already has one (挂靠, 联合) needs none; the date is checked', async () => {
    const id = await enterprise('丙印染有限公司', members(1));
    await saveOrg('中共长安村委员会', 'committee', [id], { host: 'locality' });
    const plan = await savePlan(planInput(id, READY));
    await moveAll(plan.id, ['submit', 'approve'], { on: '2026-11-10' });
    await move(plan.id, 'start');
    const early = await errorOf('plans:transition', { id: plan.id, action: 'complete', on: '2026-11-09' });
    expect(early).toMatchObject({ field: 'on', message: '完成日期（2026-11-09）不能早于审批日期（2026-11-10）' });
    expect(await move(plan.id, 'complete')).toMatchObject({ status: 'done', doneOn: TODAY });
    expect(await detail(id)).toMatchObject({ orgSetting: 'attached' });
  });
});

describe('undo and the change log', () => {
  test('each transition is one step; undoing 批准 puts back 待审批 and clears the 审批日期', async () => {
    const plan = await planIn('submitted');
    await move(plan.id, 'approve', { on: '2026-11-10' });
    await undo('方案“甲机械有限公司submitted”：批准');
    expect(await call<PlanDetail>('plans:get', { id: plan.id })).toMatchObject({
      status: 'submitted',
      approvedOn: null,
    });
    // The step before is next: the submission, then the plan's creation.
    await undo('方案“甲机械有限公司submitted”：提交审批');
    expect(await call<PlanDetail>('plans:get', { id: plan.id })).toMatchObject({ status: 'draft' });
    await undo('新建方案“甲机械有限公司submitted”');
    expect((await errorOf('plans:get', { id: plan.id })).code).toBe('NOT_FOUND');
  });

  test('undoing 搁置 and 恢复 passes only through rows the table’s checks allow', async () => {
    const plan = await planIn('approved');
    await move(plan.id, 'shelve', { reason: '企业停产' });
    await move(plan.id, 'resume');
    await undo('方案“甲机械有限公司approved”：恢复');
    expect(await call<PlanDetail>('plans:get', { id: plan.id })).toMatchObject({
      status: 'shelved',
      shelvedReason: '企业停产',
      approvedOn: TODAY,
    });
    await undo('方案“甲机械有限公司approved”：搁置');
    expect(await call<PlanDetail>('plans:get', { id: plan.id })).toMatchObject({
      status: 'approved',
      shelvedReason: '',
    });
  });

  test('a plan that does not exist', async () => {
    expect((await errorOf('plans:transition', { id: 404, action: 'submit' })).code).toBe('NOT_FOUND');
    expect((await errorOf('plans:get', { id: 404 })).code).toBe('NOT_FOUND');
  });
});
