import { useCallback, useEffect, useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { call } from '../../api/client';
import { afterFirstView } from './afterFirstView';

/**
 * The ledger's lists for the tabs' pickers (areas, 推进组, 指导员, party organisations …), read again after every
 * change. At 100,000 enterprises they are over 1 MB and 覆盖概览 uses none of them, so they are not read while it
 * opens: only once `needed` (another tab is shown), wanted (the export dialog) or the page has settled.
 */
export function useLedgerLookups(
  generation: number,
  needed: boolean,
  onError: (e: unknown) => void,
): { lookups: Lookups | null; want: () => void } {
  const [lookups, setLookups] = useState<Lookups | null>(null);
  // Asked for by a dialog, or by the page having settled; from then on they follow every change.
  const [asked, setAsked] = useState(false);
  const want = useCallback(() => setAsked(true), []);
  const wanted = needed || asked;

  // A clerk who leaves 覆盖概览 sooner asks for them at once.
  useEffect(() => (wanted ? undefined : afterFirstView(() => setAsked(true))), [wanted]);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    call('settings:lookups', {}).then((l) => live && setLookups(l), onError);
    return () => {
      live = false;
    };
  }, [wanted, generation, onError]);

  return { lookups, want };
}
