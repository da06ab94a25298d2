import type { EnterpriseInput } from '../../shared/domain/enterpriseInput';
import type { Campaign, PlanAction, PlanDetail } from '../../shared/domain/plans';
import type { Saved } from '../../shared/ipc/fields';
import type { CampaignInput, PlanInput } from '../../shared/ipc/plans';
import { orgInput, usePartyLedger } from './partySetup';

/** The day every plan test runs on (FIXED_NOW, local). */
export const TODAY = '2026-11-21';

/** Members typed on the form: 在本企业 carries them all, so the breakdown adds up. */
export const members = (full: number, probationary = 0): Partial<EnterpriseInput> => ({
  fullMembers: full,
  probationaryMembers: probationary,
  membersInEnterprise: full + probationary,
});

/** The plan form's minimum, starting on 2026-11-01 with two milestones. */
export function planInput(enterpriseId: number, more: Partial<PlanInput> = {}): PlanInput {
  return {
    enterpriseId,
    year: 2026,
    startOn: '2026-11-01',
    milestones: [
      { name: '企业提出组建请示', dueOn: '2026-11-15' },
      { name: '镇党委批复同意组建', dueOn: '2026-12-15' },
    ],
    ...more,
  };
}

/** What approval needs: a 组建对策 and a measure. */
export const READY: Partial<PlanInput> = { method: 'village-joint', measures: ['推进组上门宣讲组建政策'] };

export const campaignInput = (more: Partial<CampaignInput> = {}): CampaignInput => ({
  name: '非公企业党建集中攻坚月',
  startOn: '2026-08-01',
  endOn: '2026-12-31',
  ...more,
});

/** A party ledger (usePartyLedger) with the plan channels at hand. */
export function usePlanLedger() {
  const L = usePartyLedger();
  const savePlan = (input: PlanInput, id?: number) =>
    L.call<PlanDetail>('plans:save', id === undefined ? { input } : { id, input });
  const move = (id: number, action: PlanAction, more: Record<string, unknown> = {}) =>
    L.call<PlanDetail>('plans:transition', { id, action, ...more });
  /** Takes a plan along the workflow, one transition after the other. */
  const moveAll = async (id: number, actions: PlanAction[], more: Record<string, unknown> = {}) => {
    let plan: PlanDetail | null = null;
    for (const a of actions) plan = await move(id, a, more);
    return plan!;
  };
  const saveCampaign = async (more: Partial<CampaignInput> = {}, id?: number) =>
    L.call<Campaign>('campaigns:save', { ...(id === undefined ? {} : { id }), input: campaignInput(more) });
  const saveOrg = async (name: string, type: string, enterpriseIds: number[], more: Record<string, unknown> = {}) =>
    (await L.call<Saved>('partyOrgs:save', { input: orgInput(name, type, more), enterpriseIds })).id;
  return { ...L, savePlan, move, moveAll, saveCampaign, saveOrg };
}
