import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { gradeOf, totalOf, type HardChecks, type Scores } from '../../../shared/domain/assessments';
import { OPEN_PLAN_STATUSES } from '../../../shared/domain/plans';
import type { YearClosing } from '../../../shared/domain/yearTurn';
import { assertWritable, write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { ledgerHardChecks } from '../db/repos/assessments';
import { assessmentsTable, plansTable } from '../db/tables';
import { AppError } from '../errors';
import { takeSnapshot } from './snapshots';

/** Where archived copies go: inside the data folder, never a path the screen names. */
export function archivesDirOf(dataDir: string): string {
  return join(dataDir, 'archives');
}

const ZERO_SCORES: Scores = {
  production: 0,
  growth: 0,
  ecology: 0,
  labour: 0,
  culture: 0,
  responsibility: 0,
  partyBuilding: 0,
};

/**
 * 年度结转 (issue 6): closes `year` with a snapshot and an archived copy of the ledger, carries the year's open
 * plans (outside campaigns, which have their own period) into the next year with their milestones, and starts the
 * next year's 双强评价 for every enterprise assessed this year. Done once per year. The archive is written before
 * anything changes, so a failure leaves the ledger as it was; the carrying is one undoable step.
 */
export function closeYear(
  db: Db,
  writer: Writer,
  place: { archivesDir: string; ledgerPath: string },
  year: number,
  today: string,
): YearClosing {
  assertWritable(db);
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) throw new AppError('VALIDATION', `${year}年尚未开始，不能结转`, 'year');
  if (db.prepare('SELECT 1 FROM year_closings WHERE year = ?').get(year)) {
    throw new AppError('CONFLICT', `${year}年度已经结转过，不能重复结转`, 'year');
  }

  const archiveName = archiveFileName(place.archivesDir, place.ledgerPath, year);
  mkdirSync(place.archivesDir, { recursive: true });
  // VACUUM INTO writes a consistent, compact copy from this connection; the path is ours, bound as a value.
  db.prepare('VACUUM INTO ?').run(join(place.archivesDir, archiveName));

  const yearEnd = `${year}-12-31`;
  const snapshot = takeSnapshot(db, writer, yearEnd < today ? yearEnd : today, `${year}年度结转`, today);
  const moved = carryOver(db, writer, year);
  const closing: YearClosing = {
    year,
    closedAt: writer.now().toISOString(),
    snapshotId: snapshot.id,
    archiveName,
    ...moved,
  };
  db.prepare(
    `INSERT INTO year_closings (year, closed_at, snapshot_id, archive_name, carried_plans, kept_plans,
       started_assessments) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    year,
    closing.closedAt,
    snapshot.id,
    archiveName,
    moved.carriedPlans,
    moved.keptPlans,
    moved.startedAssessments,
  );
  return closing;
}

function archiveFileName(dir: string, ledgerPath: string, year: number): string {
  const base = basename(ledgerPath, extname(ledgerPath));
  for (let n = 1; ; n++) {
    const name = `${base}-${year}年度存档${n === 1 ? '' : `(${n})`}.yqyc`;
    if (!existsSync(join(dir, name))) return name;
  }
}

function carryOver(db: Db, writer: Writer, year: number) {
  const open = JSON.stringify(OPEN_PLAN_STATUSES);
  const plans = db
    .prepare(
      `SELECT p.id, p.enterprise_id AS enterpriseId,
         EXISTS (SELECT 1 FROM plans q WHERE q.enterprise_id = p.enterprise_id AND q.year = ? AND q.campaign_id IS NULL
                 AND q.status IN (SELECT value FROM json_each(?))) AS blocked
       FROM plans p WHERE p.year = ? AND p.campaign_id IS NULL AND p.status IN (SELECT value FROM json_each(?))
       ORDER BY p.id`,
    )
    .all(year + 1, open, year, open) as { id: number; enterpriseId: number; blocked: number }[];
  const toStart = db
    .prepare(
      `SELECT a.enterprise_id FROM assessments a
       WHERE a.year = ? AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.enterprise_id = a.enterprise_id AND b.year = ?)
       ORDER BY a.enterprise_id`,
    )
    .pluck()
    .all(year, year + 1) as number[];

  const carried = plans.filter((p) => p.blocked === 0);
  write(db, writer, `${year}年度结转：方案转入${year + 1}年，开始${year + 1}年双强评价`, (tx) => {
    for (const p of carried) tx.update(plansTable, p.id, { year: year + 1 });
    for (const enterpriseId of toStart) {
      // The hard indicators as the assessment form pre-fills them from the ledger.
      const hard: HardChecks = ledgerHardChecks(db, enterpriseId)!;
      const total = totalOf(ZERO_SCORES);
      tx.insert(assessmentsTable, {
        enterpriseId,
        year: year + 1,
        ...ZERO_SCORES,
        ...hard,
        total,
        grade: gradeOf(total, hard),
        assessedOn: null,
        note: '',
      });
    }
  });
  return { carriedPlans: carried.length, keptPlans: plans.length - carried.length, startedAssessments: toStart.length };
}

export function listYearClosings(db: Db): YearClosing[] {
  return db
    .prepare(
      `SELECT year, closed_at AS closedAt, snapshot_id AS snapshotId, archive_name AS archiveName,
         carried_plans AS carriedPlans, kept_plans AS keptPlans, started_assessments AS startedAssessments
       FROM year_closings ORDER BY year`,
    )
    .all() as YearClosing[];
}
