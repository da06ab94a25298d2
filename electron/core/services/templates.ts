import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { chineseDate } from '../../../shared/excel/reportModel';
import {
  guessRowUnit,
  guessTemplateColumns,
  sourceByKey,
  templateSignatureText,
  templateSourcesFor,
  type TemplateSource,
} from '../../../shared/excel/templateSources';
import {
  templateMappingSchema,
  type TemplateColumn,
  type TemplateFilled,
  type TemplateMapping,
  type TemplateOpened,
  type TemplateRowUnit,
  type TemplateSheet,
} from '../../../shared/ipc/exports';
import type { CoreContext } from '../app/context';
import { IdleSessions } from '../app/sessions';
import { writeOutput } from '../app/outputs';
import type { Db } from '../db/open';
import { getSettings } from '../db/repos/settings';
import { prepared } from '../db/statements';
import { AppError } from '../errors';
import { fillSheet, templateSheet, type FillColumn } from '../excel/template/fill';
import {
  columnHeadersOf,
  guessHeaderRow,
  hasFormula,
  dataAreaOf,
  mergesOf,
  sheetWidth,
  textGrid,
} from '../excel/template/layout';
import { loadTemplate } from '../excel/template/load';
import { columnLetters } from '../excel/template/references';
import { breathe } from '../jobs/registry';
import { liveIndicators } from './stats';
import { areaRows, enterpriseRows } from './templatePlacement';

/**
 * Filling a template sent from above: open it (the clerk marks the header row and maps the columns, helped by a
 * guess or by last year's mapping), then fill a copy from the ledger. The mapping is kept per template, known by
 * its sheet name and header texts, so next year's copy of the same form is filled in one step.
 */

/** Rows shown for marking the header row. */
const HEAD_ROWS = 20;
/** How far down a header row is looked for when matching a saved mapping. */
const SIGNATURE_ROWS = 30;
interface TemplateSession {
  path: string;
  fileName: string;
}

/** A template left open two hours is forgotten; at most 8 are kept. */
const sessions = new IdleSessions<TemplateSession>(2 * 3600 * 1000, 8);

function signatureOf(sheet: string, headers: readonly string[]): string {
  return createHash('sha256').update(templateSignatureText(sheet, headers)).digest('hex');
}

function savedMappings(db: Db, signatures: string[]): Map<string, TemplateMapping> {
  const found = new Map<string, TemplateMapping>();
  if (signatures.length === 0) return found;
  const rows = prepared(
    db,
    'templates:saved',
    () => 'SELECT signature, mapping FROM template_mappings WHERE signature IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(signatures)) as { signature: string; mapping: string }[];
  for (const row of rows) {
    try {
      const parsed = templateMappingSchema.safeParse(JSON.parse(row.mapping));
      if (parsed.success) found.set(row.signature, parsed.data);
    } catch {
      // A mapping damaged outside the program is as good as none: the clerk maps again.
    }
  }
  return found;
}

function columnsOf(ws: ExcelJS.Worksheet, headerRow: number, headers: readonly string[]): TemplateColumn[] {
  // Only a formula in a data row is a formula column: the 合计 row's SUMs right under a header are not.
  const area = dataAreaOf(ws, headerRow, mergesOf(ws), Math.max(headers.length, 1));
  const model = area.last >= area.first ? area.first : null;
  return headers.map((header, index) => ({
    index,
    letter: columnLetters(index + 1),
    header,
    formula: model !== null && hasFormula(ws.getCell(model, index + 1)),
  }));
}

function sourcesFor(db: Db, unit: TemplateRowUnit): TemplateSource[] {
  return templateSourcesFor(unit, liveIndicators(db));
}

function guessedMapping(
  db: Db,
  sheet: string,
  headerRow: number,
  headers: readonly string[],
  formulas: Set<number>,
): TemplateMapping | null {
  const rowUnit = guessRowUnit(headers);
  // A formula column is kept as the template has it: never proposed for filling.
  const columns = guessTemplateColumns(headers, sourcesFor(db, rowUnit)).filter((c) => !formulas.has(c.column));
  return columns.length === 0 ? null : { sheet, headerRow, rowUnit, columns, scope: 'enterprises', order: 'area' };
}

/** Only what the current ledger can still fill: a saved column whose indicator was deleted is dropped. */
function usable(db: Db, mapping: TemplateMapping): TemplateMapping | null {
  const sources = sourcesFor(db, mapping.rowUnit);
  const columns = mapping.columns.filter((c) => sourceByKey(sources, c.source));
  return columns.length === 0 ? null : { ...mapping, columns };
}

export async function openTemplate(ctx: CoreContext, fileRef: string): Promise<TemplateOpened> {
  const { db } = ctx.requireLedger();
  const path = ctx.files.take(fileRef, 'import');
  const fileName = basename(path);
  const wb = await loadTemplate(path, fileName);
  const sheets: TemplateSheet[] = [];
  const candidates: { sheet: string; row: number; signature: string; guessed: boolean }[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const width = sheetWidth(ws);
    const grid = textGrid(ws, 1, Math.min(ws.rowCount, SIGNATURE_ROWS), width);
    const guessedHeaderRow = guessHeaderRow(ws, HEAD_ROWS, width);
    let columns: TemplateColumn[] = [];
    let guessed: TemplateMapping | null = null;
    if (guessedHeaderRow !== null) {
      const headers = columnHeadersOf(ws, guessedHeaderRow, width);
      columns = columnsOf(ws, guessedHeaderRow, headers);
      guessed = guessedMapping(
        db,
        ws.name,
        guessedHeaderRow,
        headers,
        new Set(columns.filter((c) => c.formula).map((c) => c.index)),
      );
    }
    sheets.push({ name: ws.name, head: grid.slice(0, HEAD_ROWS), guessedHeaderRow, columns, guessed });
    // Last year's mapping is found by the header texts wherever the header row now is.
    for (let row = 1; row <= grid.length; row++) {
      if ((grid[row - 1] ?? []).filter((t) => t !== '').length < 2) continue;
      const signature = signatureOf(ws.name, columnHeadersOf(ws, row, width));
      candidates.push({ sheet: ws.name, row, signature, guessed: row === guessedHeaderRow });
    }
  }
  if (sheets.length === 0) throw new AppError('BAD_FILE', `“${fileName}”中没有可见的工作表`);
  const found = savedMappings(db, [...new Set(candidates.map((c) => c.signature))]);
  const match = candidates
    .filter((c) => found.has(c.signature))
    .sort((a, b) => Number(b.guessed) - Number(a.guessed))[0];
  const saved = match ? usable(db, { ...found.get(match.signature)!, sheet: match.sheet, headerRow: match.row }) : null;

  const sessionId = sessions.add(ctx, { path, fileName });
  const option = (s: TemplateSource) => ({ key: s.key, label: s.label, kind: s.kind });
  return {
    sessionId,
    fileName,
    sheets,
    saved,
    sources: { enterprise: sourcesFor(db, 'enterprise').map(option), area: sourcesFor(db, 'area').map(option) },
  };
}

export interface FillRequest {
  sessionId: string;
  mapping: TemplateMapping;
  target?: string;
  jobId?: string;
}

/** `<模板名>-已填报-<日期>.xlsx`. */
export function filledFileName(templateFileName: string, today: string): string {
  return `${basename(templateFileName, extname(templateFileName))}-已填报-${today}.xlsx`;
}

export async function fillTemplate(ctx: CoreContext, req: FillRequest): Promise<TemplateFilled> {
  const ledger = ctx.requireLedger();
  const { db } = ledger;
  const session = sessions.get(ctx, req.sessionId);
  if (!session) throw new AppError('NOT_FOUND', '模板会话已过期，请重新选择模板文件', 'sessionId');
  const today = localDate(ctx.writer.now());
  const { mapping } = req;
  return ctx.jobs.run(req.jobId, async (job) => {
    job.report('正在读取模板…', 0, null);
    const wb = await loadTemplate(session.path, session.fileName);
    job.checkpoint();
    const state = templateSheet(wb, mapping.sheet, mapping.headerRow);
    // Read before filling: the header texts are what next year's copy of the form is known by.
    const signature = signatureOf(mapping.sheet, columnHeadersOf(state.ws, mapping.headerRow, state.width));
    const sources = sourcesFor(db, mapping.rowUnit);
    const columns: FillColumn[] = mapping.columns.map((c) => {
      const source = sourceByKey(sources, c.source);
      if (!source)
        throw new AppError(
          'VALIDATION',
          `${columnLetters(c.column + 1)}列对应的填写内容已不可用（统计指标可能已停用或删除），请重新选择`,
          'mapping.columns',
        );
      return { column: c.column, source };
    });
    job.report('正在整理台账数据…', 0, null);
    const placement =
      mapping.rowUnit === 'enterprise'
        ? enterpriseRows(db, state, columns, mapping)
        : areaRows(db, state, columns, mapping, today);
    await breathe();
    job.checkpoint();
    job.report('正在填写模板…', 0, placement.rows.length);
    const { committee, township } = getSettings(db);
    const warnings = [
      ...placement.warnings,
      ...(await fillSheet(
        state,
        columns,
        placement.rows,
        { clear: placement.clear, totals: placement.totals, unit: committee || township, date: chineseDate(today) },
        async (done) => {
          job.report('正在填写模板…', done, placement.rows.length);
          await breathe();
          job.checkpoint();
        },
      )),
    ];
    await breathe();
    job.checkpoint();
    job.report('正在保存…', placement.rows.length, placement.rows.length);
    const { download } = await writeOutput(ctx, req.target, async (path) => {
      await wb.xlsx.writeFile(path);
      job.checkpoint();
    });
    const fileName = filledFileName(session.fileName, today);
    if (ledger.readOnly) warnings.push('台账以只读方式打开，本次的列对应关系和导出记录未能保存');
    else record(ctx, db, signature, mapping, session.fileName, fileName, placement.rows.length);
    return { fileName, rows: placement.rows.length, download, warnings };
  });
}

/** The mapping kept for next year (by the template's signature) and the export logged, in one transaction. */
function record(
  ctx: CoreContext,
  db: Db,
  signature: string,
  mapping: TemplateMapping,
  template: string,
  fileName: string,
  rows: number,
): void {
  const at = ctx.writer.now().toISOString();
  db.transaction(() => {
    prepared(
      db,
      'templates:saveMapping',
      () => `INSERT INTO template_mappings (signature, name, mapping, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (signature) DO UPDATE SET name = excluded.name, mapping = excluded.mapping,
               updated_at = excluded.updated_at`,
    ).run(signature, template, JSON.stringify(mapping), at);
    prepared(
      db,
      'templates:log',
      () =>
        `INSERT INTO export_log (at, actor, report, file_name, rows, unmasked, scope) VALUES (?, ?, 'template', ?, ?, 0, ?)`,
    ).run(at, ctx.writer.actor, fileName, rows, template);
  })();
}
