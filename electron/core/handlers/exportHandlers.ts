import type { exportChannels } from '../../../shared/ipc/exports';
import { AppError } from '../errors';
import type { HandlersFor } from './types';

type ExportChannel = Extract<keyof typeof exportChannels, `exports:${string}`>;

// Being built (issue 7, exports).
const pending = (): never => {
  throw new AppError('INTERNAL', '导出功能尚在开发中');
};

export const exportHandlers: HandlersFor<ExportChannel> = {
  'exports:run': pending,
  'exports:log': pending,
};
