import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations';
import { APPLICATION_ID } from '../../../electron/core/db/fileHeader';
import { openDatabase } from '../../../electron/core/db/open';
import { lastUndoable } from '../../../electron/core/db/undo';
import { useTempDir } from '../helpers';

const tmp = useTempDir();

test('migration 9 rebuilds change_log to allow reveal, keeping every row, id and index of a schema-8 ledger', () => {
  const db = openDatabase(join(tmp.dir(), 'old.yqyc'), { create: true });
  tmp.onCleanup(() => db.open && db.close());
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.filter((m) => m.version <= 8)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  expect(schemaVersion(db)).toBe(8);
  const batch = db.prepare(
    "INSERT INTO change_batches (at, actor, action) VALUES ('2026-01-02T03:04:05.000Z', '王文书', ?)",
  );
  const log = db.prepare(
    'INSERT INTO change_log (id, batch_id, entity, entity_id, op, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const b1 = Number(batch.run('新增企业“甲”').lastInsertRowid);
  const b2 = Number(batch.run('修改企业“甲”').lastInsertRowid);
  log.run(5, b1, 'enterprise', 1, 'insert', null, null, null);
  log.run(9, b2, 'enterprise', 1, 'update', 'contactPhone', '"13857501234"', '"13905751111"');
  log.run(12, b2, 'member', 3, 'delete', null, '{"id":3,"name":"张三"}', null);
  expect(() => log.run(13, b2, 'member', 3, 'reveal', 'phone', null, null)).toThrow(/CHECK/);
  const before = db.prepare('SELECT * FROM change_log ORDER BY id').all();

  expect(migrate(db)).toBe('migrated');
  expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  expect(db.prepare('SELECT * FROM change_log ORDER BY id').all()).toEqual(before);
  expect(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'change_log' ORDER BY name")
      .pluck()
      .all(),
  ).toEqual(['change_log_batch', 'change_log_entity']);
  expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'change_log_old'").pluck().get()).toBe(0);
  expect(db.pragma('foreign_key_check')).toEqual([]);

  // Now a reveal fits; a batch of reveals is not a step, so 撤销 still offers the edit before it.
  const b3 = Number(batch.run('显示完整电话').lastInsertRowid);
  log.run(13, b3, 'member', 3, 'reveal', 'phone', null, null);
  expect(lastUndoable(db)).toMatchObject({ batchId: b2, action: '修改企业“甲”' });
  expect(() => log.run(14, b3, 'member', 3, 'peek', 'phone', null, null)).toThrow(/CHECK/);
});
