import type { aboutChannels } from '../../../shared/ipc/about';
import { aboutInfo, licenceText } from '../app/about';
import type { HandlersFor } from './types';

type AboutChannel = keyof typeof aboutChannels;

export const aboutHandlers: HandlersFor<AboutChannel> = {
  'app:about': (ctx) => aboutInfo(ctx.dataDir),
  'app:licence': (_ctx, req) => ({ text: licenceText(req.name) }),
};
