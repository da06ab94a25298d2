/**
 * Values of this PC's own settings (本机设置, the automatic lock) that the page needs before any form: its first
 * paint uses the font size, the lock its idle time. Kept apart from their schemas (shared/ipc/prefs.ts, lock.ts) so
 * the first download carries no validation code.
 */

/** 字号: the whole window's base size, for older eyes. Identifiers for the file; labels and pixels for the screen. */
export const FONT_SIZES = { standard: '标准', large: '较大', larger: '特大' } as const;
export type FontSize = keyof typeof FONT_SIZES;
export const FONT_SIZE_PX: Readonly<Record<FontSize, number>> = { standard: 14, large: 16, larger: 18 };
export const DEFAULT_FONT_SIZE: FontSize = 'standard';

/** The automatic lock: minutes without keyboard, mouse, wheel or touch; 0 = never. */
export const DEFAULT_IDLE_MINUTES = 15;
export const IDLE_MINUTES_MAX = 240;
