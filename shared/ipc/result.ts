/** What every shell returns for every call. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ERROR_CODES = [
  'VALIDATION', // the request or a field in it is wrong; `field` says which
  'UNKNOWN_CHANNEL',
  'NO_LEDGER', // a ledger must be opened first
  'NOT_FOUND',
  'CONFLICT', // e.g. a file of that name exists
  'NOT_A_LEDGER', // the file is not a 台账 file
  'NEWER_VERSION', // made by a newer version of the program
  'OLD_VERSION', // made by an older version: it must be opened writable once to be upgraded
  'READ_ONLY',
  'FILE', // the file system refused
  'FORBIDDEN', // a shell refused the caller (token, origin, host)
  'CANCELLED', // the clerk stopped a long job; nothing was changed
  'BAD_FILE', // a spreadsheet that cannot be read: corrupt, encrypted, too big, not a workbook
  'UNSAFE_LOCATION', // on a network share or in a cloud-sync folder: refused, a local copy is offered
  'DAMAGED', // the ledger file is damaged beyond opening; restore a backup
  'PASSWORD', // the ledger (or backup) is encrypted: its password is missing or wrong
  'LOCKED', // the ledger is locked (锁定): its password unlocks it
  'BUSY', // a long job is running; try again when it has finished
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** Chinese, for the clerk: what went wrong and what to do. */
  message: string;
  /** The request field at fault, e.g. "settings.township", for showing the message beside it. */
  field?: string;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
