import { useEffect, useEffectEvent } from 'react';

/** Where typing happens: Ctrl+Z there belongs to the field, not to the screen. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/**
 * Ctrl (⌘ on a Mac) + `key` while `enabled`. Inside a text field only when `whileTyping`: Ctrl+Z there is the
 * field's own undo. `shift` asks for Ctrl+Shift+`key` instead (Ctrl+Shift+Z is redo in most programs).
 */
export function useCtrlHotkey(
  key: string,
  onPress: () => void,
  enabled: boolean,
  whileTyping = false,
  shift = false,
): void {
  const press = useEffectEvent(onPress);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey !== shift || e.key.toLowerCase() !== key) return;
      if (e.repeat || (!whileTyping && isTextEntry(e.target))) return;
      // A screen's shortcut must not act behind an open form or dialog (e.g. Ctrl+Z on a ticked box in the form).
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      e.preventDefault();
      press();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled, whileTyping, shift]);
}
