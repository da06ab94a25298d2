import type { Result } from '../../../shared/ipc';
import type { CoreOptions } from '../app/context';
import type { GrantPurpose } from '../app/fileGrants';

/** Messages between a shell's thread and the core worker. */
export type ToWorker =
  | { id: number; type: 'invoke'; channel: string; payload: unknown }
  | { id: number; type: 'grant'; path: string; purpose: GrantPurpose }
  | { id: number; type: 'shutdown' };

export type FromWorker =
  { id: number; result: Result<unknown> } | { id: number; ref: string } | { id: number; done: true };

export type WorkerData = Omit<CoreOptions, 'now'>;

/** A message before the client numbers it. */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** jobs:progress and jobs:cancel are answered at once, beside the request that runs the job. */
export function isJobChannel(channel: string): boolean {
  return channel === 'jobs:progress' || channel === 'jobs:cancel';
}
