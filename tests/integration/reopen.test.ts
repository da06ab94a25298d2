import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { OpenLedger, RecentLedger } from '../../shared/ipc/ledgers';
import type { PrefsView } from '../../shared/ipc/prefs';
import { CoreContext } from '../../electron/core/app/context';
import { readLastOpen } from '../../electron/core/app/lastOpen';
import { workerCore } from '../../electron/core/host/coreClient';
import { invoke } from '../../electron/core/invoke';
import { reopenLastLedger } from '../../electron/core/services/reopen';
import { useTempDir, valueOf } from './helpers';

/**
 * 启动时打开上次的台账: the app's core (remembersLastOpen, as coreWorker makes it) keeps the ledger it opened, and the
 * next start opens it again before the screens ask anything — unless it was closed with 关闭台账, the setting is off,
 * or the file is gone; one with a password waits locked.
 */
const tmp = useTempDir();

/** One run of the program over the data folder: a core as the app makes it, reopening what was open last time. */
function start(dataDir: string): CoreContext {
  const ctx = new CoreContext({ dataDir, actor: '测试员', remembersLastOpen: true });
  reopenLastLedger(ctx);
  tmp.onCleanup(() => ctx.shutdown());
  return ctx;
}

const call = async <T>(ctx: CoreContext, channel: string, payload: unknown = {}) =>
  valueOf<T>(await invoke(ctx, channel as never, payload as never));

describe('reopening the last ledger at start', () => {
  test('the ledger open when the program stopped is open at the next start; after 关闭台账 the start screen is', async () => {
    const dataDir = tmp.dir();
    const first = start(dataDir);
    expect(await call(first, 'ledgers:current')).toBeNull();
    const sample = await call<OpenLedger>(first, 'ledgers:createSample', {});
    await first.shutdown();

    const second = start(dataDir);
    const current = await call<OpenLedger>(second, 'ledgers:current');
    expect(current).toMatchObject({ id: sample.id, fileName: sample.fileName, readOnly: false });
    expect(current.summary.enterprises).toBe(600);
    await call(second, 'ledgers:close');
    await second.shutdown();

    const third = start(dataDir);
    expect(await call(third, 'ledgers:current')).toBeNull();
    expect(readLastOpen(dataDir)).toBeNull();
  });

  test('with 启动时打开上次的台账 turned off the start screen comes first, and the ledger is still remembered', async () => {
    const dataDir = tmp.dir();
    const first = start(dataDir);
    const sample = await call<OpenLedger>(first, 'ledgers:createSample', {});
    expect((await call<PrefsView>(first, 'prefs:get')).reopenLast).toBe(true);
    expect((await call<PrefsView>(first, 'prefs:save', { reopenLast: false })).reopenLast).toBe(false);
    await first.shutdown();

    const second = start(dataDir);
    expect(await call(second, 'ledgers:current')).toBeNull();
    expect(await call<PrefsView>(second, 'prefs:save', { reopenLast: true })).toMatchObject({ reopenLast: true });
    await second.shutdown();

    const third = start(dataDir);
    expect(await call<OpenLedger>(third, 'ledgers:current')).toMatchObject({ id: sample.id });
  });

  test('a setting that is not yes or no is refused, naming it, and nothing is saved', async () => {
    const dataDir = tmp.dir();
    const ctx = start(dataDir);
    expect(await invoke(ctx, 'prefs:save', { reopenLast: '是' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'reopenLast', message: expect.stringContaining('启动时打开上次的台账') },
    });
    expect((await call<PrefsView>(ctx, 'prefs:get')).reopenLast).toBe(true);
  });

  test('a ledger file gone since is forgotten: the start screen shows, and the next start does not look again', async () => {
    const dataDir = tmp.dir();
    const first = start(dataDir);
    const sample = await call<OpenLedger>(first, 'ledgers:createSample', {});
    const path = readLastOpen(dataDir)!.path;
    expect(path.endsWith(sample.fileName)).toBe(true);
    await first.shutdown();
    rmSync(path);

    const second = start(dataDir);
    expect(await call(second, 'ledgers:current')).toBeNull();
    expect(readLastOpen(dataDir)).toBeNull();
  });

  test('a ledger that no longer opens is forgotten too: the start screen lists it and says why it does not open', async () => {
    const dataDir = tmp.dir();
    const first = start(dataDir);
    await call<OpenLedger>(first, 'ledgers:createSample', {});
    const path = readLastOpen(dataDir)!.path;
    await first.shutdown();
    // Overwritten by something that is not a ledger (a copy gone wrong, another program's file under its name).
    writeFileSync(path, 'not a ledger'.repeat(1000));

    const second = start(dataDir);
    expect(await call(second, 'ledgers:current')).toBeNull();
    expect(readLastOpen(dataDir)).toBeNull();
    const recent = await call<RecentLedger[]>(second, 'ledgers:listRecent');
    const listed = recent.find((r) => join(r.folder, r.fileName) === path);
    expect(listed).toMatchObject({ exists: true });
    const refused = await invoke(second, 'ledgers:open', { id: listed!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_A_LEDGER' } });
  });

  test('a hand-edited or damaged startup section reads as nothing to reopen, and the program starts', async () => {
    const dataDir = tmp.dir();
    start(dataDir);
    const file = join(dataDir, 'app-settings.json');
    for (const startup of [{ lastOpen: 42, reopenLast: 'yes' }, { lastOpen: { path: '' } }, 'nonsense']) {
      writeFileSync(file, JSON.stringify({ startup }));
      const ctx = start(dataDir);
      expect(await call(ctx, 'ledgers:current')).toBeNull();
      expect((await call<PrefsView>(ctx, 'prefs:get')).reopenLast).toBe(true);
    }
  });

  test('a ledger with a password is not opened without it: it waits locked until the password is given', async () => {
    const dataDir = tmp.dir();
    const first = start(dataDir);
    const sample = await call<OpenLedger>(first, 'ledgers:createSample', {});
    await call(first, 'ledgers:setPassword', { password: 'secret-pass-1', confirm: 'secret-pass-1' });
    await first.shutdown();

    const second = start(dataDir);
    expect(second.locked).toMatchObject({ fileName: sample.fileName, township: '长乐镇', readOnly: false });
    expect(await invoke(second, 'ledgers:current', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await invoke(second, 'ledgers:unlock', { password: 'wrong-pass-1' })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD' },
    });
    const unlocked = await call<OpenLedger>(second, 'ledgers:unlock', { password: 'secret-pass-1' });
    expect(unlocked).toMatchObject({ id: sample.id, encrypted: true });
  });

  test('command lines and tests (no remembersLastOpen) leave app-settings.json alone', async () => {
    const dataDir = tmp.dir();
    const ctx = new CoreContext({ dataDir, actor: '测试员' });
    tmp.onCleanup(() => ctx.shutdown());
    await call(ctx, 'ledgers:createSample', {});
    expect(readLastOpen(dataDir)).toBeNull();
  });

  test('the app core on its own thread reopens it before answering the first question', async () => {
    const dataDir = tmp.dir();
    const first = workerCore({ dataDir, actor: '测试员' });
    const sample = valueOf<OpenLedger>(await first.invoke('ledgers:createSample', {}));
    await first.close();
    expect(JSON.parse(readFileSync(join(dataDir, 'app-settings.json'), 'utf8')).startup.lastOpen.path).toMatch(
      /示例台账-\d{8}\.yqyc$/,
    );

    const second = workerCore({ dataDir, actor: '测试员' });
    tmp.onCleanup(() => second.close());
    expect(valueOf<OpenLedger>(await second.invoke('ledgers:current', {}))).toMatchObject({ id: sample.id });
  });
});
