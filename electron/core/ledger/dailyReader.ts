import { Worker } from 'node:worker_threads';
import { writeCopy } from '../backup/backups';
import { runCheck } from '../db/check';
import { AppError } from '../errors';
import type { DailyWorkerData, FromDailyWorker, ToDailyWorker } from './dailyProtocol';
import type { LedgerSession } from './session';

/**
 * What the day's work reads the ledger through. On its own thread (dailyWorker.ts) with a read-only connection of
 * its own, so the core thread keeps answering while SQLite checks and copies the whole file — seconds at 100,000
 * enterprises. Where that thread cannot start, the core thread's own connection does it, as it did before.
 */
export interface DailyReader {
  /** SQLite's quick_check of the ledger: 'ok' or its first complaint. */
  quickCheck(): Promise<string>;
  /** A checked copy of the ledger at `tmp` (VACUUM INTO, flushed, checked); on failure none is left and it throws. */
  copyTo(tmp: string): Promise<void>;
  /** Settles once the connection is closed and its thread has ended: nothing holds the file any more. Idempotent. */
  close(): Promise<void>;
}

export async function openDailyReader(session: LedgerSession): Promise<DailyReader> {
  try {
    return await threadReader({ path: session.path, key: session.key });
  } catch (e) {
    console.error('[core] 每日检查与备份的线程未能启动，改在核心线程中进行：', e instanceof Error ? e.message : e);
    return coreThreadReader(session);
  }
}

/**
 * The thread's script sits beside the bundle that starts it (out/node/daily-worker.js, out/desktop/daily-worker.js);
 * from TypeScript sources it is dailyWorker.dev.mjs, which registers tsx inside the thread (see coreClient.ts).
 */
function workerEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./dailyWorker.dev.mjs', here);
  return new URL('./daily-worker.js', here);
}

/** Starts the thread and waits until its connection is open; rejects when either fails. */
async function threadReader(data: DailyWorkerData): Promise<DailyReader> {
  // The key crosses by postMessage, inside this process; it is never written anywhere.
  // Not unref'd: once started, the day's work is seen through (or stopped by closing the ledger), as when it ran
  // on the core thread; it is the timer before it that a command line finishing first does not wait for.
  const worker = new Worker(workerEntry(), { workerData: data });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let waiting: { resolve: (m: FromDailyWorker) => void; reject: (e: Error) => void } | null = null;
  let gone: Error | null = null;
  const settle = (then: (w: NonNullable<typeof waiting>) => void) => {
    const w = waiting;
    waiting = null;
    if (w) then(w);
  };
  worker.on('message', (msg: FromDailyWorker) => settle((w) => w.resolve(msg)));
  const fail = (e: Error) => {
    gone ??= e;
    settle((w) => w.reject(e));
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`每日检查线程已退出（${code}）`)));
  // One request at a time: the core thread awaits each answer before it sends the next.
  const answer = () =>
    new Promise<FromDailyWorker>((resolve, reject) => {
      if (gone) reject(gone);
      else waiting = { resolve, reject };
    });
  const ask = (msg: ToDailyWorker) => {
    const answered = answer();
    worker.postMessage(msg);
    return answered;
  };
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      if (!gone) worker.postMessage({ type: 'close' } satisfies ToDailyWorker);
      await exited;
    })());

  const first = await answer().catch(async (e: unknown) => {
    await worker.terminate();
    throw e;
  });
  if (first.type !== 'ready') {
    await close();
    throw new Error(first.type === 'refused' ? first.message : `意外的回答：${first.type}`);
  }
  return {
    async quickCheck() {
      const msg = await ask({ type: 'check' });
      if (msg.type !== 'checked') throw new Error(`意外的回答：${msg.type}`);
      return msg.result;
    },
    async copyTo(tmp) {
      const msg = await ask({ type: 'copy', tmp });
      if (msg.type === 'copyFailed') throw new AppError(msg.code, msg.message);
      if (msg.type !== 'copied') throw new Error(`意外的回答：${msg.type}`);
    },
    close,
  };
}

/** The fallback: the core thread's own connection, synchronously, as before the daily thread existed. */
function coreThreadReader(session: LedgerSession): DailyReader {
  return {
    async quickCheck() {
      // This connection would see a long job's half-written rows (see DailyWork.fire): not checked now.
      if (session.db.inTransaction) throw new Error('台账正在导入等长时间操作中，今天的检查留待下次打开');
      return runCheck(session.db, 'quick_check');
    },
    copyTo: async (tmp) => writeCopy(session.db, tmp),
    close: async () => undefined,
  };
}
