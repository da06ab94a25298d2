import type { jobChannels } from '../../../shared/ipc/jobs';
import type { HandlersFor } from './types';

export const jobHandlers: HandlersFor<keyof typeof jobChannels> = {
  'jobs:progress': (ctx, req) => ctx.jobs.progress(req.jobId),
  'jobs:cancel': (ctx, req) => {
    ctx.jobs.cancel(req.jobId);
    return null;
  },
};
