import type { Db } from './open';

export type CheckKind = 'integrity_check' | 'quick_check';

/**
 * 'ok', or SQLite's first complaint (a corrupt file can also throw instead of answering). Apart from integrity.ts
 * so that the daily check's own thread (ledger/dailyWorker.ts) runs the very same check without loading the rest.
 */
export function runCheck(db: Db, kind: CheckKind): string {
  try {
    // (1): stop at the first problem — a badly damaged file can list thousands, and one is enough to know.
    const rows = db.pragma(`${kind}(1)`) as Record<string, string>[];
    const first = rows.length ? Object.values(rows[0]!)[0] : 'ok';
    return String(first ?? 'ok');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
