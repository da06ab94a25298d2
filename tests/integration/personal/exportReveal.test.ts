import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { UndoableStep } from '../../../shared/ipc/changes';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { runCommand } from '../cliRun';
import { valueOf } from '../helpers';

/** `yiqiyice export … --unmask` goes through exports:run, so it is recorded like the screen's; read-only refuses. */
let dir = '';
let ledger = '';
const cores: CoreClient[] = [];
const core = () => {
  const c = inProcessCore({ dataDir: join(dir, 'data'), now: () => new Date('2026-11-21T08:00:00Z'), actor: '王文书' });
  cores.push(c);
  return c;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yqyc-export-reveal-'));
  ledger = join(dir, '长乐镇.yqyc');
  const maker = core();
  valueOf(await maker.invoke('ledgers:createSample', { target: await maker.grant(ledger, 'create'), enterprises: 20 }));
  await maker.close();
}, 60_000);
afterAll(async () => {
  for (const c of cores) await c.close();
  rmSync(dir, { recursive: true, force: true });
});

function reveals(): unknown[] {
  const db = new Database(ledger, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT b.action, l.entity, l.field, l.old_value AS oldValue, x.report, x.unmasked
         FROM change_log l JOIN change_batches b ON b.id = l.batch_id JOIN export_log x ON x.id = l.entity_id
         WHERE l.op = 'reveal' ORDER BY l.id`,
      )
      .all();
  } finally {
    db.close();
  }
}

test('the CLI’s --unmask is recorded in the change log; a masked export records no reveal', async () => {
  await runCommand('export', core(), { report: 'contacts', ledger, out: join(dir, 'masked.xlsx') });
  expect(reveals()).toEqual([]);
  await runCommand('export', core(), { report: 'contacts', ledger, out: join(dir, 'full.xlsx'), unmask: true });
  expect(reveals()).toEqual([
    {
      action: '导出完整个人信息：领导联系点名册',
      entity: 'export_log',
      field: '联系领导的联系电话',
      oldValue: null,
      report: 'contacts',
      unmasked: 1,
    },
  ]);
  // Recording an export is not a step the clerk can take back: the fresh sample's only step (its creation) is not
  // undoable either, so 撤销 offers nothing.
  const opened = core();
  valueOf(await opened.invoke('ledgers:openFile', { fileRef: await opened.grant(ledger, 'open') }));
  const step = valueOf<UndoableStep | null>(await opened.invoke('changes:lastUndoable', {}));
  expect(step).toBeNull();
});

test('a read-only ledger refuses an unmasked export before writing anything, and allows the masked one', async () => {
  const c = core();
  valueOf(await c.invoke('ledgers:openFile', { fileRef: await c.grant(ledger, 'open'), readOnly: true }));
  const out = join(dir, 'read-only.xlsx');
  const refused = await c.invoke('exports:run', {
    report: 'ledger',
    unmask: true,
    target: await c.grant(out, 'export'),
  });
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'READ_ONLY',
      message: '台账以只读方式打开，无法记录导出完整个人信息；请取消“显示完整个人信息”后再导出',
    },
  });
  expect(existsSync(out)).toBe(false);
  valueOf(await c.invoke('exports:run', { report: 'ledger', target: await c.grant(out, 'export') }));
  expect(existsSync(out)).toBe(true);
});
