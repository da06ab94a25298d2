import { z } from '../zod';
import { channel } from './channel';
import { draftRequest } from './documents';
import { optionalRef, recordId } from './fields';
import { jobId } from './jobs';

/**
 * What can be printed: issued or draft documents (several at once make one PDF, each numbering its own pages),
 * 企业台账卡 (one page per enterprise; a whole area at once), an 一企一策方案 sheet, and the user guide.
 */
export const printTarget = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('documents'),
      ids: z.array(recordId).min(1, '请选择要打印的公文').max(200, '一次最多打印200份公文'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('ledger-cards'),
      areaId: optionalRef('区域'),
      enterpriseIds: z.array(recordId).max(20_000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('plan-sheet'), planId: recordId }).strict(),
  /** A pre-filled document printed as it would be drafted, unnumbered and not saved (the command line). */
  z.object({ kind: z.literal('prefill'), draft: draftRequest }).strict(),
  /** 操作手册, the user guide: needs no open ledger. */
  z.object({ kind: z.literal('guide') }).strict(),
]);
export type PrintTarget = z.input<typeof printTarget>;

/** A finished PDF or .docx: written to the save target (desktop, CLI) or waiting once under `download`. */
export interface PrintDone {
  fileName: string;
  pages: number;
  download: string | null;
  /** Fonts that were missing and what stood in for them, for the screen to show beside the preview. */
  warnings: string[];
}

/** The four 公文 faces (and 宋体 for page numbers and tables): which one this PC has, and what prints instead. */
export interface FontRole {
  role: '仿宋' | '小标宋' | '黑体' | '楷体' | '宋体';
  /** What the standard asks for: 仿宋_GB2312 and so on. */
  required: string;
  /** The family Chromium actually drew the sample in. */
  used: string | null;
  /** True when `used` is one of the standard's own names (or its Windows/方正 equivalent), not a stand-in. */
  standard: boolean;
}

export interface FontReport {
  roles: FontRole[];
  /** The browser that prints in the browser shell and the CLI; null under the desktop shell (Electron prints). */
  browser: { name: string; path: string } | null;
}

/** Chromium-family browsers found on this PC; the clerk may pick one when more than one is installed. */
export interface BrowserChoice {
  current: { name: string; path: string } | null;
  /** Set when the clerk chose one; otherwise the first found is used. */
  chosen: string | null;
  found: { name: string; path: string }[];
}

const LABELS = {
  what: '打印内容',
  kind: '打印内容',
  ids: '公文',
  areaId: '区域',
  enterpriseIds: '企业',
  planId: '方案',
  draft: '公文类型',
  target: '保存位置',
  jobId: '任务编号',
  id: '公文',
  path: '浏览器',
};

const target = z.string().min(1).max(64).optional();

export const printChannels = {
  /** Renders to one PDF with the same HTML and the same Chromium engine everywhere (preview, print, save). */
  'print:pdf': channel<PrintDone>()(z.object({ what: printTarget, target, jobId: jobId.optional() }).strict(), LABELS),
  /** A .docx laid out to the same standard, to be finished in WPS or Word: a stored document, or a pre-filled one. */
  'print:docx': channel<PrintDone>()(
    z
      .object({ id: recordId.optional(), draft: draftRequest.optional(), target })
      .strict()
      .refine(
        (r) => (r.id === undefined) !== (r.draft === undefined),
        '请指定要导出的公文（已保存的公文或预填的公文，二选一）',
      ),
    LABELS,
  ),
  'print:fonts': channel<FontReport>()(z.object({}).strict(), LABELS),
  'print:browsers': channel<BrowserChoice>()(z.object({}).strict(), LABELS),
  /** Picks one of the browsers found (never a path typed in the UI); null goes back to the first found. */
  'print:chooseBrowser': channel<BrowserChoice>()(z.object({ path: z.string().max(1000).nullable() }).strict(), LABELS),
};
