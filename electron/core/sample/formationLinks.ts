import {
  FLOATING_BRANCH_MIN,
  suggestFormation,
  type FormationSuggestion,
} from '../../../shared/domain/formationSuggestion';
import type { AreaType, FormationMethod } from '../../../shared/domain/labels';
import { sizeBand } from '../../../shared/domain/sizeBand';
import { isActive, setMembers, totalOf } from './partyOrgs';
import type { Random } from './random';
import type { SampleEnterprise } from './types';
import * as V from './vocabulary';

interface Context {
  rnd: Random;
}

type Areas = readonly { name: string; type: AreaType }[];

/** The 社会团体 that can host an industry's joint organisation: every kind the vocabulary has but the 老年体育协会. */
const ASSOCIATION_WORDS = ['领带行业协会', '茶叶协会', '个体劳动者协会', '商会'] as const;
type AssociationWord = (typeof ASSOCIATION_WORDS)[number];

const associationWordOf = (e: SampleEnterprise): AssociationWord | null =>
  e.kind === 'social-group' ? (ASSOCIATION_WORDS.find((w) => e.name.endsWith(w)) ?? null) : null;

/** The association an enterprise would join: its trade's, the 个体劳动者协会 for a shop, otherwise the 商会. */
function associationWordFor(e: SampleEnterprise): AssociationWord {
  if (e.name.includes('领带')) return '领带行业协会';
  if (e.name.includes('茶')) return '茶叶协会';
  return e.kind === 'individual' ? '个体劳动者协会' : '商会';
}

const tradeOf = (e: SampleEnterprise) => V.ENTERPRISE_TRADES.find((t) => e.name.includes(t.word))?.word ?? null;

/** The formation rule (domain.md §5) for a sample enterprise, from the same facts the core reads off the ledger. */
export function sampleSuggestion(enterprises: SampleEnterprise[], areas: Areas, i: number): FormationSuggestion {
  const e = enterprises[i]!;
  const area = areas[e.areaIndex]!;
  const linked = (index: number | null) => {
    const other = index === null ? null : enterprises[index]!;
    return other ? { name: other.name, hasOrg: other.orgSetting !== 'none' } : null;
  };
  return suggestFormation({
    fullMembers: e.fullMembers,
    membersFloating: e.membersFloating,
    employees: e.employees,
    sizeBand: sizeBand(e.employees, e.revenue),
    orgSetting: e.orgSetting,
    areaType: area.type,
    areaName: area.name,
    association: linked(e.associationIndex),
    leadEnterprise: linked(e.leadEnterpriseIndex),
  });
}

/** On the 有党员未建党组织企业名册: active 企业 or 个体工商户 with members and no organisation. */
export const onMembersRoster = (e: SampleEnterprise) =>
  isActive(e) && (e.kind === 'enterprise' || e.kind === 'individual') && totalOf(e) > 0 && e.orgSetting === 'none';

/**
 * 所属商会/行业协会 and 龙头企业, the facts of 行业统建 and 龙头领建. Tie and tea makers join their trade's association,
 * shops the 个体劳动者协会, some firms the 商会; some smaller firms follow a large one with its own organisation in
 * their trade or their area. A link always points at an enterprise earlier in the list, so the ledger stores them in
 * one pass. Then the 有党员未建党组织企业名册 is made to show every method at least once, and every rule to fire
 * somewhere (plantMissingCases). Most clerks' 组建方向 follow the suggestion once the link is known; a few do not
 * (与建议不同). Runs after the organisations are built (it reads 组织设置) and before the rosters (which read counts).
 */
export function linkFormationFacts(ctx: Context, enterprises: SampleEnterprise[], areas: Areas): void {
  const { rnd } = ctx;
  const associations = new Map<AssociationWord, number[]>();
  const leads: Leads = { all: [], byTrade: new Map(), byArea: new Map() };
  const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  // Enterprises whose suggestion the links (or the planted 流动党员) changed.
  const touched = new Set<number>();
  for (const [i, e] of enterprises.entries()) {
    if ((e.kind === 'enterprise' || e.kind === 'individual') && link(ctx, enterprises, i, associations, leads)) {
      touched.add(i);
    }
    if (!isActive(e)) continue;
    const word = associationWordOf(e);
    if (word) add(associations, word, i);
    if (e.kind === 'enterprise' && e.orgSetting === 'standalone' && (e.employees ?? 0) >= 80) {
      leads.all.push(i);
      add(leads.byTrade, tradeOf(e), i);
      add(leads.byArea, e.areaIndex, i);
    }
  }
  plantMissingCases(
    ctx,
    enterprises,
    areas,
    { associations: [...associations.values()].flat(), leads: leads.all },
    touched,
  );
  // The clerk's plan follows the suggestion for most of them; a quarter keep their earlier plan.
  for (const i of [...touched].sort((a, b) => a - b)) {
    const e = enterprises[i]!;
    if (e.orgSetting === 'standalone' || e.formationDirection === null) continue;
    if (rnd.chance(0.75)) e.formationDirection = sampleSuggestion(enterprises, areas, i).method;
  }
}

type Plant = {
  /** Which enterprise (active, no organisation, no members yet) can show the case. */
  fits: (e: SampleEnterprise, i: number) => boolean;
  full: number;
  probationary?: number;
  floating?: number;
  link?: (i: number) => Partial<Pick<SampleEnterprise, 'associationIndex' | 'leadEnterpriseIndex'>>;
};

/**
 * Every method on the 名册 and every rule somewhere. A case the draw did not make is planted on an enterprise that
 * had no members and no organisation: it gains the members (and the link) the rule needs, a reason for having no
 * organisation and the suggested 组建方向, and no enterprise already on the 名册 changes.
 */
function plantMissingCases(
  { rnd }: Context,
  enterprises: SampleEnterprise[],
  areas: Areas,
  linkable: { associations: number[]; leads: number[] },
  touched: Set<number>,
): void {
  const suggest = (i: number) => sampleSuggestion(enterprises, areas, i);
  const typeOf = (e: SampleEnterprise) => areas[e.areaIndex]!.type;
  const village = (e: SampleEnterprise) => typeOf(e) === 'village' || typeOf(e) === 'community';
  const unlinked = (e: SampleEnterprise) => e.associationIndex === null && e.leadEnterpriseIndex === null;
  const firm = (e: SampleEnterprise) => e.kind === 'enterprise';
  const earlier = (i: number, list: number[]) => list.filter((j) => j < i);
  // Whether any of `list` comes before `i`, without building the list for every enterprise of a large sample.
  const firstOf = (list: number[]) => list.reduce((m, j) => Math.min(m, j), Infinity);
  const [firstAssociation, firstLead] = [firstOf(linkable.associations), firstOf(linkable.leads)];
  const plants: Record<FormationMethod | 'floating-branch', Plant> = {
    standalone: { fits: (e) => firm(e) && village(e) && unlinked(e), full: 3 },
    'instructor-assisted': {
      fits: (e) => firm(e) && sizeBand(e.employees, e.revenue) === 'D' && typeOf(e) !== 'industrial-park',
      full: 2,
    },
    'park-joint': { fits: (e) => firm(e) && typeOf(e) === 'industrial-park', full: 1 },
    'industry-joint': {
      fits: (e, i) => village(e) && firstAssociation < i,
      full: 1,
      link: (i) => ({ associationIndex: rnd.pick(earlier(i, linkable.associations)), leadEnterpriseIndex: null }),
    },
    'leader-led': {
      fits: (e, i) => firm(e) && village(e) && firstLead < i,
      full: 1,
      link: (i) => ({ associationIndex: null, leadEnterpriseIndex: rnd.pick(earlier(i, linkable.leads)) }),
    },
    'area-joint': { fits: (e) => ['market', 'building', 'street'].includes(typeOf(e)), full: 1 },
    'village-joint': { fits: (e) => village(e) && unlinked(e), full: 1 },
    'floating-branch': { fits: (e) => village(e) && unlinked(e), full: 1, probationary: 3, floating: 4 },
  };
  // The rule needs 流动党员 over 3 and fewer than 3 正式党员: only those few are asked.
  const floats = (e: SampleEnterprise) =>
    isActive(e) && e.orgSetting !== 'standalone' && (e.membersFloating ?? 0) >= FLOATING_BRANCH_MIN;
  // The methods the 名册 shows, and 'floating-branch' once that rule fires anywhere.
  const shown = new Set<string>();
  const note = (i: number) => {
    const s = suggest(i);
    if (onMembersRoster(enterprises[i]!)) shown.add(s.method);
    if (s.rule === 'floating-branch') shown.add(s.rule);
  };
  enterprises.forEach((e, i) => (onMembersRoster(e) || floats(e)) && note(i));
  for (const [method, plant] of Object.entries(plants) as [FormationMethod | 'floating-branch', Plant][]) {
    if (shown.has(method)) continue;
    const i = enterprises.findIndex(
      (e, i) =>
        isActive(e) &&
        (e.kind === 'enterprise' || e.kind === 'individual') &&
        e.orgSetting === 'none' &&
        totalOf(e) === 0 &&
        plant.fits(e, i),
    );
    if (i < 0) continue;
    const e = enterprises[i]!;
    Object.assign(e, plant.link?.(i));
    setMembers(e, plant.full, plant.probationary ?? 0);
    e.membersFloating = plant.floating ?? 0;
    e.membersInEnterprise = totalOf(e) - e.membersFloating;
    e.noOrgReason = plant.floating
      ? '党员多为流动党员，组织关系不在本企业'
      : plant.full >= 3
        ? '正在筹建党支部'
        : '党员人数不足3名';
    e.formationDirection = suggest(i).method;
    touched.delete(i);
    note(i);
  }
}

/** The large enterprises with their own organisation met so far, by trade and by area (a 20,000 sample has many). */
interface Leads {
  all: number[];
  byTrade: Map<string | null, number[]>;
  byArea: Map<number, number[]>;
}

/** Joins an association or follows a lead at random, from those listed before it; true when it did either. */
function link(
  { rnd }: Context,
  enterprises: SampleEnterprise[],
  i: number,
  associations: Map<AssociationWord, number[]>,
  leads: Leads,
): boolean {
  const e = enterprises[i]!;
  const word = associationWordFor(e);
  const ofTrade = associations.get(word) ?? [];
  const joins = word === '领带行业协会' || word === '茶叶协会' ? 0.6 : 0.15;
  if (ofTrade.length > 0 && rnd.chance(joins)) {
    e.associationIndex = rnd.pick(ofTrade);
    return true;
  }
  if (e.kind !== 'enterprise' || e.orgSetting === 'standalone' || (e.employees ?? 0) >= 80) return false;
  if (!rnd.chance(0.2)) return false;
  // In its supply chain (the same trade) or nearby (the same area), in the order they were met.
  const near = mergeAscending(leads.byTrade.get(tradeOf(e)) ?? [], leads.byArea.get(e.areaIndex) ?? []);
  if (near.length === 0) return false;
  e.leadEnterpriseIndex = rnd.pick(near);
  return true;
}

/** Two ascending lists as one, each index once: cheaper than a set and a sort for every enterprise of a large sample. */
function mergeAscending(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
