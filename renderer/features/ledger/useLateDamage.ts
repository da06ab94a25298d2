import { useEffect } from 'react';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { call } from '../../api/client';

/** After opening: soon after the core's background check is due, then for a cold check of a large file. */
const ASK_AFTER_MS = [5_000, 20_000, 60_000];

/**
 * The day's quick_check runs in the background after the ledger opened, so damage it finds is not in the
 * OpenLedger the screen started from. Ask the core again a few times; when the file turned out damaged (and so
 * read-only), hand the fresh description on so the whole screen shows it read-only with the restore offer.
 */
export function useLateDamage(ledger: OpenLedger, onDamaged: (ledger: OpenLedger) => void): void {
  useEffect(() => {
    if (ledger.damaged) return;
    let live = true;
    const timers = ASK_AFTER_MS.map((ms) =>
      setTimeout(() => {
        call('ledgers:current', {}).then(
          (current) => {
            if (live && current?.id === ledger.id && current.damaged) onDamaged(current);
          },
          // Only a look-out: a failed question is not the clerk's concern; the next one or the next open asks again.
          () => undefined,
        );
      }, ms),
    );
    return () => {
      live = false;
      timers.forEach(clearTimeout);
    };
  }, [ledger, onDamaged]);
}
