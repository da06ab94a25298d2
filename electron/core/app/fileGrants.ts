import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/**
 * open/create: a ledger file; import: a spreadsheet or template to read; export: where a workbook is written;
 * restore: a backup file to restore from; backupFolder: the folder backups are written to; exportFolder: the folder
 * the desktop's save dialogs start in (本机设置).
 */
export type GrantPurpose = 'open' | 'create' | 'import' | 'export' | 'restore' | 'backupFolder' | 'exportFolder';

/**
 * Files a shell has vouched for — a native dialog's choice, a finished upload, a command-line argument — each
 * under an unguessable reference. The renderer can only hand back a reference it was given, never a path.
 */
export class FileGrants {
  private readonly grants = new Map<string, { path: string; purpose: GrantPurpose }>();

  grant(path: string, purpose: GrantPurpose): string {
    const ref = randomBytes(18).toString('base64url');
    this.grants.set(ref, { path, purpose });
    return ref;
  }

  /** The path without using the reference up: a ledger refused for its location keeps its reference for 复制到本机. */
  peek(ref: string, purpose: GrantPurpose): string {
    const g = this.grants.get(ref);
    if (!g || g.purpose !== purpose) throw new AppError('NOT_FOUND', '所选文件已失效，请重新选择文件');
    return g.path;
  }

  /** A reference is good once: after use it is gone. */
  take(ref: string, purpose: GrantPurpose): string {
    const g = this.grants.get(ref);
    if (!g || g.purpose !== purpose) throw new AppError('NOT_FOUND', '所选文件已失效，请重新选择文件');
    this.grants.delete(ref);
    return g.path;
  }
}
