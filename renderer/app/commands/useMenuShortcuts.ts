import { useEffect, useEffectEvent } from 'react';
import { APP_MENU, type MenuCommand } from '../../../shared/menu/appMenu';

/**
 * Accelerators the browser shell does not take: Ctrl+N is the browser's own (a new window, never given to a page),
 * and Ctrl+L is already the lock's (useLedgerLock, which also knows whether the ledger can be locked).
 */
const LEFT_ALONE = new Set(['CmdOrCtrl+N', 'CmdOrCtrl+L']);

/** `CmdOrCtrl+Shift+N` → the key event it means, as `ctrl+shift+n`. */
function keyOf(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl', 'ctrl').toLowerCase();
}

function pressed(e: KeyboardEvent): string {
  return [e.ctrlKey || e.metaKey ? 'ctrl' : '', e.shiftKey ? 'shift' : '', e.altKey ? 'alt' : '', e.key.toLowerCase()]
    .filter(Boolean)
    .join('+');
}

const SHORTCUTS = new Map<string, MenuCommand>(
  APP_MENU.flatMap((g) =>
    g.entries.flatMap((e) =>
      e.kind === 'command' && e.accelerator && !LEFT_ALONE.has(e.accelerator)
        ? [[keyOf(e.accelerator), e.command] as const]
        : [],
    ),
  ),
);

/** The menu's shortcuts in the browser shell (the desktop's native menu has its own). */
export function useMenuShortcuts(dispatch: (command: MenuCommand) => void, enabled: boolean): void {
  const run = useEffectEvent(dispatch);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.repeat || e.defaultPrevented) return;
      const command = SHORTCUTS.get(pressed(e));
      if (!command) return;
      // Behind an open dialog only 本页帮助 (F1) acts: Ctrl+2 must not switch the tab under a form being filled.
      if (command !== 'help.screen' && e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
