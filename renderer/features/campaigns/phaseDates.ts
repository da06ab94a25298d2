import { CAMPAIGN_PHASE_TEMPLATE } from '../../../shared/domain/plans';
import { daysBetween } from '../plans/planLabels';

/** A phase as the form holds it: dates may be blank while typed. */
export interface PhaseValue {
  id?: number;
  name: string;
  startOn: string | null;
  endOn: string | null;
}

/** `date` moved by `days` (YYYY-MM-DD), on the calendar. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The six phases of the 集中攻坚月 (source 002), one after another over the campaign's period, each as long as
 * the period allows (the days shared out evenly); the clerk adjusts them after.
 */
export function templatePhases(startOn: string, endOn: string): PhaseValue[] {
  const days = Math.max(1, daysBetween(startOn, endOn) + 1);
  const n = CAMPAIGN_PHASE_TEMPLATE.length;
  return CAMPAIGN_PHASE_TEMPLATE.map((name, i) => {
    const from = Math.floor((i * days) / n);
    const to = Math.max(from, Math.floor(((i + 1) * days) / n) - 1);
    return {
      name,
      startOn: addDays(startOn, Math.min(from, days - 1)),
      endOn: addDays(startOn, Math.min(to, days - 1)),
    };
  });
}

/** A phase by today's date: ended, under way (phases may overlap, so several can be) or still to come. */
export function phaseStatus(p: { startOn: string; endOn: string }, today: string): 'finish' | 'process' | 'wait' {
  if (p.endOn < today) return 'finish';
  return p.startOn <= today ? 'process' : 'wait';
}
