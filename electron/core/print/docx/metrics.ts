/**
 * GB/T 9704 geometry in Word's units (twips, 1/20 pt; half-points for font sizes; eighths of a point for borders),
 * worked out from the same millimetres as the print HTML (gbt9704.md) so the .docx and the PDF agree.
 */

export const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);

export const PAGE = { width: 11906, height: 16838 } as const;
/** 天头 37, 订口 28, so right 26 and bottom 35 (GB/T 9704 5.2.1). */
export const MARGIN = { top: twipsOfMm(37), right: twipsOfMm(26), bottom: twipsOfMm(35), left: twipsOfMm(28) } as const;
/** The 版心's width, 156 mm. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The 版心's height, 225 mm. */
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

export const BODY_PT = 16;
export const TITLE_PT = 22;
export const SMALL_PT = 14;
/** One grid line: 225 mm / 22 is 28.99 pt; 28.95 pt (579 twips) keeps 22 lines, as in the print HTML. */
export const LINE = 579;
export const LINES_PER_PAGE = 22;
/** One grid character: the 版心 / 28, in twips (about 315.9). */
export const CHARS_PER_LINE = 28;
export const CELL = TEXT_WIDTH / CHARS_PER_LINE;
export const cells = (n: number) => Math.round(CELL * n);

/** 发文机关标志: characters at most 15 mm square, smaller when a long name would not fit the 版心 (GB/T 9704 7.2.3). */
export function bannerPt(banner: string): number {
  const mm = Math.min(15, 156 / Math.max(banner.length, 1));
  return Math.floor(((mm * 72) / 25.4) * 2) / 2;
}
export const BANNER_TOP = twipsOfMm(35);

/** The title starts on the 11th grid line, as in the print HTML (its HEAD_LINES): 标志, 发文字号, 分隔线, two lines. */
export const HEAD_LINES = 10;

/** 页码: the 一字线 7 mm under the 版心; the footer's distance is to the bottom of its (exact) line. */
export const PAGE_NO_LINE = 340;
export const FOOTER_DISTANCE = MARGIN.bottom - twipsOfMm(7) - PAGE_NO_LINE;

/** Y80 M80 (GB/T 9704 6.2), as the print HTML draws it. */
export const RED = 'FF3333';

/** 版记 rules in eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt. */
export const IMPRINT_OUTER = 8;
export const IMPRINT_INNER = 6;
