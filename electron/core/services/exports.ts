import { localDate } from '../../../shared/domain/enterpriseRules';
import { REPORT_PERSONAL_DATA, REPORTS } from '../../../shared/excel/kinds';
import { reportFileName } from '../../../shared/excel/reportModel';
import type { ExportDone, ExportRecord } from '../../../shared/ipc/exports';
import type { CoreContext } from '../app/context';
import { writeOutput } from '../app/outputs';
import { recordReveal } from '../db/changeLog';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { prepared } from '../db/statements';
import { writeReport } from '../excel/write/writeReport';
import { reportInput, type ExportRequest } from '../reports/context';
import { REPORT_BUILDERS } from '../reports/index';

/**
 * One report written as a workbook and recorded in the export log (what, when, by whom, how many rows, whether
 * personal data went out in full, for which scope). The workbook is written under a temporary name and put in
 * place only when complete: a failed or cancelled export leaves no file and no log entry.
 */
export async function runExport(ctx: CoreContext, req: ExportRequest): Promise<ExportDone> {
  const session = ctx.requireLedger();
  const { db } = session;
  const today = localDate(ctx.writer.now());
  // Full personal data going out is recorded in the change log as well; a ledger that cannot take the record
  // cannot give the data (the same choice as 显示 on a read-only ledger).
  const exposed = req.unmask ? (REPORT_PERSONAL_DATA[req.report] ?? null) : null;
  if (exposed && session.readOnly) {
    throw new AppError('READ_ONLY', '台账以只读方式打开，无法记录导出完整个人信息；请取消“显示完整个人信息”后再导出');
  }
  return ctx.jobs.run(req.jobId, async (job) => {
    job.report('正在统计…', 0, null);
    const input = reportInput(db, req.report, req, today);
    const model = REPORT_BUILDERS[req.report](input);
    const fileName = reportFileName(input.settings.township, req.report, input.scope.name, today);
    const { value: rows, download } = await writeOutput(ctx, req.target, (path) => writeReport(model, path, job));
    // A ledger opened read-only (a newer program's, an archived copy viewed) cannot take the entry.
    if (!session.readOnly) {
      db.transaction(() => {
        const logId = recordExport(db, {
          at: ctx.writer.now().toISOString(),
          actor: ctx.writer.actor,
          report: req.report,
          fileName,
          rows,
          unmasked: req.unmask,
          scope: model.scope,
        });
        if (exposed) {
          recordReveal(db, ctx.writer, `导出完整个人信息：${REPORTS[req.report]}`, [
            { entity: 'export_log', entityId: logId, field: exposed },
          ]);
        }
      })();
    }
    return { fileName, rows, download };
  });
}

function recordExport(db: Db, r: Omit<ExportRecord, 'id'>): number {
  const { lastInsertRowid } = prepared(
    db,
    'exports:record',
    () => `INSERT INTO export_log (at, actor, report, file_name, rows, unmasked, scope) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.at, r.actor, r.report, r.fileName, r.rows, r.unmasked ? 1 : 0, r.scope);
  return Number(lastInsertRowid);
}

/** Every export and filled template, newest first. */
export function exportLog(db: Db): ExportRecord[] {
  const rows = prepared(
    db,
    'exports:log',
    () => `SELECT id, at, actor, report, file_name AS fileName, rows, unmasked, scope FROM export_log
           ORDER BY at DESC, id DESC`,
  ).all() as (Omit<ExportRecord, 'unmasked'> & { unmasked: number })[];
  return rows.map((r) => ({ ...r, unmasked: r.unmasked === 1 }));
}
