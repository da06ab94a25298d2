import { useState, useSyncExternalStore } from 'react';
import type { EnterpriseQuery } from '../../../../shared/ipc/enterprises';
import { call } from '../../../api/client';
import { listKey, type Sort } from './query';
import { RowCache } from './rowCache';

/**
 * The row cache for this query, sort and data generation. Any change of them replaces the cache; a new generation
 * of the same list keeps the old rows on screen (marked stale) until they are fetched again.
 */
export function useRowCache(
  query: EnterpriseQuery,
  sort: Sort,
  generation: number,
  onError: (e: unknown) => void,
): RowCache {
  const key = listKey(query, sort);
  const make = (previous?: RowCache) =>
    new RowCache(
      key,
      generation,
      (offset, limit) => call('enterprises:list', { query, offset, limit, sortBy: sort.by, sortOrder: sort.order }),
      onError,
      previous,
    );
  const [cache, setCache] = useState(make);
  let current = cache;
  if (cache.key !== key || cache.generation !== generation) {
    current = make(cache);
    setCache(current);
  }
  useSyncExternalStore(current.subscribe, current.getSnapshot);
  return current;
}
