import type { importChannels } from '../../../shared/ipc/imports';
import {
  closeImport,
  commitImport,
  importLayout,
  openImport,
  previewImport,
  requireSession,
} from '../services/imports';
import { nothing, type HandlersFor } from './types';

export const importHandlers: HandlersFor<keyof typeof importChannels> = {
  'imports:open': (ctx, req) => openImport(ctx, req.fileRef),
  'imports:columns': (ctx, req) => importLayout(ctx.requireLedger().db, requireSession(ctx, req.sessionId), req),
  'imports:preview': (ctx, req) => previewImport(ctx, req),
  'imports:commit': (ctx, req) => commitImport(ctx, req),
  'imports:close': (ctx, req) => nothing(closeImport(ctx, req.sessionId)),
};
