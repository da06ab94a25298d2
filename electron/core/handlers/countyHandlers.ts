import type { countyChannels } from '../../../shared/ipc/county';
import { closeCounty, currentCounty, exportCounty, openCounty } from '../services/county';
import type { HandlersFor } from './types';

type CountyChannel = keyof typeof countyChannels;

export const countyHandlers: HandlersFor<CountyChannel> = {
  'county:open': (ctx, req) => openCounty(ctx, req.fileRefs, req.password),
  'county:current': (ctx) => currentCounty(ctx),
  'county:export': (ctx, req) => exportCounty(ctx, req.target, req.jobId),
  'county:close': (ctx) => closeCounty(ctx),
};
