import { z } from '../zod';
import { idsOf } from '../domain/labels';
import { REPORTS, type ReportId } from '../excel/kinds';
import { channel } from './channel';
import { optionalRef } from './fields';
import { jobId } from './jobs';

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

/** Which enterprises a template is filled from; 注销 and 迁出 never are. */
export const TEMPLATE_SCOPES = {
  enterprises: '企业和个体工商户（与覆盖率指标口径一致）',
  all: '全部两新组织（含民办非企业单位、社会团体、社会中介组织）',
} as const;
export type TemplateScope = keyof typeof TEMPLATE_SCOPES;

/** The order of enterprise rows: by area (the ledger's area order, then name) or as entered in the ledger. */
export const TEMPLATE_ORDERS = { area: '按所在区域排列', ledger: '按录入顺序排列' } as const;
export type TemplateOrder = keyof typeof TEMPLATE_ORDERS;

export interface TemplateMapping {
  sheet: string;
  /** The last header row (1-based); data rows start below it (below any header cell merged down past it). */
  headerRow: number;
  rowUnit: TemplateRowUnit;
  /** Column (0-based) → a source key of shared/excel/templateSources.ts. */
  columns: { column: number; source: string }[];
  scope: TemplateScope;
  /** Enterprise rows only. */
  order: TemplateOrder;
}

/** One column of a sheet as the mapping screen lists it, for the header row in question. */
export interface TemplateColumn {
  /** 0-based. */
  index: number;
  /** A, B, … AA as Excel shows it. */
  letter: string;
  /** The header text; a two-row header joined with “/” (党员数/正式党员). */
  header: string;
  /** True when the first data row holds a formula here: the formula is kept and copied down, never filled. */
  formula: boolean;
}

export interface TemplateSheet {
  name: string;
  /**
   * The first rows as text, for marking the header row. A merged cell's text is repeated in every cell it covers,
   * so each column of a two-row header reads whole.
   */
  head: string[][];
  guessedHeaderRow: number | null;
  /** The columns under the guessed header row (empty when none was guessed). */
  columns: TemplateColumn[];
  /** A mapping guessed from the header texts, for the guessed header row. */
  guessed: TemplateMapping | null;
}

/** A source a column can be filled with (see shared/excel/templateSources.ts): the ledger's own indicators too. */
export interface TemplateSourceOption {
  key: string;
  label: string;
  kind: 'text' | 'int' | 'amount' | 'percent' | 'date';
}

export interface TemplateOpened {
  sessionId: string;
  fileName: string;
  sheets: TemplateSheet[];
  /** The mapping saved for this template last time, if any (its sheet and header texts matched). */
  saved: TemplateMapping | null;
  /** What each row unit's columns may be filled with, in this ledger (its enabled coverage indicators). */
  sources: Record<TemplateRowUnit, TemplateSourceOption[]>;
}

/** A filled template; `warnings` say what the clerk should look at (areas not matched, formula columns kept). */
export interface TemplateFilled extends ExportDone {
  warnings: string[];
}

const fileRef = z.string().min(1).max(64);
const templateSession = z.string('模板会话无效').regex(/^[A-Za-z0-9_-]{8,64}$/, '模板会话已失效，请重新选择模板文件');

/** A mapping as the contract accepts it; saved mappings are read back through it too. */
export const templateMappingSchema = z
  .object({
    sheet: z.string('请选择工作表').min(1, '请选择工作表').max(100),
    headerRow: z.number('请选择表头行').int().min(1, '请选择表头行').max(1000, '表头应在前1000行内'),
    rowUnit: z.enum(idsOf(TEMPLATE_ROW_UNITS), '请选择每行填写的内容'),
    scope: z.enum(idsOf(TEMPLATE_SCOPES), '请选择填报哪些单位').default('enterprises'),
    order: z.enum(idsOf(TEMPLATE_ORDERS), '请选择企业的排列顺序').default('area'),
    columns: z
      .array(
        z
          .object({
            column: z.number().int().min(0).max(16383),
            source: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,80}$/, '列对应的填写内容无效'),
          })
          .strict(),
      )
      .min(1, '请至少为一列选择要填写的内容')
      .max(200)
      .refine((cols) => new Set(cols.map((c) => c.column)).size === cols.length, '同一列只能对应一项填写内容'),
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
  scope: '填报范围',
  order: '排列顺序',
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
  'templates:fill': channel<TemplateFilled>()(
    z
      .object({
        sessionId: templateSession,
        mapping: templateMappingSchema,
        target: fileRef.optional(),
        jobId: jobId.optional(),
      })
      .strict(),
    LABELS,
  ),
};
