import type { Tx } from '../../db/changeLog';

/**
 * Where a planned row goes: into the open write (commit), or nowhere (preview), where the records a row would
 * create get stand-in ids (far above any real id, never stored) so later rows can still find them by name or code.
 */
export interface Effects {
  readonly tx: Tx | null;
  /** YYYY-MM-DD in the clerk's calendar: no date of the survey may lie after it. */
  readonly today: string;
  newId(): number;
}

export function effects(tx: Tx | null, today: string): Effects {
  let next = Number.MAX_SAFE_INTEGER - 1;
  return { tx, today, newId: () => next-- };
}
