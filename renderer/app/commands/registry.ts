import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../../shared/menu/appMenu';

/**
 * Where a menu command finds what to do. The screen that can carry a command out registers for it while it is
 * mounted; the most recently mounted registration wins, so a screen opened on top (a ledger over the start screen)
 * takes the command over and gives it back when it closes. Both shells' menus end in runMenuCommand.
 */
const handlers = new Map<MenuCommand, (() => void)[]>();

/** Registers `handler` for `command` while the calling component is mounted; null registers nothing. */
export function useMenuCommand(command: MenuCommand, handler: (() => void) | null): void {
  // The newest handler is called without re-registering on every render (which would reorder the stack).
  const latest = useEffectEvent(() => handler?.());
  const active = handler !== null;
  useEffect(() => {
    if (!active) return;
    const entry = () => latest();
    const stack = handlers.get(command) ?? [];
    stack.push(entry);
    handlers.set(command, stack);
    return () => {
      const now = handlers.get(command) ?? [];
      const at = now.lastIndexOf(entry);
      if (at >= 0) now.splice(at, 1);
    };
  }, [command, active]);
}

/** Carries the command out; false when no mounted screen can (the caller tells the clerk why). */
export function runMenuCommand(command: MenuCommand): boolean {
  const stack = handlers.get(command);
  const handler = stack?.[stack.length - 1];
  if (!handler) return false;
  handler();
  return true;
}

export function canRunMenuCommand(command: MenuCommand): boolean {
  return (handlers.get(command)?.length ?? 0) > 0;
}
