import type { exportChannels } from '../../../shared/ipc/exports';
import { exportLog, runExport } from '../services/exports';
import type { HandlersFor } from './types';

type ExportChannel = Extract<keyof typeof exportChannels, `exports:${string}`>;

export const exportHandlers: HandlersFor<ExportChannel> = {
  'exports:run': (ctx, req) => runExport(ctx, req),
  'exports:log': (ctx) => exportLog(ctx.requireLedger().db),
};
