import type { ErrorCode } from '../../../shared/ipc/result';

/** What the daily thread is started with: the ledger and, for an encrypted one, its raw key (in memory only). */
export interface DailyWorkerData {
  path: string;
  key: string | null;
}

/** The core thread's requests, one at a time: each is answered before the next is sent. */
export type ToDailyWorker = { type: 'check' } | { type: 'copy'; tmp: string } | { type: 'close' };

export type FromDailyWorker =
  /** The connection is open: the thread is ready for its requests. */
  | { type: 'ready' }
  /** The connection could not be opened: the core does the day's work on its own thread instead. */
  | { type: 'refused'; message: string }
  | { type: 'checked'; result: string }
  | { type: 'copied' }
  | { type: 'copyFailed'; code: ErrorCode; message: string };
