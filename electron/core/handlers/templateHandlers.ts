import type { exportChannels } from '../../../shared/ipc/exports';
import { AppError } from '../errors';
import type { HandlersFor } from './types';

type TemplateChannel = Extract<keyof typeof exportChannels, `templates:${string}`>;

// Being built (issue 7, county templates).
const pending = (): never => {
  throw new AppError('INTERNAL', '模板填报功能尚在开发中');
};

export const templateHandlers: HandlersFor<TemplateChannel> = {
  'templates:open': pending,
  'templates:fill': pending,
};
