import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { PasswordChange } from '../../shared/ipc/encryption';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { LockSettings, LockStatus } from '../../shared/ipc/lock';
import { CoreContext } from '../../electron/core/app/context';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { lockLedger } from '../../electron/core/services/lock';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import { FIXED_NOW, useTempDir } from './helpers';
import { errorOf, valueOf } from './encryptionSetup';

/** 锁定 / 解锁 (issue 10): the key leaves the core, every ledger channel answers LOCKED until the password reopens it. */
const tmp = useTempDir('yiqiyice-lock-');
const savedEnv = process.env.YIQIYICE_BACKUP_DIR;
let core: CoreClient;
let path: string;
let recoveryKey: string;
const dataDir = () => join(tmp.dir(), 'data');
const call = <T>(channel: string, payload: unknown = {}) => valueOf<T>(core, channel, payload);
const refusal = (channel: string, payload: unknown = {}) => errorOf(core, channel, payload);
const PASSWORD = 'chang-le-2026';

beforeEach(async () => {
  process.env.YIQIYICE_BACKUP_DIR = join(tmp.dir(), 'backups');
  path = join(tmp.dir(), '长乐镇.yqyc');
  core = inProcessCore({ dataDir: dataDir(), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  await call('ledgers:createSample', { enterprises: 20, seed: 5, target: await core.grant(path, 'create') });
  const change = await call<PasswordChange>('ledgers:setPassword', { password: PASSWORD, confirm: PASSWORD });
  recoveryKey = change.recoveryKey!;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
  else process.env.YIQIYICE_BACKUP_DIR = savedEnv;
});

const firstNames = async () =>
  (await call<{ rows: { name: string }[] }>('enterprises:list', { query: {}, offset: 0, limit: 3 })).rows.map(
    (r) => r.name,
  );

test('locked: lists are refused with LOCKED, a wrong password keeps it locked, the right one reads the data back', async () => {
  const before = await firstNames();
  expect(before).toHaveLength(3);

  expect(await call('ledgers:lock')).toBeNull();
  const refused = await refusal('enterprises:list', { query: {}, offset: 0, limit: 3 });
  expect(refused).toMatchObject({ code: 'LOCKED', message: '台账已锁定，请输入密码解锁' });
  expect(await refusal('ledgers:current')).toMatchObject({ code: 'LOCKED' });
  expect(await refusal('ledgers:setPassword', { password: 'another-pass-1', confirm: 'another-pass-1' })).toMatchObject(
    { code: 'LOCKED' },
  );
  expect(await call<LockStatus>('lock:status')).toEqual({ township: expect.any(String), fileName: '长乐镇.yqyc' });

  const wrong = await refusal('ledgers:unlock', { password: 'not-the-password' });
  expect(wrong).toMatchObject({ code: 'PASSWORD', message: '密码不正确' });
  expect((await refusal('enterprises:list', { query: {}, offset: 0, limit: 3 })).code).toBe('LOCKED');

  const opened = await call<OpenLedger>('ledgers:unlock', { password: PASSWORD });
  expect(opened).toMatchObject({ fileName: '长乐镇.yqyc', encrypted: true, readOnly: false });
  expect(await firstNames()).toEqual(before);
  expect(await call('lock:status')).toBeNull();
});

test('the recovery key unlocks too, and data written before the lock is there after it', async () => {
  await call('settings:update', {
    settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
  });
  await call('ledgers:lock');
  const opened = await call<OpenLedger>('ledgers:unlock', { password: recoveryKey });
  expect(opened.settings.committee).toBe('中共长乐镇委员会');
  expect(opened.encrypted).toBe(true);
});

test('the lock closes the connection: the file is released and nothing of the key stays in the session', async () => {
  await call('ledgers:lock');
  // No open-marker is left beside the file: the writer closed cleanly.
  expect(() => readFileSync(`${path}.open`)).toThrow();
  expect(await refusal('ledgers:summary')).toMatchObject({ code: 'LOCKED' });
});

test('a plain ledger cannot be locked, and says why', async () => {
  await call('ledgers:removePassword', { password: PASSWORD });
  const refused = await refusal('ledgers:lock');
  expect(refused.code).toBe('CONFLICT');
  expect(refused.message).toContain('没有设置密码，无法锁定');
  expect(await firstNames()).toHaveLength(3);
});

test('closing, or opening another ledger, while locked works and ends the lock', async () => {
  await call('ledgers:lock');
  expect(await call('ledgers:close')).toBeNull();
  expect(await call('ledgers:current')).toBeNull();
  expect(await refusal('enterprises:list', { query: {}, offset: 0, limit: 3 })).toMatchObject({ code: 'NO_LEDGER' });
  expect(await refusal('ledgers:unlock', { password: PASSWORD })).toMatchObject({ code: 'NO_LEDGER' });

  await call('ledgers:openFile', { fileRef: await core.grant(path, 'open'), password: PASSWORD });
  await call('ledgers:lock');
  const other = join(tmp.dir(), '另一个.yqyc');
  const opened = await call<OpenLedger>('ledgers:createSample', {
    enterprises: 5,
    seed: 9,
    target: await core.grant(other, 'create'),
  });
  expect(opened.fileName).toBe('另一个.yqyc');
  expect(await call('lock:status')).toBeNull();
  expect(await firstNames()).toHaveLength(3);
});

test('the idle time is this PC’s setting: 15 minutes by default, 0–240 accepted, anything else refused in Chinese', async () => {
  expect(await call<LockSettings>('lock:getSettings')).toEqual({ idleMinutes: 15 });
  expect(await call<LockSettings>('lock:saveSettings', { idleMinutes: 0 })).toEqual({ idleMinutes: 0 });
  const tooLong = await refusal('lock:saveSettings', { idleMinutes: 241 });
  expect(tooLong.code).toBe('VALIDATION');
  expect(tooLong.message).toContain('自动锁定时间不能超过 240 分钟');
  expect((await refusal('lock:saveSettings', { idleMinutes: 2.5 })).message).toContain('整数');
  expect(await call<LockSettings>('lock:getSettings')).toEqual({ idleMinutes: 0 });
  const file = JSON.parse(readFileSync(join(dataDir(), 'app-settings.json'), 'utf8')) as { lock: LockSettings };
  expect(file.lock).toEqual({ idleMinutes: 0 });
});

test('a lock waits for a running import or export: refused with BUSY while one runs, accepted after', async () => {
  await call('ledgers:close');
  const ctx = new CoreContext({ dataDir: join(tmp.dir(), 'data-busy'), now: () => FIXED_NOW });
  tmp.onCleanup(() => ctx.close());
  openLedgerAt(ctx, path, false, PASSWORD);
  let finish!: () => void;
  const job = ctx.jobs.run('import-1', () => new Promise<void>((resolve) => (finish = resolve)));

  expect(() => lockLedger(ctx)).toThrow(
    expect.objectContaining({ code: 'BUSY', message: '正在导入、导出或打印，完成后才能锁定' }),
  );
  expect(ctx.ledger?.db.open).toBe(true);
  finish();
  await job;
  expect(lockLedger(ctx)).toBeNull();
  expect(ctx.ledger).toBeNull();
});
