import { createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * The ledger cipher: SQLite3MultipleCiphers in SQLCipher 4 mode (cipher='sqlcipher', legacy=4), so an encrypted
 * ledger is a standard SQLCipher 4 file that other tools can open too. Pure key arithmetic here; the connections
 * themselves are made in open.ts only.
 *
 * SQLCipher 4 derives the page key from the password with PBKDF2-HMAC-SHA512, 256,000 iterations, 32 bytes, salted
 * with the file's first 16 bytes. That derived key, given back as `x'<64 hex>'`, opens the file without the
 * password: it is the recovery key the clerk prints. It is tied to the file's salt, which a password change renews
 * (so a new recovery key is issued) and which VACUUM INTO keeps (so backups open with the same recovery key).
 */
export const KDF_ITERATIONS = 256_000;
export const SALT_BYTES = 16;
/** SQLCipher 4's page size and the reserve at each page's end: a 16-byte IV, then a 64-byte HMAC-SHA512. */
export const CIPHER_PAGE_BYTES = 4096;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE_BYTES = IV_BYTES + HMAC_BYTES;

/** The cipher settings, set on a connection before its key; literal, never interpolated. */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

export const PASSWORD_MISSING_MESSAGE = '台账已加密，请输入密码';
export const PASSWORD_WRONG_MESSAGE = '密码不正确';

export function deriveRawKey(password: string, salt: Buffer): string {
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, KDF_ITERATIONS, 32, 'sha512').toString('hex');
}

/** `x'…'`: SQLCipher's raw-key form, which skips the key derivation. */
export const rawKeyForm = (hex: string): string => `x'${hex.toLowerCase()}'`;

/** 8 groups of 8 hex digits, upper case, for printing and reading aloud. */
export function formatRecoveryKey(hex: string): string {
  return (hex.toUpperCase().match(/.{8}/g) ?? []).join('-');
}

/** The 64 hex digits of a recovery key as the clerk types it (groups, spaces, dashes, any case), or null. */
export function parseRecoveryKey(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '');
  const raw = /^x'([0-9a-f]{64})'$/i.exec(compact)?.[1] ?? compact;
  return /^[0-9a-f]{64}$/i.test(raw) ? raw.toLowerCase() : null;
}

/**
 * What to hand sqlite3_key for what the clerk typed, in the order to try: a recovery key as the raw key first (no
 * key derivation), then the text as a password — a password may itself look like a recovery key.
 */
export function keyCandidates(secret: string): string[] {
  const raw = parseRecoveryKey(secret);
  return raw ? [rawKeyForm(raw), secret] : [secret];
}

/** The 32-byte page key for what the clerk typed: the recovery key itself, or the password derived with the salt. */
export function pageKeysFor(secret: string, salt: Buffer): Buffer[] {
  const raw = parseRecoveryKey(secret);
  const keys = [Buffer.from(deriveRawKey(secret, salt), 'hex')];
  return raw ? [Buffer.from(raw, 'hex'), ...keys] : keys;
}

/**
 * Whether a page (not page 1) carries a valid HMAC under this key — SQLCipher 4's own authentication, redone here:
 * the HMAC key is PBKDF2-HMAC-SHA512 of the page key with the salt XOR 0x3a, 2 iterations; it signs the ciphertext
 * and IV followed by the page number (4 bytes, little-endian). Lets "wrong password" be told from "page 1 damaged":
 * SQLite reports both the same way, but only the right key signs the other pages.
 */
export function pageSignedBy(page: Buffer, pageNumber: number, pageKey: Buffer, salt: Buffer): boolean {
  if (page.length !== CIPHER_PAGE_BYTES || pageNumber < 2) return false;
  const macKey = pbkdf2Sync(pageKey, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pageNumber);
  const mac = createHmac('sha512', macKey)
    .update(page.subarray(0, CIPHER_PAGE_BYTES - RESERVE_BYTES + IV_BYTES))
    .update(number)
    .digest();
  return mac.equals(page.subarray(CIPHER_PAGE_BYTES - HMAC_BYTES));
}
