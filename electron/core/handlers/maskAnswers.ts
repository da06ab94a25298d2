import type { Channel } from '../../../shared/ipc';
import type { CoreContext } from '../app/context';
import { maskPersonal } from '../services/personal';
import type { Handlers } from './index';

/** The one channel whose answer is a full personal value, and which records that it was given (issue 10). */
const UNMASKED: ReadonlySet<Channel> = new Set<Channel>(['personal:reveal']);

/**
 * Wraps every handler so its answer leaves the core with personal data masked (services/personal.ts): the guarantee
 * does not depend on each list, detail or form remembering to mask.
 */
export function withMaskedAnswers(all: Handlers): Handlers {
  const out: Record<string, (ctx: CoreContext, req: never) => unknown> = {};
  for (const [channel, handler] of Object.entries(all) as [Channel, (ctx: CoreContext, req: never) => unknown][]) {
    if (UNMASKED.has(channel)) {
      out[channel] = handler;
      continue;
    }
    out[channel] = (ctx, req) => {
      const answer = handler(ctx, req);
      return answer instanceof Promise ? answer.then(maskPersonal) : maskPersonal(answer);
    };
  }
  return out as unknown as Handlers;
}
