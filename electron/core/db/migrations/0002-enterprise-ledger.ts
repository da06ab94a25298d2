import { sizeBand } from '../../../../shared/domain/sizeBand';
import { nameGrams } from '../../search/nameGrams';
import { pinyinInitials } from '../../search/pinyinKeys';
import type { Migration } from './types';

/**
 * The editable ledger: survey dates, 党建工作指导员, the keys search and filters run on, and undo marks.
 * Never edit once shipped.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'enterprise-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE instructors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        position TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        full_time INTEGER NOT NULL DEFAULT 0 CHECK (full_time IN (0, 1)),
        source TEXT NOT NULL DEFAULT 'government-cadre'
          CHECK (source IN ('government-cadre', 'retired-cadre', 'public-recruitment', 'enterprise-internal', 'other')),
        appointed_on TEXT
      ) STRICT;

      ALTER TABLE enterprises ADD COLUMN founded_on TEXT;
      ALTER TABLE enterprises ADD COLUMN status_since TEXT;
      ALTER TABLE enterprises ADD COLUMN surveyed_on TEXT;
      ALTER TABLE enterprises ADD COLUMN instructor_id INTEGER REFERENCES instructors (id);
      -- Derived at write time from name / employees and revenue, never typed: see enterprisesTable.derived.
      ALTER TABLE enterprises ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
      ALTER TABLE enterprises ADD COLUMN name_grams TEXT NOT NULL DEFAULT '';
      ALTER TABLE enterprises ADD COLUMN size_band TEXT NOT NULL DEFAULT 'unknown'
        CHECK (size_band IN ('A', 'B', 'C', 'D', 'unknown'));

      -- Sort and filter keys of the ledger list.
      CREATE INDEX enterprises_instructor ON enterprises (instructor_id);
      CREATE INDEX enterprises_employees ON enterprises (employees);
      CREATE INDEX enterprises_revenue ON enterprises (revenue);
      CREATE INDEX enterprises_size_band ON enterprises (size_band);
      CREATE INDEX enterprises_full_members ON enterprises (full_members);
      CREATE INDEX enterprises_updated_at ON enterprises (updated_at);
      -- Every filter column in one narrow index: a filtered count reads it instead of 100,000 wide rows.
      CREATE INDEX enterprises_facets ON enterprises (
        area_id, size_band, kind, org_setting, operating_status, work_group_id,
        full_members, probationary_members, key_cultivation
      );
      -- Lets a 1–2 letter or digit search scan these narrow columns instead of whole rows.
      CREATE INDEX enterprises_search_keys ON enterprises (name_initials, uscc);
      CREATE INDEX enterprises_name_order ON enterprises (name_initials, name);

      -- An undo is itself a batch; this names the batch it took back, so it is not taken back twice.
      ALTER TABLE change_batches ADD COLUMN undoes_batch_id INTEGER REFERENCES change_batches (id);
      CREATE INDEX change_batches_undoes ON change_batches (undoes_batch_id);
    `);

    const rows = db.prepare('SELECT id, name, employees, revenue FROM enterprises').all() as {
      id: number;
      name: string;
      employees: number | null;
      revenue: number | null;
    }[];
    const set = db.prepare('UPDATE enterprises SET name_initials = ?, name_grams = ?, size_band = ? WHERE id = ?');
    for (const r of rows) set.run(pinyinInitials(r.name), nameGrams(r.name), sizeBand(r.employees, r.revenue), r.id);

    // Built after the backfill so the index starts from the finished keys.
    db.exec(`
      -- Name, initials and credit code by any fragment of 3+ characters. External content: no second copy.
      CREATE VIRTUAL TABLE enterprise_search USING fts5(
        name, name_initials, uscc, content = 'enterprises', content_rowid = 'id', tokenize = 'trigram'
      );
      -- 1–2 character searches: every single character and pair of the name as a token of its own.
      CREATE VIRTUAL TABLE enterprise_grams USING fts5(
        name_grams, content = 'enterprises', content_rowid = 'id', tokenize = 'unicode61', detail = 'none'
      );
      CREATE TRIGGER enterprise_search_insert AFTER INSERT ON enterprises BEGIN
        INSERT INTO enterprise_search (rowid, name, name_initials, uscc)
          VALUES (new.id, new.name, new.name_initials, new.uscc);
        INSERT INTO enterprise_grams (rowid, name_grams) VALUES (new.id, new.name_grams);
      END;
      CREATE TRIGGER enterprise_search_delete AFTER DELETE ON enterprises BEGIN
        INSERT INTO enterprise_search (enterprise_search, rowid, name, name_initials, uscc)
          VALUES ('delete', old.id, old.name, old.name_initials, old.uscc);
        INSERT INTO enterprise_grams (enterprise_grams, rowid, name_grams) VALUES ('delete', old.id, old.name_grams);
      END;
      CREATE TRIGGER enterprise_search_update AFTER UPDATE OF name, name_initials, uscc ON enterprises BEGIN
        INSERT INTO enterprise_search (enterprise_search, rowid, name, name_initials, uscc)
          VALUES ('delete', old.id, old.name, old.name_initials, old.uscc);
        INSERT INTO enterprise_search (rowid, name, name_initials, uscc)
          VALUES (new.id, new.name, new.name_initials, new.uscc);
      END;
      CREATE TRIGGER enterprise_grams_update AFTER UPDATE OF name_grams ON enterprises BEGIN
        INSERT INTO enterprise_grams (enterprise_grams, rowid, name_grams) VALUES ('delete', old.id, old.name_grams);
        INSERT INTO enterprise_grams (rowid, name_grams) VALUES (new.id, new.name_grams);
      END;

      INSERT INTO enterprise_search (enterprise_search) VALUES ('rebuild');
      INSERT INTO enterprise_grams (enterprise_grams) VALUES ('rebuild');
    `);
  },
};
