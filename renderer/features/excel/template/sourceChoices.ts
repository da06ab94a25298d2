import type {
  TemplateColumn,
  TemplateMapping,
  TemplateOpened,
  TemplateRowUnit,
  TemplateSheet,
} from '../../../../shared/ipc/exports';
import { guessTemplateColumns, templateSourcesFor } from '../../../../shared/excel/templateSources';
import { columnLetter } from '../columnLetter';

/**
 * The columns under a header row the clerk picked, read from the sheet's first rows. Merged cells repeat their
 * text in every cell they cover, so a two-row header joins the row above (党员数/正式) — unless that row says one
 * thing across the whole width, which is a title, not a header.
 */
export function columnsUnder(sheet: TemplateSheet, headerRow: number): TemplateColumn[] {
  if (headerRow === sheet.guessedHeaderRow && sheet.columns.length > 0) return sheet.columns;
  const row = sheet.head[headerRow - 1] ?? [];
  const above = sheet.head[headerRow - 2] ?? [];
  const aboveIsHeader = new Set(above.map((t) => t.trim()).filter(Boolean)).size >= 2;
  const width = Math.max(row.length, aboveIsHeader ? above.length : 0);
  const columns: TemplateColumn[] = [];
  for (let index = 0; index < width; index++) {
    const own = (row[index] ?? '').trim();
    const upper = aboveIsHeader ? (above[index] ?? '').trim() : '';
    const header = upper && own && upper !== own ? `${upper}/${own}` : own || upper;
    if (header) columns.push({ index, letter: columnLetter(index), header, formula: false });
  }
  return columns;
}

/** The ledger's indicators as the opened template offers them (`indicator.<key>.<part>`, “名称：已覆盖”). */
function indicatorsOffered(opened: TemplateOpened): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const s of opened.sources.area) {
    const m = /^indicator\.(.+)\.(denominator|numerator|rate)$/.exec(s.key);
    if (m && !seen.has(m[1]!)) seen.set(m[1]!, s.label.split('：')[0] ?? s.label);
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}

/** Each column's source as its header text suggests, among the sources this ledger offers for the row unit. */
export function guessColumns(
  opened: TemplateOpened,
  columns: TemplateColumn[],
  rowUnit: TemplateRowUnit,
): Map<number, string> {
  const offered = new Set(opened.sources[rowUnit].map((s) => s.key));
  const sources = templateSourcesFor(rowUnit, indicatorsOffered(opened)).filter((s) => offered.has(s.key));
  const fillable = columns.filter((c) => !c.formula);
  const headers: string[] = [];
  for (const c of fillable) headers[c.index] = c.header;
  const guessed = guessTemplateColumns(
    Array.from(headers, (h) => h ?? ''),
    sources,
  );
  return new Map(guessed.map((g) => [g.column, g.source]));
}

export interface Draft {
  sheet: string;
  headerRow: number | null;
  rowUnit: TemplateRowUnit;
  scope: TemplateMapping['scope'];
  order: TemplateMapping['order'];
  /** Column (0-based) → source key; a column left out is not filled. */
  columns: Map<number, string>;
  /** Where the mapping came from, for the tag above the columns. */
  origin: 'saved' | 'guessed' | 'clerk';
}

const fromMapping = (m: TemplateMapping, origin: Draft['origin']): Draft => ({
  sheet: m.sheet,
  headerRow: m.headerRow,
  rowUnit: m.rowUnit,
  scope: m.scope,
  order: m.order,
  columns: new Map(m.columns.map((c) => [c.column, c.source])),
  origin,
});

/**
 * The mapping for a sheet and header row: last time's when it was for them, the core's guess for the guessed
 * header row, else a guess from the header texts read here.
 */
export function draftFor(
  opened: TemplateOpened,
  sheetName: string,
  headerRow: number | null,
  keep?: Pick<Draft, 'rowUnit' | 'scope' | 'order'>,
): Draft {
  const saved = opened.saved;
  const sameUnit = (m: TemplateMapping) => !keep || keep.rowUnit === m.rowUnit;
  if (saved && saved.sheet === sheetName && (headerRow === null || headerRow === saved.headerRow) && sameUnit(saved)) {
    return { ...fromMapping(saved, 'saved'), ...(keep ?? {}) };
  }
  const sheet = opened.sheets.find((s) => s.name === sheetName);
  const row = headerRow ?? sheet?.guessedHeaderRow ?? null;
  const guessed = sheet?.guessed;
  if (guessed && row === guessed.headerRow && sameUnit(guessed)) {
    return { ...fromMapping(guessed, 'guessed'), ...(keep ?? {}) };
  }
  const base = keep ?? { rowUnit: guessed?.rowUnit ?? 'enterprise', scope: 'enterprises', order: 'area' };
  const columns = sheet && row ? guessColumns(opened, columnsUnder(sheet, row), base.rowUnit) : new Map();
  return { sheet: sheetName, headerRow: row, ...base, columns, origin: 'guessed' };
}

export function mappingOf(d: Draft & { headerRow: number }): TemplateMapping {
  return {
    sheet: d.sheet,
    headerRow: d.headerRow,
    rowUnit: d.rowUnit,
    scope: d.scope,
    order: d.order,
    columns: [...d.columns].map(([column, source]) => ({ column, source })).sort((a, b) => a.column - b.column),
  };
}
