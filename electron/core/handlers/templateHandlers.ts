import type { exportChannels } from '../../../shared/ipc/exports';
import { fillTemplate, openTemplate } from '../services/templates';
import type { HandlersFor } from './types';

type TemplateChannel = Extract<keyof typeof exportChannels, `templates:${string}`>;

export const templateHandlers: HandlersFor<TemplateChannel> = {
  'templates:open': (ctx, req) => openTemplate(ctx, req.fileRef),
  'templates:fill': (ctx, req) => fillTemplate(ctx, req),
};
