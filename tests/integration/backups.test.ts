import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import type { BackupItem, BackupSettingsView, RestoreResult } from '../../shared/ipc/backups';
import type { OpenLedger, RecentLedger } from '../../shared/ipc/ledgers';
import type { AppErrorShape } from '../../shared/ipc/result';
import type { Saved } from '../../shared/ipc/fields';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { backupInto, checkBackupFile } from '../../electron/core/backup/backups';
import { saveBackupSettings } from '../../electron/core/backup/settings';
import { openDatabase } from '../../electron/core/db/open';
import { useImportLedger } from './importSetup';
import { useTempDir, valueOf } from './helpers';

const tmp = useTempDir('yiqiyice-backups-');
let clock: Date;
let core: CoreClient;
let folder: string;
let dataDir: string;

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));
async function errorOf(channel: string, payload: unknown = {}): Promise<AppErrorShape> {
  const result = await core.invoke(channel, payload);
  expect(result.ok, `${channel} should fail`).toBe(false);
  return (result as { error: AppErrorShape }).error;
}
const ledgerFile = async () => {
  const [recent] = await call<RecentLedger[]>('ledgers:listRecent');
  return join(recent!.folder, recent!.fileName);
};

/** Every row of every table, read by a second connection from the file itself: what a restore must bring back. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    // Table names come from the file's own catalogue, quoted.
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as unknown[])
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** Overwrites the start of a file's last page: the b-tree page header becomes garbage, as a bad sector would. */
function corruptLastPage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, size - 4096);
  } finally {
    closeSync(fd);
  }
}

/** A table of filler rows written last, so the file's last page is one of its leaves, then that page damaged. */
function fillAndCorrupt(path: string): void {
  const raw = new Database(path);
  raw.exec('CREATE TABLE filler (t TEXT)');
  const insert = raw.prepare('INSERT INTO filler VALUES (?)');
  for (let i = 0; i < 2000; i++) insert.run(`第${i}行填充数据`.repeat(10));
  raw.close();
  corruptLastPage(path);
}

beforeEach(async () => {
  clock = new Date(2026, 10, 21, 9, 0, 0);
  dataDir = join(tmp.dir(), 'data');
  folder = join(tmp.dir(), '备份');
  saveBackupSettings(dataDir, { folder });
  core = inProcessCore({ dataDir, now: () => clock, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  await call('ledgers:create', { settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' } });
  const areaId = (await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' })).id;
  for (const name of ['嵊州市鑫达机械有限公司', '长乐镇福源食品厂', '浙江长乐纺织有限公司'])
    await call<Saved>('enterprises:create', { input: { name, areaId } });
});

describe('backup and restore', () => {
  test('a restore brings back the ledger row for row, and the restore itself can be undone', async () => {
    const path = await ledgerFile();
    const original = dump(path);
    const made = await call<BackupItem & { file: string }>('backups:create');
    expect(made).toMatchObject({ reason: 'manual', reasonLabel: '手动备份', takenAt: '2026-11-21 09:00:00' });
    expect(made.name).toBe('长乐镇-20261121-090000-手动备份.yqyc');
    expect(existsSync(join(folder, made.name))).toBe(true);

    clock = new Date(2026, 10, 21, 10, 0, 0);
    const areaId = (await call<{ id: number }>('areas:save', { name: '长兴村', type: 'village' })).id;
    await call('enterprises:create', { input: { name: '新来的企业有限公司', areaId } });
    await call('enterprises:delete', { id: 1 });
    const changed = dump(path);
    expect(changed).not.toEqual(original);

    const restored = await call<RestoreResult>('backups:restore', { name: made.name });
    expect(restored.opened.summary.enterprises).toBe(3);
    expect(restored.safetyBackup?.reasonLabel).toBe('恢复前');
    expect(dump(path)).toEqual(original);
    expect(existsSync(`${path}.restore-${process.pid}.tmp`)).toBe(false);
    // The ledger is open and usable after the restore.
    expect((await call<{ total: number }>('enterprises:list', { limit: 10 })).total).toBe(3);

    // Undoing the restore: the 恢复前 backup brings the changed ledger back.
    const list = await call<BackupItem[]>('backups:list');
    expect(list.map((b) => b.reasonLabel)).toEqual(['恢复前', '手动备份']);
    await call<RestoreResult>('backups:restore', { name: restored.safetyBackup!.name });
    expect(dump(path)).toEqual(changed);
  });

  test('restore takes only a name from the list: paths and unknown names are refused, the ledger untouched', async () => {
    const path = await ledgerFile();
    const before = dump(path);
    for (const name of ['../data/ledgers/长乐镇.yqyc', '/etc/passwd', 'C:\\x.yqyc', '.hidden.yqyc']) {
      expect((await errorOf('backups:restore', { name })).code).toBe('VALIDATION');
    }
    const unknown = await errorOf('backups:restore', { name: '长乐镇-20261121-090000-手动备份.yqyc' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknown.message).toContain('备份列表中没有');
    expect(dump(path)).toEqual(before);
  });

  test('a backup that fails its check is not restored, and the ledger stays as it was', async () => {
    const path = await ledgerFile();
    const made = await call<BackupItem>('backups:create');
    corruptLastPage(join(folder, made.name));
    const before = dump(path);
    const error = await errorOf('backups:restore', { name: made.name });
    expect(error.code).toBe('DAMAGED');
    expect(error.message).toContain('不能使用');
    expect(dump(path)).toEqual(before);
    expect(() => checkBackupFile(join(folder, made.name), true)).toThrow(/不能使用/);
  });

  test('a backup of a damaged ledger fails its check and leaves no file behind', async () => {
    const path = await ledgerFile();
    await call('ledgers:close');
    fillAndCorrupt(path);
    const db = openDatabase(path);
    try {
      expect(() => backupInto({ db, path }, dataDir, 'manual', clock)).toThrow('台账文件已损坏，无法做出完好的备份');
    } finally {
      db.close();
    }
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  test('restoring over a damaged ledger keeps its raw files aside, since no checked backup of it can be made', async () => {
    const path = await ledgerFile();
    const made = await call<BackupItem>('backups:create');
    const original = dump(path);
    await call('ledgers:close');
    fillAndCorrupt(path);
    const damagedBytes = readFileSync(path);
    await call('ledgers:openFile', { fileRef: await core.grant(path, 'open') });
    clock = new Date(2026, 10, 21, 9, 5, 0);
    const restored = await call<RestoreResult>('backups:restore', { name: made.name });
    expect(restored.safetyBackup).toBeNull();
    expect(restored.rawCopy).toBe('长乐镇-20261121-090500-恢复前-未校验.yqyc');
    expect(readFileSync(join(folder, restored.rawCopy!)).equals(damagedBytes)).toBe(true);
    expect(dump(path)).toEqual(original);
    // The raw copy is neither listed as a backup nor removed by rotation.
    expect((await call<BackupItem[]>('backups:list')).map((b) => b.name)).toEqual([made.name]);
  });

  test('rotation on disk keeps 3 from today and the newest of each earlier day, at most 10', async () => {
    mkdirFolderWithStrangers();
    for (let day = 8; day <= 20; day++) {
      for (const hour of [9, 12, 17]) {
        clock = new Date(2026, 10, day, hour, 30, 0);
        await call('backups:create');
      }
    }
    for (const hour of [8, 10, 11, 15]) {
      clock = new Date(2026, 10, 21, hour, 0, 0);
      await call('backups:create');
    }
    const mine = readdirSync(folder)
      .filter((f) => f.startsWith('长乐镇-') && !f.includes('未校验'))
      .sort();
    const earlier = [14, 15, 16, 17, 18, 19, 20].map((d) => `长乐镇-202611${d}-173000-手动备份.yqyc`);
    const today = ['100000', '110000', '150000'].map((t) => `长乐镇-20261121-${t}-手动备份.yqyc`);
    expect(mine).toEqual([...earlier, ...today]);
    // Files that are not this ledger's backups are never touched.
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(STRANGERS));
  });

  test('fewer to keep thins out at once; the numbers are checked with Chinese messages', async () => {
    for (const hour of [9, 10, 11]) {
      clock = new Date(2026, 10, 21, hour, 0, 0);
      await call('backups:create');
    }
    const saved = await call<BackupSettingsView>('backups:saveSettings', { keepToday: 1, maxTotal: 5 });
    expect(saved).toEqual({ folder, keepToday: 1, maxTotal: 5 });
    expect((await call<BackupItem[]>('backups:list')).map((b) => b.takenAt)).toEqual(['2026-11-21 11:00:00']);
    expect(await call<BackupSettingsView>('backups:settings')).toEqual(saved);
    const tooMany = await errorOf('backups:saveSettings', { keepToday: 0, maxTotal: 5 });
    expect(tooMany).toMatchObject({ code: 'VALIDATION', field: 'keepToday' });
    expect(tooMany.message).toContain('当天保留份数');
    const crossed = await errorOf('backups:saveSettings', { keepToday: 6, maxTotal: 5 });
    expect(crossed.message).toContain('最多保留份数不能少于当天保留份数');
    // A folder can only come from the desktop dialog's grant, never as a path.
    expect((await errorOf('backups:saveSettings', { keepToday: 1, maxTotal: 5, folder: '/tmp' })).code).toBe(
      'VALIDATION',
    );
    const picked = await core.grant(join(tmp.dir(), '新文件夹'), 'backupFolder');
    const moved = await call<BackupSettingsView>('backups:saveSettings', {
      keepToday: 2,
      maxTotal: 6,
      folderRef: picked,
    });
    expect(moved.folder).toBe(join(tmp.dir(), '新文件夹'));
    const next = await call<BackupItem & { file: string }>('backups:create');
    expect(next.file).toBe(join(tmp.dir(), '新文件夹', next.name));
  });
});

const STRANGERS = ['其他镇-20261101-090000-每日.yqyc', '说明.txt', '长乐镇-20261101-090000-恢复前-未校验.yqyc'];
function mkdirFolderWithStrangers(): void {
  saveBackupSettings(dataDir, { folder });
  // The folder is made by the first backup; make it now to plant files that must survive rotation.
  mkdirSync(folder, { recursive: true });
  for (const f of STRANGERS) writeFileSync(join(folder, f), 'x');
}

describe('the backup before an import', () => {
  const L = useImportLedger();

  test('exists, holds the ledger as it was before the import, and is listed', async () => {
    const path = L.csv('企业.csv', [
      ['企业名称', '所在村（社区）'],
      ['长乐镇新光电子厂', '长安村'],
      ['长乐镇宏达五金厂', '长安村'],
    ]);
    const report = await L.commit(path);
    expect(report).toBeTruthy();
    const list = await L.call<BackupItem[]>('backups:list');
    const before = list.filter((b) => b.reason === 'before-import');
    expect(before).toHaveLength(1);
    const settings = await L.call<BackupSettingsView>('backups:settings');
    const db = new Database(join(settings.folder, before[0]!.name), { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
    expect((await L.call<{ total: number }>('enterprises:list', { limit: 10 })).total).toBe(2);
    const opened = await L.call<OpenLedger | null>('ledgers:current');
    expect(opened?.summary.enterprises).toBe(2);
  });
});
