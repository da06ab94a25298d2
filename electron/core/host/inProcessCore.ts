import { CoreContext, type CoreOptions } from '../app/context';
import { invoke } from '../invoke';
import type { CoreClient } from './coreClient';

/**
 * For tests and tools: no UI thread to protect, so the core runs in the caller's thread. Kept apart from
 * coreClient.ts so that the shells, which only start the worker, do not load the core (database, Excel, PDF).
 */
export function inProcessCore(options: CoreOptions): CoreClient {
  const ctx = new CoreContext(options);
  return {
    invoke: (channel, payload) => invoke(ctx, channel, payload),
    grant: async (path, purpose) => ctx.files.grant(path, purpose),
    close: () => ctx.shutdown(),
  };
}
