import { z } from '../zod';
import { IMPORT_KINDS, ON_MATCH, type ImportFormat, type ImportKind } from '../excel/kinds';
import { idsOf } from '../domain/labels';
import { channel } from './channel';
import { jobId } from './jobs';

/** An import is a short conversation: open the file, pick sheet and header rows, map columns, preview, commit. */

export const sessionId = z.string('导入会话无效').regex(/^[A-Za-z0-9_-]{8,64}$/, '导入会话无效，请重新选择文件');

/** The rows that hold the column titles, as the sheet numbers them (1-based); at most three rows. */
export interface HeaderRows {
  start: number;
  end: number;
}

export interface SheetInfo {
  name: string;
  /** The first rows as the clerk sees them, for picking the header rows. */
  head: string[][];
  guessedHeader: HeaderRows | null;
}

export interface ImportOpened {
  sessionId: string;
  fileName: string;
  format: ImportFormat;
  sheets: SheetInfo[];
  /** `survey` when the workbook is a 调查表 this program wrote; otherwise null (the clerk says what it holds). */
  detectedKind: ImportKind | null;
}

export interface ImportColumn {
  /** 0-based. */
  index: number;
  /** A, B, … AA as Excel shows it. */
  letter: string;
  /** The header text; two-row headers joined with “/” (党员人数/正式). */
  header: string;
  samples: string[];
}

export interface ColumnMapping {
  column: number;
  field: string;
}

export interface ImportLayout {
  columns: ImportColumn[];
  mapping: ColumnMapping[];
  /** True when the mapping was the one saved for this layout last time. */
  savedMapping: boolean;
}

/** One thing wrong with one cell (or row): what the CLI prints and the preview lists. */
export interface ImportProblem {
  /** The sheet's row number; for CSV the line number. */
  row: number;
  /** The column's header text, or the field's name when no column is involved. */
  column: string;
  value: string;
  reason: string;
}

export type RowAction = 'add' | 'update' | 'skip' | 'reject';

export interface ImportPreviewRow {
  row: number;
  action: RowAction;
  name: string;
  /** Field key → the value as it will be stored, in words. */
  values: Record<string, string>;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** For updates: what changes, field by field. */
  changes: { field: string; label: string; from: string; to: string }[];
}

export interface ImportPreview {
  totalRows: number;
  counts: Record<RowAction, number> & { warned: number };
  /** Every row with a problem or a warning, then the first clean rows; `truncated` when clean rows were left out. */
  rows: ImportPreviewRow[];
  truncated: boolean;
  /** Areas the ledger does not know: rows naming them are rejected unless the clerk adds them. */
  unknownAreas: { name: string; rows: number }[];
  /** Free text mapped through synonyms, or kept as 其他 with the original text. */
  unknownValues: { field: string; label: string; value: string; mappedTo: string; rows: number }[];
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  rejected: ImportProblem[];
  warnings: ImportProblem[];
}

const headerRows = z
  .object({
    start: z.number().int().min(1, '表头起始行应从第1行起').max(1000, '表头应在前1000行内'),
    end: z.number().int().min(1).max(1000, '表头应在前1000行内'),
  })
  .strict()
  .refine((h) => h.end >= h.start && h.end - h.start <= 2, '表头最多3行，结束行不能早于起始行');

const mappingList = z
  .array(
    z
      .object({ column: z.number().int().min(0).max(16383), field: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/) })
      .strict(),
  )
  .max(200);

const planFields = {
  sessionId,
  kind: z.enum(idsOf(IMPORT_KINDS), '请选择导入内容'),
  sheet: z.string('请选择工作表').min(1, '请选择工作表').max(100),
  header: headerRows,
  mapping: mappingList,
  onMatch: z.enum(idsOf(ON_MATCH), '请选择匹配到已有企业时的处理方式').default('skip'),
  /** Areas the clerk agreed to add to the ledger (one click in the preview). */
  addAreas: z.array(z.string().trim().min(1).max(50)).max(500).default([]),
  /** Every area the file names and the ledger lacks is added (the command line's --create-missing). */
  addAllAreas: z.boolean().default(false),
  /** Values the clerk typed in the preview to fix a flagged cell: they replace the file's value for that row. */
  overrides: z
    .array(z.object({ row: z.number().int().min(1), field: z.string().max(40), value: z.string().max(500) }).strict())
    .max(5000)
    .default([]),
  /** Later rows with a credit code already seen are merged into the first instead of being rejected. */
  mergeDuplicates: z.boolean().default(false),
  jobId: jobId.optional(),
};

const LABELS = {
  sessionId: '导入会话',
  kind: '导入内容',
  sheet: '工作表',
  header: '表头行',
  mapping: '列对应关系',
  onMatch: '匹配处理方式',
  addAreas: '新增区域',
  addAllAreas: '新增全部未知区域',
  overrides: '修改的单元格',
  fileRef: '文件',
  mergeDuplicates: '合并重复行',
  jobId: '任务编号',
};

export const importChannels = {
  /** Reads the file's sheets (streamed) and keeps it for the next steps; refuses unreadable files with the reason. */
  'imports:open': channel<ImportOpened>()(z.object({ fileRef: z.string().min(1).max(64) }).strict(), LABELS),
  /** The columns under the chosen header rows, with the mapping guessed (or the one saved for this layout). */
  'imports:columns': channel<ImportLayout>()(
    z.object({ sessionId, kind: planFields.kind, sheet: planFields.sheet, header: headerRows }).strict(),
    LABELS,
  ),
  /** Checks every row by the rules of domain.md §9 and says what would happen; writes nothing. */
  'imports:preview': channel<ImportPreview>()(z.object(planFields).strict(), LABELS),
  /** Writes the good rows in one step (one 撤销 undoes it all) and saves the mapping for this layout. */
  'imports:commit': channel<ImportReport>()(z.object(planFields).strict(), LABELS),
  'imports:close': channel<null>()(z.object({ sessionId }).strict(), LABELS),
};

export type ImportPlanRequest = z.output<z.ZodObject<typeof planFields>>;
export type { ImportKind };
