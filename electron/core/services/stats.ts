import type { Condition, StatsReport } from '../../../shared/domain/indicators';
import type { IndicatorSelection, SnapshotEnterpriseRow } from '../../../shared/ipc/stats';
import type { Page } from '../../../shared/ipc/fields';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { getStatsSettings, indicatorByKey, listIndicators } from '../db/repos/indicators';
import { AppError } from '../errors';
import type { CompileContext, Sql } from '../stats/compile';
import { countIndicators, type CountedIndicator } from '../stats/report';
import { selectionCondition } from '../stats/selection';
import { campaignSource, liveSource, snapshotSource } from '../stats/source';
import { getCampaign } from '../db/repos/campaigns';
import { rememberLive } from '../stats/lastLive';

/** The live ledger's reporting date and 工作覆盖 rule, as the clerk set them. */
export function liveContext(db: Db, today: string): CompileContext {
  const settings = getStatsSettings(db);
  return { asOf: settings.reportingOn ?? today, partyWork: settings.partyWork };
}

export function liveIndicators(db: Db): CountedIndicator[] {
  return listIndicators(db).filter((i) => i.enabled);
}

export function liveReport(db: Db, today: string, campaignId?: number): StatsReport {
  const ctx = liveContext(db, today);
  if (campaignId === undefined) {
    const indicators = countIndicators(db, liveSource, liveIndicators(db), ctx);
    rememberLive(db, today, indicators);
    return { asOf: ctx.asOf, source: { kind: 'live' }, indicators };
  }
  const campaign = requireCampaign(db, campaignId);
  // The campaign's own targets stand in for the indicators' where it sets them.
  const indicators = liveIndicators(db).map((i) =>
    i.key in campaign.targets ? { ...i, target: campaign.targets[i.key]! } : i,
  );
  return {
    asOf: ctx.asOf,
    source: { kind: 'live', campaign: { id: campaign.id, name: campaign.name } },
    indicators: countIndicators(db, campaignSource(campaignId), indicators, ctx),
  };
}

function requireCampaign(db: Db, id: number) {
  const found = getCampaign(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该专项行动已不存在，可能已被删除，请刷新', 'campaignId');
  return found;
}

/** The live enterprises behind a number, as a condition the ledger list adds to its own filters. */
export function liveSelection(db: Db, today: string, selection: IndicatorSelection): Sql {
  const indicator = indicatorByKey(db, selection.key);
  if (!indicator)
    throw new AppError('NOT_FOUND', `统计指标“${selection.key}”已不存在，可能已被删除，请刷新`, 'query.indicator');
  const source =
    selection.campaignId === undefined ? liveSource : campaignSource(requireCampaign(db, selection.campaignId).id);
  return selectionCondition(source, indicator, selection, liveContext(db, today));
}

interface SnapshotHead {
  id: number;
  takenOn: string;
  label: string;
  partyWorkMonths: number;
  partyWorkNeedsInstructor: number;
}

export function snapshotHead(db: Db, id: number): SnapshotHead {
  const row = db
    .prepare(
      `SELECT id, taken_on AS takenOn, label, party_work_months AS partyWorkMonths,
              party_work_needs_instructor AS partyWorkNeedsInstructor FROM snapshots WHERE id = ?`,
    )
    .get(id) as SnapshotHead | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该统计快照已不存在，可能已被删除，请刷新', 'snapshotId');
  return row;
}

/** A snapshot is counted at its own date and under the rule in force when it was taken. */
export function snapshotContext(head: SnapshotHead): CompileContext {
  return {
    asOf: head.takenOn,
    partyWork: { months: head.partyWorkMonths, needsInstructor: head.partyWorkNeedsInstructor === 1 },
  };
}

/** The indicators as the snapshot froze them, in their order then. */
export function snapshotIndicators(db: Db, snapshotId: number): (CountedIndicator & { counts: [number, number] })[] {
  const rows = db
    .prepare(
      `SELECT key, name, denominator, numerator, target, note, numerator_count AS n, denominator_count AS d
       FROM snapshot_indicators WHERE snapshot_id = ? ORDER BY position`,
    )
    .all(snapshotId) as {
    key: string;
    name: string;
    denominator: string;
    numerator: string;
    target: number | null;
    note: string;
    n: number;
    d: number;
  }[];
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    target: r.target,
    note: r.note,
    denominator: JSON.parse(r.denominator) as Condition,
    numerator: JSON.parse(r.numerator) as Condition,
    counts: [r.n, r.d],
  }));
}

export function snapshotReport(db: Db, snapshotId: number): StatsReport {
  const head = snapshotHead(db, snapshotId);
  const indicators = countIndicators(
    db,
    snapshotSource(head.id),
    snapshotIndicators(db, head.id),
    snapshotContext(head),
  );
  return {
    asOf: head.takenOn,
    source: { kind: 'snapshot', id: head.id, takenOn: head.takenOn, label: head.label },
    indicators,
  };
}

const SNAPSHOT_ROW = `f.enterprise_id AS id, f.name, f.uscc, f.area_name AS areaName, f.work_group_name AS workGroupName,
  f.kind, f.size_band AS sizeBand, f.employees, f.revenue, f.full_members + f.probationary_members AS members,
  f.org_setting AS orgSetting, f.party_org_name AS partyOrgName, f.instructor_name AS instructorName,
  f.last_log_on AS lastLogOn`;

/** The enterprises behind a snapshot's number, as they were when it was taken. */
export function snapshotEnterprises(
  db: Db,
  snapshotId: number,
  selection: IndicatorSelection,
  page: { offset: number; limit: number },
): Page<SnapshotEnterpriseRow> {
  const head = snapshotHead(db, snapshotId);
  const indicator = snapshotIndicators(db, head.id).find((i) => i.key === selection.key);
  if (!indicator) throw new AppError('NOT_FOUND', '该快照中没有这项指标', 'selection.key');
  const where = selectionCondition(snapshotSource(head.id), indicator, selection, snapshotContext(head));
  // The selection is compiled from code constants; its values are bound.
  const countSql = `SELECT count(*) FROM snapshot_facts f WHERE ${where.sql}`;
  const total = prepared(db, countSql, () => countSql)
    .pluck()
    .get(...where.params) as number;
  const pageSql = `SELECT ${SNAPSHOT_ROW} FROM snapshot_facts f WHERE ${where.sql}
    ORDER BY f.area_sort, f.area_id, f.name, f.enterprise_id LIMIT ? OFFSET ?`;
  const rows = prepared(db, pageSql, () => pageSql).all(
    ...where.params,
    page.limit,
    page.offset,
  ) as SnapshotEnterpriseRow[];
  return { total, rows };
}
