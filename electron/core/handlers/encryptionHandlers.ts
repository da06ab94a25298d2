import type { encryptionChannels } from '../../../shared/ipc/encryption';
import type { lockChannels } from '../../../shared/ipc/lock';
import { changePassword, removePassword, setPassword } from '../services/encryption';
import { lockLedger, readLockSettings, saveLockSettings, unlockLedger } from '../services/lock';
import { replacesLedger } from './replacesLedger';
import type { HandlersFor } from './types';

export const encryptionHandlers: HandlersFor<keyof typeof encryptionChannels | keyof typeof lockChannels> = {
  // Each replaces the ledger's file with a rekeyed copy, or (锁定) closes it: see replacesLedger.
  'ledgers:setPassword': replacesLedger((ctx, req) => setPassword(ctx, req.password)),
  'ledgers:changePassword': replacesLedger((ctx, req) => changePassword(ctx, req.old, req.password)),
  'ledgers:removePassword': replacesLedger((ctx, req) => removePassword(ctx, req.password)),
  'ledgers:lock': replacesLedger((ctx) => lockLedger(ctx)),
  'ledgers:unlock': (ctx, req) => unlockLedger(ctx, req.password),
  'lock:getSettings': (ctx) => readLockSettings(ctx.dataDir),
  'lock:saveSettings': (ctx, req) => saveLockSettings(ctx.dataDir, req),
  'lock:status': (ctx) => (ctx.locked ? { township: ctx.locked.township, fileName: ctx.locked.fileName } : null),
};
