import { closeSync, openSync, readSync } from 'node:fs';
import { APPLICATION_ID } from './open';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Reads only the 100-byte SQLite header: is this an SQLite file carrying the ledger's application_id?
 * Lets a shell refuse a stray upload before anything opens it as a database.
 */
export function looksLikeLedgerFile(path: string): boolean {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1', 0, 16) === SQLITE_MAGIC && header.readUInt32BE(68) === APPLICATION_ID;
}
