import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Writer } from '../db/changeLog';
import { AppError } from '../errors';
import { closeLedgerSession, type LedgerSession } from '../ledger/session';
import { ledgersDirOf } from './dataDir';
import { JobRegistry } from '../jobs/registry';
import { FileGrants } from './fileGrants';
import { RecentLedgers } from './recent';

export interface CoreOptions {
  /** Where the browser shell's ledgers, the recent list and uploads live. */
  dataDir: string;
  /** Who the change log names; defaults to the operating-system user. */
  actor?: string;
  now?: () => Date;
}

/** Everything a handler may use: the open ledger, the data folder, the clock. Shell-neutral. */
export class CoreContext {
  readonly dataDir: string;
  readonly ledgersDir: string;
  readonly recent: RecentLedgers;
  readonly files = new FileGrants();
  readonly jobs = new JobRegistry();
  readonly writer: Writer;
  private session: LedgerSession | null = null;

  constructor(options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.ledgersDir = ledgersDirOf(options.dataDir);
    mkdirSync(this.ledgersDir, { recursive: true });
    this.recent = new RecentLedgers(options.dataDir);
    this.writer = { actor: options.actor ?? defaultActor(), now: options.now ?? (() => new Date()) };
  }

  get ledger(): LedgerSession | null {
    return this.session;
  }

  /** The open ledger, or the error a clerk sees when a screen needs one and none is open. */
  requireLedger(): LedgerSession {
    if (!this.session) throw new AppError('NO_LEDGER', '尚未打开台账，请先在开始页面新建或打开一个台账');
    return this.session;
  }

  /** Replaces the open ledger, closing the previous one. */
  setLedger(session: LedgerSession | null): void {
    if (this.session && this.session !== session) closeLedgerSession(this.session);
    this.session = session;
  }

  close(): void {
    this.setLedger(null);
  }
}

function defaultActor(): string {
  try {
    return userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}
