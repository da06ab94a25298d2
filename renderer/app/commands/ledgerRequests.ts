import { createContext, useContext, useEffect, useEffectEvent, useRef } from 'react';

/**
 * What a menu command asks of a screen inside the open ledger that may not be mounted yet (its tab was never
 * shown): the ledger screen switches tab and leaves the request here; the screen carries it out when it mounts, or
 * at once when it already is.
 */
export type LedgerRequestKind =
  'find' | 'snapshot' | 'newDocument' | 'register' | 'ledgerCards' | 'backupNow' | 'restore' | 'printSettings';

export interface LedgerRequest {
  kind: LedgerRequestKind;
  /** Numbered so the same command chosen twice is carried out twice. */
  seq: number;
}

export interface LedgerRequests {
  pending: LedgerRequest | null;
  done(seq: number): void;
}

export const LedgerRequestContext = createContext<LedgerRequests | null>(null);

/**
 * Carries out `kind` when a menu command asks for it; outside a ledger screen it never fires. `leave`: this screen
 * only shows the part where a screen inside it (mounted next) finishes the request, so the request stays for it.
 */
export function useLedgerRequest(kind: LedgerRequestKind, handler: () => void, leave = false): void {
  const requests = useContext(LedgerRequestContext);
  const carryOut = useEffectEvent(handler);
  const pending = requests?.pending;
  const handled = useRef(0);
  useEffect(() => {
    if (!pending || pending.kind !== kind || handled.current === pending.seq) return;
    // Remembered here too: React's development double effect must not open a dialog twice.
    handled.current = pending.seq;
    if (!leave) requests?.done(pending.seq);
    carryOut();
  }, [pending, kind, requests, leave]);
}
