import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { CIPHER_PAGE_BYTES, SALT_BYTES } from './cipher';

/** 'YQYC' — marks an SQLite file as a 台账 so any other SQLite file is refused by name, not by a missing table. */
export const APPLICATION_ID = 0x59515943;

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

/** Formats a clerk may pick by mistake, by their first bytes: zip (.xlsx, .docx), OLE (.xls, .doc), PDF, images. */
const FOREIGN_MAGIC = [
  'PK\u0003\u0004',
  '\u00d0\u00cf\u0011\u00e0',
  '%PDF',
  '\u00ff\u00d8\u00ff',
  '\u0089PNG',
  'GIF8',
  'RIFF',
];

/**
 * An encrypted ledger, as far as can be told without its password. An SQLCipher file has no plain header (its
 * first 16 bytes are the random salt) and is whole 4096-byte cipher pages. A file of another known format, or
 * starting with text, cannot be one (16 random bytes are all printable about once in 10^8 files). Which ledger it is
 * only the password can tell; a foreign file that still passes is refused as "wrong password" at worst.
 */
export function looksEncrypted(path: string): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  if (size < CIPHER_PAGE_BYTES || size % CIPHER_PAGE_BYTES !== 0) return false;
  const head = readHead(path, SALT_BYTES);
  if (head === null) return false;
  const text = head.toString('latin1');
  if (text === SQLITE_MAGIC || FOREIGN_MAGIC.some((magic) => text.startsWith(magic))) return false;
  return !/^[\t\n\r\u0020-\u007e]+$/.test(text);
}

/** Up to `count` whole cipher pages from page 2 on (page 1 is the one in doubt when a key fails), with numbers. */
export function readCipherPages(path: string, count: number): { number: number; page: Buffer }[] {
  const pages: { number: number; page: Buffer }[] = [];
  const fd = openSync(path, 'r');
  try {
    for (let number = 2; number < 2 + count; number++) {
      const page = Buffer.alloc(CIPHER_PAGE_BYTES);
      if (readSync(fd, page, 0, CIPHER_PAGE_BYTES, (number - 1) * CIPHER_PAGE_BYTES) < CIPHER_PAGE_BYTES) break;
      pages.push({ number, page });
    }
  } finally {
    closeSync(fd);
  }
  return pages;
}

/** The KDF salt of an encrypted file: its first 16 bytes. */
export function readSalt(path: string): Buffer {
  const head = readHead(path, SALT_BYTES);
  if (!head) throw new Error('文件过短，不是加密的台账');
  return head;
}
