import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PasswordChange } from '../../shared/ipc/encryption';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { looksEncrypted } from '../../electron/core/db/fileHeader';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { FIXED_NOW, useTempDir } from './helpers';
import { errorOf, valueOf } from './encryptionSetup';

/**
 * The two cases SQLite reports alike: a file that is not an encrypted ledger at all, and an encrypted ledger whose
 * first page is damaged. Neither may be called a wrong password when the program can tell better.
 */
const tmp = useTempDir('yiqiyice-enc-edges-');
const savedEnv = process.env.YIQIYICE_BACKUP_DIR;
let core: CoreClient;
const call = <T>(channel: string, payload: unknown = {}) => valueOf<T>(core, channel, payload);
const openError = async (path: string, password?: string) =>
  errorOf(core, 'ledgers:openFile', { fileRef: await core.grant(path, 'open'), password });

beforeEach(() => {
  process.env.YIQIYICE_BACKUP_DIR = join(tmp.dir(), 'backups');
  core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
  else process.env.YIQIYICE_BACKUP_DIR = savedEnv;
});

describe('files picked by mistake are not asked for a password', () => {
  /** Whole 4096-byte pages, so only the first bytes can give them away. */
  const pagesStartingWith = (head: string | Buffer): Buffer => {
    const bytes = randomBytes(8192);
    Buffer.from(head as string, typeof head === 'string' ? 'latin1' : undefined).copy(bytes, 0);
    return bytes;
  };
  const foreign: [string, Buffer][] = [
    ['an Excel workbook (zip)', pagesStartingWith('PK\u0003\u0004')],
    ['an old .xls (OLE)', pagesStartingWith(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))],
    ['a PDF', pagesStartingWith('%PDF-1.7\n')],
    ['a JPEG photo', pagesStartingWith(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))],
    ['a PNG', pagesStartingWith('\u0089PNG\r\n\u001a\n')],
    ['a text file', Buffer.from('企业名称,统一社会信用代码\n'.padEnd(8192 / 3, '甲'), 'utf8').subarray(0, 8192)],
    ['random bytes that are not whole cipher pages', randomBytes(8192 + 512)],
  ];

  for (const [what, bytes] of foreign) {
    test(`${what} → NOT_A_LEDGER, with or without a password, and left untouched`, async () => {
      const path = join(tmp.dir(), '误选文件.yqyc');
      writeFileSync(path, bytes);
      expect(looksEncrypted(path)).toBe(false);
      for (const password of [undefined, 'chang-le-2026']) {
        expect(await openError(path, password)).toMatchObject({ code: 'NOT_A_LEDGER' });
      }
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(await call<OpenLedger | null>('ledgers:current')).toBeNull();
    });
  }
});

describe('an encrypted ledger whose first page is damaged', () => {
  let path: string;
  let recoveryKey: string;

  beforeEach(async () => {
    path = join(tmp.dir(), '长乐镇.yqyc');
    await call('ledgers:createSample', { enterprises: 40, seed: 5, target: await core.grant(path, 'create') });
    const set = await call<PasswordChange>('ledgers:setPassword', {
      password: 'chang-le-2026',
      confirm: 'chang-le-2026',
    });
    recoveryKey = set.recoveryKey!;
    await call('ledgers:close');
    // Scribble over the middle of page 1 (past the salt): its HMAC no longer matches under any key.
    const bytes = readFileSync(path);
    randomBytes(200).copy(bytes, 1500);
    writeFileSync(path, bytes);
  });

  test('the right password is told apart from a wrong one: DAMAGED, with the newest backup offered', async () => {
    const before = readFileSync(path);
    const damaged = await openError(path, 'chang-le-2026');
    expect(damaged.code).toBe('DAMAGED');
    expect(damaged.message).toContain('第一页已损坏');
    expect(damaged.message).toContain('密码经其余页面验证无误');
    // setPassword took a 加密前 backup, which is the one offered.
    expect(damaged.message).toMatch(/可以恢复最新的备份“长乐镇-.+-加密前\.yqyc”/);

    expect(await openError(path, 'chang-le-2025')).toEqual({ code: 'PASSWORD', message: '密码不正确' });
    expect(await openError(path)).toEqual({ code: 'PASSWORD', message: '台账已加密，请输入密码' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('the recovery key is recognised as right too', async () => {
    expect(await openError(path, recoveryKey)).toMatchObject({ code: 'DAMAGED' });
  });
});
