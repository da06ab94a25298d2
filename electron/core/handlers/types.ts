import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { CoreContext } from '../app/context';

export type Handler<C extends Channel> = (
  ctx: CoreContext,
  req: ParsedRequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** The handlers of a group of channels; handlers.ts joins the groups and fails to compile if one is missing. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

export const nothing = (_done: void): null => null;
