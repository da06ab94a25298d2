import { computeReminders, type Reminder } from '../../../shared/domain/reminders';
import type { Db } from '../db/open';
import { readReminderFacts } from '../db/repos/reminders';

/** Every reminder due at `today` (YYYY-MM-DD): the home screen, the opening notice and the command line all call this. */
export function listReminders(db: Db, today: string): Reminder[] {
  return computeReminders(readReminderFacts(db), today);
}
