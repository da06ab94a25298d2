import { cellText, halfWidth, parseAmount, parseDate } from './cells';

/**
 * Finding the column titles in a clerk's sheet: above them sit a title ("长乐镇非公企业党建工作台账", merged across),
 * a 填报单位/日期 line and blank rows; they may span two or three rows, a group label merged over its sub-labels
 * (党员人数 over 正式 | 预备). Merges are not available in a streaming read — a merged cell arrives as its first cell
 * followed by blanks — so a merged group label is recognised, and carried rightwards, from that shape: a label,
 * then blanks, with sub-labels under both.
 */
export interface HeadRow {
  /** The sheet's row number. */
  row: number;
  cells: readonly unknown[];
}

export interface HeaderRange {
  start: number;
  end: number;
}

/** At most this many rows form a header. */
export const MAX_HEADER_ROWS = 3;

const META_LINE =
  /^(填报单位|填表单位|报送单位|单位名称[:：]|单位[:：]|填报日期|填表日期|制表日期|报送日期|统计时间|统计日期|截至|截止|日期[:：]|时间[:：])/;
const TOTAL = /^(全(镇|乡|街道|区|县|村))?(合计|小计|总计|共计|累计)([:：(（].*)?$/;
const FOOTER =
  /^(填表人|填报人|审核人|审核|制表人|制表|负责人|单位负责人|统计人|经办人|联系电话|填报日期|填表日期|制表日期|报送日期|说明|备注[:：]|注[:：]|注\d|附注)/;

interface Shape {
  row: number;
  texts: string[];
  filled: number;
  /** Cells that read as a number or a date: data, not a title. */
  numeric: number;
}

function shapeOf(r: HeadRow): Shape {
  const texts = r.cells.map((c) => cellText(c));
  let filled = 0;
  let numeric = 0;
  r.cells.forEach((c, i) => {
    if (texts[i] === '') return;
    filled++;
    if (typeof c === 'number' || c instanceof Date) numeric++;
    else if (typeof c === 'string' && looksNumeric(texts[i] as string)) numeric++;
  });
  return { row: r.row, texts, filled, numeric };
}

function looksNumeric(t: string): boolean {
  const n = parseAmount(t);
  if (n.kind === 'value' || n.kind === 'approximate') return true;
  const d = parseDate(t);
  return d.kind === 'value';
}

function firstTexts(texts: string[], count: number): string[] {
  return texts
    .filter((t) => t !== '')
    .slice(0, count)
    .map((t) => halfWidth(t).replace(/\s/g, ''));
}

/** A title, a 填报单位/日期 line, a note: not where the column titles are. */
function isPreamble(s: Shape, widest: number): boolean {
  if (s.filled === 0) return true;
  const first = firstTexts(s.texts, 1)[0] ?? '';
  if (META_LINE.test(first)) return true;
  // One cell across the sheet is a title; two or three on a wide sheet are a 填报单位 … 日期 line.
  if (s.filled === 1 && widest > 1) return true;
  return s.filled <= Math.min(3, Math.floor(widest / 3)) && s.texts.some((t) => /[:：]/.test(t));
}

/** A row of labels: mostly text, wide enough to be the table's. */
function isLabelRow(s: Shape, widest: number): boolean {
  return s.filled >= 2 && s.filled >= Math.ceil(widest / 2) && s.numeric <= Math.floor(s.filled / 4);
}

/** A sub-label row: text only and short — a data row carries numbers, dates or long codes. */
function isSubLabelRow(s: Shape): boolean {
  return s.filled >= 1 && s.numeric === 0 && s.texts.every((t) => t.length <= 20 && !/[0-9A-Z]{15,}/.test(t));
}

/** Some label over blanks with text under both: the shape a merged group header leaves in a streamed read. */
function hasGroupOver(top: string[], below: string[]): boolean {
  for (let c = 0; c + 1 < Math.max(top.length, below.length); c++) {
    if ((top[c] ?? '') !== '' && (top[c + 1] ?? '') === '' && (below[c] ?? '') !== '' && (below[c + 1] ?? '') !== '') {
      return true;
    }
  }
  return false;
}

/**
 * The rows holding the column titles among a sheet's first rows (rows with content, in order), or null when none
 * look like titles. A header continues onto the next row only when that row sits directly below, holds only short
 * labels, and the row above has a group label over blanks with sub-labels beneath.
 */
export function guessHeaderRows(rows: readonly HeadRow[]): HeaderRange | null {
  const shapes = rows.map(shapeOf);
  const widest = Math.max(0, ...shapes.map((s) => s.filled));
  const startAt = shapes.findIndex((s, i) => {
    if (isPreamble(s, widest) || isNonDataRow(rows[i]?.cells ?? [])) return false;
    if (isLabelRow(s, widest)) return true;
    // A sparse row of group labels (基本情况 … 党员情况) heads a header when labels fill the row under it.
    const below = shapes[i + 1];
    return (
      s.filled >= 2 &&
      s.numeric === 0 &&
      below !== undefined &&
      below.row === s.row + 1 &&
      isLabelRow(below, widest) &&
      below.numeric === 0 &&
      hasGroupOver(s.texts, below.texts)
    );
  });
  if (startAt < 0) return null;
  const first = shapes[startAt] as Shape;
  let end = first;
  const merged = first.texts.slice();
  for (let i = startAt + 1; i < shapes.length && i < startAt + MAX_HEADER_ROWS; i++) {
    const next = shapes[i] as Shape;
    if (next.row !== end.row + 1 || !isSubLabelRow(next) || !hasGroupOver(merged, next.texts)) break;
    next.texts.forEach((t, c) => {
      if (t !== '' && (merged[c] ?? '') === '') merged[c] = t;
    });
    end = next;
  }
  return { start: first.row, end: end.row };
}

/**
 * One title per column for the header rows `header` (by row number): levels joined with “/”, a group label carried
 * right over the blanks a merge left, as far as sub-labels reach (党员人数/正式, 党员人数/预备). Blank where the
 * column has no title.
 */
export function headerTexts(rows: readonly HeadRow[], header: HeaderRange): string[] {
  const levels: string[][] = [];
  for (let r = header.start; r <= header.end; r++) {
    const found = rows.find((x) => x.row === r);
    levels.push(found ? found.cells.map((c) => cellText(c)) : []);
  }
  const width = Math.max(0, ...levels.map((l) => l.length));
  const carried = levels.map((l) => Array.from({ length: width }, (_, c) => l[c] ?? ''));
  for (let L = 0; L < carried.length - 1; L++) {
    const level = carried[L] as string[];
    const own = levels[L] as string[];
    for (let c = 1; c < width; c++) {
      if ((own[c] ?? '') !== '' || level[c - 1] === '') continue;
      const below = carried.slice(L + 1).some((l) => (l[c] ?? '') !== '');
      const belowLeft = carried.slice(L + 1).some((l) => (l[c - 1] ?? '') !== '');
      if (below && belowLeft) level[c] = level[c - 1] as string;
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const level of carried) {
      const t = level[c] ?? '';
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join('/');
  });
}

/**
 * 合计/小计/总计 rows and the 填表人/审核人/制表/填报日期/说明 lines under a table: not data, skipped by the import
 * (never reported as rejected rows).
 */
export function isNonDataRow(cells: readonly unknown[]): boolean {
  const texts = cells.map((c) => cellText(c));
  const first = firstTexts(texts, 2);
  if (first.length === 0) return false;
  if (first.some((t) => TOTAL.test(t))) return true;
  const lead = first[0] as string;
  if (FOOTER.test(lead)) {
    const filled = texts.filter((t) => t !== '').length;
    // 备注 or 说明 can be a column of a data row; a footer line has a colon or stands nearly alone.
    return (
      /[:：]/.test(lead) || filled <= 3 || /^(填表人|填报人|审核人|制表人|负责人|单位负责人|统计人|经办人)/.test(lead)
    );
  }
  return false;
}
