import type { FlagFact, NumberFact, SetFact } from '../../../shared/domain/indicators';
import type { Db } from '../db/open';

/** Flags other than 党的工作覆盖, which is composed from the ledger's rule rather than read. */
export type PlainFlagFact = Exclude<FlagFact, 'partyWork'>;

/**
 * Where an indicator's facts come from: the live ledger or a snapshot's frozen rows. The compiler writes one
 * condition once and reads each fact through this map, so a snapshot is counted by exactly the same SQL as the
 * ledger is. Every expression refers to the one row alias of `from` and is a code constant, never input.
 */
export interface FactSource {
  /** The table and its row alias. */
  table: string;
  /** Which rows are ever counted: not 注销/迁出 (and, for a snapshot, its own rows). */
  scope: { sql: string; params: (string | number)[] };
  /** The enterprise id, name and area name of a row, for lists. */
  id: string;
  name: string;
  areaName: string;
  expr: Record<SetFact | NumberFact | PlainFlagFact, string>;
  /** Revenue as stored, to tell an unknown revenue from a zero one. */
  revenueAsStored: string;
  /** True when the enterprise has a work log dated between the two bound dates (inclusive). */
  logBetween: string;
  /**
   * The breakdown keys of a row — area id, work group id (NULL = 未分组), size band — and the few-valued facts
   * the count also groups by. Plain columns, in the order of the ledger's statistics index, so the live count
   * streams through that index without sorting.
   */
  group: {
    area: string;
    workGroup: string;
    sizeBand: string;
    operatingStatus: string;
    kind: string;
    orgSetting: string;
  };
  /** Names of the breakdown rows, in display order. */
  labels(db: Db): { areas: Label[]; workGroups: Label[] };
}

/** FROM … WHERE scope, with the scope's bound values. */
export function fromClause(source: FactSource): { sql: string; params: (string | number)[] } {
  return { sql: `FROM ${source.table} WHERE ${source.scope.sql}`, params: source.scope.params };
}

export interface Label {
  key: string;
  label: string;
}

const INACTIVE = "('deregistered', 'moved-out')";

export const liveSource: FactSource = {
  table: 'enterprises e',
  scope: { sql: `e.operating_status NOT IN ${INACTIVE}`, params: [] },
  id: 'e.id',
  name: 'e.name',
  areaName: '(SELECT a.name FROM areas a WHERE a.id = e.area_id)',
  expr: {
    kind: 'e.kind',
    sizeBand: 'e.size_band',
    orgSetting: 'e.org_setting',
    // Read only when a clause asks for it: most indicators never do.
    areaType: '(SELECT a.type FROM areas a WHERE a.id = e.area_id)',
    industry: 'e.industry',
    operatingStatus: 'e.operating_status',
    employees: 'e.employees',
    revenue: 'coalesce(e.revenue, 0)',
    members: '(e.full_members + e.probationary_members)',
    fullMembers: 'e.full_members',
    activists: 'e.activists',
    starRating: 'e.star_rating',
    hasOrg: "(e.org_setting <> 'none')",
    hasInstructor: '(e.instructor_id IS NOT NULL)',
    hasLeader: '(e.leader_id IS NOT NULL)',
    aboveScale: 'e.above_scale',
    keyCultivation: 'e.key_cultivation',
    ownerIsMember: 'e.owner_is_member',
    rosterKept: 'e.roster_kept',
  },
  revenueAsStored: 'e.revenue',
  logBetween: 'EXISTS (SELECT 1 FROM work_logs w WHERE w.enterprise_id = e.id AND w.held_on BETWEEN ? AND ?)',
  group: {
    area: 'e.area_id',
    workGroup: 'e.work_group_id',
    sizeBand: 'e.size_band',
    operatingStatus: 'e.operating_status',
    kind: 'e.kind',
    orgSetting: 'e.org_setting',
  },
  labels(db) {
    const areas = db.prepare('SELECT id, name FROM areas ORDER BY sort_order, id').all() as Row[];
    const groups = db.prepare('SELECT id, name FROM work_groups').all() as Row[];
    return { areas: areas.map(label), workGroups: byName(groups).map(label) };
  },
};

interface Row {
  id: number;
  name: string;
}
const label = (r: Row): Label => ({ key: String(r.id), label: r.name });
/** Work groups in pinyin order, sorted here so a snapshot (which keeps only names) orders them as live does. */
const byName = (rows: Row[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);

/**
 * The live enterprises of one 专项行动: those it has a plan for, whatever the plan's state — a campaign's
 * coverage is measured over the enterprises it set out to reach.
 */
export function campaignSource(campaignId: number): FactSource {
  return {
    ...liveSource,
    scope: {
      sql: `${liveSource.scope.sql} AND e.id IN (SELECT p.enterprise_id FROM plans p WHERE p.campaign_id = ?)`,
      params: [...liveSource.scope.params, campaignId],
    },
  };
}

/** The frozen rows of one snapshot; `last_log_on` is the newest log on or before the snapshot's date. */
export function snapshotSource(snapshotId: number): FactSource {
  return {
    table: 'snapshot_facts f',
    scope: { sql: `f.snapshot_id = ? AND f.operating_status NOT IN ${INACTIVE}`, params: [snapshotId] },
    id: 'f.enterprise_id',
    name: 'f.name',
    areaName: 'f.area_name',
    expr: {
      kind: 'f.kind',
      sizeBand: 'f.size_band',
      orgSetting: 'f.org_setting',
      areaType: 'f.area_type',
      industry: 'f.industry',
      operatingStatus: 'f.operating_status',
      employees: 'f.employees',
      revenue: 'coalesce(f.revenue, 0)',
      members: '(f.full_members + f.probationary_members)',
      fullMembers: 'f.full_members',
      activists: 'f.activists',
      starRating: 'f.star_rating',
      hasOrg: "(f.org_setting <> 'none')",
      hasInstructor: '(f.instructor_name IS NOT NULL)',
      hasLeader: 'f.has_leader',
      aboveScale: 'f.above_scale',
      keyCultivation: 'f.key_cultivation',
      ownerIsMember: 'f.owner_is_member',
      rosterKept: 'f.roster_kept',
    },
    revenueAsStored: 'f.revenue',
    logBetween: '(f.last_log_on BETWEEN ? AND ?)',
    group: {
      area: 'f.area_id',
      workGroup: 'f.work_group_id',
      sizeBand: 'f.size_band',
      operatingStatus: 'f.operating_status',
      kind: 'f.kind',
      orgSetting: 'f.org_setting',
    },
    labels(db) {
      const areas = db
        .prepare(
          `SELECT area_id AS id, max(area_name) AS name FROM snapshot_facts WHERE snapshot_id = ?
           GROUP BY area_id ORDER BY max(area_sort), area_id`,
        )
        .all(snapshotId) as Row[];
      const groups = db
        .prepare(
          `SELECT work_group_id AS id, max(work_group_name) AS name FROM snapshot_facts
           WHERE snapshot_id = ? AND work_group_id IS NOT NULL GROUP BY work_group_id`,
        )
        .all(snapshotId) as Row[];
      return { areas: areas.map(label), workGroups: byName(groups).map(label) };
    },
  };
}
