import type { TemplateMapping } from '../../../shared/ipc/exports';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import {
  namesInColumn,
  type FillColumn,
  type FillRow,
  type FillValue,
  type TemplateSheetState,
} from '../excel/template/fill';
import { enterpriseValue, templateAreaFigures, templateEnterprises } from './templateRows';

/**
 * Which template row each of the ledger's rows goes to. Enterprise rows fill the data area from its top and run on
 * below it; area rows go to the row that already names the area, and areas the template does not list (but
 * that have enterprises) are added after the listed ones, so the 合计 still adds up to the ledger's figures.
 */

export interface Placement {
  rows: FillRow[];
  /** Template data rows left over: their mapped cells are emptied (a reused copy's old figures). */
  clear: number[];
  /** 合计 cells that are not sums, by mapped column index: the township's rates. */
  totals: Map<number, FillValue>;
  warnings: string[];
}

function templateRowCount(state: TemplateSheetState): number {
  return Math.max(0, state.area.last - state.area.first + 1);
}

function leftover(state: TemplateSheetState, used: number): number[] {
  const out: number[] = [];
  for (let r = state.area.first + used; r <= state.area.last; r++) out.push(r);
  return out;
}

export function enterpriseRows(
  db: Db,
  state: TemplateSheetState,
  columns: readonly FillColumn[],
  mapping: TemplateMapping,
): Placement {
  const list = templateEnterprises(db, mapping.scope, mapping.order);
  const slots = templateRowCount(state);
  const rows: FillRow[] = list.map((e, i) => ({
    row: i < slots ? state.area.first + i : 'append',
    values: columns.map((c) => enterpriseValue(c.source.key, e, i + 1)),
  }));
  const warnings = list.length === 0 ? ['台账中没有符合条件的在册企业，模板未填入任何企业'] : [];
  return { rows, clear: leftover(state, list.length), totals: new Map(), warnings };
}

/** An area's name as villages are written in different forms: 长安村 = 长安村村委会 = 长安村民委员会. */
export function normalizeAreaName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/村?(村民委员会|村委会)$/, '村')
    .replace(/(社区居民委员会|社区居委会|居民委员会|居委会)$/, '社区');
}

const NOT_AN_AREA = /^(合计|总计|小计|其中|共计)/;

export function areaRows(
  db: Db,
  state: TemplateSheetState,
  columns: readonly FillColumn[],
  mapping: TemplateMapping,
  today: string,
): Placement {
  const nameIndex = columns.findIndex((c) => c.source.key === 'stat.areaName');
  if (nameIndex < 0)
    throw new AppError('VALIDATION', '按区域填写时，请指定哪一列是区域名称（村、社区的名称）', 'mapping.columns');
  const figures = templateAreaFigures(db, mapping.scope, today);
  const valuesOf = (areaId: number | null, name: string, rowNo: number): FillValue[] =>
    columns.map((c) => {
      if (c.source.key === 'rowNo') return rowNo;
      if (c.source.key === 'stat.areaName') return name;
      return areaId === null ? null : (figures.byArea.get(areaId)?.get(c.source.key) ?? null);
    });
  const totals = new Map<number, FillValue>();
  columns.forEach((c, i) => {
    if (c.source.kind === 'percent') totals.set(i, figures.total.get(c.source.key) ?? null);
  });

  const listed = namesInColumn(state, columns[nameIndex]!.column).filter(
    (n) => !NOT_AN_AREA.test(n.name.replace(/\s+/g, '')),
  );
  if (listed.length === 0) {
    const slots = templateRowCount(state);
    const rows = figures.areas.map((a, i) => ({
      row: i < slots ? state.area.first + i : ('append' as const),
      values: valuesOf(a.id, a.name, i + 1),
    }));
    return { rows, clear: leftover(state, rows.length), totals, warnings: [] };
  }

  const warnings: string[] = [];
  const byName = new Map(figures.areas.map((a) => [normalizeAreaName(a.name), a]));
  const used = new Set<number>();
  const rows: FillRow[] = listed.map((n, i) => {
    const key = normalizeAreaName(n.name);
    let area = byName.get(key);
    if (!area) {
      // 长安 for 长安村: one area whose name contains the other, and only one.
      const near = figures.areas.filter((a) => {
        const k = normalizeAreaName(a.name);
        return key.length >= 2 && k.length >= 2 && (k.includes(key) || key.includes(k));
      });
      area = near.length === 1 ? near[0] : undefined;
    }
    if (area && used.has(area.id)) {
      warnings.push(`模板中“${n.name}”（第${n.row}行）与前面的行对应同一区域，该行未填写`);
      area = undefined;
    } else if (!area) {
      warnings.push(`模板中的“${n.name}”（第${n.row}行）在台账中没有对应的区域，该行未填写`);
    }
    if (area) used.add(area.id);
    return { row: n.row, values: valuesOf(area?.id ?? null, n.name, i + 1) };
  });

  const missing = figures.areas.filter(
    (a) => !used.has(a.id) && (figures.byArea.get(a.id)?.get('stat.enterprises') ?? 0) > 0,
  );
  const lastListed = listed[listed.length - 1]!.row;
  let slot = lastListed + 1;
  missing.forEach((a, j) => {
    const row = slot <= state.area.last ? slot++ : 'append';
    rows.push({ row, values: valuesOf(a.id, a.name, listed.length + j + 1) });
    warnings.push(`台账中的区域“${a.name}”不在模板中，已添加在${row === 'append' ? '表格末尾' : `第${row}行`}，请核对`);
  });
  return { rows, clear: [], totals, warnings };
}
