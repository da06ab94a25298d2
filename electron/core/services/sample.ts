import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import type { CoreContext } from '../app/context';
import type { Tx } from '../db/changeLog';
import { areasTable, enterprisesTable, instructorsTable, workGroupsTable, zonesTable } from '../db/tables';
import { generateSample, SAMPLE_DEFAULT_ENTERPRISES, SAMPLE_DEFAULT_SEED, type SampleLedger } from '../sample/generate';
import { createLedgerAt, LEDGER_EXTENSION, openLedgerAt } from './ledgers';

/** Writes a generated township into a ledger being created, all in the creation's one batch. */
export function fillSample(tx: Tx, sample: SampleLedger): void {
  const zoneIds = sample.zones.map((name) => tx.insert(zonesTable, { name }));
  const areaIds = sample.areas.map((a, i) =>
    tx.insert(areasTable, {
      name: a.name,
      type: a.type,
      zoneId: a.zoneIndex === null ? null : zoneIds[a.zoneIndex]!,
      sortOrder: i,
    }),
  );
  const groupIds = sample.workGroups.map((g) => tx.insert(workGroupsTable, g));
  const instructorIds = sample.instructors.map((i) => tx.insert(instructorsTable, i));
  for (const { areaIndex, workGroupIndex, instructorIndex, ...e } of sample.enterprises) {
    tx.insert(enterprisesTable, {
      ...e,
      areaId: areaIds[areaIndex]!,
      workGroupId: workGroupIndex === null ? null : groupIds[workGroupIndex]!,
      instructorId: instructorIndex === null ? null : instructorIds[instructorIndex]!,
      createdAt: tx.at,
      updatedAt: tx.at,
    });
  }
}

export function createSampleAt(
  ctx: CoreContext,
  path: string,
  options: { enterprises?: number; seed?: number },
): OpenLedger {
  const sample = generateSample(options);
  return createLedgerAt(ctx, path, sample.settings, '生成示例台账', (tx) => fillSample(tx, sample));
}

/**
 * The start screen's 示例台账: one per day and size, reopened if it exists, so repeated clicks do not pile up files
 * and the dates inside always run from the day it was made.
 */
export function openOrCreateSample(ctx: CoreContext, options: { enterprises?: number; seed?: number }): OpenLedger {
  const day = ctx.writer.now().toISOString().slice(0, 10).replaceAll('-', '');
  const size = options.enterprises ?? SAMPLE_DEFAULT_ENTERPRISES;
  const seed = options.seed ?? SAMPLE_DEFAULT_SEED;
  const variant = size === SAMPLE_DEFAULT_ENTERPRISES && seed === SAMPLE_DEFAULT_SEED ? '' : `-${size}家-${seed}`;
  const path = join(ctx.ledgersDir, `示例台账-${day}${variant}${LEDGER_EXTENSION}`);
  return existsSync(path) ? openLedgerAt(ctx, path) : createSampleAt(ctx, path, options);
}
