/**
 * What one spreadsheet cell means, read the way a township clerk writes it: full-width digits, numbers stored as
 * text, 不详 for "unknown", 约50 for "about fifty", dates as 2011.8.9 or 2011年8月9日 or an Excel serial. Pure: the
 * readers hand cells over as string | number | boolean | Date | null, and a Date's UTC fields are the sheet's date
 * (ExcelJS and the legacy reader both produce UTC-midnight dates; local time never enters).
 */

export type NumberParse =
  | { kind: 'value'; value: number }
  | { kind: 'blank' }
  /** 不详, 未知, -, — : the clerk says the number is not known. */
  | { kind: 'unknown' }
  /** 约50, 50左右, 50+, 50余, 50多: a number the clerk must confirm. */
  | { kind: 'approximate'; text: string }
  | { kind: 'invalid'; text: string };

export type DateParse =
  | { kind: 'value'; value: string }
  | { kind: 'blank' }
  | { kind: 'unknown' }
  /** A year and month without the day (2011.8, 2011年8月, 201108): `value` is YYYY-MM. */
  | { kind: 'partial'; value: string; text: string }
  | { kind: 'invalid'; text: string; reason: string };

export type YesNoParse =
  { kind: 'value'; value: boolean } | { kind: 'blank' } | { kind: 'unknown' } | { kind: 'invalid'; text: string };

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * Trims ASCII and full-width spaces, collapses inner runs (line breaks in a header cell included) to one space,
 * and drops a space between two Chinese characters — clerks pad two-character names with a full-width space to line them up, and 党员\n人数 is one word.
 */
export function normalizeText(s: string): string {
  return s.replace(SPACES, ' ').trim().replace(SPACE_BETWEEN_CJK, '');
}

/** Full-width letters, digits and punctuation (０-９，．－) as their ASCII forms; 。 as a decimal point. */
export function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/。/g, '.');
}

/** Excel shows 15 significant digits; 0.1+0.2 and 3.0000000000000004 are shown as 0.3 and 3. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** The text a clerk sees in the cell (dates as YYYY-MM-DD, TRUE/FALSE as 是/否), normalized. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return normalizeText(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoOf(roundedParts(v));
  return normalizeText(String(v));
}

export function isBlankCell(v: unknown): boolean {
  return cellText(v) === '';
}

/** A–Z, AA… for a 0-based column index, as Excel labels columns. */
export function columnLetter(index: number): string {
  let n = Math.floor(index) + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const UNKNOWN = new Set([
  '不详',
  '未知',
  '不清楚',
  '待查',
  '待核实',
  '暂无数据',
  '-',
  '--',
  '—',
  '——',
  '－',
  '/',
  '?',
  '？',
]);
const isUnknown = (text: string) => UNKNOWN.has(text) || UNKNOWN.has(halfWidth(text));

const APPROXIMATE = new RegExp(
  [
    '^(约|大约|大概|近|将近|接近|不到|不足|超过|逾)\\d',
    '\\d(万元|万|元|人|名|个|家)?(左右|上下|余|多|来|\\+|以上|以下|开外)\\D*$',
    '^\\d+(\\.\\d+)?[-~～至到]\\d+(\\.\\d+)?\\D*$',
    '^[<>≤≥]',
  ].join('|'),
);

/** The clerk's text of a number, full-width and spaces out; units after the number are split off. */
function numberCore(text: string): { core: string; unit: string } {
  const t = halfWidth(normalizeText(text)).replace(/\s/g, '').replace(/^'/, '');
  const m = /^(.*?\d)([^\d.%]*)$/.exec(t);
  return m ? { core: m[1] as string, unit: m[2] as string } : { core: t, unit: '' };
}

function parsePlainNumber(core: string): number | null {
  // 1,200 and 1，200 (already made half-width): only proper groups of three are thousands separators.
  const s = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(core) ? core.replace(/,/g, '') : core;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function numberParse(v: unknown, units: ReadonlyMap<string, number>): NumberParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'value', value: v } : { kind: 'invalid', text: '' };
  if (typeof v !== 'string') return { kind: 'invalid', text: cellText(v) };
  const text = normalizeText(v);
  if (text === '') return { kind: 'blank' };
  if (isUnknown(text)) return { kind: 'unknown' };
  if (text === '无' || text === '没有' || text === '零') return { kind: 'value', value: 0 };
  const { core, unit } = numberCore(text);
  if (APPROXIMATE.test(core + unit)) {
    return { kind: 'approximate', text };
  }
  const factor = units.get(unit);
  const n = parsePlainNumber(core);
  if (n === null || factor === undefined) return { kind: 'invalid', text };
  return { kind: 'value', value: n * factor };
}

const COUNT_UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['人', 1],
  ['名', 1],
  ['个', 1],
  ['位', 1],
  ['家', 1],
  ['户', 1],
]);

/** A head count: a whole number, not negative. 12.0 is 12; 12.5 is not a count. */
export function parseCount(v: unknown): NumberParse {
  const r = numberParse(v, COUNT_UNITS);
  if (r.kind !== 'value') return r;
  const value = Number(r.value.toPrecision(15));
  if (!Number.isInteger(value) || value < 0) return { kind: 'invalid', text: cellText(v) };
  return { kind: 'value', value };
}

/** Money is kept in 万元: 120万元 and 120万 are 120; 1200000元 is 120; 1.2亿 is 12000. Area units pass as written. */
const AMOUNT_UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['万元', 1],
  ['万', 1],
  ['元', 1e-4],
  ['千元', 0.1],
  ['亿元', 1e4],
  ['亿', 1e4],
  ['平方米', 1],
  ['平米', 1],
  ['㎡', 1],
  ['m2', 1],
  ['m²', 1],
]);

/** An amount (revenue, payroll in 万元; an area in m²), decimals allowed, without float noise. */
export function parseAmount(v: unknown): NumberParse {
  const r = numberParse(v, AMOUNT_UNITS);
  return r.kind === 'value' ? { kind: 'value', value: Number(r.value.toPrecision(15)) } : r;
}

interface DateParts {
  y: number;
  m: number;
  d: number;
}

function isoOf(p: DateParts): string {
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The UTC date of a Date, rounded to the second first: 23:59:59.9996 from a float serial is the next day. */
function roundedParts(d: Date): DateParts {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

function checked(p: DateParts, text: string): DateParse {
  if (p.y < MIN_YEAR || p.y > MAX_YEAR) return { kind: 'invalid', text, reason: `年份${p.y}超出范围` };
  if (p.m < 1 || p.m > 12) return { kind: 'invalid', text, reason: `月份${p.m}不存在` };
  const days = new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
  if (p.d < 1 || p.d > days) return { kind: 'invalid', text, reason: `${p.y}年${p.m}月没有${p.d}日` };
  return { kind: 'value', value: isoOf(p) };
}

/**
 * An Excel serial day in the 1900 date system. Excel counts a 29 February 1900 that never was (serial 60, kept
 * from Lotus 1-2-3): serials from 61 on are one day ahead of a plain count from 1899-12-31.
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial + 1e-9);
  if (day < 1 || day === 60 || day > 2_958_465) return null;
  const base = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return isoOf(roundedParts(new Date(base + day * 86_400_000)));
}

function fromNumber(n: number, text: string): DateParse {
  if (!Number.isFinite(n)) return { kind: 'invalid', text, reason: '不是日期' };
  if (Number.isInteger(n) && n >= 19000101 && n <= 20991231) {
    return checked({ y: Math.floor(n / 10000), m: Math.floor(n / 100) % 100, d: n % 100 }, text);
  }
  if (Number.isInteger(n) && n >= 190001 && n <= 209912 && n % 100 >= 1 && n % 100 <= 12) {
    return { kind: 'partial', value: `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`, text };
  }
  // 2011 in a date column is a year, not the Excel serial for 1905-07-03.
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR)
    return { kind: 'invalid', text, reason: '只有年份，缺少月和日' };
  if (Math.floor(n + 1e-9) === 60) return { kind: 'invalid', text, reason: '1900年2月29日不存在' };
  const iso = excelSerialToIso(n);
  return iso ? checked(partsOf(iso), text) : { kind: 'invalid', text, reason: '不是日期' };
}

function partsOf(iso: string): DateParts {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** 2011.8.9, 2011年8月9日, 2011/8/9, 2011-08-09, 20110809, an Excel serial, or a Date → YYYY-MM-DD. */
export function parseDate(v: unknown): DateParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'invalid', text: '', reason: '不是日期' };
    return checked(roundedParts(v), cellText(v));
  }
  if (typeof v === 'number') return fromNumber(v, numberText(v));
  if (typeof v !== 'string') return { kind: 'invalid', text: cellText(v), reason: '不是日期' };
  const text = normalizeText(v);
  if (text === '') return { kind: 'blank' };
  if (isUnknown(text)) return { kind: 'unknown' };
  const t = halfWidth(text)
    .replace(/\s*([.\-/年月日:])\s*/g, '$1')
    .replace(/\.$/, '');
  let m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?(?:[T ]?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return checked({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, text);
  m = /^(\d{4})[.\-/年](\d{1,2})月?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { kind: 'invalid', text, reason: `月份${month}不存在` };
    const r = checked({ y: Number(m[1]), m: month, d: 1 }, text);
    return r.kind === 'value' ? { kind: 'partial', value: r.value.slice(0, 7), text } : r;
  }
  if (/^\d{4}年?$/.test(t)) return { kind: 'invalid', text, reason: '只有年份，缺少月和日' };
  if (/^\d+(\.\d+)?$/.test(t)) return fromNumber(Number(t), text);
  if (/^\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}$/.test(t)) {
    return { kind: 'invalid', text, reason: '年份应写在前面，如 2011-08-09' };
  }
  return { kind: 'invalid', text, reason: '不是可识别的日期，请写成 2011-08-09 或 2011年8月9日' };
}

/** A year and month (出生年月): YYYY-MM from a month or a full date. */
export function parseMonth(v: unknown): DateParse {
  const r = parseDate(v);
  if (r.kind === 'value') return { kind: 'value', value: r.value.slice(0, 7) };
  if (r.kind === 'partial') return { kind: 'value', value: r.value };
  return r;
}

const YES = new Set(['是', '√', '✓', '✔', '☑', '有', 'y', 'yes', '1', 'true', '对', '已建', '已建立']);
const NO = new Set(['否', '×', '✗', '✘', '☒', 'x', '无', '没有', 'n', 'no', '0', 'false', '不是', '未建', '未建立']);

/** 是/否, √/×, 有/无, Y/N, 1/0 (and TRUE/FALSE cells). */
export function parseYesNo(v: unknown): YesNoParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'boolean') return { kind: 'value', value: v };
  if (typeof v === 'number') {
    if (v === 1 || v === 0) return { kind: 'value', value: v === 1 };
    return { kind: 'invalid', text: numberText(v) };
  }
  const text = cellText(v);
  if (text === '') return { kind: 'blank' };
  if (isUnknown(text)) return { kind: 'unknown' };
  const key = halfWidth(text).replace(/\s/g, '').toLowerCase();
  if (YES.has(key)) return { kind: 'value', value: true };
  if (NO.has(key)) return { kind: 'value', value: false };
  return { kind: 'invalid', text };
}
