import { INACTIVE_STATUSES, WORK_LOG_KINDS, type WorkLogKind } from '../../../../shared/domain/labels';
import { BRANCH_MIN_FULL_MEMBERS } from '../../../../shared/domain/partyRules';
import type { ReminderFacts } from '../../../../shared/domain/reminders';
import type { Db } from '../open';
import { prepared } from '../statements';

/** 注销 and 迁出 enterprises are out of the statistics, and out of every reminder. */
const ACTIVE = `e.operating_status NOT IN (${INACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * What the reminders are computed from, read in one go (the screen and the command line share it). The screen
 * reads it after every change, so statements are prepared once and only rows a rule can fire on are read:
 * split-out concerns enterprises of 联合 organisations with enough 正式党员 of their own (shouldSplitOut still decides).
 */
export function readReminderFacts(db: Db): ReminderFacts {
  const all = <T>(key: string, sql: string) => prepared(db, `reminders:${key}`, () => sql).all() as T[];
  const orgs = all<ReminderFacts['orgs'][number]>(
    'orgs',
    `SELECT o.id, o.name, o.type, o.host, o.term_started_on AS termStartedOn,
         o.committee_members AS committeeMembers, coalesce(m.total, 0) AS totalMembers
       FROM party_orgs o
       LEFT JOIN (SELECT e.party_org_id AS orgId, sum(e.full_members + e.probationary_members) AS total
                  FROM enterprises e WHERE e.party_org_id IS NOT NULL AND ${ACTIVE} GROUP BY e.party_org_id) m
         ON m.orgId = o.id
       ORDER BY o.id`,
  );
  const linkedEnterprises = all<ReminderFacts['linkedEnterprises'][number]>(
    'linked',
    `SELECT e.id, e.name, e.org_setting AS orgSetting, o.name AS orgName, e.full_members AS fullMembers
     FROM enterprises e JOIN party_orgs o ON o.id = e.party_org_id
     WHERE e.org_setting = 'joint' AND e.full_members >= ${BRANCH_MIN_FULL_MEMBERS} AND ${ACTIVE} ORDER BY e.id`,
  );
  const probationers = all<ReminderFacts['probationers'][number]>(
    'probationers',
    `SELECT m.id, m.name, e.name AS enterpriseName, m.joined_on AS joinedOn
     FROM party_members m JOIN enterprises e ON e.id = m.enterprise_id
     WHERE m.status = 'probationary' AND ${ACTIVE} ORDER BY m.id`,
  );
  const openFollowUps = all<Omit<ReminderFacts['openFollowUps'][number], 'kindLabel'> & { kind: WorkLogKind }>(
    'followUps',
    `SELECT w.id, e.name AS enterpriseName, w.held_on AS heldOn, w.follow_up_on AS followUpOn, w.kind
     FROM work_logs w JOIN enterprises e ON e.id = w.enterprise_id
     WHERE w.follow_up_on IS NOT NULL AND w.follow_up_done = 0 AND ${ACTIVE} ORDER BY w.id`,
  ).map(({ kind, ...log }) => ({ ...log, kindLabel: WORK_LOG_KINDS[kind] }));
  return { orgs, linkedEnterprises, probationers, openFollowUps };
}
