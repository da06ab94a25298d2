import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { SALT_BYTES } from './cipher';
import { APPLICATION_ID } from './open';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readHead(path: string, bytes: number): Buffer | null {
  const header = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, bytes, 0) < bytes ? null : header;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads only the 100-byte SQLite header: is this an SQLite file carrying the ledger's application_id?
 * Lets a shell refuse a stray upload before anything opens it as a database.
 */
export function looksLikeLedgerFile(path: string): boolean {
  const header = readHead(path, 100);
  return (
    header !== null && header.toString('latin1', 0, 16) === SQLITE_MAGIC && header.readUInt32BE(68) === APPLICATION_ID
  );
}

/**
 * An encrypted ledger, as far as can be told without its password: an SQLCipher file has no plain header (its
 * first 16 bytes are the salt), and it is whole pages (every SQLite page size is a multiple of 512). Which ledger
 * it is only the password can tell; a foreign file that passes this is refused as "wrong password" at worst.
 */
export function looksEncrypted(path: string): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  if (size < 1024 || size % 512 !== 0) return false;
  const head = readHead(path, 16);
  return head !== null && head.toString('latin1') !== SQLITE_MAGIC;
}

/** The KDF salt of an encrypted file: its first 16 bytes. */
export function readSalt(path: string): Buffer {
  const head = readHead(path, SALT_BYTES);
  if (!head) throw new Error('文件过短，不是加密的台账');
  return head;
}
