import type { Migration } from './types';

/**
 * 一企一策方案 with their milestones, 专项行动 with their phases, and 双强评价. Every table is written through
 * the change log, so each plan's history and every transition are kept. Never edit once shipped.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
        start_on TEXT NOT NULL,
        end_on TEXT NOT NULL CHECK (end_on >= start_on),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE campaign_phases (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        start_on TEXT NOT NULL,
        end_on TEXT NOT NULL CHECK (end_on >= start_on),
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX campaign_phases_campaign ON campaign_phases (campaign_id, sort_order);

      -- A campaign is never deleted while plans name it (the clerk first moves them out): plans are not lost.
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
        campaign_id INTEGER REFERENCES campaigns (id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'approved', 'in_progress', 'done', 'shelved')),
        situation TEXT NOT NULL DEFAULT '',
        problems TEXT NOT NULL DEFAULT '',
        method TEXT CHECK (method IS NULL OR method IN ('standalone', 'instructor-assisted', 'park-joint',
          'industry-joint', 'leader-led', 'area-joint', 'village-joint')),
        measures TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(measures) AND json_type(measures) = 'array'),
        work_group_id INTEGER REFERENCES work_groups (id),
        responsible TEXT NOT NULL DEFAULT '',
        start_on TEXT NOT NULL,
        approved_on TEXT,
        done_on TEXT,
        shelved_reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status NOT IN ('approved', 'in_progress', 'done') OR approved_on IS NOT NULL),
        CHECK (status <> 'shelved' OR length(shelved_reason) > 0)
      ) STRICT;
      -- At most one open plan per enterprise per campaign, and per year outside any campaign.
      CREATE UNIQUE INDEX plans_open_in_campaign ON plans (enterprise_id, campaign_id)
        WHERE campaign_id IS NOT NULL AND status IN ('draft', 'submitted', 'approved', 'in_progress');
      CREATE UNIQUE INDEX plans_open_in_year ON plans (enterprise_id, year)
        WHERE campaign_id IS NULL AND status IN ('draft', 'submitted', 'approved', 'in_progress');
      CREATE INDEX plans_enterprise ON plans (enterprise_id);
      CREATE INDEX plans_campaign ON plans (campaign_id, status);
      CREATE INDEX plans_status ON plans (status, year);
      CREATE INDEX plans_work_group ON plans (work_group_id);

      CREATE TABLE plan_milestones (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans (id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        due_on TEXT NOT NULL,
        done_on TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX plan_milestones_plan ON plan_milestones (plan_id, done_on, due_on);

      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        production REAL NOT NULL DEFAULT 0 CHECK (production BETWEEN 0 AND 15),
        growth REAL NOT NULL DEFAULT 0 CHECK (growth BETWEEN 0 AND 15),
        ecology REAL NOT NULL DEFAULT 0 CHECK (ecology BETWEEN 0 AND 15),
        labour REAL NOT NULL DEFAULT 0 CHECK (labour BETWEEN 0 AND 15),
        culture REAL NOT NULL DEFAULT 0 CHECK (culture BETWEEN 0 AND 15),
        responsibility REAL NOT NULL DEFAULT 0 CHECK (responsibility BETWEEN 0 AND 15),
        party_building REAL NOT NULL DEFAULT 0 CHECK (party_building BETWEEN 0 AND 10),
        has_org INTEGER NOT NULL DEFAULT 0 CHECK (has_org IN (0, 1)),
        has_venue INTEGER NOT NULL DEFAULT 0 CHECK (has_venue IN (0, 1)),
        funding_in_budget INTEGER NOT NULL DEFAULT 0 CHECK (funding_in_budget IN (0, 1)),
        no_violation INTEGER NOT NULL DEFAULT 1 CHECK (no_violation IN (0, 1)),
        total REAL NOT NULL DEFAULT 0,
        grade TEXT NOT NULL DEFAULT 'cultivate' CHECK (grade IN ('model', 'qualified', 'cultivate')),
        assessed_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (enterprise_id, year)
      ) STRICT;
      CREATE INDEX assessments_year ON assessments (year, total);

      -- 年度结转: once per year. Like a snapshot it is a record of what was done, not an edit: the plans carried
      -- and assessments started are logged as one undoable step of their own.
      CREATE TABLE year_closings (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        closed_at TEXT NOT NULL,
        snapshot_id INTEGER REFERENCES snapshots (id) ON DELETE SET NULL,
        archive_name TEXT NOT NULL,
        carried_plans INTEGER NOT NULL,
        kept_plans INTEGER NOT NULL,
        started_assessments INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
