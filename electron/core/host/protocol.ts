import type { Result } from '../../../shared/ipc';
import type { FontReport } from '../../../shared/ipc/print';
import type { CoreOptions } from '../app/context';
import type { GrantPurpose } from '../app/fileGrants';

/** Messages between a shell's thread and the core worker. */
export type ToWorker =
  | { id: number; type: 'invoke'; channel: string; payload: unknown }
  | { id: number; type: 'grant'; path: string; purpose: GrantPurpose }
  | { id: number; type: 'shutdown' }
  /** The host's answer to a RenderRequest (not numbered: it answers the worker, it asks nothing). */
  | RenderReply;

export type FromWorker =
  { id: number; result: Result<unknown> } | { id: number; ref: string } | { id: number; done: true } | RenderRequest;

/**
 * Under the desktop shell the worker cannot print (Electron's printToPDF lives in the main process): it asks the
 * host, which answers with a RenderReply. Answered outside the worker's serial queue, like the job channels.
 */
export type RenderRequest = { render: number; op: 'pdf'; html: string } | { render: number; op: 'fonts' };

export type RenderReply =
  | { type: 'rendered'; render: number; ok: true; pdf?: Uint8Array; fonts?: FontReport }
  | { type: 'rendered'; render: number; ok: false; message: string };

/** What the host does for the worker's RenderRequests. */
export interface HostRenderer {
  pdf(html: string): Promise<Uint8Array>;
  fonts(): Promise<FontReport>;
}

export type WorkerData = Omit<CoreOptions, 'now' | 'hostEngine'>;

export function isRenderRequest(msg: FromWorker): msg is RenderRequest {
  return 'render' in msg;
}

/** A message before the client numbers it. */
export type Unnumbered<T> = T extends { id: number } ? Omit<T, 'id'> : never;

/** jobs:progress and jobs:cancel are answered at once, beside the request that runs the job. */
export function isJobChannel(channel: string): boolean {
  return channel === 'jobs:progress' || channel === 'jobs:cancel';
}
