import type { EnterpriseDetail } from '../../../shared/domain/enterprise';
import { ORG_SETTINGS } from '../../../shared/domain/labels';
import { addDays } from '../../../shared/domain/partyRules';
import { DEFAULT_MILESTONES, situationText } from '../../../shared/domain/plans';
import { SIZE_BANDS } from '../../../shared/domain/sizeBand';
import type { PlanPrefill } from '../../../shared/ipc/plans';
import type { Db } from '../db/open';
import { getEnterprise } from '../db/repos/enterprises';
import { AppError } from '../errors';

/**
 * What a new plan starts from, as the ledger has it now: 现状 in a plan sheet's words, the formation rule's
 * suggestion, the 组建对策 the clerk already chose as 组建方向 (else the rule's), the enterprise's 推进组, and the
 * standard milestones counted from the start date. The one source for 新建方案 and for 批量生成方案.
 */
export function prefillOf(e: EnterpriseDetail, startOn: string): PlanPrefill {
  const suggestion = e.formationSuggestion;
  return {
    situation: situationText({
      sizeBandLabel: SIZE_BANDS[e.sizeBand],
      employees: e.employees,
      fullMembers: e.fullMembers,
      probationaryMembers: e.probationaryMembers,
      orgSettingLabel: ORG_SETTINGS[e.orgSetting],
      partyOrgName: e.partyOrgName,
      instructorName: e.instructorName,
      lastVisitOn: e.lastVisitOn,
    }),
    suggestion,
    method: e.formationDirection ?? suggestion?.method ?? null,
    workGroupId: e.workGroupId,
    milestones: DEFAULT_MILESTONES.map((m) => ({ name: m.name, dueOn: addDays(startOn, m.daysAfterStart) })),
  };
}

export function prefillPlan(db: Db, enterpriseId: number, startOn: string): PlanPrefill {
  const e = getEnterprise(db, enterpriseId);
  if (!e) throw new AppError('VALIDATION', '所选企业已不存在，请重新选择', 'enterpriseId');
  return prefillOf(e, startOn);
}
