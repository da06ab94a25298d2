import type { encryptionChannels } from '../../../shared/ipc/encryption';
import { changePassword, removePassword, setPassword } from '../services/encryption';
import type { HandlersFor } from './types';

export const encryptionHandlers: HandlersFor<keyof typeof encryptionChannels> = {
  'ledgers:setPassword': (ctx, req) => setPassword(ctx, req.password),
  'ledgers:changePassword': (ctx, req) => changePassword(ctx, req.old, req.password),
  'ledgers:removePassword': (ctx, req) => removePassword(ctx, req.password),
};
