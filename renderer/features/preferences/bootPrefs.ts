import { DEFAULT_FONT_SIZE, FONT_SIZE_PX, FONT_SIZES, type FontSize } from '../../../shared/domain/pcSettings';
import type { PrefsView } from '../../../shared/ipc/prefs';
import { call } from '../../api/client';

let atBoot: Promise<PrefsView | null> | null = null;

/**
 * Asks for this PC's settings alongside the other boot requests; the first paint does not wait for the answer (the
 * standard size shows until it comes). A refusal leaves the defaults: settings never stop the program starting.
 */
export function prefetchPrefs(): void {
  atBoot ??= call('prefs:get', {}).catch(() => null);
}

export function bootPrefs(): Promise<PrefsView | null> {
  prefetchPrefs();
  return atBoot!;
}

/** The html element's size too, so whatever is sized in rem (and the browser's own controls) grows with the text. */
export function applyFontSize(size: FontSize): void {
  const root = document.documentElement;
  root.style.fontSize = `${FONT_SIZE_PX[size]}px`;
  root.dataset.fontSize = size;
  rememberFontSizeHint(size);
}

const HINT_KEY = 'yqyc-font-size';

/**
 * The size this window last showed, so a reload paints at it straight away instead of growing a moment later. Only
 * a hint: app-settings.json is the truth, and its answer replaces the hint when it comes.
 */
export function fontSizeHint(): FontSize {
  try {
    const hint = localStorage.getItem(HINT_KEY);
    return hint && Object.prototype.hasOwnProperty.call(FONT_SIZES, hint) ? (hint as FontSize) : DEFAULT_FONT_SIZE;
  } catch {
    return DEFAULT_FONT_SIZE;
  }
}

export function rememberFontSizeHint(size: FontSize): void {
  try {
    localStorage.setItem(HINT_KEY, size);
  } catch {
    // Storage refused (a locked-down profile): the next start shows the standard size until the settings arrive.
  }
}
