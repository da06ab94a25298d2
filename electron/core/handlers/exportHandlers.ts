import type { exportChannels } from '../../../shared/ipc/exports';
import { AppError } from '../errors';
import type { HandlersFor } from './types';

// Being built (issue 7, exports and templates).
const pending = (): never => {
  throw new AppError('INTERNAL', '导出功能尚在开发中');
};

export const exportHandlers: HandlersFor<keyof typeof exportChannels> = {
  'exports:run': pending,
  'exports:log': pending,
  'templates:open': pending,
  'templates:fill': pending,
};
