import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../../api/client';

type Loaded<T> = { key: string; value: T } | { key: string; error: string };

export interface LoadState<T> {
  /** The last value read, kept on screen while a newer reading is on its way. */
  value: T | null;
  error: string | null;
  /** A reading for the current key is still on its way. */
  loading: boolean;
}

/**
 * Reads `load()` whenever `key` changes (the data generation, a source switched, a snapshot taken). Answers for an
 * older key that arrive late are dropped.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>, failure: string): LoadState<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [last, setLast] = useState<T | null>(null);
  const read = useEffectEvent(load);

  useEffect(() => {
    let live = true;
    read().then(
      (value) => {
        if (!live) return;
        setLoaded({ key, value });
        setLast(value);
      },
      (e: unknown) => live && setLoaded({ key, error: e instanceof ApiError ? e.message : failure }),
    );
    return () => {
      live = false;
    };
  }, [key, failure]);

  const current = loaded?.key === key ? loaded : null;
  return {
    value: current && 'value' in current ? current.value : last,
    error: current && 'error' in current ? current.error : null,
    loading: current === null,
  };
}
