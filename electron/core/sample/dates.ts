import { addDays, daysBetween } from '../../../shared/domain/partyRules';
import type { Random } from './random';

/** A day in [from, to] (YYYY-MM-DD); `from` itself when the range is empty. */
export function dateBetween(rnd: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rnd.int(0, span));
}

export function daysBefore(today: string, days: number): string {
  return addDays(today, -days);
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
