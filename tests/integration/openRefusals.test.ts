import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import { write } from '../../electron/core/db/changeLog';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { areasTable, settingsTable } from '../../electron/core/db/tables';
import { AppError } from '../../electron/core/errors';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { openLedgerSession, type LedgerSession } from '../../electron/core/ledger/session';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { count, FIXED_NOW, steppingWriter, useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
const writer = steppingWriter();

function session(path: string, options?: Parameters<typeof openLedgerSession>[1]): LedgerSession {
  const s = openLedgerSession(path, options);
  tmp.onCleanup(() => s.db.open && s.db.close());
  return s;
}

/** A real ledger with its settings row, closed again. */
function makeLedger(name = 'ledger.yqyc'): string {
  const path = join(tmp.dir(), name);
  const s = session(path, { create: true });
  write(s.db, writer, '新建台账', (tx) =>
    tx.insert(settingsTable, {
      township: '长乐镇',
      committee: '中共长乐镇委员会',
      docCode: '长委',
      docBanner: '中共长乐镇委员会文件',
      superiorUnit: '',
      ledgerUid: 'test-uid',
      createdAt: tx.at,
    }),
  );
  s.db.close();
  return path;
}

function setUserVersion(path: string, version: number): void {
  const raw = new Database(path);
  raw.pragma(`user_version = ${version}`);
  raw.close();
}

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const CHINESE = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at |Error:|SQLITE_/;

describe('a ledger from a newer program', () => {
  test('opens read-only with a notice naming 较新版本 and both versions', () => {
    const path = makeLedger();
    setUserVersion(path, 99);
    const s = session(path);
    expect(s.readOnly).toBe(true);
    expect(s.notice).toContain('较新版本');
    expect(s.notice).toContain('数据版本 99');
    expect(s.notice).toContain(`支持到 ${LATEST_SCHEMA_VERSION}`);
  });

  test('refuses a write through write() with READ_ONLY and leaves the file at version 99, unchanged', () => {
    const path = makeLedger();
    setUserVersion(path, 99);
    const s = session(path);
    const batchesBefore = count(s.db, 'change_batches');

    const error = caught(() =>
      write(s.db, writer, '新增区域', (tx) =>
        tx.insert(areasTable, { name: '东门村', type: 'village', zoneId: null, sortOrder: 0 }),
      ),
    );
    expect(error.code).toBe('READ_ONLY');
    expect(error.message).toBe('台账以只读方式打开，不能修改');
    // Even a raw statement on the session's connection is stopped by query_only.
    expect(() => s.db.prepare("INSERT INTO areas (name, type) VALUES ('西街村', 'village')").run()).toThrow(
      /readonly|read-only/i,
    );
    s.db.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(99);
    expect(count(raw, 'areas')).toBe(0);
    expect(count(raw, 'change_batches')).toBe(batchesBefore);
    raw.close();
  });

  test('through the dispatcher, opening it reports readOnly and the notice, not an error', async () => {
    const path = makeLedger();
    setUserVersion(path, LATEST_SCHEMA_VERSION + 1);
    const core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW });
    tmp.onCleanup(() => core.close());
    const opened = valueOf<OpenLedger>(
      await core.invoke('ledgers:openFile', { fileRef: await core.grant(path, 'open') }),
    );
    expect(opened.readOnly).toBe(true);
    expect(opened.notice).toContain('较新版本');
    expect(opened.settings.township).toBe('长乐镇');
    expect(opened.summary.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
  });
});

describe('opening a current ledger read-only on request', () => {
  test('reads it but refuses writes', () => {
    const path = makeLedger();
    const s = session(path, { readOnly: true });
    expect(s.readOnly).toBe(true);
    expect(s.notice).toBeNull();
    expect(count(s.db, 'ledger_settings')).toBe(1);
    expect(
      caught(() => write(s.db, writer, '修改', (tx) => tx.update(settingsTable, 1, { township: '别的镇' }))).code,
    ).toBe('READ_ONLY');
    expect((s.db.prepare('SELECT township FROM ledger_settings').get() as { township: string }).township).toBe(
      '长乐镇',
    );
  });
});

describe('files that are not ledgers', () => {
  test('another program’s SQLite file → NOT_A_LEDGER, its table and rows left alone', () => {
    const path = join(tmp.dir(), 'other.db');
    const raw = new Database(path);
    raw.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('张三'), ('李四');",
    );
    raw.close();

    const error = caught(() => openLedgerSession(path));
    expect(error.code).toBe('NOT_A_LEDGER');
    expect(error.message).toBe('该文件不是“一企一策”台账文件');

    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'customers' }]);
    expect(count(check, 'customers')).toBe(2);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });

  test('another program’s file is refused read-only too', () => {
    const path = join(tmp.dir(), 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE t (a TEXT)');
    raw.close();
    expect(caught(() => openLedgerSession(path, { readOnly: true })).code).toBe('NOT_A_LEDGER');
  });

  test('random bytes → NOT_A_LEDGER or FILE with a Chinese message, never a stack, and the bytes untouched', () => {
    const path = join(tmp.dir(), 'random.yqyc');
    const bytes = randomBytes(16 * 1024);
    writeFileSync(path, bytes);

    const error = caught(() => openLedgerSession(path));
    // Whole pages of random bytes are exactly what an encrypted (SQLCipher) ledger looks like without its key, so
    // the password is asked for; with any password it is then refused as wrong. Never judged damaged, never changed.
    expect(['NOT_A_LEDGER', 'FILE', 'PASSWORD']).toContain(error.code);
    expect(error.message).toMatch(CHINESE);
    expect(error.message).not.toMatch(STACK);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test('an empty (0-byte) file is refused, not turned into a half-made ledger', () => {
    const path = join(tmp.dir(), 'empty.yqyc');
    writeFileSync(path, '');

    const error = caught(() => openLedgerSession(path));
    expect(error.code).toBe('NOT_A_LEDGER');
    expect(error.message).toBe('该文件不是“一企一策”台账文件');

    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM sqlite_schema').get()).toEqual({ n: 0 });
    expect(check.pragma('application_id', { simple: true })).toBe(0);
    check.close();
  });

  test('through the dispatcher the clerk gets a code and a sentence, and no ledger is left open', async () => {
    const path = join(tmp.dir(), 'random.yqyc');
    writeFileSync(path, randomBytes(8192));
    const core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW });
    tmp.onCleanup(() => core.close());

    const result = await core.invoke('ledgers:openFile', { fileRef: await core.grant(path, 'open') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Random whole pages cannot be told from an encrypted ledger without its password (see above).
    expect(['NOT_A_LEDGER', 'FILE', 'PASSWORD']).toContain(result.error.code);
    expect(result.error.message).toMatch(CHINESE);
    expect(result.error.message).not.toMatch(STACK);
    expect(valueOf(await core.invoke('ledgers:current', {}))).toBeNull();
    expect(valueOf(await core.invoke('ledgers:listRecent', {}))).toEqual([]);
  });

  test('a file that has gone missing → NOT_FOUND, and nothing is created in its place', async () => {
    const path = join(tmp.dir(), '已删除.yqyc');
    const core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW });
    tmp.onCleanup(() => core.close());
    const result = await core.invoke('ledgers:openFile', { fileRef: await core.grant(path, 'open') });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '台账文件不存在，可能已被移动或删除' } });
    expect(existsSync(path)).toBe(false);
  });
});
