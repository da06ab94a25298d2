import { DEFAULT_INDICATORS } from '../../../../shared/domain/indicators';
import type { Migration } from './types';

/**
 * Coverage indicators as records (the five defaults of domain.md §4 preloaded), the 工作覆盖 rule and the
 * reporting date, frozen snapshots, and the two facts the formation rule needs (商会/行业协会, 龙头企业).
 * Never edit once shipped.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'coverage',
  up(db) {
    db.exec(`
      ALTER TABLE enterprises ADD COLUMN association_id INTEGER REFERENCES enterprises (id);
      ALTER TABLE enterprises ADD COLUMN lead_enterprise_id INTEGER REFERENCES enterprises (id);
      CREATE INDEX enterprises_association ON enterprises (association_id);
      CREATE INDEX enterprises_lead ON enterprises (lead_enterprise_id);
      -- Every fact an indicator reads, led by the breakdown keys: counting all indicators with their breakdowns
      -- reads this narrow index in order instead of the wide rows (names, addresses, notes), and needs no sort.
      CREATE INDEX enterprises_stats ON enterprises (area_id, work_group_id, size_band, kind, org_setting,
        operating_status, employees, revenue, full_members, probationary_members, instructor_id, leader_id, industry,
        above_scale, key_cultivation, owner_is_member, roster_kept, activists, star_rating);
      -- "A work log in the last 12 months" reads one entry of this index per enterprise.
      CREATE INDEX work_logs_enterprise_held ON work_logs (enterprise_id, held_on);

      ALTER TABLE ledger_settings ADD COLUMN party_work_months INTEGER NOT NULL DEFAULT 12
        CHECK (party_work_months BETWEEN 1 AND 60);
      ALTER TABLE ledger_settings ADD COLUMN party_work_needs_instructor INTEGER NOT NULL DEFAULT 1
        CHECK (party_work_needs_instructor IN (0, 1));
      ALTER TABLE ledger_settings ADD COLUMN reporting_on TEXT;

      -- AUTOINCREMENT: a deleted indicator's number (and so its key custom-N, which snapshots keep) is never
      -- given to a new one, whose trend would otherwise take in the old one's history.
      CREATE TABLE indicators (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
        name TEXT NOT NULL CHECK (length(name) > 0),
        denominator TEXT NOT NULL CHECK (json_valid(denominator) AND json_type(denominator) = 'array'),
        numerator TEXT NOT NULL CHECK (json_valid(numerator) AND json_type(numerator) = 'array'),
        target REAL CHECK (target IS NULL OR target BETWEEN 0 AND 1),
        note TEXT NOT NULL DEFAULT '',
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- A snapshot freezes the indicators (definitions and counts) and every enterprise's facts at a date.
      -- It is not a change to the ledger: it is not in the change log and undo does not touch it.
      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        taken_on TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        party_work_months INTEGER NOT NULL,
        party_work_needs_instructor INTEGER NOT NULL CHECK (party_work_needs_instructor IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX snapshots_taken_on ON snapshots (taken_on);

      CREATE TABLE snapshot_indicators (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        denominator TEXT NOT NULL,
        numerator TEXT NOT NULL,
        target REAL,
        note TEXT NOT NULL DEFAULT '',
        numerator_count INTEGER NOT NULL,
        denominator_count INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE snapshot_facts (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        enterprise_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        uscc TEXT,
        kind TEXT NOT NULL,
        operating_status TEXT NOT NULL,
        industry TEXT,
        area_id INTEGER NOT NULL,
        area_name TEXT NOT NULL,
        area_type TEXT NOT NULL,
        area_sort INTEGER NOT NULL,
        work_group_id INTEGER,
        work_group_name TEXT,
        size_band TEXT NOT NULL,
        employees INTEGER,
        revenue REAL,
        full_members INTEGER NOT NULL,
        probationary_members INTEGER NOT NULL,
        activists INTEGER NOT NULL,
        star_rating INTEGER NOT NULL,
        org_setting TEXT NOT NULL,
        party_org_name TEXT,
        instructor_name TEXT,
        has_leader INTEGER NOT NULL,
        above_scale INTEGER NOT NULL,
        key_cultivation INTEGER NOT NULL,
        owner_is_member INTEGER NOT NULL,
        roster_kept INTEGER NOT NULL,
        last_log_on TEXT,
        PRIMARY KEY (snapshot_id, enterprise_id)
      ) STRICT, WITHOUT ROWID;
    `);

    const insert = db.prepare(
      `INSERT INTO indicators (key, name, denominator, numerator, target, note, enabled, builtin, sort_order)
       VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?)`,
    );
    DEFAULT_INDICATORS.forEach((d, i) =>
      insert.run(d.key, d.name, JSON.stringify(d.denominator), JSON.stringify(d.numerator), d.target, d.note, i + 1),
    );
  },
};
