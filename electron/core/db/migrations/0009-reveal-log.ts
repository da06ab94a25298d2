import type { Migration } from './types';

/**
 * 显示完整信息 is recorded (issue 10): change_log gains the op 'reveal' — a full 身份证号 or phone shown, or exported
 * unmasked — which stores no value and is never undone. SQLite cannot alter a CHECK, so the table is rebuilt with the
 * same columns, rows (ids kept) and indexes. Nothing about the data's shape changes, so no undo barrier. Never edit
 * once shipped.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'reveal-log',
  up(db) {
    // The old table steps aside (its indexes go with it) so the new one is created under its own name, as 0001 did.
    db.exec(`
      ALTER TABLE change_log RENAME TO change_log_old;
      CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES change_batches (id),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'reveal')),
        field TEXT,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      INSERT INTO change_log (id, batch_id, entity, entity_id, op, field, old_value, new_value)
        SELECT id, batch_id, entity, entity_id, op, field, old_value, new_value FROM change_log_old ORDER BY id;
      DROP TABLE change_log_old;
      CREATE INDEX change_log_entity ON change_log (entity, entity_id);
      CREATE INDEX change_log_batch ON change_log (batch_id);
    `);
  },
};
