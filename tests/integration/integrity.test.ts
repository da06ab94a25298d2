import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CoreContext } from '../../electron/core/app/context';
import { invoke } from '../../electron/core/invoke';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { DAILY_DELAY_MS, settleDaily } from '../../electron/core/ledger/daily';
import { checkStateOf } from '../../electron/core/ledger/integrity';
import { markerPath } from '../../electron/core/ledger/marker';
import { openLedgerSession } from '../../electron/core/ledger/session';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import {
  corruptIndexPage,
  corruptSchemaPage,
  killWriterWhileOpen,
  previousVersionLedger,
  sampleLedger,
} from './integritySetup';
import { FIXED_NOW, useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
let now: Date;
let backupDir: string;
const savedEnv = process.env.YIQIYICE_BACKUP_DIR;

beforeEach(() => {
  now = FIXED_NOW;
  backupDir = join(tmp.dir(), 'backups');
  process.env.YIQIYICE_BACKUP_DIR = backupDir;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
  else process.env.YIQIYICE_BACKUP_DIR = savedEnv;
});

const dataDir = () => join(tmp.dir(), 'data');
function context(): CoreContext {
  const ctx = new CoreContext({ dataDir: dataDir(), now: () => now, actor: '测试员' });
  tmp.onCleanup(() => ctx.close());
  return ctx;
}
const OTHER_SETTINGS = { township: '别的镇', committee: '中共别的镇委员会', docCode: '别委' };
const backups = () => (existsSync(backupDir) ? readdirSync(backupDir).filter((f) => f.endsWith('.yqyc')) : []);

function ledger(): string {
  const path = join(tmp.dir(), '长乐镇.yqyc');
  sampleLedger(dataDir(), path, () => now);
  return path;
}

describe('a ledger with a damaged page', () => {
  test('the background quick_check finds it: read-only from then on, the newest backup offered, nothing deleted', async () => {
    const path = ledger();
    const first = context();
    openLedgerAt(first, path);
    const made = valueOf<{ name: string }>(await invoke(first, 'backups:create', {}));
    first.close();
    corruptIndexPage(path);
    const damagedBytes = readFileSync(path);

    const ctx = context();
    const opened = openLedgerAt(ctx, path);
    // The first screen is not held up: the check has not run yet when the open answers.
    expect(opened.damaged).toBeNull();
    expect(opened.readOnly).toBe(false);
    const outcome = await settleDaily(ctx.requireLedger());
    expect(outcome?.check).not.toBe('ok');
    expect(outcome?.backup).toBe('skipped');

    const now_ = valueOf<OpenLedger>(await invoke(ctx, 'ledgers:current', {}));
    expect(now_.readOnly).toBe(true);
    expect(now_.damaged?.newestBackup).toBe(made.name);
    expect(now_.damaged?.message).toContain('台账文件已损坏');
    expect(now_.damaged?.message).toContain(`恢复最新的备份“${made.name}”`);
    expect(now_.damaged?.message).toContain('原文件不会被删除');
    const write = await invoke(ctx, 'settings:update', { settings: OTHER_SETTINGS });
    expect(write.ok ? null : write.error.code).toBe('READ_ONLY');
    // The damaged ledger was not backed up over the good copy.
    expect(backups()).toEqual([made.name]);
    ctx.close();
    expect(readFileSync(path).equals(damagedBytes)).toBe(true);

    // Remembered: the next open checks fully before use and opens read-only straight away.
    const again = openLedgerAt(context(), path);
    expect(again.readOnly).toBe(true);
    expect(again.damaged?.newestBackup).toBe(made.name);
  });

  test('with no backup at all the clerk is told so, and the file is kept', async () => {
    const path = ledger();
    corruptIndexPage(path);
    const ctx = context();
    openLedgerAt(ctx, path);
    await settleDaily(ctx.requireLedger());
    const current = valueOf<OpenLedger>(await invoke(ctx, 'ledgers:current', {}));
    expect(current.damaged).toEqual({ message: expect.stringContaining('没有找到这个台账的备份'), newestBackup: null });
    expect(existsSync(path)).toBe(true);
  });
});

describe('a ledger SQLite cannot read at all', () => {
  test('is refused with DAMAGED naming the newest backup, not a stack; the file is kept as it was', async () => {
    const path = ledger();
    const first = context();
    openLedgerAt(first, path);
    const made = valueOf<{ name: string }>(await invoke(first, 'backups:create', {}));
    first.close();
    corruptSchemaPage(path);
    const bytes = readFileSync(path);

    const ctx = context();
    const result = await invoke(ctx, 'ledgers:openFile', { fileRef: ctx.files.grant(path, 'open') });
    expect(result.ok ? null : result.error.code).toBe('DAMAGED');
    if (result.ok) return;
    expect(result.error.message).toContain('台账文件已损坏');
    expect(result.error.message).toContain('文件已无法打开');
    expect(result.error.message).toContain(made.name);
    expect(result.error.message).not.toMatch(/\n\s+at |SqliteError/);
    expect(ctx.ledger).toBeNull();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(markerPath(path))).toBe(false);
  });
});

describe('after an unclean shutdown', () => {
  test('a writer killed with the ledger open leaves its marker; the next open runs integrity_check before use', async () => {
    const path = ledger();
    const pid = await killWriterWhileOpen(path);
    expect(readFileSync(markerPath(path), 'utf8')).toBe(String(pid));

    const ctx = context();
    const opened = openLedgerAt(ctx, path);
    expect(ctx.requireLedger().uncleanShutdown).toBe(true);
    // The check ran during the open and is on record for today, so the background does not repeat it.
    expect(checkStateOf(dataDir(), path)).toMatchObject({ checkedOn: '2026-11-21', problem: null });
    expect(opened.damaged).toBeNull();
    expect(opened.readOnly).toBe(false);
    // The killed writer's acknowledged commit survived in the log.
    expect(opened.settings.superiorUnit).toBe('县委组织部');
    expect(readFileSync(markerPath(path), 'utf8')).toBe(String(process.pid));
    expect((await settleDaily(ctx.requireLedger()))?.check).toBeNull();

    ctx.close();
    expect(existsSync(markerPath(path))).toBe(false);
    expect(openLedgerSession(path, { readOnly: true }).uncleanShutdown).toBe(false);
  });

  test('a damaged ledger left by a crash opens read-only at once, before any screen reads it', async () => {
    const path = ledger();
    await killWriterWhileOpen(path);
    corruptIndexPage(path);
    const opened = openLedgerAt(context(), path);
    expect(opened.readOnly).toBe(true);
    expect(opened.damaged?.message).toContain('只读');
    expect(checkStateOf(dataDir(), path).problem).toBeTruthy();
  });
});

describe('a damaged ledger from the previous version', () => {
  test('is neither backed up nor migrated: DAMAGED, and the file stays at its version', async () => {
    const path = join(tmp.dir(), '旧台账.yqyc');
    const version = previousVersionLedger(path);
    // The marker a killed writer of another ledger left, moved beside this one: its process is gone.
    const other = ledger();
    await killWriterWhileOpen(other);
    renameSync(markerPath(other), markerPath(path));
    corruptIndexPage(path);

    const ctx = context();
    const result = await invoke(ctx, 'ledgers:openFile', { fileRef: ctx.files.grant(path, 'open') });
    expect(result.ok ? null : result.error.code).toBe('DAMAGED');
    expect(backups()).toEqual([]);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    raw.close();
  });
});

describe('automatic backups', () => {
  test('an older ledger is backed up (as it was) before it is migrated', () => {
    const path = join(tmp.dir(), '旧台账.yqyc');
    const before = previousVersionLedger(path);
    expect(before).toBe(LATEST_SCHEMA_VERSION - 1);

    const opened = openLedgerAt(context(), path);
    expect(opened.summary.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const made = backups();
    expect(made).toEqual([expect.stringMatching(/^旧台账-20261121-\d{6}-升级前\.yqyc$/)]);
    const copy = new Database(join(backupDir, made[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(before);
    copy.close();
  });

  test('the first open of a day makes the daily backup once; the next day makes another', async () => {
    const path = ledger();
    const ctx = context();
    openLedgerAt(ctx, path);
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: 'ok', backup: 'made' });
    expect(backups()).toEqual([expect.stringMatching(/^长乐镇-20261121-\d{6}-每日\.yqyc$/)]);

    openLedgerAt(ctx, path);
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: null, backup: 'skipped' });
    expect(backups()).toHaveLength(1);

    now = new Date('2026-11-22T08:00:00Z');
    openLedgerAt(ctx, path);
    expect(await settleDaily(ctx.requireLedger())).toEqual({ check: 'ok', backup: 'made' });
    expect(backups()).toHaveLength(2);
  });

  test('the day’s check waits while a long job (an import) holds its write transaction open', async () => {
    const path = ledger();
    const ctx = context();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      openLedgerAt(ctx, path);
      const session = ctx.requireLedger();
      session.db.exec('BEGIN IMMEDIATE');
      vi.advanceTimersByTime(60_000);
      // Not started while the transaction is open (its timer is armed again each time), so nothing is checked.
      expect(vi.getTimerCount()).toBe(1);
      expect(checkStateOf(dataDir(), path).checkedOn).not.toBe('2026-11-21');
      session.db.exec('COMMIT');
      // Not the moment the job ends: what follows it (the screens' re-reading, the command line's exit) goes first.
      vi.advanceTimersByTime(DAILY_DELAY_MS);
      expect(vi.getTimerCount()).toBe(1);
      expect(backups()).toEqual([]);
      // A full delay later it starts by itself (no timer is left waiting); settleDaily awaits that run.
      vi.advanceTimersByTime(DAILY_DELAY_MS);
      expect(vi.getTimerCount()).toBe(0);
      expect(await settleDaily(session)).toEqual({ check: 'ok', backup: 'made' });
      expect(backups()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a ledger closed before the background work starts is neither checked nor backed up', async () => {
    const path = ledger();
    const ctx = context();
    openLedgerAt(ctx, path);
    const session = ctx.requireLedger();
    ctx.close();
    expect(await settleDaily(session)).toEqual({ check: null, backup: 'skipped' });
    expect(backups()).toEqual([]);
  });
});

describe('a ledger from a newer program', () => {
  test('is refused for writing: read-only, not damaged, no backup or migration', async () => {
    const path = ledger();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const ctx = context();
    const opened = openLedgerAt(ctx, path);
    expect(opened).toMatchObject({ readOnly: true, damaged: null });
    expect(opened.notice).toContain('较新版本');
    const write = await invoke(ctx, 'settings:update', { settings: OTHER_SETTINGS });
    expect(write.ok ? null : write.error.code).toBe('READ_ONLY');
    await settleDaily(ctx.requireLedger());
    expect(backups()).toEqual([]);
    expect(existsSync(markerPath(path))).toBe(false);
  });
});

describe('network and cloud-sync locations', () => {
  test('a ledger in a OneDrive folder is refused with the reason, then copied to the local folder on request', async () => {
    const cloud = join(tmp.dir(), 'OneDrive - 长乐镇政府', '台账');
    mkdirSync(cloud, { recursive: true });
    const path = join(cloud, '长乐镇.yqyc');
    // Made locally and moved there, as a clerk's sync client would have put it.
    copyFileSync(ledger(), path);
    const original = readFileSync(path);

    const ctx = context();
    const fileRef = ctx.files.grant(path, 'open');
    const refused = await invoke(ctx, 'ledgers:openFile', { fileRef });
    expect(refused).toEqual({ ok: false, error: { code: 'UNSAFE_LOCATION', message: expect.any(String) } });
    if (refused.ok) return;
    expect(refused.error.message).toContain('OneDrive');
    expect(refused.error.message).toContain('文件锁不可靠');
    expect(refused.error.message).toContain('复制到本机');
    expect(ctx.ledger).toBeNull();

    const copied = valueOf<OpenLedger>(await invoke(ctx, 'ledgers:copyToLocal', { fileRef }));
    expect(copied.settings.township).toBe('长乐镇');
    expect(copied.summary.enterprises).toBe(60);
    expect(ctx.requireLedger().path).toBe(join(ctx.ledgersDir, '长乐镇.yqyc'));
    expect(readFileSync(path).equals(original)).toBe(true);
  });

  test('a new ledger is not created in a sync folder either', async () => {
    const cloud = join(tmp.dir(), '坚果云');
    mkdirSync(cloud);
    const ctx = context();
    const target = ctx.files.grant(join(cloud, '新台账.yqyc'), 'create');
    const settings = { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' };
    const result = await invoke(ctx, 'ledgers:create', { settings, target });
    expect(result.ok ? null : result.error.code).toBe('UNSAFE_LOCATION');
    expect(readdirSync(cloud)).toEqual([]);
  });
});
