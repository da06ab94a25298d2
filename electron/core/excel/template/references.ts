/**
 * Cell references inside a formula's text, rewritten the way Excel rewrites them: rows inserted above a reference
 * push it down, a formula copied one row down moves its relative rows, a 合计's SUM range is stretched over the
 * filled rows. String literals are left alone; a reference to another sheet is told apart by its prefix.
 */

export interface CellRef {
  col: number;
  row: number;
  colAbs: boolean;
  rowAbs: boolean;
}

export interface Reference {
  /** The sheet named before '!', unquoted; null for the formula's own sheet. */
  sheet: string | null;
  start: CellRef;
  /** The far corner of a range (A1:B2), or null for one cell. */
  end: CellRef | null;
}

// A reference: an optional sheet prefix ('Sheet 1'! or 企业明细!), a cell, an optional second cell. Not part of a
// longer name (the look-behind) and not a function name such as LOG10( (the look-ahead).
const REFERENCE =
  /(?<![\w.$'!:\u4e00-\u9fff])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(!])/g;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function cellText(ref: CellRef): string {
  return `${ref.colAbs ? '$' : ''}${columnLetters(ref.col)}${ref.rowAbs ? '$' : ''}${ref.row}`;
}

function sheetOf(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** The formula split into code and string literals ("..." with "" inside), so only code is rewritten. */
function segments(formula: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    if (quote < 0) {
      out.push({ code: true, text: formula.slice(i) });
      break;
    }
    if (quote > i) out.push({ code: true, text: formula.slice(i, quote) });
    let j = quote + 1;
    while (j < formula.length) {
      if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
      else if (formula[j] === '"') break;
      else j++;
    }
    out.push({ code: false, text: formula.slice(quote, j + 1) });
    i = j + 1;
  }
  return out;
}

/** Every reference of a formula, in order. */
export function referencesOf(formula: string): Reference[] {
  const found: Reference[] = [];
  mapReferences(formula, (ref) => {
    found.push(ref);
    return ref;
  });
  return found;
}

/** Rewrites each reference with `fn`; a reference `fn` returns unchanged keeps its exact text. */
export function mapReferences(formula: string, fn: (ref: Reference) => Reference): string {
  return segments(formula)
    .map((seg) =>
      !seg.code
        ? seg.text
        : seg.text.replace(REFERENCE, (whole, prefix: string | undefined, ...g: string[]) => {
            const [ca, cl, ra, rn, ca2, cl2, ra2, rn2] = g as [string, string, string, string, ...string[]];
            const start: CellRef = { col: columnNumber(cl), row: Number(rn), colAbs: ca === '$', rowAbs: ra === '$' };
            const end: CellRef | null = cl2
              ? { col: columnNumber(cl2), row: Number(rn2), colAbs: ca2 === '$', rowAbs: ra2 === '$' }
              : null;
            const ref: Reference = { sheet: sheetOf(prefix), start, end };
            const next = fn(ref);
            if (next === ref) return whole;
            return `${prefix ?? ''}${cellText(next.start)}${next.end ? `:${cellText(next.end)}` : ''}`;
          }),
    )
    .join('');
}

const sameSheet = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * `count` rows inserted before row `at` of sheet `sheetName`, as seen by a formula on sheet `formulaSheet`:
 * references at or below `at` move down, a range with `at` strictly inside grows.
 */
export function shiftForInsert(
  formula: string,
  formulaSheet: string,
  sheetName: string,
  at: number,
  count: number,
): string {
  return mapReferences(formula, (ref) => {
    const target = ref.sheet ?? formulaSheet;
    if (!sameSheet(target, sheetName)) return ref;
    const move = (c: CellRef): CellRef => (c.row >= at ? { ...c, row: c.row + count } : c);
    if (!ref.end) return ref.start.row >= at ? { ...ref, start: move(ref.start) } : ref;
    if (ref.start.row < at && ref.end.row < at) return ref;
    return { ...ref, start: move(ref.start), end: move(ref.end) };
  });
}

/** The formula of one row copied `by` rows down: relative rows move, absolute ($5) ones stay. */
export function copyDown(formula: string, by: number): string {
  if (by === 0) return formula;
  const move = (c: CellRef): CellRef => (c.rowAbs ? c : { ...c, row: c.row + by });
  return mapReferences(formula, (ref) => ({ ...ref, start: move(ref.start), end: ref.end ? move(ref.end) : null }));
}

/**
 * A 合计 formula's ranges over the template's data rows (`first`–`oldLast`, on the sheet itself) stretched to end
 * at `newLast`: SUM(D5:D6) becomes SUM(D5:D40). Ranges elsewhere are left alone.
 */
export function stretchRanges(formula: string, first: number, oldLast: number, newLast: number): string {
  return mapReferences(formula, (ref) => {
    if (ref.sheet !== null || !ref.end) return ref;
    const top = Math.min(ref.start.row, ref.end.row);
    const bottom = Math.max(ref.start.row, ref.end.row);
    if (top < first || bottom !== oldLast || newLast === oldLast) return ref;
    const lower = ref.start.row >= ref.end.row ? 'start' : 'end';
    return { ...ref, [lower]: { ...ref[lower]!, row: newLast } };
  });
}
