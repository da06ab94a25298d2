import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { areasTable } from '../../electron/core/db/tables';
import { write, writeLong } from '../../electron/core/db/changeLog';
import { migrate } from '../../electron/core/db/migrate';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { lastUndoable, undoStep } from '../../electron/core/db/undo';
import { AppError } from '../../electron/core/errors';
import { breathe, JobRegistry } from '../../electron/core/jobs/registry';
import { count, steppingWriter, useTempDir } from './helpers';

const tmp = useTempDir();

function ledger(): Db {
  const db = openDatabase(join(tmp.dir(), 'jobs.yqyc'), { create: true });
  tmp.onCleanup(() => db.close());
  migrate(db);
  return db;
}

const area = (name: string) => ({ name, type: 'village' as const, zoneId: null, sortOrder: 0 });

describe('JobRegistry', () => {
  test('a running job is seen with its progress, and is gone when it ends', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = jobs.run('import-0001', async (job) => {
      job.report('正在写入…', 40, 100);
      await gate;
      return 'done';
    });
    await breathe();
    expect(jobs.progress('import-0001')).toEqual({ phase: '正在写入…', done: 40, total: 100, cancelled: false });
    release();
    expect(await running).toBe('done');
    expect(jobs.progress('import-0001')).toBeNull();
  });

  test('a cancel stops the job at its next checkpoint with a message saying nothing changed', async () => {
    const jobs = new JobRegistry();
    let steps = 0;
    const running = jobs.run('import-0002', async (job) => {
      for (;;) {
        job.checkpoint();
        steps++;
        await breathe();
      }
    });
    await breathe();
    jobs.cancel('import-0002');
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: '已取消，台账未作任何改动' });
    expect(steps).toBeGreaterThan(0);
    expect(jobs.progress('import-0002')).toBeNull();
  });

  test('the same id cannot run twice at once; without an id the work runs unwatched', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const first = jobs.run('same-id-01', () => new Promise<void>((r) => (release = r)));
    await expect(jobs.run('same-id-01', () => 1)).rejects.toBeInstanceOf(AppError);
    release();
    await first;
    expect(await jobs.run(undefined, (job) => (job.cancelled ? 'cancelled' : 'ran'))).toBe('ran');
  });
});

describe('writeLong', () => {
  test('many awaited chunks land as one change batch, which one undo takes back', async () => {
    const db = ledger();
    const writer = steppingWriter();
    const before = count(db, 'areas');
    await writeLong(db, writer, '导入区域', async (tx) => {
      for (let i = 0; i < 5; i++) {
        tx.insert(areasTable, area(`新村${i}`));
        await breathe();
      }
    });
    expect(count(db, 'areas')).toBe(before + 5);
    const step = lastUndoable(db);
    expect(step?.action).toBe('导入区域');
    undoStep(db, writer, step!.batchId);
    expect(count(db, 'areas')).toBe(before);
  });

  test('a failure part-way leaves neither the rows nor their change log', async () => {
    const db = ledger();
    const batches = count(db, 'change_batches');
    const areas = count(db, 'areas');
    await expect(
      writeLong(db, steppingWriter(), '导入区域', async (tx) => {
        tx.insert(areasTable, area('甲村'));
        await breathe();
        throw new AppError('CANCELLED', '已取消，台账未作任何改动');
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(db.inTransaction).toBe(false);
    expect(count(db, 'areas')).toBe(areas);
    expect(count(db, 'change_batches')).toBe(batches);
    // The connection is usable afterwards.
    write(db, steppingWriter(), '新增区域', (tx) => tx.insert(areasTable, area('乙村')));
    expect(count(db, 'areas')).toBe(areas + 1);
  });

  test('cannot be opened inside another transaction', async () => {
    const db = ledger();
    db.exec('BEGIN');
    await expect(writeLong(db, steppingWriter(), 'x', async () => undefined)).rejects.toThrow(/inside another/);
    db.exec('ROLLBACK');
  });
});
