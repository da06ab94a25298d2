import type { ReminderKind } from '../../../shared/domain/labels';
import type { Reminder, ReminderSubject } from '../../../shared/domain/reminders';
import type { OpenTarget } from '../ledger/navigation';

/** Short names for the count line of the notice shown on opening a ledger. */
export const KIND_SHORT: Record<ReminderKind, string> = {
  'term-expiry': '换届',
  'probation-due': '转正',
  'split-out': '剥离组建',
  'org-type': '类型调整',
  'follow-up': '工作跟进',
};

const TARGET_KIND: Record<ReminderSubject, OpenTarget['kind']> = {
  enterprise: 'enterprise',
  org: 'org',
  member: 'member',
  log: 'workLog',
};

/** Where a reminder's 打开 leads. */
export function targetOf(r: Reminder): OpenTarget {
  return { kind: TARGET_KIND[r.subjectType], id: r.subjectId };
}

/** "有5条提醒：换届1条、转正2条、工作跟进2条", kinds in the order REMINDER_KINDS lists them. */
export function summaryOf(reminders: Reminder[]): string {
  const counts = new Map<ReminderKind, number>();
  for (const r of reminders) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const parts = (Object.keys(KIND_SHORT) as ReminderKind[])
    .filter((k) => counts.has(k))
    .map((k) => `${KIND_SHORT[k]}${counts.get(k)}条`);
  return `有${reminders.length}条提醒：${parts.join('、')}`;
}
