import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { CoreContext } from '../../electron/core/app/context';
import { openDatabase } from '../../electron/core/db/open';
import { migrateUpTo } from '../support/oldLedger';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { createSampleAt } from '../../electron/core/services/sample';

/** A real ledger with 60 sample enterprises (so its indexes span pages), closed cleanly. */
export function sampleLedger(dataDir: string, path: string, now: () => Date): void {
  const ctx = new CoreContext({ dataDir, now });
  createSampleAt(ctx, path, { enterprises: 60, seed: 7 });
  ctx.close();
}

/**
 * A ledger with a long history: the 60 sample enterprises and about 100 MB of change log (200,000 entries), so that
 * checking and copying it takes the daily work a noticeable while — long enough to act while it runs.
 */
export function ledgerWithLongHistory(dataDir: string, path: string, now: () => Date): void {
  sampleLedger(dataDir, path, now);
  const db = openDatabase(path);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
    INSERT INTO change_log (batch_id, entity, entity_id, op, field, old_value, new_value)
    SELECT 1, 'enterprise', i % 60 + 1, 'update', 'note', NULL, hex(randomblob(200)) FROM n`);
  db.close();
}

/**
 * Damage as a failing disk or a torn copy leaves it: the body of one b-tree page (the change log's entity index,
 * which opening and the first screen never read) overwritten with garbage; page 1 and the tables are intact.
 */
export function corruptIndexPage(path: string, index = 'change_log_entity'): void {
  const raw = new Database(path, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const { rootpage } = raw.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(index) as {
    rootpage: number;
  };
  raw.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** A ledger as the previous program version left it: every migration but the last, with its settings row. */
export function previousVersionLedger(path: string): number {
  const db = openDatabase(path, { create: true });
  migrateUpTo(db, MIGRATIONS.length - 1);
  db.exec(`INSERT INTO ledger_settings (id, township, committee, doc_code, doc_banner, ledger_uid, created_at)
    VALUES (1, '长乐镇', '中共长乐镇委员会', '长委', '中共长乐镇委员会文件', 'uid', '2025-01-01T00:00:00Z')`);
  const version = db.pragma('user_version', { simple: true }) as number;
  db.close();
  return version;
}

const CRASHING_WRITER = `
import { openLedgerSession } from './electron/core/ledger/session.ts';
const s = openLedgerSession(process.argv[1]);
s.db.prepare("UPDATE ledger_settings SET superior_unit = '县委组织部' WHERE id = 1").run();
process.stdout.write('open\\n');
setInterval(() => {}, 1000);
`;

/**
 * A real writer process that opens the ledger, writes, and is killed with SIGKILL while the ledger is open — as a
 * power cut or a killed program leaves it: the marker behind, the last commit only in the -wal.
 */
export async function killWriterWhileOpen(path: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CRASHING_WRITER, path], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('open') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return child.pid!;
}

/** Damage SQLite meets at once: page 1's b-tree (the schema itself) overwritten, the 100-byte file header intact. */
export function corruptSchemaPage(path: string): void {
  const raw = new Database(path, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize - 100, 0xa5), 0, pageSize - 100, 100);
  } finally {
    closeSync(fd);
  }
}
