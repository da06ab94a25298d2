import { describe, expect, test } from 'vitest';
import {
  FLAG_FACTS,
  NUMBER_FACTS,
  SET_FACTS,
  type BreakdownDimension,
  type Clause,
  type Condition,
  type Indicator,
  type IndicatorResult,
  type StatsReport,
  type StatsSettings,
} from '../../shared/domain/indicators';
import type { IndicatorInput } from '../../shared/ipc/stats';
import { useStatsLedger } from './statsSetup';

/**
 * Properties of the statistics on many generated townships: the sample generator with different seeds and
 * sizes, shaken by random bulk edits (closures, instructors withdrawn, groups dissolved) and random 统计设置,
 * with the five defaults plus random indicators built from random clauses. For every enabled indicator:
 *   (a) the total equals the sum of each breakdown;
 *   (b) numerator ≤ denominator;
 *   (c) every count equals an oracle written here in plain TypeScript over the rows of a plain SELECT;
 *   (d) the live ledger list filtered to a number has exactly that many enterprises, and the oracle's ones;
 *   (e) a snapshot taken at the reporting date says the same, and lists the same enterprises behind its numbers.
 * The oracle shares nothing with the compiler: not its SQL, not its date arithmetic.
 */
const s = useStatsLedger();

/** mulberry32: small, fast, and the same sequence for a seed everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const chance = (p: number) => next() < p;
  const subset = <T>(xs: readonly T[]): T[] => {
    const chosen = xs.filter(() => chance(0.6));
    return chosen.length > 0 ? chosen : [pick(xs)];
  };
  return { next, int, pick, chance, subset };
}
type Random = ReturnType<typeof random>;

/** Sensible thresholds per number fact, so that random ranges cut the township somewhere. */
const SPANS: Record<keyof typeof NUMBER_FACTS, [number, number]> = {
  employees: [0, 400],
  revenue: [0, 6000],
  members: [0, 8],
  fullMembers: [0, 6],
  activists: [0, 4],
  starRating: [0, 5],
};

function randomClause(rnd: Random, fact: string): Clause {
  if (fact in SET_FACTS) {
    const options = Object.keys(SET_FACTS[fact as keyof typeof SET_FACTS].options);
    return { fact, in: rnd.subset(options) } as Clause;
  }
  if (fact in NUMBER_FACTS) {
    const [lo, hi] = SPANS[fact as keyof typeof NUMBER_FACTS];
    const a = rnd.int(lo, hi);
    const b = rnd.int(a, hi);
    const shape = rnd.int(0, 2);
    return {
      fact: fact as keyof typeof NUMBER_FACTS,
      min: shape === 1 ? null : a,
      max: shape === 0 ? null : b,
    };
  }
  if (fact === 'recentWorkLog') return { fact, months: rnd.pick([1, 3, 6, 12, 18, 24, 60]), is: rnd.chance(0.7) };
  return { fact: fact as keyof typeof FLAG_FACTS, is: rnd.chance(0.6) };
}

const ALL_FACTS = [
  ...Object.keys(SET_FACTS),
  ...Object.keys(NUMBER_FACTS),
  ...Object.keys(FLAG_FACTS),
  'recentWorkLog',
];

function randomCondition(rnd: Random, min: number, max: number): Condition {
  const facts = [...ALL_FACTS].sort(() => rnd.next() - 0.5).slice(0, rnd.int(min, max));
  return facts.map((f) => randomClause(rnd, f));
}

function randomIndicator(rnd: Random, n: number): IndicatorInput {
  return {
    name: `随机指标${n}`,
    denominator: randomCondition(rnd, 0, 2),
    numerator: randomCondition(rnd, 1, 2),
    target: rnd.chance(0.2) ? null : rnd.int(0, 100) / 100,
    note: '',
  };
}

/** An enterprise as the oracle reads it: the stored row, its area's type and its log dates. */
interface Row {
  id: number;
  kind: string;
  operating_status: string;
  size_band: string;
  org_setting: string;
  industry: string | null;
  area_id: number;
  area_type: string;
  work_group_id: number | null;
  employees: number | null;
  revenue: number | null;
  full_members: number;
  probationary_members: number;
  activists: number;
  star_rating: number;
  instructor_id: number | null;
  leader_id: number | null;
  above_scale: number;
  key_cultivation: number;
  owner_is_member: number;
  roster_kept: number;
  logs: string[];
}

/** The same calendar day `months` earlier, or that month's last day; written without Date. */
function monthsEarlier(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const day = Math.min(d, lengths[month - 1]!);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

const hasLogBetween = (r: Row, from: string, to: string) => r.logs.some((l) => l >= from && l <= to);

function holds(r: Row, c: Clause, asOf: string, settings: StatsSettings): boolean {
  const sets: Record<string, string | null> = {
    kind: r.kind,
    sizeBand: r.size_band,
    orgSetting: r.org_setting,
    areaType: r.area_type,
    industry: r.industry,
    operatingStatus: r.operating_status,
  };
  const numbers: Record<string, number | null> = {
    employees: r.employees,
    // domain.md §4: an unknown revenue counts as under 500万元, i.e. as 0.
    revenue: r.revenue ?? 0,
    members: r.full_members + r.probationary_members,
    fullMembers: r.full_members,
    activists: r.activists,
    starRating: r.star_rating,
  };
  const flags: Record<string, boolean> = {
    hasOrg: r.org_setting !== 'none',
    hasInstructor: r.instructor_id !== null,
    hasLeader: r.leader_id !== null,
    aboveScale: r.above_scale === 1,
    keyCultivation: r.key_cultivation === 1,
    ownerIsMember: r.owner_is_member === 1,
    rosterKept: r.roster_kept === 1,
    partyWork:
      (!settings.partyWork.needsInstructor || r.instructor_id !== null) &&
      hasLogBetween(r, monthsEarlier(asOf, settings.partyWork.months), asOf),
  };
  if ('in' in c) {
    const v = sets[c.fact];
    return v !== null && v !== undefined && c.in.includes(v);
  }
  if ('min' in c) {
    const v = numbers[c.fact];
    if (v === null || v === undefined) return false;
    return (c.min === null || v >= c.min) && (c.max === null || v <= c.max);
  }
  if (c.fact === 'recentWorkLog') return hasLogBetween(r, monthsEarlier(asOf, c.months), asOf) === c.is;
  return flags[c.fact] === c.is;
}

const all = (r: Row, cond: Condition, asOf: string, settings: StatsSettings) =>
  cond.every((c) => holds(r, c, asOf, settings));

interface Expected {
  den: number[];
  num: number[];
  revenueUnknown: number;
  rows: Record<BreakdownDimension, Map<string, { n: number; d: number }>>;
}

function oracle(rows: Row[], ind: Indicator, asOf: string, settings: StatsSettings): Expected {
  const counted = rows.filter((r) => r.operating_status !== 'deregistered' && r.operating_status !== 'moved-out');
  const den = counted.filter((r) => all(r, ind.denominator, asOf, settings));
  const num = den.filter((r) => all(r, ind.numerator, asOf, settings));
  const hasRevenue = [...ind.denominator, ...ind.numerator].some((c) => c.fact === 'revenue');
  const rest = ind.denominator.filter((c) => c.fact !== 'revenue');
  const revenueUnknown = hasRevenue
    ? counted.filter((r) => r.revenue === null && all(r, rest, asOf, settings)).length
    : 0;
  const keyOf: Record<BreakdownDimension, (r: Row) => string> = {
    area: (r) => String(r.area_id),
    workGroup: (r) => String(r.work_group_id ?? 0),
    sizeBand: (r) => r.size_band,
  };
  const numIds = new Set(num.map((r) => r.id));
  const denIds = new Set(den.map((r) => r.id));
  const grouped = (dim: BreakdownDimension) => {
    const m = new Map<string, { n: number; d: number }>();
    // Every counted enterprise opens its row, even when it is in neither part (a 0/0 row).
    for (const r of counted) {
      const acc = m.get(keyOf[dim](r)) ?? { n: 0, d: 0 };
      m.set(keyOf[dim](r), { n: acc.n + (numIds.has(r.id) ? 1 : 0), d: acc.d + (denIds.has(r.id) ? 1 : 0) });
    }
    return m;
  };
  return {
    den: den.map((r) => r.id).sort((a, b) => a - b),
    num: num.map((r) => r.id).sort((a, b) => a - b),
    revenueUnknown,
    rows: { area: grouped('area'), workGroup: grouped('workGroup'), sizeBand: grouped('sizeBand') },
  };
}

async function readRows(): Promise<Row[]> {
  return s.readFile((db) => {
    const rows = db
      .prepare(
        `SELECT e.id, e.kind, e.operating_status, e.size_band, e.org_setting, e.industry, e.area_id,
           a.type AS area_type, e.work_group_id, e.employees, e.revenue, e.full_members, e.probationary_members,
           e.activists, e.star_rating, e.instructor_id, e.leader_id, e.above_scale, e.key_cultivation,
           e.owner_is_member, e.roster_kept
         FROM enterprises e JOIN areas a ON a.id = e.area_id`,
      )
      .all() as Omit<Row, 'logs'>[];
    const logs = db.prepare('SELECT enterprise_id AS id, held_on AS on_ FROM work_logs').all() as {
      id: number;
      on_: string;
    }[];
    const byId = new Map<number, string[]>();
    for (const l of logs) byId.set(l.id, [...(byId.get(l.id) ?? []), l.on_]);
    return rows.map((r) => ({ ...r, logs: byId.get(r.id) ?? [] }));
  });
}

/**
 * Random closures, instructors assigned and withdrawn, groups dissolved (each one bulk step through the real
 * service) and visits logged at random dates from 30 months back to a few weeks ahead, so that 工作覆盖 and the
 * recent-log clauses have something on both sides of every window.
 */
async function shake(rnd: Random, ids: number[], instructorIds: number[]): Promise<void> {
  const some = (p: number) => ids.filter(() => rnd.chance(p));
  const patches: [number[], Record<string, unknown>][] = [
    [some(0.3), { instructorId: rnd.pick(instructorIds) }],
    [some(0.05), { operatingStatus: 'deregistered' }],
    [some(0.03), { operatingStatus: 'moved-out' }],
    [some(0.04), { operatingStatus: 'suspended' }],
    [some(0.1), { instructorId: null }],
    [some(0.1), { workGroupId: null }],
    [some(0.05), { leaderId: null }],
  ];
  for (const [chosen, patch] of patches) {
    if (chosen.length > 0) await s.call('enterprises:bulkUpdate', { ids: chosen, patch });
  }
  for (const enterpriseId of some(0.15).slice(0, 60)) {
    const day = new Date(Date.UTC(2026, 10, 21 - rnd.int(-30, 900)));
    await s.log(enterpriseId, day.toISOString().slice(0, 10));
  }
}

function randomSettings(rnd: Random): StatsSettings {
  const reportingOn = rnd.chance(0.5)
    ? null
    : `${rnd.pick(['2025', '2026'])}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
  return {
    partyWork: { months: rnd.pick([1, 3, 6, 12, 13, 24, 60]), needsInstructor: rnd.chance(0.6) },
    reportingOn: reportingOn !== null && reportingOn > '2026-11-21' ? '2026-11-21' : reportingOn,
  };
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** A report's figures with each breakdown's rows in key order (a snapshot may list its rows in another order). */
const byRowKey = (r: StatsReport) =>
  r.indicators.map((i) => ({
    ...i,
    breakdowns: Object.fromEntries(
      Object.entries(i.breakdowns).map(([dim, rows]) => [dim, [...rows].sort((a, b) => a.key.localeCompare(b.key))]),
    ),
  }));

/** Every enterprise behind a snapshot's number, page by page. */
async function frozenIds(snapshotId: number, selection: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await s.call<{ total: number; rows: { id: number }[] }>('stats:snapshotEnterprises', {
      snapshotId,
      selection,
      offset,
      limit: 500,
    });
    ids.push(...page.rows.map((r) => r.id));
    if (ids.length >= page.total) return sorted(ids);
  }
}
const DIMENSIONS: BreakdownDimension[] = ['area', 'workGroup', 'sizeBand'];

function checkSums(r: IndicatorResult): void {
  // (b)
  expect(r.numerator, r.key).toBeLessThanOrEqual(r.denominator);
  for (const dim of DIMENSIONS) {
    const rows = r.breakdowns[dim];
    // (a)
    expect(
      rows.reduce((acc, row) => acc + row.numerator, 0),
      `${r.key} ${dim} numerator`,
    ).toBe(r.numerator);
    expect(
      rows.reduce((acc, row) => acc + row.denominator, 0),
      `${r.key} ${dim} denominator`,
    ).toBe(r.denominator);
    for (const row of rows) expect(row.numerator, `${r.key} ${dim} ${row.key}`).toBeLessThanOrEqual(row.denominator);
    expect(new Set(rows.map((row) => row.key)).size, `${r.key} ${dim} keys are unique`).toBe(rows.length);
  }
}

const CASES = [
  { seed: 1, size: 60 },
  { seed: 7, size: 150 },
  { seed: 20110809, size: 300 },
  { seed: 424242, size: 90 },
  { seed: 99, size: 500 },
  { seed: 2026, size: 40 },
  { seed: 31337, size: 220 },
  { seed: 5, size: 120 },
];

describe('statistics on generated townships', () => {
  test.each(CASES)(
    'seed $seed, $size enterprises',
    async ({ seed, size }) => {
      const rnd = random(seed);
      await s.call('ledgers:createSample', { enterprises: size, seed });
      const ids = (await readRows()).map((r) => r.id);
      const instructorIds = await s.readFile(
        (db) => db.prepare('SELECT id FROM instructors').pluck().all() as number[],
      );
      await shake(rnd, ids, instructorIds);
      const settings = randomSettings(rnd);
      await s.saveSettings(settings);
      for (let n = 1; n <= 6; n++) await s.call('indicators:save', { input: randomIndicator(rnd, n) });
      // Now and then a default is switched off: it must then be absent.
      const defaults = await s.indicators();
      const off = rnd.chance(0.5) ? rnd.pick(defaults.filter((i) => i.builtin)) : null;
      if (off) {
        const { id, key: _k, builtin: _b, sortOrder: _s, ...definition } = off;
        await s.call('indicators:save', { id, input: { ...definition, enabled: false } });
      }

      const rows = await readRows();
      const indicators = (await s.indicators()).filter((i) => i.enabled);
      const report = await s.call<StatsReport>('stats:report');
      const asOf = settings.reportingOn ?? '2026-11-21';
      expect(report.asOf).toBe(asOf);
      expect(report.indicators.map((i) => i.key)).toEqual(indicators.map((i) => i.key));
      if (off) expect(report.indicators.map((i) => i.key)).not.toContain(off.key);

      for (const ind of indicators) {
        const r = report.indicators.find((x) => x.key === ind.key)!;
        checkSums(r);
        // (c)
        const want = oracle(rows, ind, asOf, settings);
        const label = `${ind.key} ${JSON.stringify([ind.denominator, ind.numerator])}`;
        expect({ n: r.numerator, d: r.denominator, u: r.revenueUnknown }, label).toEqual({
          n: want.num.length,
          d: want.den.length,
          u: want.revenueUnknown,
        });
        for (const dim of DIMENSIONS) {
          const got = new Map(r.breakdowns[dim].map((row) => [row.key, { n: row.numerator, d: row.denominator }]));
          expect(got, `${label} ${dim}`).toEqual(want.rows[dim]);
        }
        // (d): the ledger list behind each number, through the handler the 企业台账 tab calls.
        const numSet = new Set(want.num);
        expect(await s.listed({ key: ind.key, part: 'denominator' }), label).toEqual(want.den);
        expect(await s.listed({ key: ind.key, part: 'numerator' }), label).toEqual(want.num);
        expect(await s.listed({ key: ind.key, part: 'gap' }), label).toEqual(want.den.filter((id) => !numSet.has(id)));
        // …and for one breakdown row with something in it.
        const dim = rnd.pick(DIMENSIONS);
        const candidates = r.breakdowns[dim].filter((row) => row.denominator > 0);
        if (candidates.length > 0) {
          const row = rnd.pick(candidates);
          const part = rnd.pick(['denominator', 'numerator', 'gap'] as const);
          const listed = await s.listed({ key: ind.key, part, breakdown: { dimension: dim, key: row.key } });
          const expectedCount =
            part === 'denominator'
              ? row.denominator
              : part === 'numerator'
                ? row.numerator
                : row.denominator - row.numerator;
          expect(listed.length, `${label} ${dim} ${row.key} ${part}`).toBe(expectedCount);
          const inRow = new Set(
            rows
              .filter((x) =>
                dim === 'area'
                  ? String(x.area_id) === row.key
                  : dim === 'workGroup'
                    ? String(x.work_group_id ?? 0) === row.key
                    : x.size_band === row.key,
              )
              .map((x) => x.id),
          );
          const partIds =
            part === 'denominator'
              ? want.den
              : part === 'numerator'
                ? want.num
                : want.den.filter((id) => !numSet.has(id));
          expect(listed).toEqual(sorted(partIds.filter((id) => inRow.has(id))));
        }
      }

      // (e) Frozen at the reporting date, under the same rule: the same report, and the same enterprises.
      const snap = await s.call<{ id: number }>('snapshots:take', { takenOn: asOf });
      const frozen = await s.call<StatsReport>('stats:report', { snapshotId: snap.id });
      expect(frozen.asOf).toBe(asOf);
      expect(byRowKey(frozen)).toEqual(byRowKey(report));
      for (const ind of indicators) {
        const live = await s.listed({ key: ind.key, part: 'gap' });
        expect(await frozenIds(snap.id, { key: ind.key, part: 'gap' }), ind.key).toEqual(live);
      }
    },
    60_000,
  );
});
