import type { z } from 'zod';

/**
 * A channel pairs a request schema (checked at run time: the renderer is untrusted) with a response type
 * (checked at compile time only: the core is trusted).
 */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: carries the response type, never read. */
  response?: Res;
}

export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request });
}
