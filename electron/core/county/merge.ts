import { countOutcome, DEFAULT_INDICATORS, type IndicatorCount } from '../../../shared/domain/indicators';
import { prepared } from '../db/statements';
import { partyStatsMatrix } from '../reports/partyStats';
import { liveContext } from '../services/stats';
import { countIndicators, type CountedIndicator } from '../stats/report';
import { fromClause, liveSource } from '../stats/source';
import type { TownshipLedger } from './townships';

/** One indicator's counts, for a township or the county, with what identifies it. */
export interface CountyIndicator extends IndicatorCount {
  key: string;
  name: string;
  target: number | null;
}

export interface TownshipFigures {
  township: string;
  file: string;
  /** Enterprises as the dashboard counts them: all but 注销/迁出. */
  enterprises: number;
  indicators: CountyIndicator[];
  /** The 党内统计 form's matrix, row by row, column by column (reports/partyStats.ts). */
  partyStats: number[][];
}

export interface DuplicateEntry {
  township: string;
  file: string;
  name: string;
}

/** One 统一社会信用代码 on the active rolls of two or more townships. */
export interface Duplicate {
  uscc: string;
  entries: DuplicateEntry[];
}

export interface CountyReport {
  townships: TownshipFigures[];
  county: { enterprises: number; indicators: CountyIndicator[]; partyStats: number[][] };
  duplicates: Duplicate[];
}

/**
 * The county adds up what each township counts, so every township is counted against the same definitions: the
 * standard indicators (DEFAULT_INDICATORS, what a new ledger starts with), not the township's own, which a clerk may
 * have edited or disabled — the sum of two differently defined rates means nothing. Each township keeps its own
 * 统计截止日期 and 党的工作覆盖 rule (liveContext), as its own dashboard counts it.
 */
const ENTERPRISES_KEY = 'county:enterprises';
const COUNTED: CountedIndicator[] = [
  ...DEFAULT_INDICATORS,
  // No clauses: every enterprise in the live source's scope (not 注销/迁出), counted by the dashboard's own pass.
  { key: ENTERPRISES_KEY, name: '企业数', denominator: [], numerator: [], target: null, note: '' },
];

/** One township's figures, by the same code as its dashboard and its 党内统计 export. */
export function townshipFigures(ledger: TownshipLedger, today: string): TownshipFigures {
  const results = countIndicators(ledger.db, liveSource, COUNTED, liveContext(ledger.db, today));
  const enterprises = results.find((r) => r.key === ENTERPRISES_KEY)!.denominator;
  return {
    township: ledger.township,
    file: ledger.file,
    enterprises,
    indicators: results
      .filter((r) => r.key !== ENTERPRISES_KEY)
      .map((r) => ({
        key: r.key,
        name: r.name,
        target: r.target,
        numerator: r.numerator,
        denominator: r.denominator,
        rate: r.rate,
        met: r.met,
        shortfall: r.shortfall,
      })),
    partyStats: partyStatsMatrix({ db: ledger.db, today }),
  };
}

/**
 * The county's figures: each indicator's numerator and denominator summed over the townships and its rate and
 * target met recomputed from the sums (a rate is never summed). Every cell of the 党内统计 form is a count or a sum —
 * 单位数, 联合党支部数, 指导员人数, 在岗职工数, 党员数 — so the county's form is the cell-wise sum; the two distinct counts
 * (联合党支部, 指导员) add up because each township's organisations and instructors are its own. Enterprises on two
 * townships' rolls are listed for the clerk to settle, never merged: the totals stay the sums of the townships' own.
 */
export function countyReport(ledgers: readonly TownshipLedger[], today: string): CountyReport {
  const townships = ledgers.map((l) => townshipFigures(l, today));
  const indicators = DEFAULT_INDICATORS.map((d, i) => {
    const n = townships.reduce((acc, t) => acc + t.indicators[i]!.numerator, 0);
    const den = townships.reduce((acc, t) => acc + t.indicators[i]!.denominator, 0);
    return { key: d.key, name: d.name, target: d.target, ...countOutcome(n, den, d.target) };
  });
  return {
    townships,
    county: {
      enterprises: townships.reduce((acc, t) => acc + t.enterprises, 0),
      indicators,
      partyStats: sumMatrices(townships.map((t) => t.partyStats)),
    },
    duplicates: duplicatesOf(ledgers),
  };
}

function sumMatrices(matrices: number[][][]): number[][] {
  const [first, ...rest] = matrices;
  if (!first) return [];
  return first.map((row, r) => row.map((cell, c) => rest.reduce((acc, m) => acc + m[r]![c]!, cell)));
}

/**
 * Credit codes on more than one township's active roll. Only the counted enterprises (not 注销/迁出): an enterprise
 * that moved from one township to another stays on the old roll as 迁出, which is how a move is meant to be kept and
 * counts once. A blank code matches nothing; codes are compared as the ledger stores them (checked, upper case).
 */
export function duplicatesOf(ledgers: readonly TownshipLedger[]): Duplicate[] {
  const byCode = new Map<string, DuplicateEntry[]>();
  for (const l of ledgers) {
    const from = fromClause(liveSource);
    const sql = `SELECT e.uscc AS uscc, e.name AS name ${from.sql} AND e.uscc IS NOT NULL AND trim(e.uscc) <> ''`;
    const rows = prepared(l.db, sql, () => sql).all(...from.params) as { uscc: string; name: string }[];
    for (const r of rows) {
      const code = r.uscc.trim().toUpperCase();
      const entries = byCode.get(code) ?? [];
      entries.push({ township: l.township, file: l.file, name: r.name });
      byCode.set(code, entries);
    }
  }
  return [...byCode.entries()]
    .filter(([, entries]) => new Set(entries.map((e) => e.file)).size > 1)
    .map(([uscc, entries]) => ({ uscc, entries }))
    .sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
}
