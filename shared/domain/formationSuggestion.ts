import type { AreaType, FormationMethod, OrgSetting } from './labels';
import { AREA_TYPES } from './labels';
import { BRANCH_MIN_FULL_MEMBERS } from './partyRules';
import type { SizeBand } from './sizeBand';

/**
 * The formation-method rule of domain.md §5: which of the seven methods suits an enterprise without its own
 * organisation, the rule that fired and the reason in Chinese. The rules are tried in the table's order and
 * the first that applies wins. Pure, so the ledger, the plans and the reports show the same suggestion.
 */
export interface FormationFacts {
  fullMembers: number;
  /** 亮身份/流动党员, null when not broken down. */
  membersFloating: number | null;
  employees: number | null;
  sizeBand: SizeBand;
  orgSetting: OrgSetting;
  areaType: AreaType;
  areaName: string;
  /** The 商会/行业协会 it belongs to, if the ledger knows it. */
  association: { name: string; hasOrg: boolean } | null;
  /** A leading enterprise of its chain or cluster, if the ledger knows it. */
  leadEnterprise: { name: string; hasOrg: boolean } | null;
}

export type FormationRule =
  | 'split-out'
  | 'standalone'
  | 'floating-branch'
  | 'instructor-assisted'
  | 'park-joint'
  | 'industry-joint'
  | 'leader-led'
  | 'area-joint'
  | 'village-joint';

export interface FormationSuggestion {
  method: FormationMethod;
  rule: FormationRule;
  reason: string;
}

/** More than 3 流动党员 may form a 流动党员党支部. */
export const FLOATING_BRANCH_MIN = 4;

const AREA_JOINT_TYPES: ReadonlySet<AreaType> = new Set(['market', 'building', 'street']);

export function suggestFormation(f: FormationFacts): FormationSuggestion {
  const full = `正式党员${f.fullMembers}名`;
  if (f.fullMembers >= BRANCH_MIN_FULL_MEMBERS) {
    return f.orgSetting === 'joint'
      ? { method: 'standalone', rule: 'split-out', reason: `${full}，符合单独组建条件，应从联合党组织剥离单独组建` }
      : { method: 'standalone', rule: 'standalone', reason: `${full}，符合单独组建条件` };
  }
  if ((f.membersFloating ?? 0) >= FLOATING_BRANCH_MIN) {
    return {
      method: 'standalone',
      rule: 'floating-branch',
      reason: `流动党员${f.membersFloating}名（超过3名），可单独成立流动党员党支部`,
    };
  }
  if (f.fullMembers === 2 && f.sizeBand === 'D') {
    return {
      method: 'instructor-assisted',
      rule: 'instructor-assisted',
      reason: `${full}，从业人员${f.employees ?? '不详'}人，符合派员帮建条件`,
    };
  }
  const few = `${full}，不足${BRANCH_MIN_FULL_MEMBERS}名`;
  if (f.areaType === 'industrial-park') {
    return { method: 'park-joint', rule: 'park-joint', reason: `${few}，位于${f.areaName}（工业园区），宜园区联建` };
  }
  if (f.association) {
    const host = f.association.hasOrg ? '已建党组织' : '可牵头组建联合党组织';
    return {
      method: 'industry-joint',
      rule: 'industry-joint',
      reason: `${few}，所属${f.association.name}${host}，宜行业统建`,
    };
  }
  if (f.leadEnterprise?.hasOrg) {
    return {
      method: 'leader-led',
      rule: 'leader-led',
      reason: `${few}，龙头企业${f.leadEnterprise.name}已建党组织，宜龙头领建`,
    };
  }
  if (AREA_JOINT_TYPES.has(f.areaType)) {
    return {
      method: 'area-joint',
      rule: 'area-joint',
      reason: `${few}，位于${f.areaName}（${AREA_TYPES[f.areaType]}），宜区域合建`,
    };
  }
  return {
    method: 'village-joint',
    rule: 'village-joint',
    reason: `${few}，不具备以上条件，宜与${f.areaName}党组织村企联建`,
  };
}

/** Party-work funding (source 000): 5‰–8‰ of 工资总额 (万元), null when the payroll is unknown. */
export function fundingRange(payroll: number | null): { low: number; high: number } | null {
  if (payroll === null) return null;
  // Rounded to the 元 (payroll is in 万元, so four decimals) so the two ends print as a clerk would write them.
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { low: round(payroll * 0.005), high: round(payroll * 0.008) };
}
