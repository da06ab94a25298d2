import { rmSync } from 'node:fs';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { CoreContext } from '../app/context';
import { backupSpot, placeBackup, tmpCopyPath } from '../backup/backups';
import { openDailyReader, type DailyReader } from './dailyReader';
import { checkStateOf, markDamaged, recordCheckState } from './integrity';
import type { LedgerSession } from './session';

/**
 * The day's background work on an open ledger: a quick_check, then (if it passed) the daily backup. SQLite's part —
 * the check, the copy and the copy's check — runs on a thread of its own (dailyReader.ts); the decisions and the
 * bookkeeping stay here on the core thread: the state file, marking the ledger damaged, the rename into place and
 * the rotation, and whether the session is still the one open. Between two steps the core thread is free, and a
 * session closed, switched or replaced meanwhile gets no further step.
 */

export interface DailyOutcome {
  check: string | null;
  backup: 'made' | 'skipped' | 'failed';
}

/** Delay before the background work starts: the first screen's queries go first. */
export const DAILY_DELAY_MS = 3000;

/** Whether the session may still take the next step: not stopped, still open, still the context's ledger. */
type StillWanted = () => boolean;

async function daily(ctx: CoreContext, session: LedgerSession, wanted: StillWanted): Promise<DailyOutcome> {
  // The clerk may have closed or switched ledgers meanwhile: never check or back up a file no longer in use.
  if (!wanted()) return { check: null, backup: 'skipped' };
  const today = localDate(ctx.writer.now());
  const state = checkStateOf(ctx.dataDir, session.path);
  const checkDue = state.checkedOn !== today;
  // A damaged or read-only ledger is not backed up over the good copies (rotation would push them out).
  const backupDue = () =>
    !session.damaged && !session.readOnly && checkStateOf(ctx.dataDir, session.path).backedUpOn !== today;
  // Nothing to do today: no thread is started for it.
  if (!checkDue && !backupDue()) return { check: null, backup: 'skipped' };

  const reader = await openDailyReader(session);
  try {
    let check: string | null = null;
    if (checkDue) {
      if (!wanted()) return { check: null, backup: 'skipped' };
      check = await reader.quickCheck();
      // The result holds for the file even if the session ended meanwhile: a problem is checked fully at next open.
      recordCheckState(ctx.dataDir, session.path, { checkedOn: today, problem: check === 'ok' ? null : check });
      if (check !== 'ok') {
        markDamaged(ctx, session, check);
        return { check, backup: 'skipped' };
      }
    }
    if (!wanted() || !backupDue()) return { check, backup: 'skipped' };
    return { check, backup: await dailyBackup(ctx, session, reader, wanted) };
  } catch (e) {
    // Only the thread itself failing gets here (its steps answer with results): tried again on the next open.
    console.error('[core] 每日检查与备份中断：', e instanceof Error ? e.message : e);
    return { check: null, backup: 'skipped' };
  } finally {
    await reader.close();
  }
}

async function dailyBackup(
  ctx: CoreContext,
  session: LedgerSession,
  reader: DailyReader,
  wanted: StillWanted,
): Promise<DailyOutcome['backup']> {
  const now = ctx.writer.now();
  let tmp: string | null = null;
  try {
    const spot = backupSpot(ctx.dataDir, session.path, 'daily', now);
    tmp = tmpCopyPath(spot.target);
    await reader.copyTo(tmp);
    // Closed, switched or replaced while it was being copied: the copy is dropped, not filed as a backup.
    if (!wanted()) return 'skipped';
    placeBackup(tmp, spot, session.path, now);
    tmp = null;
    recordCheckState(ctx.dataDir, session.path, { backedUpOn: localDate(now) });
    return 'made';
  } catch {
    // Tried again on the next open; the ledger itself is fine.
    return 'failed';
  } finally {
    // After the connection is closed: a copy still held open cannot be removed on Windows.
    if (tmp) {
      await reader.close();
      removeCopy(tmp);
    }
  }
}

/** A copy that cannot be removed stays under its .tmp name, which no backup list shows: it must not cost the outcome. */
function removeCopy(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch (e) {
    console.error('[core] 未能删除每日备份的临时文件：', e instanceof Error ? e.message : e);
  }
}

/** One session's daily work: its timer, its run once started, and whether a stop was asked for. */
class DailyWork {
  private timer: NodeJS.Timeout | null = null;
  private run: Promise<DailyOutcome> | null = null;
  private finished = false;
  private stopping = false;
  // Whether the work came due while a long job held the ledger: it then waits a full delay after the job as well.
  private waitedForJob = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly session: LedgerSession,
    private readonly delayMs: number,
  ) {}

  arm(): void {
    this.timer = setTimeout(() => this.fire(), this.delayMs);
    // A command-line run that finishes first exits without waiting for it.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = null;
    // A long job (an import) keeps its write transaction open while it yields between chunks. The daily thread's
    // own connection would read only what is committed, but a check and a copy of the whole ledger beside the
    // import would take the second of the machine's two cores from it; and where the daily work falls back to the
    // core thread's connection, a check would read the import's half-written rows and VACUUM INTO cannot run
    // inside a transaction. Wait until it is done.
    if (this.session.db.open && this.session.db.inTransaction) {
      this.waitedForJob = true;
      return this.arm();
    }
    // Then not at once: what follows the job goes first — the screens re-reading the list and figures after an
    // import, the command line's close and exit — rather than competing with a check and a copy of the ledger.
    if (this.waitedForJob) {
      this.waitedForJob = false;
      return this.arm();
    }
    void this.start();
  }

  /** Starts the work now, or returns the run already started (or finished). */
  start(): Promise<DailyOutcome> {
    this.clearTimer();
    this.run ??= daily(this.ctx, this.session, () => this.wanted()).finally(() => (this.finished = true));
    return this.run;
  }

  private wanted(): boolean {
    return !this.stopping && this.session.db.open && this.ctx.ledger === this.session;
  }

  /** Null when nothing was under way (the timer, if any, is cleared); else settles once the run has stopped. */
  stop(): Promise<void> | null {
    this.clearTimer();
    const run = this.run;
    if (!run || this.finished) return null;
    this.stopping = true;
    return run.then(() => {
      this.stopping = false;
      // Cut short, it may be started again (resume) if the ledger stays open after all.
      this.run = null;
      this.finished = false;
    });
  }

  /** Schedules the work again after a stop, if the session is still the open one and its work was not done. */
  resume(): void {
    if (this.run || this.timer || !this.wanted()) return;
    this.arm();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const works = new WeakMap<LedgerSession, DailyWork>();

/** Schedules the day's check and backup after the open has answered. */
export function scheduleDaily(ctx: CoreContext, session: LedgerSession, delayMs = DAILY_DELAY_MS): void {
  const work = new DailyWork(ctx, session, delayMs);
  works.set(session, work);
  work.arm();
}

/** Runs a session's scheduled daily work now (or awaits it if already running): for tests and the CLI's check. */
export function settleDaily(session: LedgerSession): Promise<DailyOutcome | null> {
  return works.get(session)?.start() ?? Promise.resolve(null);
}

/**
 * Before the ledger's file is closed, replaced, renamed or rekeyed: the session's daily work takes no further step,
 * a step under way is awaited (SQLite cannot be interrupted from here; a step is at most one check or one copy),
 * its connection is closed and its thread ended, and a copy not yet filed is removed. Null when nothing was under
 * way, so a caller with nothing to wait for goes on synchronously.
 */
export function stopDaily(session: LedgerSession): Promise<void> | null {
  return works.get(session)?.stop() ?? null;
}

/** After an operation that stopped the daily work but left the same ledger open (it was refused): schedule it again. */
export function resumeDaily(session: LedgerSession): void {
  works.get(session)?.resume();
}
