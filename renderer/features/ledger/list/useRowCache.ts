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
  // Only the status: the grid subscribes to the rows itself (useRowsChanged), so the filters and buttons around it
  // are not re-rendered for each block fetched while scrolling.
  useSyncExternalStore(current.subscribe, current.getStatus);
  return current;
}

/** Re-renders the caller whenever the cache's rows change. */
export function useRowsChanged(cache: RowCache): void {
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);
}
