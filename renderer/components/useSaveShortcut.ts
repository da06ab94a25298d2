import { useEffect, useEffectEvent } from 'react';

/**
 * Ctrl+S (⌘S on a Mac) saves the open form. The listener is on the window, so that it works wherever focus is while
 * the form is open, inside a text box too; unlike useCtrlHotkey, which keeps out of text boxes and dialogs.
 *
 * `andNew`: Ctrl+Shift+S is 保存并新增 and calls `onSave(true)`; without it Ctrl+Shift+S saves like Ctrl+S.
 * `ctrlEnter`: Ctrl+Enter saves too. `enabled`: for a form that stays mounted while closed.
 */
export function useSaveShortcut(
  onSave: (andNew: boolean) => void,
  {
    andNew = false,
    ctrlEnter = false,
    enabled = true,
  }: { andNew?: boolean; ctrlEnter?: boolean; enabled?: boolean } = {},
): void {
  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 's' && !(ctrlEnter && key === 'enter')) return;
    // Always, even for a repeat, or the browser offers to save the page.
    e.preventDefault();
    if (!e.repeat) onSave(andNew && key === 's' && e.shiftKey);
  });

  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
