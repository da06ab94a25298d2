import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { DocumentDetail } from '../../shared/ipc/documents';
import type { PrefsView } from '../../shared/ipc/prefs';
import type { AppErrorShape } from '../../shared/ipc/result';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { APP_SETTINGS_FILE } from '../../electron/core/app/appSettings';
import { saveBackupSettings } from '../../electron/core/backup/settings';
import { saveChosenBrowser } from '../../electron/core/app/printSettings';
import { usableExportFolder } from '../../electron/core/app/exportFolder';
import { useTempDir, valueOf } from './helpers';

const tmp = useTempDir('yiqiyice-prefs-');
let dataDir: string;
let core: CoreClient;

/** A core on the data folder, as the program is after a restart; closed with the test. */
function startCore(): CoreClient {
  const started = inProcessCore({ dataDir, actor: '王文书' });
  tmp.onCleanup(() => started.close());
  return started;
}

const call = async <T>(channel: string, payload: unknown = {}, on = core) =>
  valueOf<T>(await on.invoke(channel, payload));
async function errorOf(channel: string, payload: unknown): Promise<AppErrorShape> {
  const result = await core.invoke(channel, payload);
  expect(result.ok, `${channel} should fail`).toBe(false);
  return (result as { error: AppErrorShape }).error;
}
const settingsFile = () => join(dataDir, APP_SETTINGS_FILE);
const fileText = () => readFileSync(settingsFile(), 'utf8');

beforeEach(() => {
  dataDir = join(tmp.dir(), 'data');
  core = startCore();
});

describe('本机设置 persist in the data folder', () => {
  test('every setting saved is read back by a fresh core', async () => {
    const exportDir = join(tmp.dir(), '导出文件');
    mkdirSync(exportDir);
    const folderRef = await core.grant(exportDir, 'exportFolder');
    const saved = await call<PrefsView>('prefs:save', {
      fontSize: 'larger',
      contactName: ' 张三 ',
      contactTel: '０５７１-８３０１２３４５',
      exportFolder: { folderRef },
    });
    // Trimmed, and the full-width digits typed with a Chinese input method become ASCII.
    expect(saved).toMatchObject({
      fontSize: 'larger',
      contactName: '张三',
      contactTel: '0571-83012345',
      exportFolder: { path: exportDir, exists: true },
    });

    const restarted = startCore();
    const view = await call<PrefsView>('prefs:get', {}, restarted);
    expect(view).toMatchObject({
      fontSize: 'larger',
      contactName: '张三',
      contactTel: '0571-83012345',
      exportFolder: { path: exportDir, exists: true },
      printBrowser: null,
    });
    expect(view.backupFolder).toBe(process.env.YIQIYICE_BACKUP_DIR);
    // The desktop's save dialogs start there.
    expect(usableExportFolder(dataDir)).toBe(exportDir);

    // Saving one setting keeps the others.
    const again = await call<PrefsView>('prefs:save', { fontSize: 'large' }, restarted);
    expect(again).toMatchObject({ fontSize: 'large', contactName: '张三', contactTel: '0571-83012345' });
    expect(again.exportFolder?.path).toBe(exportDir);
  });

  test('an export folder removed since is shown as missing; clearing it goes back to the usual place', async () => {
    const exportDir = join(tmp.dir(), 'U盘');
    mkdirSync(exportDir);
    await call('prefs:save', { exportFolder: { folderRef: await core.grant(exportDir, 'exportFolder') } });
    rmSync(exportDir, { recursive: true });
    expect((await call<PrefsView>('prefs:get')).exportFolder).toEqual({ path: exportDir, exists: false });
    expect(usableExportFolder(dataDir)).toBeNull();

    expect((await call<PrefsView>('prefs:save', { exportFolder: null })).exportFolder).toBeNull();
    expect(JSON.parse(fileText())).toMatchObject({ exports: { folder: null } });
  });

  test('the backup folder and the print browser are reported from their own sections', async () => {
    const backups = join(tmp.dir(), '备份');
    saveBackupSettings(dataDir, { folder: backups });
    saveChosenBrowser(dataDir, '/usr/bin/chromium');
    const view = await call<PrefsView>('prefs:get');
    expect(view.backupFolder).toBe(backups);
    expect(view.printBrowser).toBe('/usr/bin/chromium');
  });
});

describe('bad input is refused, naming the field, and the file is left as it was', () => {
  test.each([
    [{ fontSize: 'huge' }, 'fontSize', '字号应为标准、较大或特大'],
    [{ fontSize: 18 }, 'fontSize', '字号应为标准、较大或特大'],
    [{ contactName: '张'.repeat(21) }, 'contactName', '联系人不能超过20个字'],
    [{ contactName: '<b>张三</b>' }, 'contactName', '联系人含有不允许的字符'],
    [{ contactTel: '12345' }, 'contactTel', '联系电话应为11位手机号，或带区号的固定电话，例如 0575-83012345'],
    [{ contactTel: '138****5678' }, 'contactTel', '联系电话应填完整的号码'],
    [{ exportFolder: '/tmp' }, 'exportFolder', '请选择导出文件夹'],
    [{ exportFolder: { path: '/tmp' } }, 'exportFolder.folderRef', '请选择导出文件夹'],
  ])('%j', async (payload, field, message) => {
    await call('prefs:save', { fontSize: 'large', contactName: '李四', contactTel: '13800000000' });
    const before = fileText();
    const error = await errorOf('prefs:save', payload);
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    expect(fileText()).toBe(before);
  });

  test('the export folder grant is used once, and only for the export folder', async () => {
    const exportDir = join(tmp.dir(), '导出');
    mkdirSync(exportDir);
    const backupRef = await core.grant(exportDir, 'backupFolder');
    const refused = await errorOf('prefs:save', { exportFolder: { folderRef: backupRef } });
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: '所选文件已失效，请重新选择文件' });
    expect((await call<PrefsView>('prefs:get')).exportFolder).toBeNull();

    const ref = await core.grant(exportDir, 'exportFolder');
    await call('prefs:save', { exportFolder: { folderRef: ref } });
    const before = fileText();
    // Used up: handing it back again (a replayed request) changes nothing, not even the other settings sent with it.
    const replayed = await errorOf('prefs:save', { fontSize: 'larger', exportFolder: { folderRef: ref } });
    expect(replayed.code).toBe('NOT_FOUND');
    expect(fileText()).toBe(before);
    // And the backup-folder channel does not take it either.
    const other = await core.grant(exportDir, 'exportFolder');
    const crossed = await errorOf('backups:saveSettings', { keepToday: 3, maxTotal: 10, folderRef: other });
    expect(crossed.code).toBe('NOT_FOUND');
  });
});

describe('a damaged or hand-edited app-settings.json never stops the program', () => {
  test('bad values read as defaults; saving repairs them and keeps the backup and print sections', async () => {
    const backups = join(tmp.dir(), '备份');
    writeFileSync(
      settingsFile(),
      JSON.stringify({
        backup: { folder: backups, keepToday: 4, maxTotal: 12 },
        print: { browser: '/usr/bin/chromium' },
        display: { fontSize: 'enormous' },
        documents: { contactName: 42, contactTel: 'call me' },
        exports: { folder: 'relative/path' },
      }),
    );
    const view = await call<PrefsView>('prefs:get');
    expect(view).toMatchObject({
      fontSize: 'standard',
      contactName: '',
      contactTel: '',
      exportFolder: null,
      backupFolder: backups,
      printBrowser: '/usr/bin/chromium',
    });

    await call('prefs:save', { fontSize: 'large', contactName: '张三', contactTel: '0571-83012345' });
    const repaired = JSON.parse(fileText()) as Record<string, unknown>;
    expect(repaired).toEqual({
      backup: { folder: backups, keepToday: 4, maxTotal: 12 },
      print: { browser: '/usr/bin/chromium' },
      display: { fontSize: 'large' },
      documents: { contactName: '张三', contactTel: '0571-83012345' },
      exports: { folder: 'relative/path' },
    });
    expect(await call<PrefsView>('prefs:get', {}, startCore())).toMatchObject({
      fontSize: 'large',
      contactName: '张三',
    });
  });

  test('a file that is not JSON at all reads as defaults, and saving writes a good one', async () => {
    writeFileSync(settingsFile(), '{"display": {"fontSize": "lar');
    expect(await call<PrefsView>('prefs:get')).toMatchObject({
      fontSize: 'standard',
      contactName: '',
      exportFolder: null,
    });
    await call('prefs:save', { fontSize: 'larger' });
    expect(JSON.parse(fileText())).toEqual({ display: { fontSize: 'larger' } });
  });

  test('sections of the wrong shape (a list, a string) read as defaults too', async () => {
    writeFileSync(settingsFile(), JSON.stringify({ display: ['larger'], documents: '张三' }));
    expect(await call<PrefsView>('prefs:get')).toMatchObject({ fontSize: 'standard', contactName: '', contactTel: '' });
  });
});

describe('the contact goes into the 附注 of a new notice', () => {
  const ledger = { settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' } };

  test('set: a new 通知 and a 请示 carry it, a 批复 does not; the clerk edits it freely', async () => {
    await call('ledgers:create', ledger);
    await call('prefs:save', { contactName: '张三', contactTel: '0571-83012345' });
    const notice = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'notice' });
    expect(notice.content.note).toBe('联系人：张三，联系电话：0571-83012345');
    const request = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'request' });
    expect(request.content.note).toBe('联系人：张三，联系电话：0571-83012345');
    const reply = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'reply' });
    expect(reply.content.note).toBe('');

    // The clerk's own wording stays, even after the contact of this PC changes.
    await call('documents:save', { id: notice.id, content: { ...notice.content, note: '此件公开发布' } });
    await call('prefs:save', { contactName: '李四' });
    expect((await call<DocumentDetail>('documents:get', { id: notice.id })).content.note).toBe('此件公开发布');
    // Only the phone kept: the name changed for the next one.
    const next = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'notice' });
    expect(next.content.note).toBe('联系人：李四，联系电话：0571-83012345');
  });

  test('not set: a new 通知 has no 附注', async () => {
    await call('ledgers:create', ledger);
    const notice = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'notice' });
    expect(notice.content.note).toBe('');
    await call('prefs:save', { contactName: '', contactTel: '13800000000' });
    const phoneOnly = await call<DocumentDetail>('documents:draft', { source: 'blank', kind: 'notice' });
    expect(phoneOnly.content.note).toBe('联系电话：13800000000');
  });
});
