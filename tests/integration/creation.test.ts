import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CoreContext } from '../../electron/core/app/context';
import { enterprisesTable } from '../../electron/core/db/tables';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { createLedgerAt } from '../../electron/core/services/ledgers';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { enterpriseRow, FIXED_NOW, useTempDir, valueOf } from './helpers';

/** Creating a ledger either succeeds whole or leaves nothing behind — and never overwrites a file. */
const tmp = useTempDir();
const settings = { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' };

function core() {
  const c = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW });
  tmp.onCleanup(() => c.close());
  return c;
}

const siblings = (name: string) =>
  readdirSync(tmp.dir())
    .filter((f) => f.startsWith(name))
    .sort();

describe('creating over an existing file', () => {
  test('ledgers:create at a path that exists → CONFLICT, the file untouched, nothing opened or listed', async () => {
    const path = join(tmp.dir(), '重要文件.yqyc');
    const content = '这是另一个程序的数据，不能被覆盖。\n';
    writeFileSync(path, content);
    const c = core();

    const result = await c.invoke('ledgers:create', { settings, target: await c.grant(path, 'create') });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toContain('已存在');
    expect(result.error.message).toContain('换一个文件名');
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(siblings('重要文件')).toEqual(['重要文件.yqyc']);
    expect(valueOf(await c.invoke('ledgers:current', {}))).toBeNull();
    expect(valueOf(await c.invoke('ledgers:listRecent', {}))).toEqual([]);
  });

  test('ledgers:createSample at an existing ledger → CONFLICT, the ledger still whole and open-able', async () => {
    const c = core();
    const path = join(tmp.dir(), '长乐镇.yqyc');
    const made = valueOf<OpenLedger>(
      await c.invoke('ledgers:create', { settings, target: await c.grant(path, 'create') }),
    );
    expect(made.summary.enterprises).toBe(0);
    await c.invoke('ledgers:close', {});

    const result = await c.invoke('ledgers:createSample', { enterprises: 10, target: await c.grant(path, 'create') });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const reopened = valueOf<OpenLedger>(await c.invoke('ledgers:openFile', { fileRef: await c.grant(path, 'open') }));
    expect(reopened.summary.enterprises).toBe(0);
    expect(reopened.settings.township).toBe('长乐镇');
  });

  test('a file reference is good once: using it again → NOT_FOUND, no second file', async () => {
    const c = core();
    const path = join(tmp.dir(), '一次性.yqyc');
    const ref = await c.grant(path, 'create');
    valueOf(await c.invoke('ledgers:create', { settings, target: ref }));
    expect(await c.invoke('ledgers:create', { settings, target: ref })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '所选文件已失效，请重新选择文件' },
    });
  });

  test('a reference granted for opening cannot be used to create', async () => {
    const c = core();
    const path = join(tmp.dir(), '只读授权.yqyc');
    const result = await c.invoke('ledgers:create', { settings, target: await c.grant(path, 'open') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(path)).toBe(false);
  });
});

describe('creation failing midway leaves no file behind', () => {
  test('a fill that throws removes the half-made ledger with its -wal and -shm', () => {
    const ctx = new CoreContext({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW, actor: '测试员' });
    tmp.onCleanup(() => ctx.close());
    const path = join(tmp.dir(), '半成品.yqyc');

    expect(() =>
      createLedgerAt(ctx, path, { ...settings, docBanner: '', superiorUnit: '' }, '新建台账', (tx) => {
        // An enterprise in an area that does not exist: the foreign key stops the batch.
        tx.insert(enterprisesTable, enterpriseRow(12345));
      }),
    ).toThrow(/FOREIGN KEY constraint failed/);

    expect(siblings('半成品')).toEqual([]);
    expect(ctx.ledger).toBeNull();
    expect(ctx.recent.list()).toEqual([]);
  });

  test('a target folder that does not exist → FILE in Chinese, and nothing is made', async () => {
    const c = core();
    const path = join(tmp.dir(), '没有这个文件夹', '长乐镇.yqyc');
    const result = await c.invoke('ledgers:create', { settings, target: await c.grant(path, 'create') });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FILE', message: expect.stringContaining('无法打开台账文件') },
    });
    expect(existsSync(join(tmp.dir(), '没有这个文件夹'))).toBe(false);
    expect(valueOf(await c.invoke('ledgers:current', {}))).toBeNull();
  });

  test('a failed creation keeps the ledger that was open before', async () => {
    const c = core();
    const first = valueOf<OpenLedger>(await c.invoke('ledgers:create', { settings }));
    const taken = join(tmp.dir(), 'taken.yqyc');
    writeFileSync(taken, 'x');
    const result = await c.invoke('ledgers:create', { settings, target: await c.grant(taken, 'create') });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(valueOf<OpenLedger>(await c.invoke('ledgers:current', {})).id).toBe(first.id);
  });
});
