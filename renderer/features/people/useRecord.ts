import { useEffect, useEffectEvent, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc';
import { ApiError, call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/** The detail channels a drawer reads one record with, by id. */
type DetailChannel = 'instructors:detail' | 'leaders:detail' | 'workGroups:detail' | 'workLogs:get';

/** Every detail channel takes `{ id }`; TypeScript cannot see that through the union, so it is said once here. */
const readById = call as <C extends DetailChannel>(channel: C, request: { id: number }) => Promise<ResponseOf<C>>;

interface Loaded<C extends DetailChannel> {
  id: number;
  value: ResponseOf<C>;
}

/**
 * The record a drawer shows: read when `id` changes and again whenever the ledger changes (`generation`), so an
 * edit made here or anywhere else shows at once. Null until the record for this id has arrived; `onGone` is called
 * when it no longer exists (deleted, or taken back by 撤销).
 */
export function useRecord<C extends DetailChannel>(
  channel: C,
  id: number | null,
  generation: number,
  onGone: () => void,
): ResponseOf<C> | null {
  const [loaded, setLoaded] = useState<Loaded<C> | null>(null);
  const showError = useErrorMessage();
  const gone = useEffectEvent(onGone);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    readById(channel, { id }).then(
      (value) => live && setLoaded({ id, value }),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.code === 'NOT_FOUND') gone();
        else showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [channel, id, generation, showError]);

  return loaded && loaded.id === id ? loaded.value : null;
}
