import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { CoreContext } from '../../electron/core/app/context';
import { setPassword } from '../../electron/core/services/encryption';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import { npmCli } from './cliRun';
import { FIXED_NOW, useTempDir } from './helpers';
import { sampleLedger } from './integritySetup';

/** The command line reads an encrypted ledger's password from --password-file or YIQIYICE_PASSWORD, never an argument. */
const tmp = useTempDir('yiqiyice-enc-cli-');
let path: string;
let passwordFile: string;
const dataDir = () => join(tmp.dir(), 'data');

beforeEach(() => {
  path = join(tmp.dir(), '长乐镇.yqyc');
  sampleLedger(dataDir(), path, () => FIXED_NOW);
  const ctx = new CoreContext({ dataDir: dataDir(), now: () => FIXED_NOW });
  const saved = process.env.YIQIYICE_BACKUP_DIR;
  process.env.YIQIYICE_BACKUP_DIR = join(tmp.dir(), 'backups');
  try {
    openLedgerAt(ctx, path);
    setPassword(ctx, 'chang-le-2026');
  } finally {
    ctx.close();
    if (saved === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
    else process.env.YIQIYICE_BACKUP_DIR = saved;
  }
  passwordFile = join(tmp.dir(), '密码.txt');
  // As an editor saves it: a trailing newline, which is not part of the password.
  writeFileSync(passwordFile, 'chang-le-2026\n');
});

const withoutPassword = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.YIQIYICE_PASSWORD;
  return env;
};

test(
  'check --json with --password-file runs the full check and reports "encrypted": true',
  { timeout: 60_000 },
  async () => {
    const run = await npmCli(
      ['check', '--ledger', path, '--password-file', passwordFile, '--json'],
      dataDir(),
      withoutPassword(),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ integrity: 'ok', encrypted: true });
  },
);

test('the password from YIQIYICE_PASSWORD opens it for info', { timeout: 60_000 }, async () => {
  const run = await npmCli(['info', '--ledger', path, '--json'], dataDir(), {
    ...withoutPassword(),
    YIQIYICE_PASSWORD: 'chang-le-2026',
  });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ enterprises: 60 });
});

test('a missing or wrong password exits non-zero with the Chinese reason', { timeout: 60_000 }, async () => {
  const missing = await npmCli(['check', '--ledger', path, '--json'], dataDir(), withoutPassword());
  expect(missing.code).not.toBe(0);
  expect(missing.stdout).toBe('');
  expect(missing.stderr).toContain('台账已加密，请输入密码');

  const wrong = await npmCli(['stats', '--ledger', path, '--json'], dataDir(), {
    ...withoutPassword(),
    YIQIYICE_PASSWORD: 'chang-le-2025',
  });
  expect(wrong.code).not.toBe(0);
  expect(wrong.stderr).toContain('密码不正确');

  // There is no --password option: a password on the command line is refused as an unknown argument.
  const asArgument = await npmCli(
    ['check', '--ledger', path, '--password', 'chang-le-2026'],
    dataDir(),
    withoutPassword(),
  );
  expect(asArgument.code).toBe(2);
  expect(asArgument.stderr).toContain('参数错误');
});
