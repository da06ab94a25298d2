import type { OrgHost, OrgSetting, PartyOrgType } from './labels';
import { PARTY_ORG_TYPES } from './labels';

/** Rules of party organisation (domain.md §2, PartyOrg and PartyMember), all pure so screen and core agree. */

const JOINT_TYPES: ReadonlySet<PartyOrgType> = new Set(['joint-committee', 'joint-general-branch', 'joint-branch']);

export function isJointType(type: PartyOrgType): boolean {
  return JOINT_TYPES.has(type);
}

/** An enterprise's 组织设置 is not typed: it is what its link to an organisation says. */
export function orgSettingOf(org: { host: OrgHost; type: PartyOrgType } | null): OrgSetting {
  if (!org) return 'none';
  if (org.host === 'locality') return 'attached';
  return isJointType(org.type) ? 'joint' : 'standalone';
}

/** How many enterprises an enterprise organisation of this type may cover: one, unless it is a 联合 one. */
export function coversManyEnterprises(host: OrgHost, type: PartyOrgType): boolean {
  return host === 'locality' || isJointType(type);
}

/** A 基层党委 serves 5 years; a 党总支 or 党支部 committee 3. */
export function termYears(type: PartyOrgType): 3 | 5 {
  return type === 'committee' || type === 'joint-committee' ? 5 : 3;
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function termEndsOn(type: PartyOrgType, termStartedOn: string | null): string | null {
  return termStartedOn ? addYears(termStartedOn, termYears(type)) : null;
}

/** A 预备党员's probation is one year from admission. */
export function probationEndsOn(joinedOn: string | null): string | null {
  return joinedOn ? addYears(joinedOn, 1) : null;
}

/** 3 or more 正式党员 may form a 党支部 of their own. */
export const BRANCH_MIN_FULL_MEMBERS = 3;

export type OrgLevel = 'branch' | 'general-branch' | 'committee';

/**
 * What a membership (正式 + 预备) calls for: 7 or more → the branch elects a 支部委员会 (fewer → a 书记 only),
 * 50 or more → a 党总支 may be formed, 100 or more → a 基层党委.
 */
export function structureFor(totalMembers: number): { level: OrgLevel; committee: boolean } {
  if (totalMembers >= 100) return { level: 'committee', committee: true };
  if (totalMembers >= 50) return { level: 'general-branch', committee: true };
  return { level: 'branch', committee: totalMembers >= 7 };
}

export function levelOf(type: PartyOrgType): OrgLevel {
  if (type === 'committee' || type === 'joint-committee') return 'committee';
  if (type === 'general-branch' || type === 'joint-general-branch') return 'general-branch';
  return 'branch';
}

const LEVEL_NAMES: Record<OrgLevel, string> = { branch: '党支部', 'general-branch': '党总支', committee: '基层党委' };

/**
 * Why an organisation's membership suggests another form, in Chinese, or null when it fits. Only for
 * organisations built in enterprises: a 属地 committee's own members are not in this ledger.
 */
export function orgTypeAdvice(
  org: { host: OrgHost; type: PartyOrgType; committeeMembers: string },
  totalMembers: number,
): string | null {
  if (org.host !== 'enterprise') return null;
  const want = structureFor(totalMembers);
  const have = levelOf(org.type);
  const typeName = PARTY_ORG_TYPES[org.type];
  if (want.level !== have) {
    const rule = want.level === 'committee' ? '100名以上' : want.level === 'general-branch' ? '50名以上' : '不足50名';
    return `党员${totalMembers}名（${rule}），宜设${LEVEL_NAMES[want.level]}，现为${typeName}`;
  }
  if (want.committee && have === 'branch' && org.committeeMembers.trim() === '') {
    return `党员${totalMembers}名（7名以上），应设立支部委员会，现未登记委员`;
  }
  return null;
}

/** An enterprise inside a 联合 organisation with 3 正式党员 of its own should be split out (剥离单独组建). */
export function shouldSplitOut(orgSetting: OrgSetting, fullMembers: number): boolean {
  return orgSetting === 'joint' && fullMembers >= BRANCH_MIN_FULL_MEMBERS;
}
