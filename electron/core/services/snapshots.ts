import type { IndicatorCount } from '../../../shared/domain/indicators';
import { countOutcome } from '../../../shared/domain/indicators';
import type {
  EnterpriseRef,
  IndicatorChange,
  IndicatorTrend,
  SnapshotComparison,
  SnapshotItem,
} from '../../../shared/ipc/stats';
import { assertWritable, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { AppError } from '../errors';
import { and, compileCondition, not, type CompileContext } from '../stats/compile';
import { countIndicators, type CountedIndicator } from '../stats/report';
import { fromClause, liveSource, snapshotSource, type FactSource } from '../stats/source';
import { getStatsSettings } from '../db/repos/indicators';
import { liveContext, liveIndicators, snapshotContext, snapshotHead, snapshotIndicators } from './stats';
import { recallLive } from '../stats/lastLive';

/**
 * A snapshot freezes, at a date, every enterprise's facts and every enabled indicator (its definition and its
 * counts), so that "as of 8月底" can be reported later and trends drawn. It is not an edit of the ledger: it is
 * not in the change log, and undo neither removes it nor changes it.
 */

const FREEZE = `INSERT INTO snapshot_facts
  SELECT ?, e.id, e.name, e.uscc, e.kind, e.operating_status, e.industry, e.area_id, a.name, a.type, a.sort_order,
    e.work_group_id, g.name, e.size_band, e.employees, e.revenue, e.full_members, e.probationary_members,
    e.activists, e.star_rating, e.org_setting, p.name, i.name, e.leader_id IS NOT NULL, e.above_scale,
    e.key_cultivation, e.owner_is_member, e.roster_kept,
    (SELECT max(w.held_on) FROM work_logs w WHERE w.enterprise_id = e.id AND w.held_on <= ?)
  FROM enterprises e JOIN areas a ON a.id = e.area_id LEFT JOIN work_groups g ON g.id = e.work_group_id
    LEFT JOIN party_orgs p ON p.id = e.party_org_id LEFT JOIN instructors i ON i.id = e.instructor_id`;

export function takeSnapshot(db: Db, writer: Writer, takenOn: string, label: string, today: string): SnapshotItem {
  assertWritable(db);
  if (takenOn > today) throw new AppError('VALIDATION', '快照日期不能晚于今天', 'takenOn');
  const settings = getStatsSettings(db);
  const id = db.transaction(() => {
    const snapshotId = Number(
      db
        .prepare(
          `INSERT INTO snapshots (taken_on, label, party_work_months, party_work_needs_instructor, created_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(
          takenOn,
          label,
          settings.partyWork.months,
          settings.partyWork.needsInstructor ? 1 : 0,
          writer.now().toISOString(),
        ).lastInsertRowid,
    );
    db.prepare(FREEZE).run(snapshotId, takenOn);
    const indicators = liveIndicators(db);
    const ctx: CompileContext = { asOf: takenOn, partyWork: settings.partyWork };
    // Counted from the frozen rows just written, so the stored counts are what the snapshot itself says.
    const counted = countIndicators(db, snapshotSource(snapshotId), indicators, ctx);
    const insert = db.prepare(
      `INSERT INTO snapshot_indicators (snapshot_id, position, key, name, denominator, numerator, target, note,
         numerator_count, denominator_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    indicators.forEach((ind, i) =>
      insert.run(
        snapshotId,
        i + 1,
        ind.key,
        ind.name,
        JSON.stringify(ind.denominator),
        JSON.stringify(ind.numerator),
        ind.target,
        ind.note,
        counted[i]!.numerator,
        counted[i]!.denominator,
      ),
    );
    return snapshotId;
  })();
  return snapshotItem(db, id);
}

const SNAPSHOT_ITEM = `SELECT s.id, s.taken_on AS takenOn, s.label, s.created_at AS createdAt,
    (SELECT count(*) FROM snapshot_facts f WHERE f.snapshot_id = s.id
       AND f.operating_status NOT IN ('deregistered', 'moved-out')) AS enterprises,
    (SELECT count(*) FROM snapshot_indicators i WHERE i.snapshot_id = s.id) AS indicators
  FROM snapshots s`;

export function listSnapshots(db: Db): SnapshotItem[] {
  return prepared(db, 'snapshots:list', () => `${SNAPSHOT_ITEM} ORDER BY s.taken_on, s.id`).all() as SnapshotItem[];
}

/** One snapshot's line of the list, without counting every other snapshot's rows. */
function snapshotItem(db: Db, id: number): SnapshotItem {
  return prepared(db, 'snapshots:item', () => `${SNAPSHOT_ITEM} WHERE s.id = ?`).get(id) as SnapshotItem;
}

export function deleteSnapshot(db: Db, id: number): void {
  assertWritable(db);
  snapshotHead(db, id);
  db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
}

/** One side of a comparison: a snapshot, or the ledger as it is now. */
interface Side {
  item: SnapshotItem | null;
  source: FactSource;
  ctx: CompileContext;
  indicators: CountedIndicator[];
}

function snapshotSide(db: Db, id: number): Side {
  const head = snapshotHead(db, id);
  return {
    item: snapshotItem(db, id),
    source: snapshotSource(id),
    ctx: snapshotContext(head),
    indicators: snapshotIndicators(db, id),
  };
}

function liveSide(db: Db, today: string): Side {
  return { item: null, source: liveSource, ctx: liveContext(db, today), indicators: liveIndicators(db) };
}

/** id → name and area of every counted enterprise of a side, and whether it has an organisation. */
function rowsOf(db: Db, side: Side): Map<number, EnterpriseRef & { hasOrg: boolean }> {
  const from = fromClause(side.source);
  const sql = `SELECT ${side.source.id} AS id, ${side.source.name} AS name, ${side.source.areaName} AS areaName,
    ${side.source.expr.hasOrg} AS hasOrg ${from.sql}`;
  const rows = prepared(db, sql, () => sql).all(...from.params) as (EnterpriseRef & { hasOrg: number })[];
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, areaName: r.areaName, hasOrg: r.hasOrg === 1 }]));
}

function gapIds(db: Db, side: Side, indicator: CountedIndicator): Set<number> {
  const from = fromClause(side.source);
  const gap = and(
    compileCondition(side.source, indicator.denominator, side.ctx),
    not(compileCondition(side.source, indicator.numerator, side.ctx)),
  );
  const sql = `SELECT ${side.source.id} ${from.sql} AND ${gap.sql}`;
  const ids = prepared(db, sql, () => sql)
    .pluck()
    .all(...from.params, ...gap.params) as number[];
  return new Set(ids);
}

const byArea = (a: EnterpriseRef, b: EnterpriseRef) =>
  a.areaName.localeCompare(b.areaName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN');
const ref = ({ id, name, areaName }: EnterpriseRef): EnterpriseRef => ({ id, name, areaName });

export function compareSnapshots(db: Db, fromId: number, toId: number | undefined, today: string): SnapshotComparison {
  if (toId !== undefined && toId === fromId) throw new AppError('VALIDATION', '请选择两份不同的快照进行对比', 'toId');
  const from = snapshotSide(db, fromId);
  const to = toId === undefined ? liveSide(db, today) : snapshotSide(db, toId);
  const before = rowsOf(db, from);
  const after = rowsOf(db, to);
  const pick = (rows: Map<number, EnterpriseRef & { hasOrg: boolean }>, keep: (id: number) => boolean) =>
    [...rows.values()]
      .filter((r) => keep(r.id))
      .map(ref)
      .sort(byArea);

  const fromCounts = countsOf(db, from);
  const toCounts = countsOf(db, to);
  const keys = [...new Set([...from.indicators, ...to.indicators].map((i) => i.key))];
  const indicators: IndicatorChange[] = keys.map((key) => {
    const a = from.indicators.find((i) => i.key === key);
    const b = to.indicators.find((i) => i.key === key);
    const gapBefore = a ? gapIds(db, from, a) : new Set<number>();
    const gapAfter = b ? gapIds(db, to, b) : new Set<number>();
    return {
      key,
      name: (b ?? a)!.name,
      from: fromCounts.get(key) ?? null,
      to: toCounts.get(key) ?? null,
      enteredGap: b ? pick(after, (id) => gapAfter.has(id) && !gapBefore.has(id)) : [],
      leftGap: a ? pick(before, (id) => gapBefore.has(id) && !gapAfter.has(id)) : [],
    };
  });
  return {
    from: from.item!,
    to: to.item,
    // Among enterprises counted on both sides: one that arrived or left is listed under added or removed.
    newOrgs: pick(after, (id) => after.get(id)!.hasOrg && before.get(id)?.hasOrg === false),
    lostOrgs: pick(before, (id) => before.get(id)!.hasOrg && after.get(id)?.hasOrg === false),
    added: pick(after, (id) => !before.has(id)),
    removed: pick(before, (id) => !after.has(id)),
    indicators,
  };
}

function countsOf(db: Db, side: Side): Map<string, IndicatorCount> {
  const results = countIndicators(db, side.source, side.indicators, side.ctx);
  return new Map(
    results.map((r) => [
      r.key,
      { numerator: r.numerator, denominator: r.denominator, rate: r.rate, met: r.met, shortfall: r.shortfall },
    ]),
  );
}

/** Each enabled indicator over the snapshots (their stored counts), ending with the ledger now. */
export function snapshotTrend(db: Db, today: string): IndicatorTrend[] {
  const ctx = liveContext(db, today);
  const live = recallLive(db, today) ?? countIndicators(db, liveSource, liveIndicators(db), ctx);
  const stored = db
    .prepare(
      `SELECT s.id, s.taken_on AS takenOn, i.key, i.target, i.numerator_count AS n, i.denominator_count AS d
       FROM snapshot_indicators i JOIN snapshots s ON s.id = i.snapshot_id ORDER BY s.taken_on, s.id`,
    )
    .all() as { id: number; takenOn: string; key: string; target: number | null; n: number; d: number }[];
  return live.map((r) => ({
    key: r.key,
    name: r.name,
    target: r.target,
    points: [
      ...stored
        .filter((s) => s.key === r.key)
        .map((s) => ({ snapshotId: s.id, takenOn: s.takenOn, ...countOutcome(s.n, s.d, s.target) })),
      {
        snapshotId: null,
        takenOn: ctx.asOf,
        numerator: r.numerator,
        denominator: r.denominator,
        rate: r.rate,
        met: r.met,
        shortfall: r.shortfall,
      },
    ],
  }));
}
