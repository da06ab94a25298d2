import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CoreContext } from '../../electron/core/app/context';
import { autoBackup } from '../../electron/core/backup/backups';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { checkStateOf } from '../../electron/core/ledger/integrity';
import { openLedgerAt } from '../../electron/core/services/ledgers';
import { npmCli, runCommand } from './cliRun';
import { FIXED_NOW, useTempDir } from './helpers';
import { corruptIndexPage, previousVersionLedger, sampleLedger } from './integritySetup';

/** `yiqiyice check --ledger FILE --json`: the full integrity_check, read-only, with version and backup count. */
const tmp = useTempDir();
const savedEnv = process.env.YIQIYICE_BACKUP_DIR;
let path: string;
const dataDir = () => join(tmp.dir(), 'data');

beforeEach(() => {
  process.env.YIQIYICE_BACKUP_DIR = join(tmp.dir(), 'backups');
  path = join(tmp.dir(), '长乐镇.yqyc');
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
  else process.env.YIQIYICE_BACKUP_DIR = savedEnv;
});

async function check(): Promise<unknown> {
  const core = inProcessCore({ dataDir: dataDir(), now: () => FIXED_NOW });
  tmp.onCleanup(() => core.close());
  return JSON.parse(await runCommand('check', core, { ledger: path, json: true }));
}

function backUp(times: number): void {
  const ctx = new CoreContext({ dataDir: dataDir(), now: () => FIXED_NOW });
  openLedgerAt(ctx, path);
  for (let i = 0; i < times; i++) autoBackup(ctx, 'manual', { now: new Date(FIXED_NOW.getTime() + i * 1000) });
  ctx.close();
}

describe('check', () => {
  test('a sound ledger: ok, the current version, not encrypted, and its backups counted', async () => {
    sampleLedger(dataDir(), path, () => FIXED_NOW);
    expect(await check()).toEqual({
      integrity: 'ok',
      schemaVersion: LATEST_SCHEMA_VERSION,
      encrypted: false,
      backups: 0,
    });
    const core = inProcessCore({ dataDir: dataDir(), now: () => FIXED_NOW });
    tmp.onCleanup(() => core.close());
    expect(await runCommand('check', core, { ledger: path })).toBe(
      `完整性检查：完好\n数据版本：${LATEST_SCHEMA_VERSION}\n加密：否\n备份：0 份\n`,
    );
    backUp(2);
    expect(await check()).toEqual({
      integrity: 'ok',
      schemaVersion: LATEST_SCHEMA_VERSION,
      encrypted: false,
      backups: 2,
    });
  });

  test('a damaged page is reported, the file left byte for byte, and the next open checks it in full', async () => {
    sampleLedger(dataDir(), path, () => FIXED_NOW);
    corruptIndexPage(path);
    const bytes = readFileSync(path);
    const result = (await check()) as { integrity: string; schemaVersion: number };
    expect(result.integrity).not.toBe('ok');
    expect(result.integrity.length).toBeGreaterThan(0);
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(checkStateOf(dataDir(), path).problem).toBe(result.integrity);
  });

  test('an older ledger is checked as it is, never migrated', async () => {
    const version = previousVersionLedger(path);
    expect(await check()).toMatchObject({ integrity: 'ok', schemaVersion: version });
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    raw.close();
  });

  test('as a clerk runs it: npm run cli -- check --ledger FILE --json, and a Chinese error for a missing file', async () => {
    sampleLedger(dataDir(), path, () => FIXED_NOW);
    const ok = await npmCli(['check', '--ledger', path, '--json'], dataDir());
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      integrity: 'ok',
      schemaVersion: LATEST_SCHEMA_VERSION,
      encrypted: false,
      backups: 0,
    });

    const missing = await npmCli(['check', '--ledger', join(tmp.dir(), '没有.yqyc'), '--json'], dataDir());
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('台账文件不存在');
  });
});
