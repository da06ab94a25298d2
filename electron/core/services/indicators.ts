import type { z } from 'zod';
import { DEFAULT_INDICATORS, type Indicator, type StatsSettings } from '../../../shared/domain/indicators';
import type { indicatorInput, statsSettingsInput } from '../../../shared/ipc/stats';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { getIndicator, getStatsSettings, listIndicators } from '../db/repos/indicators';
import { indicatorsTable, statsSettingsTable } from '../db/tables';
import { AppError } from '../errors';

type IndicatorValues = z.output<typeof indicatorInput>;

/** Indicators are the clerk's own data: each change is one logged, undoable step like any other edit. */

function requireIndicator(db: Db, id: number): Indicator {
  const found = getIndicator(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该指标已不存在，可能已被删除，请刷新');
  return found;
}

function uniqueName(db: Db, name: string, id: number | undefined): void {
  const clash = listIndicators(db).find((i) => i.name === name && i.id !== id);
  if (clash) throw new AppError('VALIDATION', `已有名为“${name}”的指标，请换一个名称`, 'input.name');
}

const stored = (v: IndicatorValues) => ({
  name: v.name,
  denominator: JSON.stringify(v.denominator),
  numerator: JSON.stringify(v.numerator),
  target: v.target,
  note: v.note,
  enabled: v.enabled,
});

export function saveIndicator(db: Db, writer: Writer, id: number | undefined, input: IndicatorValues): Indicator {
  uniqueName(db, input.name, id);
  if (id !== undefined) {
    requireIndicator(db, id);
    write(db, writer, `修改统计指标“${input.name}”`, (tx) => tx.update(indicatorsTable, id, stored(input)));
    return requireIndicator(db, id);
  }
  const newId = write(db, writer, `新增统计指标“${input.name}”`, (tx) => {
    const last = db.prepare('SELECT coalesce(max(sort_order), 0) FROM indicators').pluck().get() as number;
    const created = tx.insert(indicatorsTable, {
      ...stored(input),
      key: `pending-${last + 1}`,
      builtin: false,
      sortOrder: last + 1,
    });
    // The clerk's indicators are known by a key made from their record number, stable across renames.
    tx.update(indicatorsTable, created, { key: `custom-${created}` });
    return created;
  });
  return requireIndicator(db, newId);
}

export function deleteIndicator(db: Db, writer: Writer, id: number): void {
  const found = requireIndicator(db, id);
  if (found.builtin) {
    throw new AppError('VALIDATION', `“${found.name}”是规定的默认指标，不能删除；不需要时请停用`, 'id');
  }
  write(db, writer, `删除统计指标“${found.name}”`, (tx) => tx.remove(indicatorsTable, id));
}

export function restoreDefaultIndicator(db: Db, writer: Writer, id: number): Indicator {
  const found = requireIndicator(db, id);
  const original = DEFAULT_INDICATORS.find((d) => d.key === found.key);
  if (!found.builtin || !original) throw new AppError('VALIDATION', `“${found.name}”不是默认指标，没有默认定义`, 'id');
  uniqueName(db, original.name, id);
  write(db, writer, `恢复默认指标“${original.name}”`, (tx) =>
    tx.update(indicatorsTable, id, { ...stored({ ...original, enabled: found.enabled }) }),
  );
  return requireIndicator(db, id);
}

/** Swaps an indicator with its neighbour; the order is the dashboard's and the reports'. */
export function moveIndicator(db: Db, writer: Writer, id: number, direction: 'up' | 'down'): Indicator[] {
  const all = listIndicators(db);
  const at = all.findIndex((i) => i.id === id);
  if (at < 0) throw new AppError('NOT_FOUND', '该指标已不存在，可能已被删除，请刷新');
  const other = all[direction === 'up' ? at - 1 : at + 1];
  if (!other) return all;
  const self = all[at]!;
  write(db, writer, `调整统计指标“${self.name}”的顺序`, (tx) => {
    // Positions are renumbered so that two equal sort orders (older data) still swap.
    all.forEach((ind, i) => {
      const position = ind.id === self.id ? all.indexOf(other) : ind.id === other.id ? at : i;
      tx.update(indicatorsTable, ind.id, { sortOrder: position + 1 });
    });
  });
  return listIndicators(db);
}

export function saveStatsSettings(db: Db, writer: Writer, input: z.output<typeof statsSettingsInput>): StatsSettings {
  write(db, writer, '修改统计设置', (tx) =>
    tx.update(statsSettingsTable, 1, {
      partyWorkMonths: input.partyWork.months,
      partyWorkNeedsInstructor: input.partyWork.needsInstructor,
      reportingOn: input.reportingOn,
    }),
  );
  return getStatsSettings(db);
}
