import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import type { CoreContext } from '../app/context';
import { LEDGER_EXTENSION } from '../app/dataDir';
import type { Tx } from '../db/changeLog';
import {
  areasTable,
  assignmentsTable,
  campaignPhasesTable,
  assessmentsTable,
  campaignsTable,
  enterprisesTable,
  formationStepsTable,
  instructorsTable,
  leadersTable,
  membersTable,
  milestonesTable,
  partyOrgsTable,
  plansTable,
  trainingsTable,
  workGroupMembersTable,
  workGroupsTable,
  workLogsTable,
  zonesTable,
} from '../db/tables';
import { generateSample, SAMPLE_DEFAULT_ENTERPRISES, SAMPLE_DEFAULT_SEED, type SampleLedger } from '../sample/generate';
import { createLedgerAt, openLedgerAt } from './ledgers';
import { recountRoster } from './members';

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
  for (const { workGroupIndex, ...m } of sample.workGroupMembers) {
    tx.insert(workGroupMembersTable, { ...m, workGroupId: groupIds[workGroupIndex]! });
  }
  const instructorIds = sample.instructors.map((i) => tx.insert(instructorsTable, i));
  for (const { instructorIndex, ...t } of sample.trainings) {
    tx.insert(trainingsTable, { ...t, instructorId: instructorIds[instructorIndex]! });
  }
  const leaderIds = sample.leaders.map((l) => tx.insert(leadersTable, l));
  // Superiors come before the organisations reporting to them in the list, so one pass links them.
  const orgIds: number[] = [];
  for (const { areaIndex, superiorIndex, ...o } of sample.partyOrgs) {
    orgIds.push(
      tx.insert(partyOrgsTable, {
        ...o,
        areaId: areaIndex === null ? null : areaIds[areaIndex]!,
        superiorOrgId: superiorIndex === null ? null : orgIds[superiorIndex]!,
        createdAt: tx.at,
        updatedAt: tx.at,
      }),
    );
  }
  for (const { orgIndex, ...s } of sample.formationSteps)
    tx.insert(formationStepsTable, { ...s, orgId: orgIds[orgIndex]! });
  // An association or lead enterprise comes before the enterprises naming it, so its id is known by then.
  const enterpriseIds: number[] = [];
  for (const {
    areaIndex,
    workGroupIndex,
    instructorIndex,
    leaderIndex,
    partyOrgIndex,
    associationIndex,
    leadEnterpriseIndex,
    ...e
  } of sample.enterprises) {
    enterpriseIds.push(
      tx.insert(enterprisesTable, {
        ...e,
        areaId: areaIds[areaIndex]!,
        workGroupId: workGroupIndex === null ? null : groupIds[workGroupIndex]!,
        instructorId: instructorIndex === null ? null : instructorIds[instructorIndex]!,
        leaderId: leaderIndex === null ? null : leaderIds[leaderIndex]!,
        partyOrgId: partyOrgIndex === null ? null : orgIds[partyOrgIndex]!,
        associationId: associationIndex === null ? null : enterpriseIds[associationIndex]!,
        leadEnterpriseId: leadEnterpriseIndex === null ? null : enterpriseIds[leadEnterpriseIndex]!,
        createdAt: tx.at,
        updatedAt: tx.at,
      }),
    );
  }
  for (const { instructorIndex, enterpriseIndex, ...a } of sample.assignments) {
    tx.insert(assignmentsTable, {
      ...a,
      instructorId: instructorIds[instructorIndex]!,
      enterpriseId: enterpriseIds[enterpriseIndex]!,
    });
  }
  const rosters = new Set<number>();
  for (const { enterpriseIndex, ...m } of sample.members) {
    const enterpriseId = enterpriseIds[enterpriseIndex]!;
    tx.insert(membersTable, { ...m, enterpriseId, createdAt: tx.at, updatedAt: tx.at });
    rosters.add(enterpriseId);
  }
  // The generator already made the counts agree with the rosters; the core's own count has the last word.
  for (const enterpriseId of rosters) recountRoster(tx, enterpriseId);
  for (const { enterpriseIndex, instructorIndex, ...w } of sample.workLogs) {
    tx.insert(workLogsTable, {
      ...w,
      enterpriseId: enterpriseIds[enterpriseIndex]!,
      instructorId: instructorIndex === null ? null : instructorIds[instructorIndex]!,
      createdAt: tx.at,
      updatedAt: tx.at,
    });
  }
  const campaignIds = sample.campaigns.map(({ phases, ...c }) => {
    const campaignId = tx.insert(campaignsTable, { ...c, targets: '{}' });
    phases.forEach((p, sortOrder) => tx.insert(campaignPhasesTable, { ...p, campaignId, sortOrder }));
    return campaignId;
  });
  for (const { enterpriseIndex, campaignIndex, workGroupIndex, milestones, measures, ...p } of sample.plans) {
    const planId = tx.insert(plansTable, {
      ...p,
      enterpriseId: enterpriseIds[enterpriseIndex]!,
      campaignId: campaignIndex === null ? null : campaignIds[campaignIndex]!,
      workGroupId: workGroupIndex === null ? null : groupIds[workGroupIndex]!,
      measures: JSON.stringify(measures),
      createdAt: tx.at,
      updatedAt: tx.at,
    });
    milestones.forEach((m, sortOrder) => tx.insert(milestonesTable, { ...m, planId, sortOrder }));
  }
  for (const { enterpriseIndex, scores, hard, ...a } of sample.assessments) {
    tx.insert(assessmentsTable, { ...a, ...scores, ...hard, enterpriseId: enterpriseIds[enterpriseIndex]! });
  }
}

/** The sample is drawn for the day it is made: its reminders fall due around that day. */
export function createSampleAt(
  ctx: CoreContext,
  path: string,
  options: { enterprises?: number; seed?: number },
): OpenLedger {
  const sample = generateSample({ ...options, today: localDate(ctx.writer.now()) });
  return createLedgerAt(ctx, path, sample.settings, '生成示例台账', (tx) => fillSample(tx, sample));
}

/**
 * The start screen's 示例台账: one per day and size, reopened if it exists, so repeated clicks do not pile up files
 * and the dates inside always run from the day it was made (the clerk's calendar day, as its reminders count).
 */
export function openOrCreateSample(ctx: CoreContext, options: { enterprises?: number; seed?: number }): OpenLedger {
  const day = localDate(ctx.writer.now()).replaceAll('-', '');
  const size = options.enterprises ?? SAMPLE_DEFAULT_ENTERPRISES;
  const seed = options.seed ?? SAMPLE_DEFAULT_SEED;
  const variant = size === SAMPLE_DEFAULT_ENTERPRISES && seed === SAMPLE_DEFAULT_SEED ? '' : `-${size}家-${seed}`;
  const path = join(ctx.ledgersDir, `示例台账-${day}${variant}${LEDGER_EXTENSION}`);
  return existsSync(path) ? openLedgerAt(ctx, path) : createSampleAt(ctx, path, options);
}
