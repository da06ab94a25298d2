import type { Migration } from './types';

/** The ledger's first shape: settings, areas, work groups, enterprises and the change log. Never edit once shipped. */
export const migration0001: Migration = {
  version: 1,
  name: 'create-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        township TEXT NOT NULL,
        committee TEXT NOT NULL,
        doc_code TEXT NOT NULL,
        doc_banner TEXT NOT NULL,
        superior_unit TEXT NOT NULL DEFAULT '',
        ledger_uid TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE zones (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE areas (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('village', 'community', 'industrial-park', 'market', 'building', 'street')),
        zone_id INTEGER REFERENCES zones (id),
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE work_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        leader_name TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE enterprises (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        uscc TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
        reg_no TEXT,
        kind TEXT NOT NULL
          CHECK (kind IN ('enterprise', 'individual', 'private-non-enterprise', 'social-group', 'intermediary')),
        ownership TEXT,
        ownership_note TEXT NOT NULL DEFAULT '',
        industry TEXT,
        above_scale INTEGER NOT NULL DEFAULT 0 CHECK (above_scale IN (0, 1)),
        control_type TEXT,
        area_id INTEGER NOT NULL REFERENCES areas (id),
        address TEXT NOT NULL DEFAULT '',
        operating_status TEXT NOT NULL DEFAULT 'normal'
          CHECK (operating_status IN ('normal', 'difficult', 'suspended', 'deregistered', 'moved-out')),
        revenue REAL CHECK (revenue IS NULL OR revenue >= 0),
        payroll REAL CHECK (payroll IS NULL OR payroll >= 0),
        employees INTEGER CHECK (employees IS NULL OR employees >= 0),
        young_employees INTEGER CHECK (young_employees IS NULL OR young_employees >= 0),
        owner_name TEXT NOT NULL DEFAULT '',
        owner_is_member INTEGER NOT NULL DEFAULT 0 CHECK (owner_is_member IN (0, 1)),
        owner_is_secretary INTEGER NOT NULL DEFAULT 0 CHECK (owner_is_secretary IN (0, 1)),
        owner_is_deputy INTEGER NOT NULL DEFAULT 0 CHECK (owner_is_deputy IN (0, 1)),
        contact_name TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        full_members INTEGER NOT NULL DEFAULT 0 CHECK (full_members >= 0),
        probationary_members INTEGER NOT NULL DEFAULT 0 CHECK (probationary_members >= 0),
        activists INTEGER NOT NULL DEFAULT 0 CHECK (activists >= 0),
        members_in_enterprise INTEGER,
        members_in_talent_agency INTEGER,
        members_at_origin INTEGER,
        members_temporary INTEGER,
        members_floating INTEGER,
        org_setting TEXT NOT NULL DEFAULT 'none' CHECK (org_setting IN ('standalone', 'joint', 'attached', 'none')),
        party_org_name TEXT NOT NULL DEFAULT '',
        superior_org_name TEXT NOT NULL DEFAULT '',
        no_org_reason TEXT NOT NULL DEFAULT '',
        formation_direction TEXT,
        has_venue INTEGER NOT NULL DEFAULT 0 CHECK (has_venue IN (0, 1)),
        venue_area REAL,
        funding_in_budget INTEGER NOT NULL DEFAULT 0 CHECK (funding_in_budget IN (0, 1)),
        has_union INTEGER NOT NULL DEFAULT 0 CHECK (has_union IN (0, 1)),
        has_youth_league INTEGER NOT NULL DEFAULT 0 CHECK (has_youth_league IN (0, 1)),
        has_women_federation INTEGER NOT NULL DEFAULT 0 CHECK (has_women_federation IN (0, 1)),
        work_group_id INTEGER REFERENCES work_groups (id),
        key_cultivation INTEGER NOT NULL DEFAULT 0 CHECK (key_cultivation IN (0, 1)),
        star_rating INTEGER NOT NULL DEFAULT 0 CHECK (star_rating BETWEEN 0 AND 5),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX enterprises_area ON enterprises (area_id);
      CREATE INDEX enterprises_work_group ON enterprises (work_group_id);
      CREATE INDEX enterprises_name ON enterprises (name);

      -- One row per user action, so a bulk change or an import is one undoable step.
      CREATE TABLE change_batches (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL
      ) STRICT;

      -- Every write, in the write's own transaction: inserts name the record, updates each changed field
      -- with old and new value (JSON), deletes keep the whole old row so history and undo can restore it.
      CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES change_batches (id),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        field TEXT,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      CREATE INDEX change_log_entity ON change_log (entity, entity_id);
      CREATE INDEX change_log_batch ON change_log (batch_id);
    `);
  },
};
