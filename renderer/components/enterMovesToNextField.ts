import type { KeyboardEvent } from 'react';
import { focusNext } from './focusNext';

/** Controls with buttons of their own (clear, step up/down) that Enter should pass over. */
const COMPOUND_CONTROLS = '.ant-picker, .ant-input-number, .ant-input-affix-wrapper';

/**
 * For onKeyDown around a long form typed in from paper: Enter in a box moves on like Tab, so the hands stay on the
 * keys. Lists keep Enter for choosing, text areas for new lines, and an IME (pinyin) for committing what is being
 * composed; Enter with a modifier is left to the shortcuts (Ctrl+Enter saves the enterprise form).
 */
export function enterMovesToNextField(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  const target = e.target;
  if (!(target instanceof HTMLInputElement) || target.closest('.ant-select')) return;
  e.preventDefault();
  focusNext(target, e.currentTarget, COMPOUND_CONTROLS);
}
