import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { FontRole } from '../../../../shared/ipc/print';
import { FONT_STACKS } from '../fonts';
import { BODY_PT, cells, LINE } from './metrics';

/** Paragraph and run builders in the 公文's terms: a face by role, sizes in points, lines on the grid. */

/**
 * The standard's own face for a role (仿宋_GB2312 …) for every script: Word and WPS substitute by that name on a PC
 * that lacks it, as they do with documents from above.
 */
export function face(role: FontRole['role']) {
  const name = FONT_STACKS[role].required;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

export interface Span {
  text: string;
  role?: FontRole['role'];
  pt?: number;
  color?: string;
  /** Off the character grid: text larger or smaller than 3号 (banner, titles, tables, 版记, page numbers). */
  offGrid?: boolean;
}

export function run(span: Span, more: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text: span.text,
    font: face(span.role ?? '仿宋'),
    size: (span.pt ?? BODY_PT) * 2,
    ...(span.color ? { color: span.color } : {}),
    // On the grid, 16 pt glyphs tightened by 0.25 pt fit one 15.79 pt cell in LibreOffice too (which otherwise
    // gives each glyph two cells); Word and WPS place them on the grid's pitch either way.
    ...(span.offGrid ? { snapToGrid: false } : { characterSpacing: -5 }),
    ...more,
  });
}

/** Exact line spacing: every line on the 28.95 pt grid, whatever the face's own metrics (LibreOffice's too). */
export const exactly = (line: number, before = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after: 0 });

/**
 * A paragraph on the grid; one whose spans are all off the grid takes the OFF_GRID style, so Word, WPS and
 * LibreOffice (which reads only the paragraph's setting) neither spread a 12 pt table over 16 pt cells nor break a
 * 42 pt banner over two lines.
 */
export function para(spans: Span[], options: Partial<IParagraphOptions> = {}): Paragraph {
  const offGrid = spans.length > 0 && spans.every((s) => s.offGrid);
  return new Paragraph({
    spacing: exactly(LINE),
    ...(offGrid ? { style: OFF_GRID } : {}),
    ...options,
    children: spans.filter((s) => s.text !== '').map((s) => run(s)),
  });
}

/** The paragraph style of text off the character grid (its w:snapToGrid is written by offGridStyles). */
export const OFF_GRID = 'GongwenOffGrid';

/** Adds <w:snapToGrid w:val="0"/> to the OFF_GRID style: the docx library has no paragraph-level option for it. */
export function offGridStyles(stylesXml: string): string {
  const style = new RegExp(`(<w:style\\b[^>]*w:styleId="${OFF_GRID}"[^>]*>[\\s\\S]*?<w:pPr>)`);
  if (!style.test(stylesXml)) throw new Error('the off-grid paragraph style is missing');
  return stylesXml.replace(style, '$1<w:snapToGrid w:val="0"/>');
}

export const blank = (lines = 1) => new Paragraph({ spacing: exactly(LINE * lines) });

/** First line 2 characters in, continuation lines flush left (GB/T 9704 7.3.3). */
export const indented = { indent: { firstLine: cells(2), firstLineChars: 200 } } as const;

export const centred = { alignment: AlignmentType.CENTER } as const;

export const rightTab = (position: number) => ({ tabStops: [{ type: TabStopType.RIGHT, position }] });

export const rule = (size: number, color = '000000') => ({ style: BorderStyle.SINGLE, size, color, space: 0 });
export const noBorder = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/** Width in grid characters: CJK and full-width take one, Latin letters and digits half. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return width;
}
