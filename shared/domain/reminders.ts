import type { OrgHost, OrgSetting, PartyOrgType, ReminderKind } from './labels';
import { PARTY_ORG_TYPES } from './labels';
import { addDays, orgTypeAdvice, probationEndsOn, shouldSplitOut, termEndsOn } from './partyRules';

export type ReminderSubject = 'enterprise' | 'org' | 'member' | 'log';

export interface Reminder {
  /** Stable across runs: kind, subject type and id. */
  id: string;
  kind: ReminderKind;
  subjectType: ReminderSubject;
  subjectId: number;
  subjectName: string;
  due: string | null;
  message: string;
}

/** How far ahead each reminder looks. */
export const REMINDER_WINDOWS = { termDays: 90, probationDays: 30, followUpDays: 7 } as const;

/** The facts reminders are computed from, as the core reads them from the ledger. */
export interface ReminderFacts {
  orgs: {
    id: number;
    name: string;
    type: PartyOrgType;
    host: OrgHost;
    termStartedOn: string | null;
    committeeMembers: string;
    /** 正式 + 预备 of the active enterprises it covers. */
    totalMembers: number;
  }[];
  /** Active enterprises in a 联合 party organisation with enough 正式党员 of their own to split out. */
  linkedEnterprises: { id: number; name: string; orgSetting: OrgSetting; orgName: string; fullMembers: number }[];
  probationers: { id: number; name: string; enterpriseName: string; joinedOn: string | null }[];
  openFollowUps: { id: number; enterpriseName: string; heldOn: string; followUpOn: string; kindLabel: string }[];
}

/** Every reminder due at `today` (YYYY-MM-DD), soonest first; those without a date last. */
export function computeReminders(facts: ReminderFacts, today: string): Reminder[] {
  const out: Reminder[] = [];
  // Each window's last day, worked out once: a large township has thousands of organisations and members to test.
  const horizons = new Map<number, string>();
  const within = (due: string, days: number) => {
    let last = horizons.get(days);
    if (last === undefined) horizons.set(days, (last = addDays(today, days)));
    return due <= last;
  };
  const when = (due: string) => (due < today ? `已于${due}到期` : due === today ? '今天到期' : `将于${due}到期`);

  for (const org of facts.orgs) {
    const ends = termEndsOn(org.type, org.termStartedOn);
    if (ends && within(ends, REMINDER_WINDOWS.termDays)) {
      out.push({
        id: `term-expiry:org:${org.id}`,
        kind: 'term-expiry',
        subjectType: 'org',
        subjectId: org.id,
        subjectName: org.name,
        due: ends,
        message: `${org.name}（${PARTY_ORG_TYPES[org.type]}）本届任期${when(ends)}，请及时组织换届选举`,
      });
    }
    const advice = orgTypeAdvice(org, org.totalMembers);
    if (advice) {
      out.push({
        id: `org-type:org:${org.id}`,
        kind: 'org-type',
        subjectType: 'org',
        subjectId: org.id,
        subjectName: org.name,
        due: null,
        message: `${org.name}：${advice}`,
      });
    }
  }
  for (const e of facts.linkedEnterprises) {
    if (!shouldSplitOut(e.orgSetting, e.fullMembers)) continue;
    out.push({
      id: `split-out:enterprise:${e.id}`,
      kind: 'split-out',
      subjectType: 'enterprise',
      subjectId: e.id,
      subjectName: e.name,
      due: null,
      message: `${e.name}已有正式党员${e.fullMembers}名，符合单独组建条件，应从${e.orgName}剥离单独组建`,
    });
  }
  for (const m of facts.probationers) {
    const due = probationEndsOn(m.joinedOn);
    if (due && !within(due, REMINDER_WINDOWS.probationDays)) continue;
    out.push({
      id: `probation-due:member:${m.id}`,
      kind: 'probation-due',
      subjectType: 'member',
      subjectId: m.id,
      subjectName: m.name,
      due,
      message: due
        ? `${m.enterpriseName}预备党员${m.name}预备期${when(due)}，请按期讨论转正`
        : `${m.enterpriseName}预备党员${m.name}未登记入党时间，无法推算转正日期`,
    });
  }
  for (const log of facts.openFollowUps) {
    if (!within(log.followUpOn, REMINDER_WINDOWS.followUpDays)) continue;
    out.push({
      id: `follow-up:log:${log.id}`,
      kind: 'follow-up',
      subjectType: 'log',
      subjectId: log.id,
      subjectName: log.enterpriseName,
      due: log.followUpOn,
      message: `${log.enterpriseName} ${log.heldOn}${log.kindLabel}记录的跟进事项${when(log.followUpOn)}`,
    });
  }
  return out.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id.localeCompare(b.id));
}
