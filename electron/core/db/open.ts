import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import {
  CIPHER_PRAGMAS,
  deriveRawKey,
  keyCandidates,
  pageKeysFor,
  pageSignedBy,
  PASSWORD_MISSING_MESSAGE,
  PASSWORD_WRONG_MESSAGE,
  rawKeyForm,
} from './cipher';
import { looksEncrypted, readCipherPages, readSalt } from './fileHeader';

export type Db = Database.Database;

/** What every ledger connection must run with; read back after setting so a silent refusal cannot slip by. */
export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: better-sqlite3's WAL default (NORMAL) can lose the last commits on power loss
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

export interface OpenOptions {
  /** Create the file if missing (a new ledger); otherwise a missing file is an error. */
  create?: boolean;
  /** An encrypted ledger's password or recovery key; ignored for a plain file. */
  key?: string | null;
}

/** The raw key (`x'…'`) each keyed connection was opened with: what checks its copies and what reopens it. */
const keys = new WeakMap<Db, string>();

/** The raw key of an encrypted ledger's connection, or null for a plain one. */
export const keyOf = (db: Db): string | null => keys.get(db) ?? null;

/**
 * The one place a database connection is made (better-sqlite3-multiple-ciphers, in SQLCipher mode for an
 * encrypted ledger). An encrypted file without a key, or with a wrong one, is refused with code PASSWORD before
 * any pragma touches it — never as a damaged or foreign file.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db =
      !options.create && looksEncrypted(path)
        ? openKeyed(path, options.key, false)
        : new Database(path, { fileMustExist: !options.create, nativeBinding: nativeBinding() });
  } catch (e) {
    if (e instanceof AppError || e instanceof PageOneDamaged) throw e;
    throw new AppError('FILE', `无法打开台账文件：${describeFsError(e)}`);
  }
  try {
    applyPragmas(db);
    // Speed, not safety: SQLite's default page cache is 2 MiB, while a county ledger's indexes run to tens of MB; an
    // import of 50,000 rows otherwise re-reads index pages from disk for every insert.
    db.pragma('cache_size = -32768');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    if (isNotADatabase(e)) throw new AppError('NOT_A_LEDGER', '该文件不是台账文件（不是有效的数据库文件）');
    throw e;
  }
}

/**
 * A read-only look at a file that is not the open ledger (a backup being checked): no pragmas are set, since
 * setting WAL mode would write to it. Still made here, the one place connections are made.
 */
export function openReadOnlyFile(path: string, key?: string | null): Db {
  try {
    if (looksEncrypted(path)) return openKeyed(path, key, true);
    return new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE', `无法打开文件：${describeFsError(e)}`);
  }
}

/**
 * SQLCipher mode, then the key, then a read to prove it: SQLite only finds out that a key is wrong when it first
 * decrypts page 1 (HMAC mismatch, reported as NOTADB). Each candidate (recovery key, then password) gets a fresh
 * connection, so a failed key leaves nothing behind.
 */
function openKeyed(path: string, secret: string | null | undefined, readonly: boolean): Db {
  if (!secret) throw new AppError('PASSWORD', PASSWORD_MISSING_MESSAGE);
  for (const candidate of keyCandidates(secret)) {
    const db = new Database(path, { readonly, fileMustExist: true, nativeBinding: nativeBinding() });
    try {
      for (const pragma of CIPHER_PRAGMAS) db.pragma(pragma);
      db.key(Buffer.from(candidate, 'utf8'));
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      db.close();
      if (isNotADatabase(e)) continue;
      throw e;
    }
    // Remembered as the raw key, so copies are checked and the file reopened without another key derivation.
    keys.set(db, candidate.startsWith("x'") ? candidate : rawKeyForm(deriveRawKey(candidate, readSalt(path))));
    return db;
  }
  if (signsOtherPages(path, secret)) throw new PageOneDamaged();
  throw new AppError('PASSWORD', PASSWORD_WRONG_MESSAGE);
}

/** Whether the key verifies any of the next few pages: then the password was right and page 1 is what is wrong. */
function signsOtherPages(path: string, secret: string): boolean {
  const salt = readSalt(path);
  const pages = readCipherPages(path, 4);
  return pageKeysFor(secret, salt).some((key) => pages.some((p) => pageSignedBy(p.page, p.number, key, salt)));
}

/** Carries SQLite's own code for a damaged page, so the open path offers the newest backup as for any damage. */
class PageOneDamaged extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor() {
    super('加密台账的第一页已损坏，密码经其余页面验证无误');
  }
}

/**
 * Re-encrypts a file that no one else has open (a fresh VACUUM INTO copy): `fromKey` null for a plain file,
 * `toPassword` null to decrypt it. SQLite3MultipleCiphers rekeys only outside WAL mode, which a VACUUM INTO copy
 * already is; it is left so (a read-only check needs no -shm) and opening it as the ledger turns WAL back on.
 */
export function rekeyFile(path: string, fromKey: string | null, toPassword: string | null): void {
  const db = fromKey
    ? openKeyed(path, fromKey, false)
    : new Database(path, { fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    if (db.pragma('journal_mode', { simple: true }) !== 'delete') db.pragma('journal_mode = DELETE');
    if (!fromKey) for (const pragma of CIPHER_PRAGMAS) db.pragma(pragma);
    const rc = db.rekey(Buffer.from(toPassword ?? '', 'utf8'));
    if (rc !== 0) throw new AppError('FILE', `更改台账加密失败（SQLite 返回 ${rc}）`);
  } finally {
    db.close();
  }
}

function applyPragmas(db: Db): void {
  db.pragma(`journal_mode = ${REQUIRED_PRAGMAS.journal_mode}`);
  db.pragma(`synchronous = ${REQUIRED_PRAGMAS.synchronous}`);
  db.pragma(`foreign_keys = ${REQUIRED_PRAGMAS.foreign_keys}`);
  db.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  const actual = readPragmas(db);
  for (const [name, want] of Object.entries(REQUIRED_PRAGMAS)) {
    const got = actual[name as keyof typeof REQUIRED_PRAGMAS];
    if (String(got).toLowerCase() !== String(want)) {
      throw new AppError(
        'FILE',
        `台账数据库的安全设置未能生效（${name} 应为 ${want}，实际为 ${got}），为防止数据丢失已停止打开。请将台账复制到本机磁盘后再试。`,
      );
    }
  }
}

export function readPragmas(db: Db): Record<keyof typeof REQUIRED_PRAGMAS, string | number> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreign_keys: db.pragma('foreign_keys', { simple: true }) as number,
    busy_timeout: db.pragma('busy_timeout', { simple: true }) as number,
  };
}

/** Under Electron the addon must be the build for Electron's ABI; tests and the other shells run under Node. */
function nativeBinding(): string | undefined {
  return process.versions.electron ? process.env.YIQIYICE_ELECTRON_SQLITE_BINDING || undefined : undefined;
}

function isNotADatabase(e: unknown): boolean {
  return e instanceof Error && 'code' in e && (e as { code: string }).code === 'SQLITE_NOTADB';
}

function describeFsError(e: unknown): string {
  const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'SQLITE_CANTOPEN') return '文件不存在或没有读写权限';
  if (code === 'SQLITE_NOTADB') return '该文件不是有效的数据库文件';
  if (code === 'SQLITE_READONLY') return '文件是只读的';
  return e instanceof Error ? e.message : String(e);
}
