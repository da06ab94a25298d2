import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RecentLedger } from '../../../shared/ipc/ledgers';
import { writeFileAtomic } from './atomicFile';

const MAX_RECENT = 20;

interface StoredRecent {
  path: string;
  title: string;
  lastOpenedAt: string;
}

export function ledgerId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/** Recently opened ledgers, newest first, kept in the data folder (not in any ledger). */
export class RecentLedgers {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent.json');
  }

  private read(): StoredRecent[] {
    if (!existsSync(this.file)) return [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (r): r is StoredRecent =>
          typeof r === 'object' &&
          r !== null &&
          typeof r.path === 'string' &&
          typeof r.title === 'string' &&
          typeof r.lastOpenedAt === 'string',
      );
    } catch {
      // A damaged list only costs the clerk the shortcuts; the ledgers themselves are untouched.
      return [];
    }
  }

  list(): RecentLedger[] {
    return this.read().map((r) => ({
      id: ledgerId(r.path),
      title: r.title,
      fileName: basename(r.path),
      folder: dirname(r.path),
      lastOpenedAt: r.lastOpenedAt,
      exists: existsSync(r.path),
    }));
  }

  /** The township a ledger was listed under, as the start screen shows it. */
  titleOf(path: string): string | null {
    return this.read().find((r) => r.path === path)?.title ?? null;
  }

  pathOf(id: string): string | null {
    return this.read().find((r) => ledgerId(r.path) === id)?.path ?? null;
  }

  touch(path: string, title: string, at: Date): void {
    const rest = this.read().filter((r) => r.path !== path);
    const next = [{ path, title, lastOpenedAt: at.toISOString() }, ...rest].slice(0, MAX_RECENT);
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
  }
}
