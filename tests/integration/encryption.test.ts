import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BackupItem, RestoreResult } from '../../shared/ipc/backups';
import type { PasswordChange } from '../../shared/ipc/encryption';
import type { LedgerCheck, OpenLedger } from '../../shared/ipc/ledgers';
import { CoreContext } from '../../electron/core/app/context';
import { keyOf, openReadOnlyFile } from '../../electron/core/db/open';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { ledgersDirOf } from '../../electron/core/app/dataDir';
import { checkStateOf } from '../../electron/core/ledger/integrity';
import { setPassword } from '../../electron/core/services/encryption';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import { FIXED_NOW, useTempDir } from './helpers';
import { errorOf, fileContains, killDuringSetPassword, startsPlain, valueOf } from './encryptionSetup';

/** Issue 10's round trip: set a password, reopen right and wrong, change it, remove it, back up and restore. */
const tmp = useTempDir('yiqiyice-enc-');
const savedEnv = process.env.YIQIYICE_BACKUP_DIR;
let core: CoreClient;
let path: string;
let enterpriseName: string;
const dataDir = () => join(tmp.dir(), 'data');
const backupDir = () => join(tmp.dir(), 'backups');
const call = <T>(channel: string, payload: unknown = {}) => valueOf<T>(core, channel, payload);
const refusal = (channel: string, payload: unknown = {}) => errorOf(core, channel, payload);
const openFile = async (password?: string) =>
  call<OpenLedger>('ledgers:openFile', { fileRef: await core.grant(path, 'open'), password });
const openError = async (password?: string) =>
  refusal('ledgers:openFile', { fileRef: await core.grant(path, 'open'), password });
const RECOVERY_KEY = /^([0-9A-F]{8}-){7}[0-9A-F]{8}$/;

beforeEach(async () => {
  process.env.YIQIYICE_BACKUP_DIR = backupDir();
  path = join(tmp.dir(), '长乐镇.yqyc');
  core = inProcessCore({ dataDir: dataDir(), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  await call('ledgers:createSample', { enterprises: 30, seed: 3, target: await core.grant(path, 'create') });
  await call('ledgers:close');
  const db = new Database(path, { readonly: true });
  enterpriseName = (db.prepare('SELECT name FROM enterprises ORDER BY id LIMIT 1').get() as { name: string }).name;
  db.close();
  expect(fileContains(path, enterpriseName)).toBe(true);
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
  else process.env.YIQIYICE_BACKUP_DIR = savedEnv;
});

describe('setting a password', () => {
  test('encrypts the whole file: no plain header, no enterprise name, a recovery key that opens it', async () => {
    await openFile();
    const set = await call<PasswordChange>('ledgers:setPassword', {
      password: 'chang-le-2026',
      confirm: 'chang-le-2026',
    });
    expect(set.recoveryKey).toMatch(RECOVERY_KEY);
    expect(set.opened.encrypted).toBe(true);
    expect(set.opened.summary.enterprises).toBe(30);
    expect(set.backup.reasonLabel).toBe('加密前');
    await call('ledgers:close');

    for (const file of readdirSync(tmp.dir()).filter((f) => f.startsWith('长乐镇.yqyc'))) {
      expect(fileContains(join(tmp.dir(), file), 'SQLite format 3'), file).toBe(false);
      expect(fileContains(join(tmp.dir(), file), enterpriseName), file).toBe(false);
      expect(fileContains(join(tmp.dir(), file), '长乐镇'), file).toBe(false);
    }
    expect(existsSync(`${path}.rekey.tmp`)).toBe(false);

    const byKey = await openFile(set.recoveryKey!);
    expect(byKey).toMatchObject({ encrypted: true, summary: { enterprises: 30 } });
    // Typed in lower case with spaces instead of dashes, it is the same key.
    await call('ledgers:close');
    expect((await openFile(set.recoveryKey!.toLowerCase().replace(/-/g, ' '))).summary.enterprises).toBe(30);
  });

  test('a missing or wrong password is refused with the reason, and the file is not touched or judged damaged', async () => {
    await openFile();
    await call('ledgers:setPassword', { password: 'chang-le-2026', confirm: 'chang-le-2026' });
    await call('ledgers:close');
    const before = readFileSync(path);

    expect(await openError()).toEqual({ code: 'PASSWORD', message: '台账已加密，请输入密码' });
    expect(await openError('chang-le-2025')).toEqual({ code: 'PASSWORD', message: '密码不正确' });
    const id = (await call<{ id: string }[]>('ledgers:listRecent'))[0]!.id;
    expect(await refusal('ledgers:open', { id })).toMatchObject({
      code: 'PASSWORD',
      message: '台账已加密，请输入密码',
    });
    expect(await refusal('ledgers:check', { fileRef: await core.grant(path, 'open') })).toMatchObject({
      code: 'PASSWORD',
    });

    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.open`)).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(checkStateOf(dataDir(), path).problem ?? null).toBeNull();
    expect(await call<OpenLedger | null>('ledgers:current')).toBeNull();

    const opened = await call<OpenLedger>('ledgers:open', { id, password: 'chang-le-2026' });
    expect(opened).toMatchObject({ encrypted: true, readOnly: false, damaged: null, summary: { enterprises: 30 } });
  });

  test('whole pages of random bytes, given a password, are refused as a wrong password and left untouched', async () => {
    const stray = join(tmp.dir(), '来历不明.yqyc');
    const bytes = randomBytes(8192);
    writeFileSync(stray, bytes);
    const error = await refusal('ledgers:openFile', {
      fileRef: await core.grant(stray, 'open'),
      password: 'chang-le-2026',
    });
    expect(error).toEqual({ code: 'PASSWORD', message: '密码不正确' });
    expect(readFileSync(stray).equals(bytes)).toBe(true);
    expect(readdirSync(tmp.dir()).filter((f) => f.startsWith('来历不明'))).toEqual(['来历不明.yqyc']);
  });

  test('the password rules name the field, and a refused password changes nothing', async () => {
    await openFile();
    const cases: [unknown, string, string][] = [
      [{ password: 'short1', confirm: 'short1' }, 'password', '新密码至少需要 8 个字符'],
      [{ password: '20261121', confirm: '20261121' }, 'password', '新密码不能全是数字，请加入字母或符号'],
      [{ password: 'chang-le-2026', confirm: 'chang-le-2027' }, 'confirm', '两次输入的新密码不一致'],
      [{ confirm: 'chang-le-2026' }, 'password', '请填写新密码'],
    ];
    for (const [payload, field, message] of cases) {
      const error = await refusal('ledgers:setPassword', payload);
      expect(error.code).toBe('VALIDATION');
      expect(error.field).toBe(field);
      expect(error.message).toContain(message);
    }
    expect((await call<OpenLedger>('ledgers:current')).encrypted).toBe(false);
    await call('ledgers:close');
    expect(startsPlain(path)).toBe(true);
    expect(existsSync(backupDir())).toBe(false);
  });

  test('a failure after the encrypted copy is made leaves the ledger exactly as it was', () => {
    const ctx = new CoreContext({ dataDir: dataDir(), now: () => FIXED_NOW });
    tmp.onCleanup(() => ctx.close());
    openLedgerAt(ctx, path);
    const rows = () => ctx.requireLedger().db.prepare('SELECT * FROM enterprises ORDER BY id').all();
    const before = rows();
    expect(() =>
      setPassword(ctx, 'chang-le-2026', {
        beforeSwap: (copy) => {
          expect(existsSync(copy)).toBe(true);
          throw new Error('磁盘已满');
        },
      }),
    ).toThrow('磁盘已满');
    expect(existsSync(`${path}.rekey.tmp`)).toBe(false);
    expect(ctx.requireLedger().key).toBeNull();
    expect(rows()).toEqual(before);
    ctx.close();
    expect(startsPlain(path)).toBe(true);
  });

  test(
    'a process killed with the encrypted copy ready leaves the old ledger whole and unencrypted',
    { timeout: 60_000 },
    async () => {
      const out = await killDuringSetPassword(path, dataDir(), backupDir());
      expect(out).toBe('swapping\n');
      expect(startsPlain(path)).toBe(true);
      // The next open finds the crash marker, runs integrity_check, and clears the stray copy at the next change.
      const opened = await openFile();
      expect(opened).toMatchObject({ encrypted: false, damaged: null, readOnly: false, summary: { enterprises: 30 } });
      const set = await call<PasswordChange>('ledgers:setPassword', {
        password: 'chang-le-2026',
        confirm: 'chang-le-2026',
      });
      expect(set.opened.summary.enterprises).toBe(30);
      expect(existsSync(`${path}.rekey.tmp`)).toBe(false);
    },
  );
});

describe('changing and removing it', () => {
  beforeEach(async () => {
    await openFile();
    await call('ledgers:setPassword', { password: 'chang-le-2026', confirm: 'chang-le-2026' });
  });

  test('change: the old password must be right; afterwards only the new one (or the new recovery key) opens it', async () => {
    const wrong = await refusal('ledgers:changePassword', {
      old: 'nope-nope-1',
      password: 'xin-mi-ma-9',
      confirm: 'xin-mi-ma-9',
    });
    expect(wrong).toMatchObject({ code: 'PASSWORD', message: '原密码不正确', field: 'old' });
    const changed = await call<PasswordChange>('ledgers:changePassword', {
      old: 'chang-le-2026',
      password: 'xin-mi-ma-9',
      confirm: 'xin-mi-ma-9',
    });
    expect(changed.recoveryKey).toMatch(RECOVERY_KEY);
    await call('ledgers:close');
    expect(await openError('chang-le-2026')).toMatchObject({ code: 'PASSWORD', message: '密码不正确' });
    expect((await openFile('xin-mi-ma-9')).summary.enterprises).toBe(30);
    await call('ledgers:close');
    expect((await openFile(changed.recoveryKey!)).encrypted).toBe(true);
    expect(fileContains(path, enterpriseName)).toBe(false);
  });

  test('remove: back to a plain ledger that opens without a password, after a 解密前 backup', async () => {
    expect(await refusal('ledgers:removePassword', { password: 'chang-le-2025' })).toMatchObject({
      code: 'PASSWORD',
      message: '当前密码不正确',
    });
    const removed = await call<PasswordChange>('ledgers:removePassword', { password: 'chang-le-2026' });
    expect(removed).toMatchObject({
      recoveryKey: null,
      opened: { encrypted: false },
      backup: { reasonLabel: '解密前' },
    });
    await call('ledgers:close');
    expect(startsPlain(path)).toBe(true);
    expect((await openFile()).summary.enterprises).toBe(30);
    // The 解密前 backup is the encrypted ledger, and stays encrypted.
    const decryptBackup = join(backupDir(), removed.backup.name);
    expect(startsPlain(decryptBackup)).toBe(false);
  });

  test('setting a password twice is refused; change and remove on a plain ledger are refused', async () => {
    expect(await refusal('ledgers:setPassword', { password: 'another-one-1', confirm: 'another-one-1' })).toMatchObject(
      { code: 'CONFLICT' },
    );
    await call('ledgers:removePassword', { password: 'chang-le-2026' });
    expect(await refusal('ledgers:removePassword', { password: 'chang-le-2026' })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('backups of an encrypted ledger', () => {
  let recoveryKey: string;
  beforeEach(async () => {
    await openFile();
    recoveryKey = (
      await call<PasswordChange>('ledgers:setPassword', { password: 'chang-le-2026', confirm: 'chang-le-2026' })
    ).recoveryKey!;
  });

  test('stay encrypted: no plain header, no names; they open with the password or recovery key, not without', async () => {
    const made = await call<BackupItem & { file: string }>('backups:create');
    expect(startsPlain(made.file)).toBe(false);
    expect(fileContains(made.file, enterpriseName)).toBe(false);
    expect(() => openReadOnlyFile(made.file)).toThrow('台账已加密，请输入密码');
    expect(() => openReadOnlyFile(made.file, 'chang-le-2025')).toThrow('密码不正确');
    for (const secret of ['chang-le-2026', recoveryKey]) {
      const db = openReadOnlyFile(made.file, secret);
      expect(keyOf(db)).not.toBeNull();
      expect(db.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 30 });
      db.close();
    }
  });

  test('restore: a backup under the current password restores as is; one under an old password asks for it', async () => {
    // Every backup here is taken in the same second: keep them all, so rotation does not thin out the one restored.
    await call('backups:saveSettings', { keepToday: 50, maxTotal: 200 });
    const underFirst = await call<BackupItem & { file: string }>('backups:create');
    expect((await call<RestoreResult>('backups:restore', { name: underFirst.name })).opened.encrypted).toBe(true);
    await call('ledgers:changePassword', { old: 'chang-le-2026', password: 'xin-mi-ma-9', confirm: 'xin-mi-ma-9' });

    const asked = await refusal('backups:restore', { name: underFirst.name });
    expect(asked.code).toBe('PASSWORD');
    expect(asked.message).toContain('请输入备份时台账使用的密码');
    expect(await refusal('backups:restore', { name: underFirst.name, password: 'wrong-pass-1' })).toMatchObject({
      code: 'PASSWORD',
      message: '备份文件的密码不正确',
    });
    expect((await call<OpenLedger>('ledgers:current')).encrypted).toBe(true);

    const restored = await call<RestoreResult>('backups:restore', { name: underFirst.name, password: 'chang-le-2026' });
    expect(restored.opened).toMatchObject({ encrypted: true, summary: { enterprises: 30 } });
    expect(restored.safetyBackup?.reasonLabel).toBe('恢复前');
    await call('ledgers:close');
    // The ledger is now that backup: its password again, not the newer one.
    expect(await openError('xin-mi-ma-9')).toMatchObject({ code: 'PASSWORD' });
    expect((await openFile('chang-le-2026')).summary.enterprises).toBe(30);
  });

  test('复制到本机 copies an encrypted ledger encrypted, and opens the copy with the same password', async () => {
    await call('ledgers:close');
    const fileRef = await core.grant(path, 'open');
    expect(await refusal('ledgers:copyToLocal', { fileRef })).toMatchObject({ code: 'PASSWORD' });
    const copied = await call<OpenLedger>('ledgers:copyToLocal', {
      fileRef: await core.grant(path, 'open'),
      password: 'chang-le-2026',
    });
    expect(copied).toMatchObject({ encrypted: true, summary: { enterprises: 30 } });
    const copy = join(ledgersDirOf(dataDir()), copied.fileName);
    expect(startsPlain(copy)).toBe(false);
    expect(fileContains(copy, enterpriseName)).toBe(false);
  });

  test('check: the full integrity check runs given the password and reports the ledger encrypted', async () => {
    await call('ledgers:close');
    const check = await call<LedgerCheck>('ledgers:check', {
      fileRef: await core.grant(path, 'open'),
      password: 'chang-le-2026',
    });
    expect(check).toMatchObject({ integrity: 'ok', encrypted: true });
    expect(check.backups).toBeGreaterThan(0);
  });
});
