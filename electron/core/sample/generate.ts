import type {
  ControlType,
  EnterpriseKind,
  FormationMethod,
  IndustrySection,
  InstructorSource,
  OperatingStatus,
  OrgSetting,
  Ownership,
} from '../../../shared/domain/labels';
import type { LedgerSettings } from '../../../shared/domain/ledger';
import { orgCodeCheckChar, usccCheckChar } from '../../../shared/domain/uscc';
import { pad } from './dates';
import { linkFormationFacts } from './formationLinks';
import { buildPartyOrgs, ensureMembershipCases, MARKET_INDEX, PARK_INDEX } from './partyOrgs';
import {
  makeAssignments,
  makeLeaders,
  makeTrainings,
  makeWorkGroupMembers,
  oneInstructorOneEnterprise,
} from './people';
import { Random } from './random';
import { makeAssessments } from './assessments';
import { makePlans, sampleCampaign } from './plans';
import { makeRosters } from './rosters';
import type { SampleEnterprise, SampleInstructor, SampleLedger } from './types';
import * as V from './vocabulary';
import { makeWorkLogs } from './workLogs';

export type * from './types';

export const SAMPLE_DEFAULT_ENTERPRISES = 600;
export const SAMPLE_DEFAULT_SEED = 20110809;
/**
 * The day a sample is drawn for when none is given. A sample made in the program is drawn for the day it is
 * made (createSampleAt), so its reminders — term ends, 转正, follow-ups — fall due around that day.
 */
export const SAMPLE_DEFAULT_TODAY = '2026-11-21';

const SETTINGS: LedgerSettings = {
  township: '长乐镇',
  committee: '中共长乐镇委员会',
  docCode: '长委',
  docBanner: '中共长乐镇委员会文件',
  superiorUnit: '中共嵊州市委组织部（市委两新工委）',
};

const WORK_GROUP_PARK = 4;
const WORK_GROUP_NEW_ECONOMY = 5;
const WORK_GROUP_SOCIAL = 6;
const WORK_GROUP_INDIVIDUAL = 7;
const WORK_GROUP_MARKET = 8;

/**
 * A realistic township: about 600 enterprises across 12 villages, an industrial park and a market, with
 * proportions of size, members and organisation settings like those a survey finds, its party organisations,
 * rosters, instructors, leaders and a year of work logs, at least one of each reminder due on `today`, and the
 * 集中攻坚月 campaign with plans in every state, some overdue.
 * Deterministic for a seed and a day.
 */
export function generateSample(options: { enterprises?: number; seed?: number; today?: string } = {}): SampleLedger {
  const count = options.enterprises ?? SAMPLE_DEFAULT_ENTERPRISES;
  const seed = options.seed ?? SAMPLE_DEFAULT_SEED;
  const today = options.today ?? SAMPLE_DEFAULT_TODAY;
  const rnd = new Random(seed);
  const areas = [
    ...V.VILLAGES.map((name, i) => ({ name, type: 'village' as const, zoneIndex: i % V.ZONES.length })),
    { name: V.PARK, type: 'industrial-park' as const, zoneIndex: null },
    { name: V.MARKET, type: 'market' as const, zoneIndex: null },
  ];
  const workGroups = V.WORK_GROUPS.map((name) => ({ name, leaderName: personName(rnd) }));
  const names = new Set<string>();
  const codes = new Set<string>();
  // Facts added after the first sample shape draw from their own stream, so the original facts stay the same.
  const later = new Random(seed ^ 0x5eed);
  const instructors = makeInstructors(later, Math.max(3, Math.round(count / 40)));
  const enterprises: SampleEnterprise[] = [];
  for (let n = 0; n < count; n++) {
    enterprises.push(withLaterFacts(later, makeEnterprise(rnd, names, codes), instructors.length));
  }

  // The party structure and the people around it, each from a stream of its own for the same reason.
  const stream = (salt: number) => {
    const r = new Random(seed ^ salt);
    return { rnd: r, today, personName: () => personName(r) };
  };
  const cases = ensureMembershipCases(enterprises);
  const { partyOrgs, formationSteps } = buildPartyOrgs(
    { ...stream(0x0a9e), docCode: SETTINGS.docCode },
    enterprises,
    cases,
  );
  linkFormationFacts(stream(0xf0a3), enterprises, areas);
  const people = stream(0x9e091e);
  oneInstructorOneEnterprise(enterprises, instructors);
  const assignments = makeAssignments(people, enterprises, instructors);
  const trainings = makeTrainings(people, instructors);
  const leaders = makeLeaders(people, enterprises);
  const workGroupMembers = makeWorkGroupMembers(people, workGroups.length);
  const members = makeRosters(stream(0x7057e9), enterprises, cases.splitOut);
  const workLogs = makeWorkLogs(stream(0x1095), enterprises, instructors, assignments);
  const plans = makePlans(stream(0x91a5), {
    enterprises,
    areas,
    workGroups,
    instructors,
    workLogs,
    partyOrgs,
    formationSteps,
  });
  return {
    today,
    settings: { ...SETTINGS },
    zones: [...V.ZONES],
    areas,
    workGroups,
    workGroupMembers,
    instructors,
    assignments,
    trainings,
    leaders,
    partyOrgs,
    formationSteps,
    enterprises,
    members,
    workLogs,
    campaigns: [sampleCampaign(today)],
    plans,
    assessments: makeAssessments(stream(0xa55e55).rnd, enterprises, today),
  };
}

function makeInstructors(rnd: Random, count: number): SampleInstructor[] {
  return Array.from({ length: count }, () => {
    const source = rnd.weighted<InstructorSource>({
      'government-cadre': 6,
      'retired-cadre': 2,
      'public-recruitment': 2,
    });
    return {
      name: personName(rnd),
      position: source === 'public-recruitment' ? '专职党建指导员' : rnd.pick(V.INSTRUCTOR_POSTS),
      phone: `1${rnd.pick(['3', '5', '8', '9'])}${rnd.digits(9)}`,
      fullTime: source === 'public-recruitment',
      source,
      appointedOn: `20${rnd.int(18, 25)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
    };
  });
}

type MadeEnterprise = Omit<SampleEnterprise, 'foundedOn' | 'statusSince' | 'surveyedOn' | 'instructorIndex'>;

/** Founding and status dates, and an instructor for the enterprises with members or large enough to need one. */
function withLaterFacts(rnd: Random, e: MadeEnterprise, instructors: number): SampleEnterprise {
  const founded = rnd.int(1992, 2024);
  const needsInstructor = e.fullMembers + e.probationaryMembers > 0 || (e.employees ?? 0) >= 50;
  return {
    ...e,
    foundedOn: `${founded}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
    statusSince: e.operatingStatus === 'normal' ? null : `${Math.max(founded + 1, 2025)}-${pad(rnd.int(1, 9))}-01`,
    surveyedOn: null,
    instructorIndex: needsInstructor && rnd.chance(0.6) ? rnd.int(0, instructors - 1) : null,
  };
}

function makeEnterprise(rnd: Random, names: Set<string>, codes: Set<string>): MadeEnterprise {
  const kind = rnd.weighted<EnterpriseKind>({
    enterprise: 54,
    individual: 38,
    'private-non-enterprise': 4,
    'social-group': 2,
    intermediary: 2,
  });
  const areaIndex = pickArea(rnd, kind);
  const ownership = pickOwnership(rnd, kind);
  const { name, industry } = uniqueName(rnd, kind, ownership, areaIndex, names);
  const employees = rnd.chance(0.015) ? null : pickEmployees(rnd, kind);
  const revenue = employees === null || rnd.chance(0.03) ? null : pickRevenue(rnd, kind, employees);
  const members = pickMembers(rnd, kind, employees ?? 10);
  const org = pickOrg(rnd, members.full + members.probationary, members.full, employees, areaIndex);
  const inPark = areaIndex === PARK_INDEX;
  const large = (employees ?? 0) >= 80;
  const total = members.full + members.probationary;
  const floating = total > 0 && rnd.chance(0.15) ? rnd.int(1, total) : 0;
  return {
    name,
    uscc: kind === 'individual' && rnd.chance(0.2) ? null : uniqueCode(rnd, kind, codes),
    regNo: null,
    kind,
    // Linked once all enterprises and their organisations are made (linkFormationFacts).
    associationIndex: null,
    leadEnterpriseIndex: null,
    ownership,
    ownershipNote: '',
    industry,
    aboveScale: kind === 'enterprise' && (revenue ?? 0) >= 2000,
    controlType: pickControlType(rnd, kind, ownership),
    areaIndex,
    address: address(rnd, areaIndex),
    operatingStatus: rnd.weighted<OperatingStatus>({
      normal: 88,
      difficult: 5,
      suspended: 3,
      deregistered: 2.5,
      'moved-out': 1.5,
    }),
    revenue,
    payroll: employees === null || revenue === null ? null : round2(employees * (5 + rnd.next() * 4)),
    employees,
    youngEmployees: employees === null ? null : Math.round(employees * (0.15 + rnd.next() * 0.3)),
    ownerName: personName(rnd),
    ownerIsMember: rnd.chance(total > 0 ? 0.35 : 0.02),
    ownerIsSecretary: org.setting === 'standalone' && rnd.chance(0.3),
    ownerIsDeputy: large && rnd.chance(0.1),
    contactName: personName(rnd),
    contactPhone: `1${rnd.pick(['3', '5', '8', '9'])}${rnd.digits(9)}`,
    fullMembers: members.full,
    probationaryMembers: members.probationary,
    activists: total > 0 || large ? rnd.int(0, 3) : 0,
    membersInEnterprise: total - floating,
    membersInTalentAgency: 0,
    membersAtOrigin: 0,
    membersTemporary: 0,
    membersFloating: floating,
    rosterKept: false,
    // Linked to an organisation record once all enterprises are made (buildPartyOrgs).
    partyOrgIndex: null,
    orgSetting: org.setting,
    noOrgReason:
      org.setting === 'none' && total > 0 ? rnd.pick(['党员人数不足3名', '业主认识不到位', '党员流动性大']) : '',
    formationDirection: org.direction,
    hasVenue: org.setting === 'standalone' || (large && rnd.chance(0.3)),
    venueArea: org.setting === 'standalone' ? rnd.int(20, 200) : null,
    fundingInBudget: org.setting === 'standalone' && rnd.chance(0.6),
    hasUnion: large || ((employees ?? 0) >= 25 && rnd.chance(0.5)),
    hasYouthLeague: large && rnd.chance(0.5),
    hasWomenFederation: large && rnd.chance(0.4),
    workGroupIndex: pickWorkGroup(rnd, kind, areaIndex),
    leaderIndex: null,
    keyCultivation: large && total >= 3 && rnd.chance(0.3),
    starRating: org.setting === 'standalone' ? rnd.int(2, 5) : 0,
    note: inPark && rnd.chance(0.05) ? '拟于明年扩建厂房' : '',
  };
}

function pickArea(rnd: Random, kind: EnterpriseKind): number {
  const roll = rnd.next();
  if (kind === 'enterprise' && roll < 0.3) return PARK_INDEX;
  if (kind === 'individual' && roll < 0.3) return MARKET_INDEX;
  return rnd.int(0, V.VILLAGES.length - 1);
}

/** The legal form shows in the name: 股份有限公司 for a joint-stock company, 厂 for a sole proprietorship. */
const NAME_SUFFIX: Partial<Record<Ownership, string>> = {
  'joint-stock': '股份有限公司',
  'sole-proprietorship': '厂',
  partnership: '厂',
};

function uniqueName(
  rnd: Random,
  kind: EnterpriseKind,
  ownership: Ownership | null,
  areaIndex: number,
  taken: Set<string>,
) {
  for (let attempt = 0; ; attempt++) {
    const trade = `${rnd.pick(V.TRADE_FIRST)}${rnd.pick(V.TRADE_SECOND)}`;
    let name: string;
    let industry: IndustrySection;
    if (kind === 'enterprise') {
      const t = rnd.pick(V.ENTERPRISE_TRADES);
      const prefix = rnd.weighted({ [V.COUNTY]: 6, 浙江: 1, 绍兴: 1 });
      const suffix = (ownership && NAME_SUFFIX[ownership]) ?? '有限公司';
      name = `${prefix}${trade}${t.word}${suffix}`;
      industry = t.industry;
    } else if (kind === 'individual') {
      const t = rnd.pick(V.SHOP_TRADES);
      const place = areaIndex === MARKET_INDEX ? V.MARKET : '长乐镇';
      name = `${place}${trade}${t.word}`;
      industry = t.industry;
    } else {
      const t = rnd.pick<{ word: string; industry: IndustrySection }>(V.SOCIAL_ORGS[kind]);
      name = `${V.COUNTY}长乐镇${trade}${t.word}`;
      industry = t.industry;
    }
    // Past a few collisions the vocabulary is exhausted for this shape (large benchmark ledgers): number a branch.
    if (attempt > 4) name = `${name}（第${attempt - 3}分部）`;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, industry };
    }
  }
}

function uniqueCode(rnd: Random, kind: EnterpriseKind, taken: Set<string>): string {
  // 登记管理部门: 9 工商 (institution type 1 企业, 2 个体工商户); 5 民政 (2 民办非企业单位, 1 社会团体).
  const head =
    kind === 'individual' ? '92' : kind === 'social-group' ? '51' : kind === 'private-non-enterprise' ? '52' : '91';
  for (;;) {
    const body = rnd.digits(8);
    const first17 = `${head}${V.COUNTY_DIVISION_CODE}${body}${orgCodeCheckChar(body)}`;
    const code = first17 + usccCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function pickEmployees(rnd: Random, kind: EnterpriseKind): number {
  if (kind === 'individual') return rnd.chance(0.85) ? rnd.int(1, 8) : rnd.int(9, 35);
  if (kind !== 'enterprise') return rnd.int(3, 60);
  const band = rnd.weighted({ A: 55, B: 17, C: 12, D: 16 });
  if (band === 'A') return rnd.int(3, 29);
  if (band === 'B') return rnd.int(30, 49);
  if (band === 'C') return rnd.int(50, 79);
  return rnd.chance(0.8) ? rnd.int(80, 300) : rnd.int(301, 1500);
}

function pickRevenue(rnd: Random, kind: EnterpriseKind, employees: number): number {
  if (kind === 'individual') return round2(5 + rnd.next() * 150);
  if (kind !== 'enterprise') return round2(employees * (1 + rnd.next() * 4));
  return round2(employees * (4 + rnd.next() * 14));
}

function pickMembers(rnd: Random, kind: EnterpriseKind, employees: number) {
  const p = kind === 'individual' ? 0.05 : employees >= 80 ? 0.8 : employees >= 50 ? 0.45 : employees >= 30 ? 0.3 : 0.1;
  if (!rnd.chance(p)) return { full: 0, probationary: 0 };
  const cap = Math.max(2, Math.round(employees / 12));
  const full = employees >= 80 ? rnd.int(2, cap) : rnd.int(1, Math.min(cap, 5));
  return { full, probationary: rnd.chance(0.2) ? rnd.int(1, 2) : 0 };
}

function pickOrg(
  rnd: Random,
  total: number,
  full: number,
  employees: number | null,
  areaIndex: number,
): { setting: OrgSetting; direction: FormationMethod | null } {
  const village = V.VILLAGES[areaIndex];
  // Drawn when organisations were typed names (which of the park's joint branches): kept so the stream, and
  // every enterprise after this one, stays as it was.
  if (areaIndex === PARK_INDEX) rnd.int(1, 4);
  let setting: OrgSetting;
  if (full >= 3) setting = rnd.weighted<OrgSetting>({ standalone: 75, joint: 15, attached: 5, none: 5 });
  else if (total >= 1) setting = rnd.weighted<OrgSetting>({ joint: 35, attached: 35, none: 30 });
  else if ((employees ?? 0) >= 80) setting = rnd.weighted<OrgSetting>({ joint: 25, none: 75 });
  else setting = rnd.weighted<OrgSetting>({ joint: 4, attached: 4, none: 92 });
  if (setting === 'attached' && !village) setting = 'joint';
  const direction: FormationMethod | null =
    setting === 'standalone'
      ? null
      : full >= 3
        ? 'standalone'
        : full === 2 && (employees ?? 0) >= 80
          ? 'instructor-assisted'
          : areaIndex === PARK_INDEX
            ? 'park-joint'
            : areaIndex === MARKET_INDEX
              ? 'area-joint'
              : total > 0
                ? 'village-joint'
                : null;
  return { setting, direction };
}

function pickOwnership(rnd: Random, kind: EnterpriseKind): Ownership | null {
  if (kind === 'individual') return 'individual';
  if (kind !== 'enterprise') return null;
  return rnd.weighted<Ownership>({
    'private-llc': 70,
    'joint-stock': 6,
    'sole-proprietorship': 10,
    partnership: 5,
    foreign: 3,
    'hk-macao-taiwan': 2,
    other: 4,
  });
}

function pickControlType(rnd: Random, kind: EnterpriseKind, ownership: Ownership | null): ControlType | null {
  if (kind !== 'enterprise') return null;
  if (ownership === 'foreign') return rnd.chance(0.6) ? 'foreign-sole' : 'private-foreign-invested';
  if (ownership === 'hk-macao-taiwan') return rnd.chance(0.6) ? 'hmt-sole' : 'private-hmt-invested';
  if (ownership === 'sole-proprietorship') return 'private-sole';
  return 'private-other';
}

function pickWorkGroup(rnd: Random, kind: EnterpriseKind, areaIndex: number): number | null {
  if (rnd.chance(0.08)) return null; // 未分组: the survey has not reached every enterprise yet
  if (areaIndex === PARK_INDEX) return WORK_GROUP_PARK;
  if (areaIndex === MARKET_INDEX) return WORK_GROUP_MARKET;
  if (kind === 'individual') return WORK_GROUP_INDIVIDUAL;
  if (kind !== 'enterprise') return WORK_GROUP_SOCIAL;
  return rnd.chance(0.5) ? areaIndex % V.ZONES.length : WORK_GROUP_NEW_ECONOMY;
}

function address(rnd: Random, areaIndex: number): string {
  if (areaIndex === PARK_INDEX)
    return `${V.COUNTY}长乐镇${rnd.pick(['工业大道', '创业路', '兴业路', '科技路'])}${rnd.int(1, 200)}号`;
  if (areaIndex === MARKET_INDEX)
    return `${V.COUNTY}长乐镇${V.MARKET}${rnd.pick(['A', 'B', 'C'])}区${rnd.int(1, 300)}号`;
  return `${V.COUNTY}长乐镇${V.VILLAGES[areaIndex]}${rnd.int(1, 300)}号`;
}

function personName(rnd: Random): string {
  return `${rnd.pick(V.SURNAMES)}${rnd.pick(V.GIVEN_NAMES)}`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
