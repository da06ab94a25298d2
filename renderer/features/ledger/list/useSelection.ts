import { useCallback, useState } from 'react';

interface SelectionState {
  /** The filters the selection was made under (see filterKey). */
  key: string;
  ids: ReadonlySet<number>;
  /** Row index of the last checkbox clicked without shift: where a shift-click range starts. */
  anchor: number | null;
}

const NONE: ReadonlySet<number> = new Set();

export interface Selection {
  ids: ReadonlySet<number>;
  anchor: number | null;
  toggle(id: number, index: number): void;
  /** Adds ids chosen under `forKey`; ignored if the filters have changed since (a late answer). */
  add(ids: readonly number[], forKey: string): void;
  replace(ids: readonly number[], forKey: string): void;
  clear(): void;
}

/** The ticked enterprises, by id. A selection belongs to one set of filters and is dropped when they change. */
export function useSelection(key: string): Selection {
  const [state, setState] = useState<SelectionState>({ key, ids: NONE, anchor: null });
  if (state.key !== key) setState({ key, ids: NONE, anchor: null });
  const current = state.key === key ? state : { key, ids: NONE, anchor: null };

  const toggle = useCallback(
    (id: number, index: number) =>
      setState((s) => {
        const ids = new Set(s.ids);
        if (!ids.delete(id)) ids.add(id);
        return { ...s, ids, anchor: index };
      }),
    [],
  );
  const add = useCallback(
    (more: readonly number[], forKey: string) =>
      setState((s) => (s.key === forKey ? { ...s, ids: new Set([...s.ids, ...more]) } : s)),
    [],
  );
  const replace = useCallback(
    (ids: readonly number[], forKey: string) =>
      setState((s) => (s.key === forKey ? { ...s, ids: new Set(ids), anchor: null } : s)),
    [],
  );
  const clear = useCallback(() => setState((s) => ({ ...s, ids: NONE, anchor: null })), []);

  return { ids: current.ids, anchor: current.anchor, toggle, add, replace, clear };
}
