import { localDate } from '../../../../shared/domain/enterpriseRules';
import { cellText } from '../../../../shared/excel/cells';
import { isNonDataRow } from '../../../../shared/excel/headers';
import { IMPORT_FIELDS, importField, type ImportField } from '../../../../shared/excel/importFields';
import { IMPORT_KINDS } from '../../../../shared/excel/kinds';
import type { ImportPlanRequest, ImportPreview, ImportReport } from '../../../../shared/ipc/imports';
import type { CoreContext } from '../../app/context';
import { autoBackup } from '../../backup/backups';
import { writeLong, type Tx } from '../../db/changeLog';
import type { Db } from '../../db/open';
import { readSheetRows } from '../../excel/read';
import { breathe, type JobHandle } from '../../jobs/registry';
import { effects, type Effects } from './effects';
import { EnterprisePlanner } from './enterpriseRows';
import { checkedMapping, columnName, headersOf, saveMapping, topRows } from './layout';
import { LedgerIndex, nameKey } from './ledgerIndex';
import { MemberPlanner } from './memberRows';
import { PeoplePlanner } from './peopleRows';
import type { FieldRow, GivenCell, RowResult } from './rowResult';
import { Tally } from './rowResult';
import { requireSession } from './sessions';

/** A planner plans (and in a commit writes) one row at a time, and may finish with work over all of them. */
export interface RowPlanner {
  plan(row: FieldRow, fx: Effects): RowResult;
  finish?(fx: Effects): void;
}

/** Rows between two answers to progress questions and a cancel. */
const CHUNK = 250;

export function previewImport(ctx: CoreContext, req: ImportPlanRequest): Promise<ImportPreview> {
  return ctx.jobs.run(req.jobId, async (job) => (await planRows(ctx, req, job, null)).preview());
}

/**
 * Plans every row again (the file or the ledger may have changed since the preview) and writes the good ones in
 * one step: one transaction, one change batch (one 撤销 undoes the whole import). A failure or a cancel rolls it
 * all back, the saved mapping included.
 */
export function commitImport(ctx: CoreContext, req: ImportPlanRequest): Promise<ImportReport> {
  return ctx.jobs.run(req.jobId, async (job) => {
    const session = requireSession(ctx, req.sessionId);
    const db = ctx.requireLedger().db;
    // Before anything is written: an import is the change most worth being able to take back whole. (A read-only
    // ledger refuses the import below; a copy of it would only crowd out real backups.)
    if (!ctx.requireLedger().readOnly) autoBackup(ctx, 'before-import');
    const action = `导入${IMPORT_KINDS[req.kind]}（${session.fileName}）`;
    const tally = await writeLong(db, ctx.writer, action, (tx) => planRows(ctx, req, job, tx));
    return tally.report();
  });
}

async function planRows(ctx: CoreContext, req: ImportPlanRequest, job: JobHandle, tx: Tx | null): Promise<Tally> {
  const session = requireSession(ctx, req.sessionId);
  const db = ctx.requireLedger().db;
  job.report('正在读取表头…', 0, null);
  const headers = headersOf(await topRows(session, req.sheet, req.header), req.header);
  const mapped = checkedMapping(req.kind, req.mapping, headers)
    .map((m) => ({ ...m, name: columnName(headers, m.column) }))
    .sort((a, b) => a.column - b.column);
  const tally = new Tally(!tx);
  const fx = effects(tx, localDate(ctx.writer.now()));
  const planner = plannerFor(db, req, IMPORT_FIELDS[req.kind], tally);
  const overrides = overridesByRow(req);
  const verb = tx ? '正在导入' : '正在检查';
  let seen = 0;
  for await (const sheetRow of readSheetRows(session.path, req.sheet, { job })) {
    if (sheetRow.row <= req.header.end || isNonDataRow(sheetRow.cells)) continue;
    const cells = new Map<string, GivenCell>();
    for (const { field, column, name } of mapped) {
      const value = sheetRow.cells[column] ?? null;
      const text = cellText(value);
      if (text !== '') cells.set(field.key, { field, value, text, column: name });
    }
    for (const o of overrides.get(sheetRow.row) ?? []) {
      const column = mapped.find((m) => m.field.key === o.field.key)?.name ?? o.field.label;
      const text = cellText(o.value);
      // A value the clerk cleared in the preview is as if the cell were blank.
      if (text === '') cells.delete(o.field.key);
      else cells.set(o.field.key, { field: o.field, value: o.value, text, column });
    }
    // A row with nothing in the mapped columns (a 序号 alone, a spacer) is not a record.
    if (cells.size === 0) continue;
    tally.add(planner.plan({ row: sheetRow.row, cells }, fx));
    if (++seen % CHUNK === 0) {
      // The chunk's new enterprises written in one run before the pause (Tx.insertLater).
      tx?.flush();
      job.report(`${verb}，已处理 ${seen} 行…`, seen, null);
      await breathe();
      job.checkpoint();
    }
  }
  job.checkpoint();
  planner.finish?.(fx);
  if (tx) saveMapping(db, req.kind, headers, req.mapping, tx.at);
  job.report(tx ? '导入完成' : '检查完成', seen, seen);
  return tally;
}

function plannerFor(db: Db, req: ImportPlanRequest, fields: readonly ImportField[], tally: Tally): RowPlanner {
  const index = new LedgerIndex(db);
  switch (req.kind) {
    case 'enterprises':
    case 'survey':
      return new EnterprisePlanner(
        db,
        index,
        {
          mode: req.kind === 'survey' ? 'survey' : 'ledger',
          onMatch: req.kind === 'survey' ? 'update' : req.onMatch,
          addAreas: req.addAllAreas ? { has: () => true } : new Set(req.addAreas.map(nameKey)),
          mergeDuplicates: req.mergeDuplicates,
        },
        tally,
      );
    case 'members':
      return new MemberPlanner(db, index, { onMatch: req.onMatch }, tally);
    case 'instructors':
    case 'contacts':
      return new PeoplePlanner(db, index, { kind: req.kind, onMatch: req.onMatch, fields }, tally);
  }
}

/** Values the clerk typed in the preview, by row; a field outside the kind is ignored. */
function overridesByRow(req: ImportPlanRequest) {
  const byRow = new Map<number, { field: ImportField; value: string }[]>();
  for (const o of req.overrides) {
    const field = importField(req.kind, o.field);
    if (!field) continue;
    const list = byRow.get(o.row) ?? [];
    list.push({ field, value: o.value });
    byRow.set(o.row, list);
  }
  return byRow;
}
