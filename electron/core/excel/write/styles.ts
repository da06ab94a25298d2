import type { Style } from 'exceljs';
import type { ColumnKind } from '../../../../shared/excel/reportModel';

/**
 * The look of every upward table: 黑体 titles and headers, 宋体 body, thin borders. Each style is one shared object:
 * ExcelJS recognises an object it has seen and reuses its style id, so a hundred thousand rows cost no more
 * style work than one.
 */

const SONG = '宋体';
const HEI = '黑体';
const RED = { argb: 'FFC00000' };

const thin = { style: 'thin' as const };
const BORDER: Style['border'] = { top: thin, left: thin, bottom: thin, right: thin };

const NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: '@',
  int: '0',
  amount: '0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

const ALIGN: Readonly<Record<ColumnKind, Style['alignment']>> = {
  text: { horizontal: 'left', vertical: 'middle', wrapText: true },
  int: { horizontal: 'center', vertical: 'middle' },
  amount: { horizontal: 'right', vertical: 'middle' },
  percent: { horizontal: 'center', vertical: 'middle' },
  date: { horizontal: 'center', vertical: 'middle' },
};

export const TITLE_STYLE: Partial<Style> = {
  font: { name: HEI, size: 16, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
};

export const INFO_LEFT: Partial<Style> = {
  font: { name: SONG, size: 10.5 },
  alignment: { horizontal: 'left', vertical: 'middle' },
};

export const INFO_RIGHT: Partial<Style> = {
  font: { name: SONG, size: 10.5 },
  alignment: { horizontal: 'right', vertical: 'middle' },
};

export const HEADER_STYLE: Partial<Style> = {
  font: { name: HEI, size: 10.5 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
};

export const TOTAL_LABEL: Partial<Style> = {
  font: { name: HEI, size: 10.5 },
  alignment: { horizontal: 'center', vertical: 'middle' },
  border: BORDER,
};

export const NOTE_STYLE: Partial<Style> = {
  font: { name: SONG, size: 9.5 },
  alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
};

export const FOOTER_STYLE: Partial<Style> = {
  font: { name: SONG, size: 10.5 },
  alignment: { horizontal: 'left', vertical: 'middle' },
};

export const PLAIN_STYLE: Partial<Style> = { font: { name: SONG, size: 10.5 } };

const cache = new Map<string, Partial<Style>>();

/** The body style of a column kind; `alert` in red; `editable` unlocked when the sheet is protected; `bold` totals. */
export function bodyStyle(kind: ColumnKind, variant: { alert?: boolean; editable?: boolean; bold?: boolean } = {}) {
  const key = `${kind}|${variant.alert ? 1 : 0}|${variant.editable ? 1 : 0}|${variant.bold ? 1 : 0}`;
  let style = cache.get(key);
  if (!style) {
    style = {
      font: { name: variant.bold ? HEI : SONG, size: 10.5, ...(variant.alert ? { color: RED } : {}) },
      alignment: ALIGN[kind],
      border: BORDER,
      numFmt: NUMBER_FORMATS[kind],
      protection: { locked: !variant.editable },
    };
    cache.set(key, style);
  }
  return style;
}
