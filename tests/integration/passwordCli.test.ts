import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { keyOf, openReadOnlyFile } from '../../electron/core/db/open';
import { npmCli } from './cliRun';
import { startsPlain } from './encryptionSetup';
import { FIXED_NOW, useTempDir } from './helpers';
import { sampleLedger } from './integritySetup';

/** `yiqiyice password set|change|remove`: passwords from files only, the recovery key printed once, refusals in Chinese. */
const tmp = useTempDir('yiqiyice-password-cli-');
let path: string;
const dataDir = () => join(tmp.dir(), 'data');
const RECOVERY_KEY = /([0-9A-F]{8}-){7}[0-9A-F]{8}/;

/** The environment without a password of its own, and with the backups in the temp folder. */
const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, YIQIYICE_BACKUP_DIR: join(tmp.dir(), 'backups') };
  delete e.YIQIYICE_PASSWORD;
  return e;
};
const secretFile = (name: string, text: string): string => {
  const file = join(tmp.dir(), name);
  writeFileSync(file, `${text}\n`);
  return file;
};
/** Does this secret open the ledger file (and is it encrypted at all)? */
const opensWith = (secret: string): boolean => {
  try {
    const db = openReadOnlyFile(path, secret);
    const encrypted = keyOf(db) !== null;
    db.close();
    return encrypted;
  } catch {
    return false;
  }
};

beforeEach(() => {
  path = join(tmp.dir(), '长乐镇.yqyc');
  sampleLedger(dataDir(), path, () => FIXED_NOW);
});

test(
  'set → change with the recovery key → remove, each through the real command line',
  { timeout: 120_000 },
  async () => {
    const first = secretFile('新密码.txt', 'chang-le-2026');
    const set = await npmCli(
      ['password', 'set', '--ledger', path, '--new-password-file', first, '--json'],
      dataDir(),
      env(),
    );
    expect(set.stderr).not.toContain('错误');
    expect(set.code).toBe(0);
    const json = JSON.parse(set.stdout) as {
      file: string;
      encrypted: boolean;
      recoveryKey: string;
      backup: { name: string };
    };
    expect(json).toMatchObject({ file: path, encrypted: true });
    expect(json.recoveryKey).toMatch(new RegExp(`^${RECOVERY_KEY.source}$`));
    expect(json.backup.name).toMatch(/\.yqyc$/);
    expect(startsPlain(path)).toBe(false);
    expect(opensWith('chang-le-2026')).toBe(true);
    expect(opensWith(json.recoveryKey)).toBe(true);

    // 修改密码 with the recovery key as the current one: the new key is printed with the warning.
    const second = secretFile('第二个密码.txt', 'xin-mi-ma-2027');
    const change = await npmCli(
      [
        'password',
        'change',
        '--ledger',
        path,
        '--password-file',
        secretFile('钥匙.txt', json.recoveryKey),
        '--new-password-file',
        second,
      ],
      dataDir(),
      env(),
    );
    expect(change.code).toBe(0);
    expect(change.stdout).toContain('已修改密码');
    expect(change.stdout).toContain('密码一旦遗忘将无法找回，台账也无法打开。请务必打印恢复密钥并与电脑分开妥善保管。');
    const newKey = RECOVERY_KEY.exec(change.stdout)?.[0];
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(json.recoveryKey);
    expect(opensWith('xin-mi-ma-2027')).toBe(true);
    expect(opensWith('chang-le-2026')).toBe(false);
    expect(opensWith(json.recoveryKey)).toBe(false);

    // 取消密码 with the current password from YIQIYICE_PASSWORD.
    const remove = await npmCli(['password', 'remove', '--ledger', path, '--json'], dataDir(), {
      ...env(),
      YIQIYICE_PASSWORD: 'xin-mi-ma-2027',
    });
    expect(remove.code).toBe(0);
    expect(JSON.parse(remove.stdout)).toMatchObject({ file: path, encrypted: false, recoveryKey: null });
    expect(startsPlain(path)).toBe(true);
  },
);

test(
  'refusals: no new-password file, a weak new password, a wrong current one, a password as an argument',
  { timeout: 120_000 },
  async () => {
    const before = readFileSync(path);

    const noFile = await npmCli(
      ['password', 'set', '--ledger', path, '--new-password-file', join(tmp.dir(), '没有这个文件.txt')],
      dataDir(),
      env(),
    );
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('无法读取密码文件');
    expect(noFile.stderr).toContain('文件不存在');

    const weak = await npmCli(
      ['password', 'set', '--ledger', path, '--new-password-file', secretFile('弱.txt', '20261121')],
      dataDir(),
      env(),
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('新密码不能全是数字');
    expect(startsPlain(path)).toBe(true);

    const asArgument = await npmCli(
      ['password', 'set', '--ledger', path, '--password', 'chang-le-2026'],
      dataDir(),
      env(),
    );
    expect(asArgument.code).toBe(2);
    expect(asArgument.stderr).toContain('参数错误');

    const noAction = await npmCli(['password', '--ledger', path], dataDir(), env());
    expect(noAction.code).toBe(2);
    expect(noAction.stderr).toContain('用法：yiqiyice password set|change|remove');
    expect(readFileSync(path).equals(before)).toBe(true);

    // Now encrypted: a wrong current password changes nothing.
    await npmCli(
      ['password', 'set', '--ledger', path, '--new-password-file', secretFile('新.txt', 'chang-le-2026')],
      dataDir(),
      env(),
    );
    const encrypted = readFileSync(path);
    const wrong = await npmCli(
      [
        'password',
        'change',
        '--ledger',
        path,
        '--password-file',
        secretFile('错.txt', 'not-the-one'),
        '--new-password-file',
        secretFile('再.txt', 'another-one-1'),
      ],
      dataDir(),
      env(),
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('密码不正确');
    expect(readFileSync(path).equals(encrypted)).toBe(true);
    expect(opensWith('chang-le-2026')).toBe(true);
  },
);
