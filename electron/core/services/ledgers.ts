import { existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { defaultDocBanner, type LedgerSettings } from '../../../shared/domain/ledger';
import type { LedgerSettingsInput, OpenLedger } from '../../../shared/ipc/ledgers';
import type { CoreContext } from '../app/context';
import { ledgerId } from '../app/recent';
import { write, type Tx } from '../db/changeLog';
import { getSettings } from '../db/repos/settings';
import { settingsTable } from '../db/tables';
import { AppError } from '../errors';
import { openLedgerSession, summarize, type LedgerSession } from '../ledger/session';

export const LEDGER_EXTENSION = '.yqyc';

export function describeOpen(session: LedgerSession): OpenLedger {
  return {
    id: ledgerId(session.path),
    fileName: session.fileName,
    settings: getSettings(session.db),
    summary: summarize(session),
    readOnly: session.readOnly,
    notice: session.notice,
  };
}

export function openLedgerAt(ctx: CoreContext, path: string, readOnly = false): OpenLedger {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '台账文件不存在，可能已被移动或删除');
  const session = openLedgerSession(path, { readOnly });
  try {
    const opened = describeOpen(session);
    ctx.setLedger(session);
    ctx.recent.touch(path, opened.settings.township, ctx.writer.now());
    return opened;
  } catch (e) {
    session.db.close();
    throw e;
  }
}

export function openRecent(ctx: CoreContext, id: string): OpenLedger {
  const path = ctx.recent.pathOf(id);
  if (!path) throw new AppError('NOT_FOUND', '最近打开的列表中没有这个台账');
  return openLedgerAt(ctx, path);
}

export function settingsFromInput(input: LedgerSettingsInput): LedgerSettings {
  return {
    township: input.township,
    committee: input.committee,
    docCode: input.docCode,
    docBanner: input.docBanner || defaultDocBanner(input.committee),
    superiorUnit: input.superiorUnit ?? '',
  };
}

/**
 * Creates a ledger file and fills it through `fill` in the same change-log batch as its settings. The file is
 * created only if it does not exist, and removed again if anything fails, so no half-made ledger is left behind.
 */
export function createLedgerAt(
  ctx: CoreContext,
  path: string,
  settings: LedgerSettings,
  action: string,
  fill: (tx: Tx) => void = () => {},
): OpenLedger {
  if (existsSync(path)) throw new AppError('CONFLICT', `文件“${path}”已存在，为免覆盖，请换一个文件名`);
  let session: LedgerSession | null = null;
  try {
    session = openLedgerSession(path, { create: true });
    write(session.db, ctx.writer, action, (tx) => {
      tx.insert(settingsTable, { ...settings, ledgerUid: randomUUID(), createdAt: tx.at });
      fill(tx);
    });
    const opened = describeOpen(session);
    ctx.setLedger(session);
    ctx.recent.touch(path, settings.township, ctx.writer.now());
    return opened;
  } catch (e) {
    if (session) session.db.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
    throw e;
  }
}

/** A file name in the data folder from the township's name, numbered when taken: 长乐镇.yqyc, 长乐镇(2).yqyc … */
export function freshLedgerPath(ledgersDir: string, base: string): string {
  const safe =
    base
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 60) || '台账';
  for (let n = 1; ; n++) {
    const path = join(ledgersDir, `${safe}${n === 1 ? '' : `(${n})`}${LEDGER_EXTENSION}`);
    if (!existsSync(path)) return path;
  }
}
