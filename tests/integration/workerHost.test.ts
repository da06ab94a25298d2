import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import type { EnterprisePage } from '../../shared/ipc/enterprises';
import type { OpenLedger, RecentLedger } from '../../shared/ipc/ledgers';
import { workerCore } from '../../electron/core/host/coreClient';
import { useTempDir, valueOf } from './helpers';

/** The core on its own thread, as the desktop and browser shells run it (the .ts worker is loaded through tsx). */
const tmp = useTempDir();

describe('workerCore', () => {
  test('round-trips ledgers:createSample and enterprises:list, then closes the ledger cleanly', async () => {
    const core = workerCore({ dataDir: tmp.dir(), actor: '测试员' });
    let closed = false;
    tmp.onCleanup(() => (closed ? undefined : core.close()));

    const sample = valueOf<OpenLedger>(await core.invoke('ledgers:createSample', {}));
    expect(sample.summary).toEqual({ enterprises: 600, areas: 14, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(sample.fileName).toMatch(/^示例台账-\d{8}\.yqyc$/);

    const page = valueOf<EnterprisePage>(
      await core.invoke('enterprises:list', { limit: 10, sortBy: 'employees', sortOrder: 'desc' }),
    );
    expect(page.total).toBe(600);
    expect(page.rows).toHaveLength(10);
    const employees = page.rows.map((r) => r.employees!);
    expect(employees).toEqual([...employees].sort((a, b) => b - a));
    expect(page.rows.every((r) => r.sizeBand === 'D')).toBe(true);

    // Errors cross the thread as Results too.
    expect(await core.invoke('enterprises:list', { offset: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'offset' },
    });
    expect(await core.invoke('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    const [recent] = valueOf<RecentLedger[]>(await core.invoke('ledgers:listRecent', {}));
    const path = join(recent!.folder, recent!.fileName);
    expect(path).toBe(join(tmp.dir(), 'ledgers', sample.fileName));

    await core.close();
    closed = true;

    // The worker closed its connection on shutdown: the WAL was folded back and the file reads whole.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM enterprises').get()).toEqual({ n: 600 });
    raw.close();

    // After close the client answers with a clear error instead of hanging.
    expect(await core.invoke('ledgers:current', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('后台服务已停止') },
    });
  });

  test('a file granted on the shell side can be opened by reference in the worker', async () => {
    const core = workerCore({ dataDir: tmp.dir() });
    tmp.onCleanup(() => core.close());
    const target = join(tmp.dir(), '授权新建.yqyc');
    const created = valueOf<OpenLedger>(
      await core.invoke('ledgers:create', {
        settings: { township: '甘霖镇', committee: '中共甘霖镇委员会', docCode: '甘委' },
        target: await core.grant(target, 'create'),
      }),
    );
    expect(created.fileName).toBe('授权新建.yqyc');
    expect(existsSync(target)).toBe(true);
    valueOf(await core.invoke('ledgers:close', {}));

    const reopened = valueOf<OpenLedger>(
      await core.invoke('ledgers:openFile', { fileRef: await core.grant(target, 'open') }),
    );
    expect(reopened.id).toBe(created.id);
    expect(reopened.settings.committee).toBe('中共甘霖镇委员会');
  });
});
