import { localDate } from '../../../shared/domain/enterpriseRules';
import type { CountyView } from '../../../shared/ipc/county';
import type { ExportDone } from '../../../shared/ipc/exports';
import type { CoreContext } from '../app/context';
import { writeOutput } from '../app/outputs';
import { countyReport } from '../county/merge';
import { closeCountySession, countyUnit, openCountySession, type CountySession } from '../county/session';
import { AppError } from '../errors';
import { writeWorkbook } from '../excel/write/writeReport';
import { countyWorkbook } from '../reports/county';
import { PARTY_STATS_FORM } from '../reports/partyStats';

/**
 * 全县汇总 for the screens: the township ledgers a county clerk picked, opened read-only beside the one open ledger,
 * counted as countyReport counts them. Nothing here writes to a township's file: no export log, no change log.
 */

export const NO_COUNTY_MESSAGE = '请先打开要汇总的乡镇台账';

/**
 * Opens the picked files (all or none) and makes them the county view. The references are used up only when every
 * file opened: a refusal for a missing or wrong password (code PASSWORD, naming the file) keeps them, so the screen
 * asks for the password and sends the same references again.
 */
export function openCounty(ctx: CoreContext, fileRefs: readonly string[], password?: string): CountyView {
  const paths = fileRefs.map((ref) => ctx.files.peek(ref, 'open'));
  const session = openCountySession(paths, password);
  try {
    const view = countyView(session, today(ctx));
    for (const ref of fileRefs) ctx.files.take(ref, 'open');
    ctx.setCounty(session);
    return view;
  } catch (e) {
    if (ctx.county !== session) closeCountySession(session);
    throw e;
  }
}

/** The open county view counted again (today's date, the files as they are now), or null. */
export function currentCounty(ctx: CoreContext): CountyView | null {
  return ctx.county ? countyView(ctx.county, today(ctx)) : null;
}

export function closeCounty(ctx: CoreContext): null {
  ctx.setCounty(null);
  return null;
}

/**
 * 导出全县汇总表: one workbook of three sheets (全县指标汇总, 党内统计（全县）, 跨乡镇重复企业), written under a temporary
 * name and put in place when complete, to the desktop's save target or as a browser download.
 */
export async function exportCounty(ctx: CoreContext, target?: string, jobId?: string): Promise<ExportDone> {
  const session = requireCounty(ctx);
  const date = today(ctx);
  return ctx.jobs.run(jobId, async (job) => {
    job.report('正在汇总…', 0, null);
    const report = countyReport(session.townships, date);
    const models = countyWorkbook(report, { unit: countyUnit(session), date });
    const { value: rows, download } = await writeOutput(ctx, target, (path) => writeWorkbook(models, path, job));
    return { fileName: `全县汇总表-${date}.xlsx`, rows, download };
  });
}

function requireCounty(ctx: CoreContext): CountySession {
  if (!ctx.county) throw new AppError('NOT_FOUND', NO_COUNTY_MESSAGE);
  return ctx.county;
}

const today = (ctx: CoreContext) => localDate(ctx.writer.now());

export function countyView(session: CountySession, countedOn: string): CountyView {
  const report = countyReport(session.townships, countedOn);
  return {
    countedOn,
    townships: report.townships.map((t, i) => ({ ...t, encrypted: session.townships[i]!.encrypted })),
    county: report.county,
    duplicates: report.duplicates,
    partyStats: { rows: [...PARTY_STATS_FORM.rows], columns: [...PARTY_STATS_FORM.columns] },
  };
}
