import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, watch } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PasswordChange } from '../../shared/ipc/encryption';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { StatsReport } from '../../shared/domain/indicators';
import { CoreContext } from '../../electron/core/app/context';
import { backupSpot, tmpCopyPath } from '../../electron/core/backup/backups';
import { openReadOnlyFile } from '../../electron/core/db/open';
import { invoke } from '../../electron/core/invoke';
import { settleDaily, type DailyOutcome } from '../../electron/core/ledger/daily';
import { checkStateOf } from '../../electron/core/ledger/integrity';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import { ledgerWithLongHistory, sampleLedger } from './integritySetup';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

/**
 * The day's check and backup on their own thread (ledger/daily.ts, dailyReader.ts, dailyWorker.ts): the same
 * outcomes as on the core thread, an encrypted ledger's copy under its own key, the core thread answering while
 * the work runs, and nothing left holding the file when the ledger is closed, switched or rekeyed meanwhile.
 */
const tmp = useTempDir('yiqiyice-daily-');
let backupDir: string;
const savedEnv = process.env.YIQIYICE_BACKUP_DIR;

beforeEach(() => {
  backupDir = join(tmp.dir(), 'backups');
  mkdirSync(backupDir);
  process.env.YIQIYICE_BACKUP_DIR = backupDir;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
  else process.env.YIQIYICE_BACKUP_DIR = savedEnv;
});

const dataDir = () => join(tmp.dir(), 'data');
function context(): CoreContext {
  const ctx = new CoreContext({ dataDir: dataDir(), now: () => FIXED_NOW, actor: '测试员' });
  tmp.onCleanup(() => ctx.shutdown());
  return ctx;
}
const backupFiles = () => readdirSync(backupDir);

function ledger(name = '长乐镇'): string {
  const path = join(tmp.dir(), `${name}.yqyc`);
  sampleLedger(dataDir(), path, () => FIXED_NOW);
  return path;
}

function bigLedger(): string {
  const path = join(tmp.dir(), '长乐镇.yqyc');
  ledgerWithLongHistory(dataDir(), path, () => FIXED_NOW);
  return path;
}

/** Settles when the daily copy's temporary file appears: the thread is then inside VACUUM INTO. */
function copyStarted(): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(backupDir, (_event, name) => {
      if (!name?.endsWith('.tmp')) return;
      watcher.close();
      resolve();
    });
  });
}

/** The files this process holds open under `prefix` (Linux's /proc; elsewhere none can be listed). */
function openHandles(prefix: string): string[] {
  if (!existsSync('/proc/self/fd')) return [];
  const held: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(prefix)) held.push(target);
    } catch {
      // The descriptor readdir itself used, already closed.
    }
  }
  return held;
}

describe('the day’s work on its own thread', () => {
  test('the same outcomes: made once a day, then skipped; the copy is checked, named and recorded', async () => {
    const path = ledger();
    const ctx = context();
    openLedgerAt(ctx, path);
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: 'ok', backup: 'made' });
    expect(backupFiles()).toEqual([expect.stringMatching(/^长乐镇-20261121-\d{6}-每日\.yqyc$/)]);
    expect(checkStateOf(dataDir(), path)).toMatchObject({
      checkedOn: '2026-11-21',
      problem: null,
      backedUpOn: '2026-11-21',
    });
    const copy = openReadOnlyFile(join(backupDir, backupFiles()[0]!));
    expect(copy.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 60 });
    copy.close();

    openLedgerAt(ctx, path);
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: null, backup: 'skipped' });
    expect(backupFiles()).toHaveLength(1);
  });

  test('a copy that fails on the thread is reported failed; the ledger stays writable and nothing is listed', async () => {
    const path = ledger();
    const ctx = context();
    openLedgerAt(ctx, path);
    // Something already sits where the thread writes its copy (the name is the one daily.ts will pick).
    const tmpPath = tmpCopyPath(backupSpot(dataDir(), path, 'daily', FIXED_NOW).target);
    mkdirSync(join(tmpPath, 'occupied'), { recursive: true });

    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: 'ok', backup: 'failed' });
    expect(backupFiles().filter((f) => f.endsWith('.yqyc'))).toEqual([]);
    expect(checkStateOf(dataDir(), path).backedUpOn).toBeUndefined();
    const current = valueOf<OpenLedger>(await invoke(ctx, 'ledgers:current', {}));
    expect(current).toMatchObject({ readOnly: false, damaged: null });
    const settings = { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委', superiorUnit: '县委组织部' };
    valueOf(await invoke(ctx, 'settings:update', { settings }));
  });

  test('an encrypted ledger’s daily copy is made under the same key: it opens with the password and the recovery key only', async () => {
    const path = ledger();
    const ctx = context();
    openLedgerAt(ctx, path);
    const password = 'daily-thread-9';
    const change = valueOf<PasswordChange>(await invoke(ctx, 'ledgers:setPassword', { password, confirm: password }));
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: 'ok', backup: 'made' });

    const daily = backupFiles().find((f) => f.endsWith('-每日.yqyc'));
    expect(daily).toBeDefined();
    const copyPath = join(backupDir, daily!);
    for (const key of [password, change.recoveryKey!]) {
      const copy = openReadOnlyFile(copyPath, key);
      expect(copy.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 60 });
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      copy.close();
    }
    expect(() => openReadOnlyFile(copyPath)).toThrow('台账已加密');
    expect(() => openReadOnlyFile(copyPath, 'not-the-password')).toThrow('密码不正确');
  });

  test('the core thread answers while the thread copies: a request made then resolves before the day’s work does', async () => {
    const path = bigLedger();
    const ctx = context();
    openLedgerAt(ctx, path);
    const order: string[] = [];
    const copying = copyStarted();
    const daily = settleDaily(ctx.requireLedger()).then((outcome) => {
      order.push('daily');
      return outcome;
    });
    await copying;
    const stats = invoke(ctx, 'stats:report', {}).then((result) => {
      order.push('stats');
      return result;
    });
    const [outcome, report] = await Promise.all([daily, stats]);
    // On the core thread the whole check and copy ran before anything else could: 'daily' came first.
    expect(order).toEqual(['stats', 'daily']);
    expect(valueOf<StatsReport>(report).indicators.length).toBeGreaterThan(0);
    expect(outcome).toEqual({ check: 'ok', backup: 'made' });
  });
});

describe('closing or replacing the ledger while the day’s work runs', () => {
  /** Starts the day's work on a big ledger and returns once its copy is being written, with the work's outcome. */
  async function whileCopying(ctx: CoreContext, path: string): Promise<{ daily: Promise<DailyOutcome | null> }> {
    openLedgerAt(ctx, path);
    const copying = copyStarted();
    // Wrapped: an async function returning the promise itself would wait for it.
    const daily = settleDaily(ctx.requireLedger());
    await copying;
    return { daily };
  }

  test.each([
    ['关闭台账', 'ledgers:close'],
    ['打开另一个台账', 'ledgers:openFile'],
  ])(
    '%s: the work stops, no copy is left, nothing holds the file, and it can be renamed at once',
    async (_, channel) => {
      const path = bigLedger();
      const other = ledger('别的镇');
      const ctx = context();
      const { daily } = await whileCopying(ctx, path);
      const payload = channel === 'ledgers:openFile' ? { fileRef: ctx.files.grant(other, 'open') } : {};
      valueOf(await invoke(ctx, channel, payload));

      // Nothing is held the moment the request has answered: no thread's connection, no copy half written.
      expect(openHandles(path)).toEqual([]);
      expect(backupFiles()).toEqual([]);
      // The ledger's own connection was the last one, so its close folded the log back into the file.
      expect(existsSync(`${path}-wal`)).toBe(false);
      const moved = join(tmp.dir(), '改名后.yqyc');
      renameSync(path, moved);
      // The check had finished (and is on record); the copy was dropped.
      expect(await daily).toEqual({ check: 'ok', backup: 'skipped' });
      expect(checkStateOf(dataDir(), path)).toMatchObject({ checkedOn: '2026-11-21', problem: null });
      expect(checkStateOf(dataDir(), path).backedUpOn).toBeUndefined();
      const reopened = openReadOnlyFile(moved);
      expect(reopened.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 60 });
      reopened.close();
    },
  );

  test('设置密码: the file is replaced by its rekeyed copy only after the work stopped; no handle on the old file is left', async () => {
    const path = bigLedger();
    const ctx = context();
    const { daily } = await whileCopying(ctx, path);
    const password = 'daily-thread-9';
    valueOf<PasswordChange>(await invoke(ctx, 'ledgers:setPassword', { password, confirm: password }));

    // The replaced file would show as "… (deleted)" had any connection kept it open.
    expect(openHandles(path).filter((f) => f.includes('(deleted)'))).toEqual([]);
    expect(backupFiles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(backupFiles()).toEqual([expect.stringMatching(/-加密前\.yqyc$/)]);
    expect(await daily).toEqual({ check: 'ok', backup: 'skipped' });
    // The rekeyed ledger is the open one, and its own day's work backs it up.
    expect(valueOf<OpenLedger>(await invoke(ctx, 'ledgers:current', {})).encrypted).toBe(true);
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: null, backup: 'made' });
  });

  test('an operation refused (锁定 without a password) lets the same ledger’s work run again afterwards', async () => {
    const path = bigLedger();
    const ctx = context();
    const { daily } = await whileCopying(ctx, path);
    const session = ctx.requireLedger();
    const refused = await invoke(ctx, 'ledgers:lock', {});
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
    expect(await daily).toEqual({ check: 'ok', backup: 'skipped' });
    expect(backupFiles()).toEqual([]);
    // Stopped for the lock, then scheduled again: the check is on record, the backup follows.
    expect(ctx.requireLedger()).toBe(session);
    expect(await settleDaily(session)).toEqual({ check: null, backup: 'made' });
    expect(backupFiles()).toEqual([expect.stringMatching(/-每日\.yqyc$/)]);
  });

  test('one refused before the work started leaves its timer armed again', async () => {
    const path = ledger();
    const ctx = context();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      openLedgerAt(ctx, path);
      expect(vi.getTimerCount()).toBe(1);
      const refused = await invoke(ctx, 'ledgers:removePassword', { password: 'whatever-1' });
      expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
      expect(vi.getTimerCount()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
