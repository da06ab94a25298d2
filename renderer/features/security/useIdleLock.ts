import { useEffect, useEffectEvent } from 'react';

/** What counts as the clerk being at the PC: any key, mouse, wheel or touch in the window. */
const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Calls `onIdle` once after `minutes` without activity while `enabled` (0 minutes: never). The timer restarts on
 * each activity; listening in the capture phase, so a field that stops an event still counts as activity. A change
 * of `round` arms it afresh (after a lock that had to wait for a running job).
 */
export function useIdleLock(enabled: boolean, minutes: number, onIdle: () => void, round = 0): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    let timer = window.setTimeout(() => fire(), minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => fire(), minutes * 60_000);
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [enabled, minutes, round]);
}
