import type {
  ControlType,
  EnterpriseKind,
  FormationMethod,
  IndustrySection,
  OperatingStatus,
  OrgSetting,
  Ownership,
  PartyOrgType,
} from './labels';
import type { FormationSuggestion } from './formationSuggestion';
import type { SizeBand } from './sizeBand';

/** One row of the ledger: every fact the 八清 survey establishes about an enterprise. */
export interface Enterprise {
  id: number;
  // 企业性质清
  name: string;
  uscc: string | null;
  regNo: string | null;
  kind: EnterpriseKind;
  ownership: Ownership | null;
  /** The original wording when ownership was mapped to 其他. */
  ownershipNote: string;
  industry: IndustrySection | null;
  aboveScale: boolean;
  controlType: ControlType | null;
  areaId: number;
  address: string;
  /** 成立日期, YYYY-MM-DD. */
  foundedOn: string | null;
  // 经营状况清
  operatingStatus: OperatingStatus;
  /** Since when it has been 困难/停产/注销/迁出, YYYY-MM-DD. */
  statusSince: string | null;
  /** 万元; null = unknown. */
  revenue: number | null;
  payroll: number | null;
  // 职工人数清
  employees: number | null;
  youngEmployees: number | null;
  // 业主身份清
  ownerName: string;
  ownerIsMember: boolean;
  ownerIsSecretary: boolean;
  /** 是否“两代表一委员”. */
  ownerIsDeputy: boolean;
  contactName: string;
  contactPhone: string;
  // 党员数量清
  fullMembers: number;
  probationaryMembers: number;
  activists: number;
  membersInEnterprise: number | null;
  membersInTalentAgency: number | null;
  membersAtOrigin: number | null;
  membersTemporary: number | null;
  membersFloating: number | null;
  /**
   * When a roster (党员名册) is kept, the member counts above are derived from it and not typed.
   * See ROSTER_COUNT_FIELDS.
   */
  rosterKept: boolean;
  // 组织设置清 / 隶属关系清 / 组建方向清
  /** The party organisation it belongs to; 组织设置 and 隶属关系 follow from that record. */
  partyOrgId: number | null;
  /** Derived from the link (orgSettingOf), stored so lists filter and count on it; never typed. */
  orgSetting: OrgSetting;
  noOrgReason: string;
  formationDirection: FormationMethod | null;
  hasVenue: boolean;
  venueArea: number | null;
  fundingInBudget: boolean;
  hasUnion: boolean;
  hasYouthLeague: boolean;
  hasWomenFederation: boolean;
  workGroupId: number | null;
  /** 党建工作指导员: the one whose assignment is current, kept in step with the assignments. */
  instructorId: number | null;
  /** 联系领导 (领导联系点). */
  leaderId: number | null;
  /** The 商会/行业协会 (a 社会团体 in this ledger) it belongs to: the formation rule's 行业统建. */
  associationId: number | null;
  /** A leading enterprise of its chain or cluster (in this ledger): the formation rule's 龙头领建. */
  leadEnterpriseId: number | null;
  keyCultivation: boolean;
  starRating: number;
  note: string;
  /** When the 八清 survey last confirmed this record, YYYY-MM-DD. */
  surveyedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the ledger list shows per row: the columns a clerk can choose from. */
export interface EnterpriseListRow {
  id: number;
  name: string;
  uscc: string | null;
  kind: EnterpriseKind;
  ownership: Ownership | null;
  industry: IndustrySection | null;
  areaId: number;
  areaName: string;
  address: string;
  operatingStatus: OperatingStatus;
  employees: number | null;
  revenue: number | null;
  sizeBand: SizeBand;
  revenueNeedsConfirming: boolean;
  fullMembers: number;
  probationaryMembers: number;
  activists: number;
  orgSetting: OrgSetting;
  partyOrgName: string | null;
  workGroupName: string | null;
  instructorName: string | null;
  keyCultivation: boolean;
  starRating: number;
  ownerName: string;
  contactName: string;
  contactPhone: string;
  surveyedOn: string | null;
  updatedAt: string;
}

export interface EnterpriseDetail extends Enterprise {
  areaName: string;
  workGroupName: string | null;
  instructorName: string | null;
  leaderName: string | null;
  partyOrgName: string | null;
  partyOrgType: PartyOrgType | null;
  /** 隶属关系: the organisation an 挂靠 enterprise is attached to, otherwise its organisation's superior. */
  superiorOrgName: string | null;
  /** The last 走访 logged at the enterprise. */
  lastVisitOn: string | null;
  associationName: string | null;
  leadEnterpriseName: string | null;
  /** domain.md §5, for an enterprise without its own (单独建立) organisation; null otherwise. */
  formationSuggestion: FormationSuggestion | null;
  /** 党建工作经费 5‰–8‰ of 工资总额 (万元), for an enterprise with an organisation whose payroll is known. */
  fundingRange: { low: number; high: number } | null;
  sizeBand: SizeBand;
  revenueNeedsConfirming: boolean;
}

/** "Has party members" everywhere means 正式 + 预备 ≥ 1. */
export function hasMembers(e: Pick<Enterprise, 'fullMembers' | 'probationaryMembers'>): boolean {
  return e.fullMembers + e.probationaryMembers >= 1;
}

/** The counts a kept roster derives; the form shows them read-only then. */
export const ROSTER_COUNT_FIELDS = [
  'fullMembers',
  'probationaryMembers',
  'membersInEnterprise',
  'membersInTalentAgency',
  'membersAtOrigin',
  'membersTemporary',
  'membersFloating',
] as const satisfies readonly (keyof Enterprise)[];
