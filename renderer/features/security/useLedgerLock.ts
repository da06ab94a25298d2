import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { DEFAULT_IDLE_MINUTES } from '../../../shared/domain/pcSettings';
import type { LockStatus } from '../../../shared/ipc/lock';
import { ApiError, call, onLedgerLocked } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { onSecurityChange } from './securityEvents';
import { useIdleLock } from './useIdleLock';

/**
 * 锁定 for the app shell: the header button, Ctrl+L and the idle timer lock an encrypted ledger (the core closes it
 * and forgets its key); `locked` is what the lock screen shows. `refresh` gets the ledger as it is now when
 * 密码与锁定 changed whether it is encrypted.
 */
export function useLedgerLock(ledger: OpenLedger | null, refresh: (ledger: OpenLedger) => void) {
  const [locked, setLocked] = useState<LockStatus | null>(null);
  const [idleMinutes, setIdleMinutes] = useState(DEFAULT_IDLE_MINUTES);
  const showError = useErrorMessage();

  useEffect(() => {
    call('lock:getSettings', {}).then((s) => setIdleMinutes(s.idleMinutes), showError);
  }, [showError]);

  useEffect(
    () =>
      onSecurityChange((change) => {
        if (change.lockSettings) setIdleMinutes(change.lockSettings.idleMinutes);
        if (change.encryptionChanged)
          call('ledgers:current', {}).then((l) => {
            if (l) refresh(l);
          }, showError);
      }),
    [refresh, showError],
  );

  useEffect(
    () =>
      onLedgerLocked(() => {
        call('lock:status', {}).then((status) => {
          if (status) setLocked(status);
        }, showError);
      }),
    [showError],
  );

  const canLock = ledger?.encrypted === true && locked === null;
  const [idleRound, setIdleRound] = useState(0);
  const lock = useCallback(
    async (idle = false) => {
      try {
        await call('ledgers:lock', {});
        setLocked(await call('lock:status', {}));
      } catch (e) {
        // An import or export still running: the idle lock waits another idle period instead of failing it.
        if (idle && e instanceof ApiError && e.code === 'BUSY') setIdleRound((n) => n + 1);
        else showError(e);
      }
    },
    [showError],
  );

  useIdleLock(canLock, idleMinutes, () => void lock(true), idleRound);
  // Ctrl+L anywhere, a field or an open form included (unlike the screens' shortcuts): the clerk leaving in a hurry
  // is mid-form more often than not, and locking changes nothing in the form.
  const press = useEffectEvent(() => void lock());
  useEffect(() => {
    if (!canLock) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.repeat || e.key.toLowerCase() !== 'l') return;
      e.preventDefault();
      press();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [canLock]);

  return { locked, setLocked, lock, canLock };
}
