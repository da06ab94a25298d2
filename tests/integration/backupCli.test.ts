import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import { CliError } from '../../electron/cli/io';
import { checkBackupFile } from '../../electron/core/backup/backups';
import { saveBackupSettings } from '../../electron/core/backup/settings';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { npmCli, runCommand } from './cliRun';
import { useTempDir, valueOf } from './helpers';

/**
 * `backup --ledger L [--out FILE]` and `restore --ledger L --from BACKUP`, run as main.ts runs them (in this
 * process for most cases, and once each as a real `npm run cli` process).
 */
const tmp = useTempDir('yiqiyice-backup-cli-');
let ledger: string;
let dataDir: string;
let folder: string;

const core = (): CoreClient => {
  const c = inProcessCore({ dataDir, now: () => new Date(2026, 10, 21, 9, 0, 0) });
  tmp.onCleanup(() => c.close());
  return c;
};
const run = (name: string, values: Record<string, string | boolean | undefined>) => runCommand(name, core(), values);

function enterpriseNames(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM enterprises ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

async function makeLedger(path: string, township: string, names: string[]): Promise<void> {
  const maker = core();
  const call = async <T>(channel: string, payload: unknown) => valueOf<T>(await maker.invoke(channel, payload));
  await call('ledgers:create', {
    settings: { township, committee: `中共${township}委员会`, docCode: '长委' },
    target: await maker.grant(path, 'create'),
  });
  const areaId = (await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' })).id;
  for (const name of names) await call('enterprises:create', { input: { name, areaId } });
  await maker.close();
}

beforeEach(async () => {
  dataDir = join(tmp.dir(), 'data');
  folder = join(tmp.dir(), '备份');
  saveBackupSettings(dataDir, { folder });
  ledger = join(tmp.dir(), '长乐镇.yqyc');
  await makeLedger(ledger, '长乐镇', ['甲机械有限公司', '乙食品厂']);
});

describe('backup', () => {
  test('writes a checked copy into the backup folder and says where', async () => {
    const out = JSON.parse(await run('backup', { ledger, json: true })) as { file: string; size: number };
    expect(out.file).toBe(join(folder, '长乐镇-20261121-090000-手动备份.yqyc'));
    expect(out.size).toBeGreaterThan(0);
    expect(enterpriseNames(out.file)).toEqual(['乙食品厂', '甲机械有限公司']);
    const text = await run('backup', { ledger });
    expect(text).toBe(
      `已备份（已校验）：${join(folder, '长乐镇-20261121-090000-手动备份(2).yqyc')}（${Math.ceil(out.size / 1024)} KB）\n`,
    );
  });

  test('--out writes to that file, checked, and never over an existing one', async () => {
    const target = join(tmp.dir(), '交接', '长乐镇-交接.yqyc');
    await expect(run('backup', { ledger, out: target })).rejects.toThrow(CliError);
    const flat = join(tmp.dir(), '长乐镇-交接.yqyc');
    await run('backup', { ledger, out: flat });
    expect(() => checkBackupFile(flat, true)).not.toThrow();
    expect(enterpriseNames(flat)).toEqual(['乙食品厂', '甲机械有限公司']);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    await expect(run('backup', { ledger, out: flat })).rejects.toThrow(/已存在/);
    await expect(run('backup', { ledger, out: join(tmp.dir(), 'x.txt') })).rejects.toThrow(/应为 .yqyc/);
  });
});

describe('restore', () => {
  test('puts the backup back and keeps the ledger as it was in a 恢复前 backup', async () => {
    const copy = join(tmp.dir(), '副本.yqyc');
    await run('backup', { ledger, out: copy });
    // A change after the backup, then the restore takes it away again.
    const c = core();
    valueOf(await c.invoke('ledgers:openFile', { fileRef: await c.grant(ledger, 'open') }));
    valueOf(await c.invoke('enterprises:create', { input: { name: '丙纺织有限公司', areaId: 1 } }));
    await c.close();
    expect(enterpriseNames(ledger)).toHaveLength(3);

    const text = await run('restore', { ledger, from: copy });
    expect(text).toContain(`已从备份恢复：${ledger}（企业 2 家）`);
    expect(text).toContain('恢复前的台账已备份为“长乐镇-20261121-090000-恢复前.yqyc”');
    expect(enterpriseNames(ledger)).toEqual(['乙食品厂', '甲机械有限公司']);
    expect(enterpriseNames(join(folder, '长乐镇-20261121-090000-恢复前.yqyc'))).toHaveLength(3);
  });

  test('refuses a file that is not a backup, or a backup of another ledger, and changes nothing', async () => {
    const junk = join(tmp.dir(), '不是备份.yqyc');
    writeFileSync(junk, 'SQLite format 3\u0000 but not really');
    await expect(run('restore', { ledger, from: junk })).rejects.toThrow(/不能使用|不是/);
    const other = join(tmp.dir(), '其他镇.yqyc');
    await makeLedger(other, '其他镇', ['外镇企业']);
    await expect(run('restore', { ledger, from: other })).rejects.toThrow('该备份属于另一个台账');
    await expect(run('restore', { ledger, from: join(tmp.dir(), '没有.yqyc') })).rejects.toThrow('备份文件不存在');
    await expect(run('restore', { ledger })).rejects.toThrow('缺少 --from 参数');
    await expect(run('restore', { ledger, from: ledger })).rejects.toThrow('同一个文件');
    expect(enterpriseNames(ledger)).toEqual(['乙食品厂', '甲机械有限公司']);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  test('as a real command-line process: backup, then restore from it', async () => {
    const made = await npmCli(['backup', '--ledger', ledger, '--json'], dataDir);
    expect(made.code, made.stderr).toBe(0);
    const { file } = JSON.parse(made.stdout) as { file: string };
    expect(file.startsWith(folder)).toBe(true);
    const restored = await npmCli(['restore', '--ledger', ledger, '--from', file, '--json'], dataDir);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restored: ledger, from: file, enterprises: 2 });
  });
});
