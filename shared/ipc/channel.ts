import type { z } from 'zod';

/**
 * A channel pairs a request schema (checked at run time: the renderer is untrusted) with a response type
 * (checked at compile time only: the core is trusted).
 */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Chinese names of request fields (by path or leaf), for messages that name the field at fault. */
  labels: Readonly<Record<string, string>>;
  /** Phantom: carries the response type, never read. */
  response?: Res;
}

export function channel<Res>() {
  return <Req extends z.ZodType>(
    request: Req,
    labels: Readonly<Record<string, string>> = {},
  ): ChannelSpec<Req, Res> => ({
    request,
    labels,
  });
}
