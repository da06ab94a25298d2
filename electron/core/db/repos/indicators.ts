import type { Condition, Indicator, StatsSettings } from '../../../../shared/domain/indicators';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { indicatorsTable, statsSettingsTable, type IndicatorRow } from '../tables';
import { recordById } from '../records';
import { AppError } from '../../errors';

export function indicatorFromRow(row: IndicatorRow): Indicator {
  return {
    ...row,
    denominator: JSON.parse(row.denominator) as Condition,
    numerator: JSON.parse(row.numerator) as Condition,
  };
}

/** Every indicator in display order, enabled or not. */
export function listIndicators(db: Db): Indicator[] {
  const rows = prepared(
    db,
    'indicators:list',
    () => 'SELECT * FROM indicators ORDER BY sort_order, id',
  ).all() as Record<string, unknown>[];
  return rows.map((r) => indicatorFromRow(rowFromDb(indicatorsTable, r)));
}

export function getIndicator(db: Db, id: number): Indicator | null {
  const row = recordById(db, indicatorsTable, id);
  return row ? indicatorFromRow(row) : null;
}

export function indicatorByKey(db: Db, key: string): Indicator | null {
  const id = prepared(db, 'indicators:byKey', () => 'SELECT id FROM indicators WHERE key = ?')
    .pluck()
    .get(key) as number | undefined;
  return id === undefined ? null : getIndicator(db, id);
}

export function getStatsSettings(db: Db): StatsSettings {
  const row = recordById(db, statsSettingsTable, 1);
  if (!row) throw new AppError('NOT_A_LEDGER', '台账文件缺少本乡镇的基本设置，文件可能已损坏');
  return {
    partyWork: { months: row.partyWorkMonths, needsInstructor: row.partyWorkNeedsInstructor },
    reportingOn: row.reportingOn,
  };
}
