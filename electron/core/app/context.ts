import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Writer } from '../db/changeLog';
import { AppError } from '../errors';
import { stopDaily } from '../ledger/daily';
import { closeLedgerSession, type LedgerSession } from '../ledger/session';
import { closeCountySession, type CountySession } from '../county/session';
import { ledgersDirOf } from './dataDir';
import { JobRegistry } from '../jobs/registry';
import { FileGrants } from './fileGrants';
import { Printer, type PrinterKind } from '../print/engine/printer';
import type { PdfEngine } from '../print/types';
import { RecentLedgers } from './recent';
import { saveLastOpen } from './lastOpen';

export interface CoreOptions {
  /** Where the browser shell's ledgers, the recent list and uploads live. */
  dataDir: string;
  /** Who the change log names; defaults to the operating-system user. */
  actor?: string;
  now?: () => Date;
  /** Who prints: a local headless browser (default) or the shell's host (the desktop's Electron). */
  printer?: PrinterKind;
  /** The host's engine when `printer` is 'host' (the worker builds one that asks the desktop main process). */
  hostEngine?: PdfEngine;
  /**
   * The app's own core (coreWorker): each ledger opened is kept in app-settings.json for the next start to reopen
   * (lastOpen.ts), until 关闭台账. Command lines and tests leave it off.
   */
  remembersLastOpen?: boolean;
}

export const LOCKED_MESSAGE = '台账已锁定，请输入密码解锁';

/** A locked ledger: where it is and how it was open. Never its key or password. */
export interface LockedLedger {
  path: string;
  fileName: string;
  township: string;
  readOnly: boolean;
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
  private lockedLedger: LockedLedger | null = null;
  private countySession: CountySession | null = null;
  private printerInstance: Printer | null = null;
  private readonly hostEngine: PdfEngine | null;
  private readonly remembersLastOpen: boolean;

  constructor(options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.ledgersDir = ledgersDirOf(options.dataDir);
    mkdirSync(this.ledgersDir, { recursive: true });
    this.recent = new RecentLedgers(options.dataDir);
    this.writer = { actor: options.actor ?? defaultActor(), now: options.now ?? (() => new Date()) };
    if (options.printer === 'host' && !options.hostEngine) throw new Error('printer "host" needs a hostEngine');
    this.hostEngine = options.printer === 'host' ? options.hostEngine! : null;
    this.remembersLastOpen = options.remembersLastOpen ?? false;
  }

  /** The print engine, created on first use: a ledger can be opened without any browser installed. */
  get printer(): Printer {
    this.printerInstance ??= new Printer(this.dataDir, this.hostEngine);
    return this.printerInstance;
  }

  get ledger(): LedgerSession | null {
    return this.session;
  }

  /** The locked ledger (锁定), or null: its connection is closed, only where it was is remembered. */
  get locked(): LockedLedger | null {
    return this.lockedLedger;
  }

  /**
   * The open ledger, or the error a clerk sees when a screen needs one and none is open. Every channel that needs
   * a ledger comes through here, so a locked ledger refuses them all in this one place.
   */
  requireLedger(): LedgerSession {
    if (this.session) return this.session;
    if (this.lockedLedger) throw new AppError('LOCKED', LOCKED_MESSAGE);
    throw new AppError('NO_LEDGER', '尚未打开台账，请先在开始页面新建或打开一个台账');
  }

  /** Replaces the open ledger, closing the previous one; closing or opening a ledger ends a lock. */
  setLedger(session: LedgerSession | null): void {
    if (this.session && this.session !== session) release(this.session);
    this.session = session;
    this.lockedLedger = null;
    if (session && this.remembersLastOpen) {
      saveLastOpen(this.dataDir, { path: session.path, readOnly: session.readOnly });
    }
  }

  /** 关闭台账: the clerk is done with it, so the next start shows the start screen instead of reopening it. */
  closeLedger(): void {
    this.setLedger(null);
    if (this.remembersLastOpen) saveLastOpen(this.dataDir, null);
  }

  /** The county view (全县汇总) beside the open ledger, or null: township ledgers opened read-only. */
  get county(): CountySession | null {
    return this.countySession;
  }

  /** Replaces the county view, closing the township files of the previous one. */
  setCounty(session: CountySession | null): void {
    if (this.countySession && this.countySession !== session) closeCountySession(this.countySession);
    this.countySession = session;
  }

  /** 锁定: the connection closes (the key goes with it); what is needed to reopen it, minus the key, stays. */
  lock(locked: LockedLedger): void {
    if (this.session) release(this.session);
    // Encrypted townships' files were opened with a password too: a locked screen keeps none of them open.
    this.setCounty(null);
    this.session = null;
    this.lockedLedger = locked;
  }

  /** Closes the ledger; a print browser that was started quits in the background (see shutdown to wait for it). */
  close(): void {
    void this.shutdown();
  }

  /** Closes the ledger and the county view at once; settles when the print browser (if one was started) has quit. */
  async shutdown(): Promise<void> {
    // The day's check and backup hold the file through a connection of their own: stopped and closed first, so
    // the ledger's own close folds its log back into the file. Nothing under way: the close happens at once.
    const stopping = this.session ? stopDaily(this.session) : null;
    if (stopping) await stopping;
    this.setLedger(null);
    this.setCounty(null);
    const printer = this.printerInstance;
    this.printerInstance = null;
    if (printer) await printer.close();
  }
}

/**
 * Closes a session the context lets go of. The handlers that replace or close the ledger have already stopped its
 * daily work (handlers/replacesLedger.ts); for any other way here a stop is still asked for, so that work takes no
 * further step and its connection closes as soon as the step under way ends.
 */
function release(session: LedgerSession): void {
  void stopDaily(session);
  closeLedgerSession(session);
}

function defaultActor(): string {
  try {
    return userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}
