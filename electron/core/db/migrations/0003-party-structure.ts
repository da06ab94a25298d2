import { pinyinInitials } from '../../search/pinyinKeys';
import type { Db } from '../open';
import type { Migration } from './types';

/**
 * Party organisations, rosters, instructors' assignments and training, 领导联系点, 推进组 members, work logs
 * and their attachments. The typed 党组织名称 / 上级党组织 of the ledger become links to organisation records.
 * Never edit once shipped.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'party-structure',
  up(db) {
    db.exec(`
      CREATE TABLE party_orgs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
        type TEXT NOT NULL CHECK (type IN ('committee', 'general-branch', 'branch', 'joint-committee',
          'joint-general-branch', 'joint-branch', 'floating-branch')),
        host TEXT NOT NULL DEFAULT 'enterprise' CHECK (host IN ('enterprise', 'locality')),
        area_id INTEGER REFERENCES areas (id),
        formation_method TEXT CHECK (formation_method IS NULL OR formation_method IN ('standalone',
          'instructor-assisted', 'park-joint', 'industry-joint', 'leader-led', 'area-joint', 'village-joint')),
        founded_on TEXT,
        approval_no TEXT NOT NULL DEFAULT '',
        secretary_name TEXT NOT NULL DEFAULT '',
        secretary_source TEXT NOT NULL DEFAULT '',
        secretary_role TEXT NOT NULL DEFAULT '',
        secretary_phone TEXT NOT NULL DEFAULT '',
        committee_members TEXT NOT NULL DEFAULT '',
        party_workers TEXT NOT NULL DEFAULT '',
        superior_org_id INTEGER REFERENCES party_orgs (id) CHECK (superior_org_id IS NULL OR superior_org_id <> id),
        term_started_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX party_orgs_superior ON party_orgs (superior_org_id);
      CREATE INDEX party_orgs_area ON party_orgs (area_id);

      -- One record per step of forming a branch; the step's scans hang off it.
      CREATE TABLE formation_steps (
        id INTEGER PRIMARY KEY,
        org_id INTEGER NOT NULL REFERENCES party_orgs (id),
        step TEXT NOT NULL CHECK (step IN ('request', 'approval', 'candidates', 'election', 'result-report',
          'reply', 'plaque')),
        done_on TEXT,
        doc_no TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (org_id, step)
      ) STRICT;

      CREATE TABLE leaders (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        position TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT ''
      ) STRICT;

      ALTER TABLE enterprises ADD COLUMN party_org_id INTEGER REFERENCES party_orgs (id);
      ALTER TABLE enterprises ADD COLUMN leader_id INTEGER REFERENCES leaders (id);
      ALTER TABLE enterprises ADD COLUMN roster_kept INTEGER NOT NULL DEFAULT 0 CHECK (roster_kept IN (0, 1));
      CREATE INDEX enterprises_party_org ON enterprises (party_org_id);
      CREATE INDEX enterprises_leader ON enterprises (leader_id);

      CREATE TABLE party_members (
        id INTEGER PRIMARY KEY,
        enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
        birth_month TEXT,
        education TEXT CHECK (education IS NULL OR education IN ('postgraduate', 'bachelor', 'college', 'secondary',
          'high-school', 'junior-or-below')),
        joined_on TEXT,
        status TEXT NOT NULL DEFAULT 'full' CHECK (status IN ('full', 'probationary')),
        location TEXT NOT NULL DEFAULT 'enterprise'
          CHECK (location IN ('enterprise', 'talent-agency', 'origin', 'temporary', 'floating')),
        position TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        -- One person is on one roster: a second entry of the same 身份证号 is refused.
        id_number TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
        note TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX party_members_enterprise ON party_members (enterprise_id, status, location);
      CREATE INDEX party_members_probation ON party_members (status, joined_on);

      ALTER TABLE instructors ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
      ALTER TABLE work_groups ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';

      CREATE TABLE instructor_assignments (
        id INTEGER PRIMARY KEY,
        instructor_id INTEGER NOT NULL REFERENCES instructors (id),
        enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
        started_on TEXT NOT NULL,
        ended_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      ) STRICT;
      -- An enterprise has at most one current instructor.
      CREATE UNIQUE INDEX instructor_assignments_current ON instructor_assignments (enterprise_id) WHERE ended_on IS NULL;
      CREATE INDEX instructor_assignments_instructor ON instructor_assignments (instructor_id, ended_on);

      CREATE TABLE instructor_trainings (
        id INTEGER PRIMARY KEY,
        instructor_id INTEGER NOT NULL REFERENCES instructors (id),
        held_on TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        organiser TEXT NOT NULL DEFAULT '',
        hours REAL CHECK (hours IS NULL OR hours >= 0),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX instructor_trainings_instructor ON instructor_trainings (instructor_id, held_on);

      CREATE TABLE work_group_members (
        id INTEGER PRIMARY KEY,
        work_group_id INTEGER NOT NULL REFERENCES work_groups (id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        position TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX work_group_members_group ON work_group_members (work_group_id);

      CREATE TABLE work_logs (
        id INTEGER PRIMARY KEY,
        enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
        held_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('visit', 'forum', 'org-activity', 'assistance', 'training', 'other')),
        instructor_id INTEGER REFERENCES instructors (id),
        participants TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        problems TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT '',
        suggestions INTEGER NOT NULL DEFAULT 0 CHECK (suggestions >= 0),
        problems_solved INTEGER NOT NULL DEFAULT 0 CHECK (problems_solved >= 0),
        follow_up_on TEXT,
        follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX work_logs_enterprise ON work_logs (enterprise_id, kind, held_on);
      CREATE INDEX work_logs_instructor ON work_logs (instructor_id, enterprise_id, kind, held_on);
      CREATE INDEX work_logs_held_on ON work_logs (held_on);
      CREATE INDEX work_logs_follow_up ON work_logs (follow_up_done, follow_up_on);

      -- File content by its SHA-256, apart from its description: the change log records the description,
      -- and the content stays so an undone delete finds it again.
      CREATE TABLE attachment_blobs (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        data BLOB NOT NULL
      ) STRICT;
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        formation_step_id INTEGER REFERENCES formation_steps (id),
        work_log_id INTEGER REFERENCES work_logs (id),
        file_name TEXT NOT NULL CHECK (length(file_name) > 0),
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL REFERENCES attachment_blobs (sha256),
        added_at TEXT NOT NULL,
        CHECK ((formation_step_id IS NULL) <> (work_log_id IS NULL))
      ) STRICT;
      CREATE INDEX attachments_step ON attachments (formation_step_id);
      CREATE INDEX attachments_log ON attachments (work_log_id);

      -- A step undo must not cross: what came before it was written for another shape of the ledger.
      ALTER TABLE change_batches ADD COLUMN barrier INTEGER NOT NULL DEFAULT 0 CHECK (barrier IN (0, 1));
    `);

    const now = new Date().toISOString();
    backfillInitials(db);
    linkTypedOrganisations(db, now);
    assignmentsFromInstructors(db);

    db.exec(
      `ALTER TABLE enterprises DROP COLUMN party_org_name; ALTER TABLE enterprises DROP COLUMN superior_org_name;`,
    );
    // A new ledger has no past to protect; an old one's earlier steps are not undone into the new shape.
    if ((db.prepare('SELECT count(*) FROM change_batches').pluck().get() as number) > 0) {
      db.prepare(
        `INSERT INTO change_batches (at, actor, action, barrier)
         VALUES (?, '系统', '台账结构升级：党组织、党员名册、指导员派驻和工作记录改为独立记录', 1)`,
      ).run(now);
    }
  },
};

function backfillInitials(db: Db): void {
  const named = (rows: unknown[]) => rows as { id: number; name: string }[];
  const setInstructor = db.prepare('UPDATE instructors SET name_initials = ? WHERE id = ?');
  for (const r of named(db.prepare('SELECT id, name FROM instructors').all()))
    setInstructor.run(pinyinInitials(r.name), r.id);
  const setGroup = db.prepare('UPDATE work_groups SET name_initials = ? WHERE id = ?');
  for (const r of named(db.prepare('SELECT id, name FROM work_groups').all()))
    setGroup.run(pinyinInitials(r.name), r.id);
}

type OrgType = 'committee' | 'general-branch' | 'branch' | 'joint-committee' | 'joint-general-branch' | 'joint-branch';

/** The type a typed name implies; a name says more than the setting (联合党总支 is a 联合 and a 总支). */
function typeFromName(name: string, joint: boolean): OrgType {
  // 支部委员会 is a branch's formal name and 总支部委员会 a general branch's: look for 总支/支部 before 委员会.
  const level = /总支/.test(name)
    ? 'general-branch'
    : /支部/.test(name)
      ? 'branch'
      : /党委|党工委|委员会$/.test(name)
        ? 'committee'
        : 'branch';
  return joint || /联合/.test(name) ? (`joint-${level}` as OrgType) : level;
}

/**
 * Every distinct typed 党组织名称 becomes one organisation (every enterprise naming the same 联合 organisation
 * joins one record), every distinct 上级党组织 a 属地 organisation they report to. A setting without a name
 * gets a record named after the enterprise (or its area, for 挂靠), marked 待核实 so the clerk sees it.
 */
function linkTypedOrganisations(db: Db, now: string): void {
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.org_setting AS setting, trim(e.party_org_name) AS orgName,
         trim(e.superior_org_name) AS superior, e.area_id AS areaId, a.name AS areaName
       FROM enterprises e JOIN areas a ON a.id = e.area_id ORDER BY e.id`,
    )
    .all() as {
    id: number;
    name: string;
    setting: 'standalone' | 'joint' | 'attached' | 'none';
    orgName: string;
    superior: string;
    areaId: number;
    areaName: string;
  }[];
  const insert = db.prepare(
    `INSERT INTO party_orgs (name, type, host, area_id, name_initials, created_at, updated_at, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = new Map<string, number>();
  const orgFor = (name: string, type: OrgType, host: 'enterprise' | 'locality', areaId: number | null, note = '') => {
    let id = ids.get(name);
    if (id === undefined) {
      id = Number(insert.run(name, type, host, areaId, pinyinInitials(name), now, now, note).lastInsertRowid);
      ids.set(name, id);
    }
    return id;
  };
  const linkEnterprise = db.prepare('UPDATE enterprises SET party_org_id = ? WHERE id = ?');
  const setSuperior = db.prepare('UPDATE party_orgs SET superior_org_id = ? WHERE id = ? AND superior_org_id IS NULL');
  const unchecked = '由台账升级自动建立，名称待核实';
  const standaloneTaken = new Set<string>();
  for (const e of rows) {
    let orgId: number | null = null;
    if (e.setting === 'attached') {
      const name = e.orgName || `${e.areaName}党组织（待核实）`;
      orgId = orgFor(name, typeFromName(name, false), 'locality', e.areaId, e.orgName ? '' : unchecked);
    } else if (e.setting === 'joint') {
      const name = e.orgName || `${e.name}所在联合党支部（待核实）`;
      orgId = orgFor(name, typeFromName(name, true), 'enterprise', null, e.orgName ? '' : unchecked);
    } else if (e.setting === 'standalone') {
      // A 单独 organisation covers one enterprise: a name two enterprises both typed (say 党支部) is told apart.
      let name = e.orgName || `${e.name}党支部`;
      if (standaloneTaken.has(name) || (ids.has(name) && !e.orgName)) name = `${name}（${e.name}）`;
      standaloneTaken.add(name);
      orgId = orgFor(name, typeFromName(name, false), 'enterprise', null, e.orgName ? '' : unchecked);
    }
    if (orgId === null) continue;
    linkEnterprise.run(orgId, e.id);
    if (e.superior && e.superior !== e.orgName) {
      const superiorId = ids.get(e.superior) ?? orgFor(e.superior, typeFromName(e.superior, false), 'locality', null);
      setSuperior.run(superiorId, orgId);
    }
  }
}

/** The instructor each enterprise names becomes a current assignment from the instructor's 派驻日期. */
function assignmentsFromInstructors(db: Db): void {
  db.exec(`
    INSERT INTO instructor_assignments (instructor_id, enterprise_id, started_on)
    SELECT e.instructor_id, e.id, coalesce(i.appointed_on, substr(e.created_at, 1, 10))
    FROM enterprises e JOIN instructors i ON i.id = e.instructor_id
  `);
}
