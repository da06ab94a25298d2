import type { backupChannels } from '../../../shared/ipc/backups';
import type { CoreContext } from '../app/context';
import { autoBackup, backupTo, listBackups, rotateBackups } from '../backup/backups';
import { restoreFrom, restoreListedBackup } from '../backup/restore';
import { readBackupSettings, saveBackupSettings } from '../backup/settings';
import { replacesLedger } from './replacesLedger';
import type { HandlersFor } from './types';

function settingsView(ctx: CoreContext) {
  const { folder, keepToday, maxTotal } = readBackupSettings(ctx.dataDir);
  return { folder, keepToday, maxTotal };
}

export const backupHandlers: HandlersFor<keyof typeof backupChannels> = {
  'backups:list': (ctx) => listBackups(readBackupSettings(ctx.dataDir).folder, ctx.requireLedger().path),
  'backups:create': (ctx, req) =>
    req.target
      ? backupTo(ctx.requireLedger(), ctx.files.take(req.target, 'create'), ctx.writer.now())
      : autoBackup(ctx, 'manual'),
  // A restore renames the backup's copy over the ledger's file: see replacesLedger.
  'backups:restore': replacesLedger((ctx, req) => restoreListedBackup(ctx, req.name, req.password)),
  'backups:restoreFile': replacesLedger((ctx, req) =>
    restoreFrom(ctx, ctx.files.take(req.fileRef, 'restore'), req.password),
  ),
  'backups:settings': (ctx) => settingsView(ctx),
  'backups:saveSettings': (ctx, req) => {
    const folder = req.folderRef ? ctx.files.take(req.folderRef, 'backupFolder') : undefined;
    const saved = saveBackupSettings(ctx.dataDir, {
      keepToday: req.keepToday,
      maxTotal: req.maxTotal,
      ...(folder ? { folder } : {}),
    });
    // Fewer to keep takes effect now, not at the next backup; backups in a folder left behind stay where they are.
    if (ctx.ledger) rotateBackups(saved.folder, ctx.ledger.path, saved, ctx.writer.now());
    return settingsView(ctx);
  },
};
