import type { importChannels } from '../../../shared/ipc/imports';
import { AppError } from '../errors';
import type { HandlersFor } from './types';

// Being built (issue 7, import pipeline).
const pending = (): never => {
  throw new AppError('INTERNAL', '导入功能尚在开发中');
};

export const importHandlers: HandlersFor<keyof typeof importChannels> = {
  'imports:open': pending,
  'imports:columns': pending,
  'imports:preview': pending,
  'imports:commit': pending,
  'imports:close': pending,
};
