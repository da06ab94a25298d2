/**
 * The GB/T 9704 geometry in one place (gbt9704.md). Lengths are CSS values the print HTML uses directly; the
 * arithmetic behind them is kept here so the 版头 and the finishing script agree on where things lie.
 */

export const PT_PER_MM = 72 / 25.4;

/** One body line: 225 mm / 22 would be 28.99 pt, but Chromium then loses the 22nd line; 28.95 pt keeps it. */
export const LINE_PT = 28.95;
/** 3号 = 16 pt. */
export const BODY_PT = 16;
/** One grid character: 156 mm / 28. The 16 pt glyphs are tightened by −0.21 pt to fill it exactly. */
export const CELL = 'calc(156mm / 28)';
export const cells = (n: number) => `calc(156mm * ${n} / 28)`;

/** 发文机关标志: each character at most 22 × 15 mm (GB/T 9704 7.2.3); square 15 mm glyphs, scaled down when long. */
export const BANNER_MM = 15;
export const BANNER_TOP_MM = 35;

/** Tops in pt from the 版心 top, as the standard chains them: 标志 → two blank lines → 发文字号 → 4 mm → 分隔线. */
const bannerBottomPt = (BANNER_TOP_MM + BANNER_MM) * PT_PER_MM;
export const NUMBER_TOP_PT = bannerBottomPt + 2 * LINE_PT;
/** The 发文字号's glyphs end half a leading above its line's foot. */
const numberInkBottomPt = NUMBER_TOP_PT + (LINE_PT + BODY_PT) / 2;
export const RED_RULE_MM = 0.35;
export const RED_RULE_TOP_PT = numberInkBottomPt + 4 * PT_PER_MM;
/** The title starts two blank lines under the rule, on the nearest grid line so the body keeps the 22-line grid. */
export const HEAD_LINES = Math.round((RED_RULE_TOP_PT + 2 * LINE_PT) / LINE_PT);

/** 版记 rules (GB/T 9704 7.4.1): first and last 0.35 mm, those between 0.25 mm. */
export const IMPRINT_OUTER_MM = 0.35;
export const IMPRINT_INNER_MM = 0.25;

/** 页码: 4号 (14 pt), the 一字线 7 mm below the 版心, one character in from the outer side. */
export const PAGE_NO_PT = 14;
export const PAGE_NO_GAP_MM = 7;

/** C0 M80 Y80 K0 on screen. */
export const RED = 'rgb(255, 51, 51)';
