import { useCallback, useEffect, useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { ApiError, call } from '../../api/client';

interface LookupsState {
  lookups: Lookups | null;
  error: string | null;
}

/**
 * The ledger's areas, 工作片, 推进组 and 指导员, read afresh whenever `active` turns on (a screen opening), and
 * again on `reload()` after a change, so a list edited elsewhere is never stale for long.
 */
export function useLookups(active: boolean): LookupsState & { reload: () => void } {
  const [state, setState] = useState<LookupsState>({ lookups: null, error: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!active) return;
    let live = true;
    call('settings:lookups', {}).then(
      (lookups) => live && setState({ lookups, error: null }),
      (e: unknown) =>
        live &&
        setState((s) => ({
          ...s,
          error: e instanceof ApiError ? e.message : '读取区域、推进组和指导员名单失败，请重试',
        })),
    );
    return () => {
      live = false;
    };
  }, [active, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
