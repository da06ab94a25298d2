import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import { applicationId, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { APPLICATION_ID } from '../../electron/core/db/fileHeader';
import { openDatabase, readPragmas, REQUIRED_PRAGMAS, type Db } from '../../electron/core/db/open';
import { AppError } from '../../electron/core/errors';
import { useTempDir } from './helpers';

const tmp = useTempDir();

const LEDGER_TABLES = [
  'areas',
  'assessments',
  'attachment_blobs',
  'attachments',
  'campaign_phases',
  'campaigns',
  'change_batches',
  'change_log',
  'doc_numbers',
  'documents',
  'enterprises',
  'export_log',
  'formation_steps',
  'import_mappings',
  'indicators',
  'instructor_assignments',
  'instructor_trainings',
  'instructors',
  'leaders',
  'ledger_settings',
  'party_members',
  'party_orgs',
  'plan_milestones',
  'plans',
  'snapshot_facts',
  'snapshot_indicators',
  'snapshots',
  'template_mappings',
  'work_group_members',
  'work_groups',
  'work_logs',
  'year_closings',
  'zones',
];
/** The search index is an FTS5 table; SQLite makes its shadow tables, which cannot be STRICT. */
const SEARCH_TABLES = [
  'enterprise_grams',
  'enterprise_grams_config',
  'enterprise_grams_data',
  'enterprise_grams_docsize',
  'enterprise_grams_idx',
  'enterprise_search',
  'enterprise_search_config',
  'enterprise_search_data',
  'enterprise_search_docsize',
  'enterprise_search_idx',
];

function open(name = 'ledger.yqyc', create = true): Db {
  const db = openDatabase(join(tmp.dir(), name), { create });
  tmp.onCleanup(() => db.open && db.close());
  return db;
}

function tables(db: Db): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function schemaText(db: Db): string {
  return (
    db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as object[]
  )
    .map((r) => JSON.stringify(r))
    .join('\n');
}

describe('the migration list', () => {
  test('versions are numbered 1, 2, … without gaps and the latest is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });
});

describe('migrating a new file', () => {
  test('an empty database becomes a ledger at the latest version, marked as ours', () => {
    const db = open();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);

    expect(migrate(db)).toBe('migrated');

    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(APPLICATION_ID).toBe(0x59515943); // 'YQYC'
    expect(tables(db)).toEqual([...LEDGER_TABLES, ...SEARCH_TABLES].sort());
  });

  test('every ledger table is STRICT', () => {
    const db = open();
    migrate(db);
    const list = db.pragma('table_list') as { name: string; type: string; strict: number; schema: string }[];
    const ours = list.filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'));
    expect(ours.map((t) => t.name).sort()).toEqual(LEDGER_TABLES);
    for (const t of ours) expect(t.strict, t.name).toBe(1);
  });

  test('the expected indexes exist', () => {
    const db = open();
    migrate(db);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual([
      'assessments_year',
      'attachments_log',
      'attachments_step',
      'campaign_phases_campaign',
      'change_batches_undoes',
      'change_log_batch',
      'change_log_entity',
      'doc_numbers_document',
      'documents_enterprise',
      'documents_number',
      'documents_plan',
      'documents_status',
      'enterprises_area',
      'enterprises_association',
      'enterprises_employees',
      'enterprises_facets',
      'enterprises_full_members',
      'enterprises_instructor',
      'enterprises_lead',
      'enterprises_leader',
      'enterprises_name',
      'enterprises_name_order',
      'enterprises_party_org',
      'enterprises_revenue',
      'enterprises_search_keys',
      'enterprises_size_band',
      'enterprises_stats',
      'enterprises_updated_at',
      'enterprises_work_group',
      'instructor_assignments_current',
      'instructor_assignments_instructor',
      'instructor_trainings_instructor',
      'party_members_enterprise',
      'party_members_probation',
      'party_orgs_area',
      'party_orgs_superior',
      'plan_milestones_plan',
      'plans_campaign',
      'plans_enterprise',
      'plans_open_in_campaign',
      'plans_open_in_year',
      'plans_status',
      'plans_work_group',
      'snapshots_taken_on',
      'work_group_members_group',
      'work_logs_enterprise',
      'work_logs_enterprise_held',
      'work_logs_follow_up',
      'work_logs_held_on',
      'work_logs_instructor',
    ]);
  });

  test('reopening a migrated file runs nothing more', () => {
    const first = open();
    migrate(first);
    const before = schemaText(first);
    first.close();

    const again = open('ledger.yqyc', false);
    expect(migrate(again)).toBe('current');
    expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    expect(applicationId(again)).toBe(APPLICATION_ID);
    expect(schemaText(again)).toBe(before);
    expect(migrate(again)).toBe('current');
  });

  test('a migration that fails leaves the file at its previous whole version', () => {
    // An empty file already marked as a ledger but holding a clashing table: migration 1 cannot create `zones`.
    const path = join(tmp.dir(), 'clash.yqyc');
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.exec('CREATE TABLE zones (x TEXT)');
    raw.close();

    const db = open('clash.yqyc', false);
    expect(() => migrate(db)).toThrow(/zones/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual(['zones']);
  });

  test('foreign keys are enforced in a migrated ledger', () => {
    const db = open();
    migrate(db);
    expect(() =>
      db
        .prepare(
          "INSERT INTO enterprises (name, kind, area_id, created_at, updated_at) VALUES ('某公司', 'enterprise', 999, 'x', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 0 });
  });

  test('STRICT and CHECK constraints refuse bad values', () => {
    const db = open();
    migrate(db);
    db.prepare("INSERT INTO areas (name, type) VALUES ('东门村', 'village')").run();
    const insert = db.prepare(
      "INSERT INTO enterprises (name, kind, area_id, employees, uscc, created_at, updated_at) VALUES (?, 'enterprise', 1, ?, ?, 'x', 'x')",
    );
    expect(() => insert.run('甲公司', 'about 50', null)).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insert.run('乙公司', -3, null)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('丙公司', 10, '12345')).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO areas (name, type) VALUES ('某地', 'planet')").run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 0 });
  });
});

describe('PRAGMAs after openDatabase', () => {
  const expected = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };

  test('read back as required on a new file', () => {
    const db = open();
    expect(REQUIRED_PRAGMAS).toEqual(expected);
    expect(readPragmas(db)).toEqual(expected);
  });

  test('read back as required on reopening an existing ledger', () => {
    const first = open();
    migrate(first);
    first.close();
    const db = open('ledger.yqyc', false);
    expect(readPragmas(db)).toEqual(expected);
  });

  test('WAL is persistent in the file: a plain connection sees it too', () => {
    const db = open();
    migrate(db);
    const raw = new Database(join(tmp.dir(), 'ledger.yqyc'), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

describe('opening what is not there', () => {
  test('a missing file without create is a FILE error in Chinese, and no file is made', () => {
    const path = join(tmp.dir(), '不存在.yqyc');
    let caught: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FILE');
    expect((caught as AppError).message).toBe('无法打开台账文件：文件不存在或没有读写权限');
    expect(existsSync(path)).toBe(false);
  });

  test('a file in a folder that does not exist cannot be created', () => {
    expect(() => openDatabase(join(tmp.dir(), 'no', 'such', 'folder', 'x.yqyc'), { create: true })).toThrow(
      expect.objectContaining({ code: 'FILE', message: expect.stringContaining('无法打开台账文件') }),
    );
  });
});
