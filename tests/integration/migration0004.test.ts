import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_INDICATORS } from '../../shared/domain/indicators';
import type { StatsReport } from '../../shared/domain/indicators';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { migrateUpTo } from '../support/oldLedger';
import { getEnterprise } from '../../electron/core/db/repos/enterprises';
import { getStatsSettings, listIndicators } from '../../electron/core/db/repos/indicators';
import { liveReport } from '../../electron/core/services/stats';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { useTempDir, valueOf } from './helpers';
import { noon, TODAY } from './statsSetup';

const tmp = useTempDir();
let db: Db;

/** A ledger as version 3 of the program left it: organisations, a roster-less township and a work log. */
function versionThreeLedger(path: string): Db {
  const ledger = openDatabase(path, { create: true });
  tmp.onCleanup(() => ledger.open && ledger.close());
  migrateUpTo(ledger, 3);
  ledger.exec(`
    INSERT INTO ledger_settings (id, township, committee, doc_code, doc_banner, ledger_uid, created_at)
      VALUES (1, '长乐镇', '中共长乐镇委员会', '长委', '中共长乐镇委员会文件', 'uid', '2025-01-01T00:00:00Z');
    INSERT INTO areas (id, name, type) VALUES (1, '长安村', 'village'), (2, '工业园区', 'industrial-park');
    INSERT INTO instructors (id, name, appointed_on) VALUES (1, '王指导', '2024-03-01');
    INSERT INTO party_orgs (id, name, type, host, created_at, updated_at)
      VALUES (1, '中共甲机械有限公司支部委员会', 'branch', 'enterprise', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
    INSERT INTO enterprises (id, name, kind, area_id, employees, size_band, full_members, org_setting, party_org_id,
        instructor_id, created_at, updated_at) VALUES
      (1, '甲机械有限公司', 'enterprise', 2, 120, 'D', 3, 'standalone', 1, NULL, '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z'),
      (2, '乙纺织有限公司', 'enterprise', 1, 85, 'D', 1, 'none', NULL, 1, '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z'),
      (3, '丙五金店', 'individual', 1, 3, 'A', 0, 'none', NULL, NULL, '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z'),
      (4, '丁商会', 'social-group', 1, 6, 'A', 2, 'none', NULL, NULL, '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z');
    INSERT INTO instructor_assignments (instructor_id, enterprise_id, started_on) VALUES (1, 2, '2024-03-01');
    INSERT INTO work_logs (enterprise_id, held_on, kind, created_at, updated_at)
      VALUES (2, '2026-05-10', 'visit', '2026-05-10T00:00:00Z', '2026-05-10T00:00:00Z');
  `);
  return ledger;
}

beforeEach(() => {
  db = versionThreeLedger(join(tmp.dir(), 'old.yqyc'));
  expect(schemaVersion(db)).toBe(3);
  expect(migrate(db)).toBe('migrated');
  // Every later migration runs too.
  expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
});

describe('migration 4 adds the coverage indicators', () => {
  test('the five defaults of domain.md §4, with their ids, in order, enabled and built in', () => {
    const stored = db
      .prepare(
        'SELECT key, name, denominator, numerator, target, note, enabled, builtin, sort_order FROM indicators ORDER BY id',
      )
      .all() as Record<string, unknown>[];
    expect(stored.map((r) => r.key)).toEqual([
      'org-coverage-members',
      'org-coverage-80plus',
      'org-coverage-50to79',
      'formation-rate',
      'work-coverage',
    ]);
    expect(stored.map((r) => [r.enabled, r.builtin, r.sort_order])).toEqual([
      [1, 1, 1],
      [1, 1, 2],
      [1, 1, 3],
      [1, 1, 4],
      [1, 1, 5],
    ]);
    // Read back through the repository, each is exactly its default definition.
    expect(
      listIndicators(db).map(({ key, name, denominator, numerator, target, note }) => ({
        key,
        name,
        denominator,
        numerator,
        target,
        note,
      })),
    ).toEqual(
      DEFAULT_INDICATORS.map(({ key, name, denominator, numerator, target, note }) => ({
        key,
        name,
        denominator,
        numerator,
        target,
        note,
      })),
    );
  });

  test('the 工作覆盖 rule defaults to 12 months with a 指导员, and there is no reporting date', () => {
    expect(getStatsSettings(db)).toEqual({ partyWork: { months: 12, needsInstructor: true }, reportingOn: null });
    expect(
      db.prepare('SELECT party_work_months, party_work_needs_instructor, reporting_on FROM ledger_settings').get(),
    ).toEqual({ party_work_months: 12, party_work_needs_instructor: 1, reporting_on: null });
  });

  test('existing enterprises have no 商会/行业协会 and no 龙头企业; nothing else about them changes', () => {
    expect(db.prepare('SELECT association_id, lead_enterprise_id FROM enterprises ORDER BY id').all()).toEqual([
      { association_id: null, lead_enterprise_id: null },
      { association_id: null, lead_enterprise_id: null },
      { association_id: null, lead_enterprise_id: null },
      { association_id: null, lead_enterprise_id: null },
    ]);
    expect(getEnterprise(db, 1)).toMatchObject({
      name: '甲机械有限公司',
      orgSetting: 'standalone',
      partyOrgId: 1,
      associationId: null,
      leadEnterpriseId: null,
    });
    expect(getEnterprise(db, 2)).toMatchObject({ instructorId: 1, employees: 85 });
  });

  test('no snapshot yet', () => {
    for (const table of ['snapshots', 'snapshot_indicators', 'snapshot_facts']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });

  test('the migrated ledger is counted at once', () => {
    const report = liveReport(db, TODAY);
    const counts = Object.fromEntries(report.indicators.map((i) => [i.key, [i.numerator, i.denominator]]));
    // 企业/个体 only (丁商会 is a 社会团体): 甲 (120人, 3 members, 单独), 乙 (85人, 1 member), 丙 (3人).
    expect(counts).toEqual({
      'org-coverage-members': [1, 2],
      'org-coverage-80plus': [1, 2],
      'org-coverage-50to79': [0, 0],
      'formation-rate': [1, 3],
      // 乙 has a 指导员 and a log on 2026-05-10, within 12 months of 2026-11-21; 丙 has neither.
      'work-coverage': [1, 2],
    });
  });

  test('migrating again changes nothing', () => {
    const before = db.prepare('SELECT * FROM indicators ORDER BY id').all();
    expect(migrate(db)).toBe('current');
    expect(db.prepare('SELECT * FROM indicators ORDER BY id').all()).toEqual(before);
  });
});

describe('opening a version-3 ledger through the core', () => {
  test('migrates it and shows the indicators', async () => {
    const path = join(tmp.dir(), 'opened.yqyc');
    versionThreeLedger(path).close();
    const core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => noon(TODAY) });
    tmp.onCleanup(() => core.close());
    valueOf(await core.invoke('ledgers:openFile', { fileRef: await core.grant(path, 'open') }));
    const report = valueOf<StatsReport>(await core.invoke('stats:report', {}));
    expect(report.indicators.map((i) => i.key)).toEqual(DEFAULT_INDICATORS.map((d) => d.key));
    expect(report.indicators.find((i) => i.key === 'formation-rate')).toMatchObject({ numerator: 1, denominator: 3 });
  });
});
