import type { PrefsView, prefsChannels } from '../../../shared/ipc/prefs';
import type { CoreContext } from '../app/context';
import { readExportFolder, saveExportFolder, usableExportFolder } from '../app/exportFolder';
import { readPrefs, savePrefs } from '../app/prefs';
import { readChosenBrowser } from '../app/printSettings';
import { readBackupSettings } from '../backup/settings';
import type { HandlersFor } from './types';

function prefsView(ctx: CoreContext): PrefsView {
  const prefs = readPrefs(ctx.dataDir);
  const folder = readExportFolder(ctx.dataDir);
  return {
    ...prefs,
    exportFolder: folder ? { path: folder, exists: usableExportFolder(ctx.dataDir) !== null } : null,
    backupFolder: readBackupSettings(ctx.dataDir).folder,
    printBrowser: readChosenBrowser(ctx.dataDir),
  };
}

export const prefsHandlers: HandlersFor<keyof typeof prefsChannels> = {
  'prefs:get': (ctx) => prefsView(ctx),
  'prefs:save': (ctx, req) => {
    // The grant is used up before anything is written, so a stale reference changes nothing.
    const folder = req.exportFolder ? ctx.files.take(req.exportFolder.folderRef, 'exportFolder') : req.exportFolder;
    savePrefs(ctx.dataDir, {
      fontSize: req.fontSize,
      contactName: req.contactName,
      contactTel: req.contactTel,
      reopenLast: req.reopenLast,
    });
    if (folder !== undefined) saveExportFolder(ctx.dataDir, folder);
    return prefsView(ctx);
  },
};
