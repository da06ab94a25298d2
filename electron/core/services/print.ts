import { writeFileSync } from 'node:fs';
import type { PrintableDocument } from '../../../shared/documents/model';
import type { z } from 'zod';
import type { BrowserChoice, FontReport, PrintDone, printTarget } from '../../../shared/ipc/print';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { CoreContext } from '../app/context';
import { GUIDE_FILE_NAME, readGuideHtml } from '../app/guide';
import { outputFor, type OutputKind } from '../app/outputs';
import { getSettings } from '../db/repos/settings';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { breathe, type JobHandle } from '../jobs/registry';
import { fontWarnings } from '../print/engine/fontCheck';
import { mergePdfs, pageCount } from '../print/engine/mergePdfs';
import { gongwenHtml } from '../print/gongwen/html';
import { ledgerCardsHtml, planSheetHtml } from '../print/sheets/cardsHtml';
import { loadLedgerCards, loadPlanSheet } from '../print/sheets/sheetData';
import type { PdfEngine } from '../print/types';
import { printableDocument } from './documents/printable';
import type { DraftInput } from './documents/prefill';
import { prefilledDocument } from './print/prefill';

type PrintTargetParsed = z.output<typeof printTarget>;

/** A printed file and how it is named for the clerk. */
interface Rendered {
  fileName: string;
  pdf: Uint8Array;
}

/**
 * Prints documents, ledger cards or a plan sheet to one PDF with the same HTML and engine everywhere, and hands it
 * over like an export: to the save target the shell vouched for, or as a once-only download. Several documents are
 * printed one by one and joined, so each numbers its own pages.
 */
export async function printPdf(
  ctx: CoreContext,
  req: { what: PrintTargetParsed; target?: string; jobId?: string },
): Promise<PrintDone> {
  const { what } = req;
  if (what.kind === 'guide') return printGuide(ctx, req.target);
  const { db } = ctx.requireLedger();
  const engine = ctx.printer.engine;
  return ctx.jobs.run(req.jobId, async (job) => {
    job.report('正在检查字体…', 0, null);
    const warnings = fontWarnings((await ctx.printer.fontReport()).roles);
    const rendered = await render(ctx, db, engine, what, job);
    job.checkpoint();
    job.report('正在保存…', 1, 1);
    const download = save(ctx, req.target, 'pdf', rendered.pdf);
    return { fileName: rendered.fileName, pages: await pageCount(rendered.pdf), download, warnings };
  });
}

/** The user guide, with or without a ledger open; it has no 公文 fonts to warn about. */
async function printGuide(ctx: CoreContext, target: string | undefined): Promise<PrintDone> {
  const pdf = await ctx.printer.engine.pdf(readGuideHtml());
  const download = save(ctx, target, 'pdf', pdf);
  return { fileName: GUIDE_FILE_NAME, pages: await pageCount(pdf), download, warnings: [] };
}

async function render(
  ctx: CoreContext,
  db: Db,
  engine: PdfEngine,
  what: Exclude<PrintTargetParsed, { kind: 'guide' }>,
  job: JobHandle,
) {
  const township = getSettings(db).township;
  switch (what.kind) {
    case 'documents':
      return renderDocuments(db, engine, what.ids, job);
    case 'ledger-cards': {
      job.report('正在整理台账卡…', 0, null);
      const cards = loadLedgerCards(db, { areaId: what.areaId ?? null, enterpriseIds: what.enterpriseIds });
      if (cards.length === 0) throw new AppError('NOT_FOUND', '所选范围内没有企业，没有可打印的台账卡');
      job.report(`正在排版 ${cards.length} 张台账卡…`, 0, cards.length);
      // The cards show the ledger as of today: 填卡日期 says so.
      const pdf = await engine.pdf(ledgerCardsHtml(cards, township, localDate(ctx.writer.now())));
      return { fileName: `${township}企业台账卡（${cards.length}家）.pdf`, pdf };
    }
    case 'plan-sheet': {
      // Today decides which milestones print as 逾期.
      const sheet = loadPlanSheet(db, what.planId, localDate(ctx.writer.now()));
      return {
        fileName: `${sheet.enterpriseName}一企一策方案.pdf`,
        pdf: await engine.pdf(planSheetHtml(sheet, township)),
      };
    }
    case 'prefill': {
      const doc = prefilledDocument(db, ctx.writer.now(), what.draft);
      return { fileName: `${documentName(doc)}.pdf`, pdf: await engine.pdf(gongwenHtml(doc)) };
    }
  }
}

async function renderDocuments(db: Db, engine: PdfEngine, ids: number[], job: JobHandle): Promise<Rendered> {
  const parts: Uint8Array[] = [];
  let first: PrintableDocument | null = null;
  for (const [i, id] of ids.entries()) {
    job.checkpoint();
    job.report(`正在打印第 ${i + 1} 份公文…`, i, ids.length);
    const doc = printableDocument(db, id);
    first ??= doc;
    parts.push(await engine.pdf(gongwenHtml(doc)));
    // Lets a progress question or a cancel in between.
    await breathe();
  }
  const fileName = ids.length === 1 ? `${documentName(first!)}.pdf` : `公文${ids.length}份.pdf`;
  return { fileName, pdf: await mergePdfs(parts) };
}

/** 长委〔2026〕3号 关于…的批复, or the title alone for an unnumbered draft; safe as a file name everywhere. */
function documentName(doc: PrintableDocument): string {
  const name = doc.number ? `${doc.number} ${doc.title}` : doc.title;
  return (
    name
      .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
      .trim()
      .slice(0, 120) || '公文'
  );
}

/** The same document as a .docx for WPS or Word. */
export async function printDocx(
  ctx: CoreContext,
  req: { id?: number; draft?: DraftInput; target?: string },
): Promise<PrintDone> {
  const { db } = ctx.requireLedger();
  const doc =
    req.id !== undefined ? printableDocument(db, req.id) : prefilledDocument(db, ctx.writer.now(), req.draft!);
  // The .docx writer (docx, jszip) loads on the first export: most sessions never make one.
  const { gongwenDocx } = await import('../print/docx/gongwenDocx');
  const bytes = await gongwenDocx(doc);
  const download = save(ctx, req.target, 'docx', bytes);
  // A .docx is paginated by WPS or Word, not here: its page count is not known.
  return { fileName: `${documentName(doc)}.docx`, pages: 0, download, warnings: [] };
}

function save(ctx: CoreContext, target: string | undefined, kind: OutputKind, bytes: Uint8Array): string | null {
  const output = outputFor(ctx, target, kind);
  try {
    writeFileSync(output.tempPath, bytes);
  } catch (e) {
    output.abandon();
    throw e;
  }
  return output.finish();
}

export function printFonts(ctx: CoreContext): Promise<FontReport> {
  return ctx.printer.fontReport();
}

export function printBrowsers(ctx: CoreContext): BrowserChoice {
  return ctx.printer.browsers();
}

export function chooseBrowser(ctx: CoreContext, path: string | null): Promise<BrowserChoice> {
  return ctx.printer.choose(path);
}
