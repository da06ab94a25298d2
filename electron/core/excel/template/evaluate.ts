import { columnNumber } from './references';

/**
 * A small evaluator for the formulas county templates carry (=G5+H5, =SUM(E5:E40), =IF(O9=0,0,P9/O9),
 * =ROUND(…,2), =IFERROR(…)), so the filled workbook holds their results: viewers that do not recalculate (phone
 * previews, SheetJS) then show true numbers. Anything else — another sheet, an unknown function, a date — is
 * "unknown", and the cell is written without a cached result for the spreadsheet program to compute.
 */

export type Scalar = number | string | boolean | null;
type Value = Scalar | ErrorValue;

class ErrorValue {
  constructor(readonly code: string) {}
}

/** Thrown when a formula uses something this evaluator does not do: the result is left to recalculation. */
class Unknown extends Error {}

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; row: number; col: number }
  | { t: 'range'; r1: number; c1: number; r2: number; c2: number }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'pct'; a: Node }
  | { t: 'fn'; name: string; args: Node[] };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)\s*(\()|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/^&=<>(),%]))/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(at))) break;
      throw new Unknown();
    }
    at = TOKEN.lastIndex;
    if (m[4]) out.push(`${m[4].toUpperCase()}(`);
    else out.push((m[1] ?? m[2] ?? m[3] ?? m[6] ?? m[7])!);
  }
  return out;
}

function cellOf(text: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(text)!;
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

const BINARY: [string[], number][] = [
  [['=', '<>', '<', '>', '<=', '>='], 1],
  [['&'], 2],
  [['+', '-'], 3],
  [['*', '/'], 4],
  [['^'], 5],
];

function parse(tokens: string[]): Node {
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (next() !== t) throw new Unknown();
  };
  const binary = (level: number): Node => {
    if (level >= BINARY.length) return unary();
    let a = binary(level + 1);
    while (BINARY[level]![0].includes(peek() ?? '')) {
      const op = next()!;
      a = { t: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-' || peek() === '+') return { t: 'un', op: next()!, a: unary() };
    let a = primary();
    while (peek() === '%') {
      next();
      a = { t: 'pct', a };
    }
    return a;
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === undefined) throw new Unknown();
    if (/^\d/.test(tok)) return { t: 'num', v: Number(tok) };
    if (tok.startsWith('"')) return { t: 'str', v: tok.slice(1, -1).replace(/""/g, '"') };
    if (tok === 'TRUE' || tok === 'FALSE') return { t: 'bool', v: tok === 'TRUE' };
    if (tok === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (tok.endsWith('(')) {
      const args: Node[] = [];
      if (peek() !== ')') {
        do args.push(binary(0));
        while (peek() === ',' && next());
      }
      expect(')');
      return { t: 'fn', name: tok.slice(0, -1), args };
    }
    if (/^\$?[A-Z]/.test(tok)) {
      const [a, b] = tok.split(':') as [string, string | undefined];
      const s = cellOf(a);
      if (!b) return { t: 'ref', ...s };
      const e = cellOf(b);
      return {
        t: 'range',
        r1: Math.min(s.row, e.row),
        c1: Math.min(s.col, e.col),
        r2: Math.max(s.row, e.row),
        c2: Math.max(s.col, e.col),
      };
    }
    throw new Unknown();
  };
  const tree = binary(0);
  if (i !== tokens.length) throw new Unknown();
  return tree;
}

/** What the evaluator needs of the sheet: a cell's plain value, or its formula when it has one. */
export interface SheetCells {
  value(row: number, col: number): Scalar | { formula: string } | undefined;
}

const MAX_RANGE_CELLS = 200_000;

/** Evaluates formulas of one sheet, each cell at most once; a cycle or anything unsupported is unknown. */
export class SheetEvaluator {
  private readonly memo = new Map<string, Value | Unknown>();
  private readonly busy = new Set<string>();

  constructor(private readonly cells: SheetCells) {}

  /** The result of a formula written in this sheet, or undefined when it cannot be known here. */
  result(formula: string): Scalar | undefined {
    try {
      const v = this.node(parse(tokenize(formula)));
      return v instanceof ErrorValue ? undefined : v;
    } catch (e) {
      if (e instanceof Unknown) return undefined;
      throw e;
    }
  }

  /** The result of the formula in a cell of this sheet (worked out once, shared with the formulas that read it). */
  resultAt(row: number, col: number): Scalar | undefined {
    try {
      const v = this.cell(row, col);
      return v instanceof ErrorValue ? undefined : v;
    } catch (e) {
      if (e instanceof Unknown) return undefined;
      throw e;
    }
  }

  private cell(row: number, col: number): Value {
    const key = `${row}:${col}`;
    const known = this.memo.get(key);
    if (known instanceof Unknown) throw known;
    if (known !== undefined) return known;
    const raw = this.cells.value(row, col);
    if (raw === undefined || raw === null || typeof raw !== 'object') return raw ?? null;
    if (this.busy.has(key)) throw new Unknown();
    this.busy.add(key);
    try {
      const v = this.node(parse(tokenize(raw.formula)));
      this.memo.set(key, v);
      return v;
    } catch (e) {
      if (e instanceof Unknown) this.memo.set(key, e);
      throw e;
    } finally {
      this.busy.delete(key);
    }
  }

  private values(n: Node): Value[] {
    if (n.t !== 'range') return [this.node(n)];
    if ((n.r2 - n.r1 + 1) * (n.c2 - n.c1 + 1) > MAX_RANGE_CELLS) throw new Unknown();
    const out: Value[] = [];
    for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.push(this.cell(r, c));
    return out;
  }

  private node(n: Node): Value {
    switch (n.t) {
      case 'num':
      case 'str':
      case 'bool':
        return n.v;
      case 'ref':
        return this.cell(n.row, n.col) ?? null;
      case 'range':
        throw new Unknown();
      case 'un': {
        const a = num(this.node(n.a));
        return a instanceof ErrorValue ? a : n.op === '-' ? -a : a;
      }
      case 'pct': {
        const a = num(this.node(n.a));
        return a instanceof ErrorValue ? a : a / 100;
      }
      case 'bin':
        return binaryOp(n.op, this.node(n.a), this.node(n.b));
      case 'fn':
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: Node[]): Value {
    const numbers = () => {
      const out: number[] = [];
      for (const a of args) {
        for (const v of this.values(a)) {
          if (v instanceof ErrorValue) throw v;
          // From cells only numbers count; typed into the formula, TRUE and "3" count too (as Excel does).
          if (typeof v === 'number') out.push(v);
          else if (a.t !== 'range' && a.t !== 'ref' && v !== null) {
            const x = num(v);
            if (x instanceof ErrorValue) throw x;
            out.push(x);
          }
        }
      }
      return out;
    };
    try {
      switch (name) {
        case 'SUM':
          return numbers().reduce((s, x) => s + x, 0);
        case 'MIN':
        case 'MAX': {
          const xs = numbers();
          return xs.length === 0 ? 0 : name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
        }
        case 'AVERAGE': {
          const xs = numbers();
          return xs.length === 0 ? new ErrorValue('#DIV/0!') : xs.reduce((s, x) => s + x, 0) / xs.length;
        }
        case 'ROUND': {
          const [x, d] = args.map((a) => num(this.node(a)));
          if (x instanceof ErrorValue) return x;
          if (d instanceof ErrorValue) return d;
          const f = 10 ** (d ?? 0);
          return (Math.sign(x!) * Math.round(Math.abs(x!) * f + 1e-9)) / f;
        }
        case 'ABS': {
          const x = num(this.node(args[0]!));
          return x instanceof ErrorValue ? x : Math.abs(x);
        }
        case 'IF': {
          const c = truth(this.node(args[0]!));
          if (c instanceof ErrorValue) return c;
          const pick = c ? args[1] : args[2];
          return pick ? this.node(pick) : c ? true : false;
        }
        case 'IFERROR': {
          const v = this.node(args[0]!);
          return v instanceof ErrorValue ? this.node(args[1]!) : v;
        }
        default:
          throw new Unknown();
      }
    } catch (e) {
      if (e instanceof ErrorValue) return e;
      throw e;
    }
  }
}

function num(v: Value): number | ErrorValue {
  if (v instanceof ErrorValue) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : new ErrorValue('#VALUE!');
}

function truth(v: Value): boolean | ErrorValue {
  if (v instanceof ErrorValue) return v;
  if (typeof v === 'string') throw new Unknown();
  return Boolean(v);
}

function compare(a: Scalar, b: Scalar): number {
  // Excel: a blank compares as 0 or "", numbers sort before text, text before logicals, text without case.
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const x = a ?? (typeof b === 'string' ? '' : 0);
  const y = b ?? (typeof a === 'string' ? '' : 0);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') return x.toLowerCase().localeCompare(String(y).toLowerCase());
  return Number(x) - Number(y);
}

function binaryOp(op: string, a: Value, b: Value): Value {
  if (a instanceof ErrorValue) return a;
  if (b instanceof ErrorValue) return b;
  if (op === '&') return `${a ?? ''}${b ?? ''}`;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    return op === '='
      ? c === 0
      : op === '<>'
        ? c !== 0
        : op === '<'
          ? c < 0
          : op === '>'
            ? c > 0
            : op === '<='
              ? c <= 0
              : c >= 0;
  }
  const x = num(a);
  const y = num(b);
  if (x instanceof ErrorValue) return x;
  if (y instanceof ErrorValue) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new ErrorValue('#DIV/0!') : x / y;
    default:
      return x ** y;
  }
}
