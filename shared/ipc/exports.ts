import { z } from 'zod';
import { idsOf } from '../domain/labels';
import { REPORTS, type ReportId } from '../excel/kinds';
import { channel } from './channel';
import { optionalRef } from './fields';
import { jobId } from './jobs';
import { sessionId } from './imports';

/**
 * A finished workbook. The desktop shell passes a save target (a native save dialog's reference) and the file is
 * written there; the browser shell passes none and fetches the file with `download` from POST /api/download/<id>.
 */
export interface ExportDone {
  fileName: string;
  rows: number;
  download: string | null;
}

export interface ExportRecord {
  id: number;
  at: string;
  actor: string;
  report: ReportId | 'template';
  fileName: string;
  rows: number;
  unmasked: boolean;
  scope: string;
}

/** How a county template's columns are filled: one row per enterprise (fields) or per area (statistics). */
export const TEMPLATE_ROW_UNITS = { enterprise: '每行一家企业', area: '每行一个区域（统计数）' } as const;
export type TemplateRowUnit = keyof typeof TEMPLATE_ROW_UNITS;

export interface TemplateMapping {
  sheet: string;
  /** The last header row (1-based); data rows start below it. */
  headerRow: number;
  rowUnit: TemplateRowUnit;
  /** Column (0-based) → a source key of shared/excel/templateSources.ts. */
  columns: { column: number; source: string }[];
}

export interface TemplateOpened {
  sessionId: string;
  fileName: string;
  sheets: { name: string; head: string[][]; guessedHeaderRow: number | null }[];
  /** The mapping saved for this template last time, if any. */
  saved: TemplateMapping | null;
}

const fileRef = z.string().min(1).max(64);

const templateMapping = z
  .object({
    sheet: z.string('请选择工作表').min(1, '请选择工作表').max(100),
    headerRow: z.number('请选择表头行').int().min(1, '请选择表头行').max(1000, '表头应在前1000行内'),
    rowUnit: z.enum(idsOf(TEMPLATE_ROW_UNITS), '请选择每行填写的内容'),
    columns: z
      .array(
        z
          .object({
            column: z.number().int().min(0).max(16383),
            source: z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,60}$/),
          })
          .strict(),
      )
      .min(1, '请至少为一列选择要填写的内容')
      .max(200),
  })
  .strict();

const LABELS = {
  report: '报表',
  unmask: '显示完整个人信息',
  target: '保存位置',
  areaId: '区域',
  workGroupId: '推进组',
  year: '年度',
  campaignId: '专项行动',
  preparer: '填表人',
  reviewer: '审核人',
  fileRef: '文件',
  mapping: '列对应关系',
  sheet: '工作表',
  headerRow: '表头行',
  rowUnit: '每行填写的内容',
  columns: '列对应关系',
  jobId: '任务编号',
  sessionId: '模板会话',
};

export const exportChannels = {
  /** Writes one report as a print-ready workbook and records the export (what, when, rows, masked or not). */
  'exports:run': channel<ExportDone>()(
    z
      .object({
        report: z.enum(idsOf(REPORTS), '请选择报表'),
        unmask: z.boolean().default(false),
        target: fileRef.optional(),
        jobId: jobId.optional(),
        /** Narrows the ledger, the 名册s and the 调查表 to one area or one work group. */
        areaId: optionalRef('区域'),
        workGroupId: optionalRef('推进组'),
        /** 双强评价汇总表's year; 一企一策推进情况表's campaign (none: the plans of the year). */
        year: z.number().int().min(2000).max(2100).optional(),
        campaignId: optionalRef('专项行动'),
        preparer: z.string().trim().max(20, '填表人不能超过20个字').default(''),
        reviewer: z.string().trim().max(20, '审核人不能超过20个字').default(''),
      })
      .strict(),
    LABELS,
  ),
  'exports:log': channel<ExportRecord[]>()(z.object({}).strict(), LABELS),
  /** Opens a workbook sent from above to be filled; its styles, merges and formulas are kept. */
  'templates:open': channel<TemplateOpened>()(z.object({ fileRef }).strict(), LABELS),
  /** Fills the template from the ledger, saves the mapping for next year, and writes the filled copy. */
  'templates:fill': channel<ExportDone>()(
    z.object({ sessionId, mapping: templateMapping, target: fileRef.optional(), jobId: jobId.optional() }).strict(),
    LABELS,
  ),
};
