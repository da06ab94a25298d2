import { parentPort, workerData } from 'node:worker_threads';
import { writeCopy } from '../backup/backups';
import { runCheck } from '../db/check';
import { openReadOnlyFile, type Db } from '../db/open';
import { AppError } from '../errors';
import type { DailyWorkerData, FromDailyWorker, ToDailyWorker } from './dailyProtocol';

/**
 * The daily check's own thread (started by dailyReader.ts): the heavy, synchronous SQLite part of the day's work —
 * the ledger's quick_check, the VACUUM INTO copy and the copy's check — through a read-only connection of its own,
 * so the core thread keeps answering the clerk meanwhile. In WAL mode that connection reads the last committed
 * state, whatever the core thread is writing. It decides nothing: the core thread records, renames and rotates.
 */
if (!parentPort) throw new Error('dailyWorker must run as a worker thread');
const port = parentPort;
const reply = (msg: FromDailyWorker) => port.postMessage(msg);
const { path, key } = workerData as DailyWorkerData;

function serve(db: Db): void {
  port.on('message', (msg: ToDailyWorker) => {
    switch (msg.type) {
      case 'check':
        reply({ type: 'checked', result: runCheck(db, 'quick_check') });
        break;
      case 'copy':
        try {
          writeCopy(db, msg.tmp);
          reply({ type: 'copied' });
        } catch (e) {
          const failure = e instanceof AppError ? e : new AppError('FILE', `备份失败：${String(e)}`);
          reply({ type: 'copyFailed', code: failure.code, message: failure.message });
        }
        break;
      case 'close':
        // Closed before the thread ends: the core thread's wait for the exit means no handle on the file is left.
        db.close();
        port.close();
        break;
    }
  });
  reply({ type: 'ready' });
}

function open(): Db | null {
  try {
    return openReadOnlyFile(path, key);
  } catch (e) {
    reply({ type: 'refused', message: e instanceof Error ? e.message : String(e) });
    port.close();
    return null;
  }
}

const db = open();
if (db) serve(db);
