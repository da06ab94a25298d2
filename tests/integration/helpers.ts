import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Enterprise } from '../../shared/domain/enterprise';
import type { Writer } from '../../electron/core/db/changeLog';
import type { Db } from '../../electron/core/db/open';

/**
 * A fresh temporary folder per test, removed afterwards with everything in it. Returns a getter because the
 * folder is made in beforeEach. Callbacks registered with `onCleanup` (closing databases, cores) run first.
 */
export function useTempDir(prefix = 'yiqiyice-test-'): { dir: () => string; onCleanup: (fn: () => unknown) => void } {
  let current: string | null = null;
  let cleanups: (() => unknown)[] = [];
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), prefix));
    cleanups = [];
  });
  afterEach(async () => {
    for (const fn of cleanups.reverse()) await fn();
    if (current) rmSync(current, { recursive: true, force: true });
    current = null;
  });
  return {
    dir: () => {
      if (!current) throw new Error('useTempDir: no folder outside a test');
      return current;
    },
    onCleanup: (fn) => cleanups.push(fn),
  };
}

export const FIXED_NOW = new Date('2026-11-21T08:00:00Z');

/** A writer whose clock the test moves forward by hand. */
export function steppingWriter(start = FIXED_NOW): Writer & { advance: (ms: number) => void } {
  let t = start.getTime();
  return { actor: '测试员', now: () => new Date(t), advance: (ms) => (t += ms) };
}

export function count(db: Db, table: string): number {
  // Table names come from the tests' own literals only.
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** An enterprise row with every field set, as a form would submit it. */
export function enterpriseRow(areaId: number, overrides: Partial<Omit<Enterprise, 'id'>> = {}): Omit<Enterprise, 'id'> {
  return {
    name: '嵊州市鑫达机械有限公司',
    uscc: '91350100M000100Y43',
    regNo: null,
    kind: 'enterprise',
    associationId: null,
    leadEnterpriseId: null,
    ownership: 'private-llc',
    ownershipNote: '',
    industry: 'C',
    aboveScale: false,
    controlType: 'private-other',
    areaId,
    address: '嵊州市长乐镇工业大道8号',
    foundedOn: '2011-08-09',
    operatingStatus: 'normal',
    statusSince: null,
    revenue: 320.5,
    payroll: 180,
    employees: 45,
    youngEmployees: 12,
    ownerName: '王建国',
    ownerIsMember: false,
    ownerIsSecretary: false,
    ownerIsDeputy: false,
    contactName: '李芳',
    contactPhone: '13800000000',
    fullMembers: 2,
    probationaryMembers: 0,
    activists: 1,
    membersInEnterprise: 2,
    membersInTalentAgency: 0,
    membersAtOrigin: 0,
    membersTemporary: 0,
    membersFloating: 0,
    rosterKept: false,
    partyOrgId: null,
    orgSetting: 'none',
    noOrgReason: '党员人数不足3名',
    formationDirection: 'village-joint',
    hasVenue: false,
    venueArea: null,
    fundingInBudget: false,
    hasUnion: true,
    hasYouthLeague: false,
    hasWomenFederation: false,
    workGroupId: null,
    instructorId: null,
    leaderId: null,
    keyCultivation: false,
    starRating: 0,
    note: '',
    surveyedOn: null,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

/** Narrows a Result for assertions, failing the test with the whole error when it is not ok. */
export function valueOf<T = unknown>(result: { ok: true; value: unknown } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
