import { INACTIVE_STATUSES, type FormationMethod, type PartyOrgType } from '../../../shared/domain/labels';
import { addDays, addYears, daysBetween, orgSettingOf, termYears } from '../../../shared/domain/partyRules';
import { dateBetween, daysBefore, earlierOf, laterOf } from './dates';
import type { Random } from './random';
import type { SampleEnterprise, SampleFormationStep, SamplePartyOrg } from './types';
import * as V from './vocabulary';

export const PARK_INDEX = V.VILLAGES.length;
export const MARKET_INDEX = V.VILLAGES.length + 1;

const COMMITTEE_INDEX = 0;
const PARK_BRANCH_INDEX = 1;

export const isActive = (e: SampleEnterprise) => !INACTIVE_STATUSES.includes(e.operatingStatus);
export const totalOf = (e: SampleEnterprise) => e.fullMembers + e.probationaryMembers;

/** Enterprises chosen so that each reminder has a case on the sample's day (see ensureMembershipCases). */
export interface ReminderCases {
  /** A 联合 member enterprise with ≥ 3 正式党员, kept on a roster: 剥离单独组建. */
  splitOut: number | null;
  /** A 党支部 with 7+ members and no committee: 组织类型调整. */
  orgType: number | null;
}

/** Sets an enterprise's member counts and keeps the 组织关系 breakdown adding up. */
export function setMembers(e: SampleEnterprise, full: number, probationary: number): void {
  e.fullMembers = full;
  e.probationaryMembers = probationary;
  const floating = Math.min(e.membersFloating ?? 0, full + probationary);
  e.membersFloating = floating;
  e.membersInEnterprise = full + probationary - floating;
  if (e.employees !== null && e.employees < full + probationary) e.employees = full + probationary;
}

/**
 * The typed counts decide which reminders a township shows. Whatever the seed, one 联合 member has 3 正式党员 of
 * its own and one 单独 branch has grown to 7 members: the first that already does, or the nearest one made to.
 */
export function ensureMembershipCases(enterprises: SampleEnterprise[]): ReminderCases {
  let splitOut: number | null = null;
  let orgType: number | null = null;
  let nearestJoint: number | null = null;
  let nearestStandalone: number | null = null;
  for (const [i, e] of enterprises.entries()) {
    if (!isActive(e)) continue;
    if (e.orgSetting === 'joint') {
      if (splitOut === null && e.fullMembers >= 3) splitOut = i;
      if (nearestJoint === null || e.fullMembers > enterprises[nearestJoint]!.fullMembers) nearestJoint = i;
    } else if (e.orgSetting === 'standalone' && totalOf(e) < 50) {
      if (orgType === null && totalOf(e) >= 7) orgType = i;
      if (nearestStandalone === null || totalOf(e) > totalOf(enterprises[nearestStandalone]!)) nearestStandalone = i;
    }
  }
  if (splitOut === null && nearestJoint !== null) {
    const e = enterprises[nearestJoint]!;
    setMembers(e, 3, e.probationaryMembers);
    splitOut = nearestJoint;
  }
  if (orgType === null && nearestStandalone !== null) {
    const e = enterprises[nearestStandalone]!;
    setMembers(e, 7 - e.probationaryMembers, e.probationaryMembers);
    orgType = nearestStandalone;
  }
  return { splitOut, orgType };
}

interface Context {
  rnd: Random;
  today: string;
  docCode: string;
  personName: () => string;
}

/** The date a term that began at `foundedOn` and was renewed on time most recently started. */
function currentTermStart(type: PartyOrgType, foundedOn: string, today: string): string {
  const years = termYears(type);
  const terms = Math.floor(daysBetween(foundedOn, today) / (years * 365.25));
  return addYears(foundedOn, Math.max(0, terms) * years);
}

function names(ctx: Context, count: number): string {
  return Array.from({ length: count }, ctx.personName).join('\n');
}

function baseOrg(ctx: Context, fields: Partial<SamplePartyOrg> & Pick<SamplePartyOrg, 'name' | 'type' | 'host'>) {
  const foundedOn = fields.foundedOn ?? null;
  const org: SamplePartyOrg = {
    areaIndex: null,
    formationMethod: null,
    approvalNo: foundedOn ? `${ctx.docCode}〔${foundedOn.slice(0, 4)}〕${ctx.rnd.int(3, 120)}号` : '',
    secretaryName: ctx.personName(),
    secretarySource: '',
    secretaryRole: '',
    secretaryPhone: `1${ctx.rnd.pick(['3', '5', '8', '9'])}${ctx.rnd.digits(9)}`,
    committeeMembers: '',
    partyWorkers: '',
    superiorIndex: null,
    termStartedOn: foundedOn ? currentTermStart(fields.type, foundedOn, ctx.today) : null,
    note: '',
    ...fields,
    foundedOn,
  };
  return org;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 40 → 四十; past 99 the number itself. */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
}

/** Splits a list into groups of 3–8, a short tail joining the group before it. */
function chunks(rnd: Random, items: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < items.length;) {
    const size = rnd.int(3, 8);
    const group = items.slice(i, i + size);
    if (group.length < 3 && out.length > 0) out[out.length - 1]!.push(...group);
    else out.push(group);
    i += size;
  }
  return out;
}

/**
 * The township's party organisations as records, each enterprise linked to the one its 组织设置 says: a branch
 * of its own (单独建立), a 联合党支部 over a few neighbours (联合建立), or its village's committee (挂靠). Enterprise
 * organisations report to the 两新组织党工委, those in the park to the park's 党总支. Organisations grow with the
 * number of enterprises (a 联合党支部 covers 3–8), so a large sample stays proportional.
 */
export function buildPartyOrgs(
  ctx: Context,
  enterprises: SampleEnterprise[],
  cases: ReminderCases,
): { partyOrgs: SamplePartyOrg[]; formationSteps: SampleFormationStep[] } {
  const { rnd, today } = ctx;
  const orgs: SamplePartyOrg[] = [];
  const add = (org: SamplePartyOrg) => orgs.push(org) - 1;
  add(
    baseOrg(ctx, {
      name: V.TWO_NEW_COMMITTEE,
      type: 'committee',
      host: 'locality',
      foundedOn: earlierOf('2012-06-28', today),
      secretarySource: '镇党委委员兼任',
      secretaryRole: '镇党委副书记',
      committeeMembers: '',
    }),
  );
  orgs[COMMITTEE_INDEX]!.committeeMembers = names(ctx, 5);
  add(
    baseOrg(ctx, {
      name: V.PARK_GENERAL_BRANCH,
      type: 'general-branch',
      host: 'locality',
      areaIndex: PARK_INDEX,
      foundedOn: earlierOf('2014-03-15', today),
      formationMethod: 'park-joint',
      secretarySource: '选派',
      secretaryRole: '园区管委会副主任',
      superiorIndex: COMMITTEE_INDEX,
    }),
  );
  orgs[PARK_BRANCH_INDEX]!.committeeMembers = names(ctx, 5);

  const villageOrgs = new Map<number, number>();
  const jointByArea = new Map<number, number[]>();
  const standaloneOrgs: number[] = [];
  enterprises.forEach((e, i) => {
    if (e.orgSetting === 'standalone') {
      const orgIndex = add(standaloneOrg(ctx, e, i === cases.orgType));
      standaloneOrgs.push(orgIndex);
      e.partyOrgIndex = orgIndex;
    } else if (e.orgSetting === 'attached') {
      let orgIndex = villageOrgs.get(e.areaIndex);
      if (orgIndex === undefined) {
        orgIndex = add(
          baseOrg(ctx, {
            name: `中共${V.COUNTY}长乐镇${V.VILLAGES[e.areaIndex]}委员会`,
            type: 'committee',
            host: 'locality',
            areaIndex: e.areaIndex,
            foundedOn: dateBetween(rnd, '1985-01-01', earlierOf('2005-12-31', today)),
            secretarySource: '村党组织书记',
            secretaryRole: '村党委书记',
          }),
        );
        orgs[orgIndex]!.committeeMembers = names(ctx, 5);
        villageOrgs.set(e.areaIndex, orgIndex);
      }
      e.partyOrgIndex = orgIndex;
    } else if (e.orgSetting === 'joint') {
      // A village has few such enterprises: they join across the villages of their 工作片.
      const key = e.areaIndex < V.VILLAGES.length ? e.areaIndex % V.ZONES.length : e.areaIndex;
      const list = jointByArea.get(key) ?? [];
      list.push(i);
      jointByArea.set(key, list);
    }
  });

  for (const [place, members] of [...jointByArea.entries()].sort((a, b) => a[0] - b[0])) {
    const groups = chunks(rnd, members);
    groups.forEach((group, n) => {
      const orgIndex = add(jointOrg(ctx, place, groups.length === 1 ? null : n + 1));
      for (const i of group) enterprises[i]!.partyOrgIndex = orgIndex;
      const total = group.reduce((s, i) => s + (isActive(enterprises[i]!) ? totalOf(enterprises[i]!) : 0), 0);
      if (total >= 7) orgs[orgIndex]!.committeeMembers = names(ctx, 3);
    });
  }
  for (const e of enterprises) e.orgSetting = orgSettingOf(e.partyOrgIndex === null ? null : orgs[e.partyOrgIndex]!);

  const formationSteps = formRecentBranch(ctx, enterprises, orgs, standaloneOrgs, cases);
  termEndingSoon(ctx, enterprises, orgs, standaloneOrgs, formationSteps);
  return { partyOrgs: orgs, formationSteps };
}

function standaloneOrg(ctx: Context, e: SampleEnterprise, withoutCommittee: boolean): SamplePartyOrg {
  const { rnd, today } = ctx;
  // A closed enterprise's branch is left as a branch: its members are no longer counted anywhere.
  const total = isActive(e) ? totalOf(e) : 0;
  const [type, level]: [PartyOrgType, string] =
    total >= 100
      ? ['committee', '委员会']
      : total >= 50
        ? ['general-branch', '总支部委员会']
        : ['branch', '支部委员会'];
  const foundedOn = dateBetween(rnd, laterOf(e.foundedOn ?? '2008-01-01', '2008-01-01'), daysBefore(today, 180));
  const method: FormationMethod = rnd.chance(0.8) ? 'standalone' : 'instructor-assisted';
  const org = baseOrg(ctx, {
    name: `中共${e.name}${level}`,
    type,
    host: 'enterprise',
    formationMethod: method,
    foundedOn: earlierOf(foundedOn, today),
    superiorIndex: e.areaIndex === PARK_INDEX ? PARK_BRANCH_INDEX : COMMITTEE_INDEX,
  });
  if (e.ownerIsSecretary) {
    org.secretaryName = e.ownerName;
    org.secretarySource = '企业出资人';
    org.secretaryRole = rnd.pick(['董事长', '总经理']);
  } else {
    org.secretarySource = rnd.pick(V.SECRETARY_SOURCES);
    org.secretaryRole = rnd.pick(V.SECRETARY_ROLES);
  }
  // 7 or more members elect a committee (3 for a branch, 5 for a 总支 or 党委); the org-type case has not yet.
  if (!withoutCommittee && total >= 7) org.committeeMembers = names(ctx, type === 'branch' ? 3 : 5);
  if (total >= 50) org.partyWorkers = `${ctx.personName()}（兼职）`;
  return org;
}

/** `place` is the park, the market, or (for villages) the index of the 工作片. */
function jointOrg(ctx: Context, place: number, number: number | null): SamplePartyOrg {
  const { rnd, today } = ctx;
  const nth = number === null ? '' : `第${chineseNumber(number)}`;
  const [name, method]: [string, FormationMethod] =
    place === PARK_INDEX
      ? [`${V.PARK}${nth}联合党支部`, 'park-joint']
      : place === MARKET_INDEX
        ? [`${V.MARKET}${nth}联合党支部`, 'area-joint']
        : [`长乐镇${V.ZONES[place]}企业${nth}联合党支部`, rnd.chance(0.7) ? 'area-joint' : 'industry-joint'];
  return baseOrg(ctx, {
    name,
    type: 'joint-branch',
    host: 'enterprise',
    formationMethod: method,
    foundedOn: dateBetween(rnd, '2010-01-01', daysBefore(today, 365)),
    secretarySource: rnd.chance(0.5) ? '选派' : '企业管理层',
    secretaryRole: rnd.chance(0.5) ? '联合党支部专职书记' : rnd.pick(V.SECRETARY_ROLES),
    superiorIndex: place === PARK_INDEX ? PARK_BRANCH_INDEX : COMMITTEE_INDEX,
  });
}

/**
 * A branch formed these last months, with every step on record (请示 → … → 挂牌): the smallest active 单独
 * branch with at least 3 members, not the one kept for the org-type reminder.
 */
function formRecentBranch(
  ctx: Context,
  enterprises: SampleEnterprise[],
  orgs: SamplePartyOrg[],
  standaloneOrgs: number[],
  cases: ReminderCases,
): SampleFormationStep[] {
  let chosen: SampleEnterprise | null = null;
  for (const [i, e] of enterprises.entries()) {
    if (e.orgSetting !== 'standalone' || !isActive(e) || i === cases.orgType) continue;
    if (totalOf(e) >= 3 && totalOf(e) < 7 && (chosen === null || totalOf(e) < totalOf(chosen))) chosen = e;
  }
  if (chosen === null || chosen.partyOrgIndex === null || !standaloneOrgs.includes(chosen.partyOrgIndex)) return [];
  const orgIndex = chosen.partyOrgIndex;
  const org = orgs[orgIndex]!;
  const { today, docCode, rnd } = ctx;
  const on = (days: number) => daysBefore(today, days);
  const year = on(50).slice(0, 4);
  const approvalNo = rnd.int(20, 60);
  const steps: SampleFormationStep[] = [
    { orgIndex, step: 'request', doneOn: on(95), docNo: '', note: `${chosen.name}关于成立党支部的请示` },
    {
      orgIndex,
      step: 'approval',
      doneOn: on(80),
      docNo: `${docCode}〔${year}〕${approvalNo}号`,
      note: '同意筹备成立党支部',
    },
    { orgIndex, step: 'candidates', doneOn: on(70), docNo: '', note: `书记候选人：${org.secretaryName}` },
    {
      orgIndex,
      step: 'election',
      doneOn: on(60),
      docNo: '',
      note: `应到党员${chosen.fullMembers}名，实到${chosen.fullMembers}名，选举${org.secretaryName}为书记`,
    },
    { orgIndex, step: 'result-report', doneOn: on(57), docNo: '', note: '报送选举结果' },
    {
      orgIndex,
      step: 'reply',
      doneOn: on(50),
      docNo: `${docCode}〔${year}〕${approvalNo + rnd.int(5, 30)}号`,
      note: '同意选举结果',
    },
    { orgIndex, step: 'plaque', doneOn: on(45), docNo: '', note: '在企业办公楼举行挂牌仪式' },
  ];
  org.foundedOn = on(50);
  org.approvalNo = steps[5]!.docNo;
  org.termStartedOn = on(60);
  org.formationMethod = 'instructor-assisted';
  org.note = '新近组建';
  return steps;
}

/** One active 单独 branch whose three-year term ends 40 days after the sample's day: 换届提醒. */
function termEndingSoon(
  ctx: Context,
  enterprises: SampleEnterprise[],
  orgs: SamplePartyOrg[],
  standaloneOrgs: number[],
  steps: SampleFormationStep[],
): void {
  const recent = steps[0]?.orgIndex;
  const activeOrgs = new Set(enterprises.filter(isActive).map((e) => e.partyOrgIndex));
  const orgIndex = standaloneOrgs.find((o) => o !== recent && activeOrgs.has(o));
  if (orgIndex === undefined) return;
  const org = orgs[orgIndex]!;
  const termStartedOn = addDays(addYears(ctx.today, -termYears(org.type)), 40);
  org.termStartedOn = termStartedOn;
  org.foundedOn = earlierOf(org.foundedOn ?? termStartedOn, termStartedOn);
}
