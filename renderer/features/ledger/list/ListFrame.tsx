import { useSyncExternalStore, type ReactNode } from 'react';
import type { Sort } from './query';
import type { RowCache } from './rowCache';

interface Props {
  cache: RowCache;
  /** The search box holds text the list has not been asked for yet. */
  searching: boolean;
  sort: Sort;
  children: ReactNode;
}

/**
 * The table's frame, marked with what the list shows and whether it is still being read (`data-loading`, which
 * the tests and the benchmark wait on). It follows the fetching itself, so a block of rows fetched while the clerk
 * scrolls re-renders this frame alone: its children are the elements the list made before, which React skips,
 * instead of the list with its filters and buttons, twice per block, inside a scroll's frame.
 */
export function ListFrame({ cache, searching, sort, children }: Props) {
  const loading = useSyncExternalStore(cache.subscribe, cache.getLoading);
  return (
    <div
      data-testid="enterprise-table"
      data-loading={loading || searching ? 'true' : 'false'}
      data-total={cache.total ?? ''}
      data-query={cache.key}
      data-sort={`${sort.by}:${sort.order}`}
    >
      {children}
    </div>
  );
}
