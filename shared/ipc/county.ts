import { z } from '../zod';
import type { IndicatorCount } from '../domain/indicators';
import { channel } from './channel';
import type { ExportDone } from './exports';
import { jobId } from './jobs';
import { fileRef, openPassword } from './ledgers';

/**
 * 全县汇总: a county organisation department opens the ledger files its townships sent, all read-only, and reads the
 * same indicators and the 党内统计 form per township and for the county. The core holds this county view beside (not
 * instead of) the one open ledger; nothing in it can write a township's file.
 */

/** One indicator's counts, for a township or the county, always by the standard definitions. */
export interface CountyIndicatorFigure extends IndicatorCount {
  key: string;
  name: string;
  /** The share to reach, 0–1; null when the indicator sets none. */
  target: number | null;
}

export interface CountyTownship {
  township: string;
  /** The file's name as the township sent it (no folder: the view never shows paths). */
  file: string;
  /** As the dashboard counts them: all but 注销/迁出. */
  enterprises: number;
  /** True when the file is encrypted (it was opened with the password given). */
  encrypted: boolean;
  indicators: CountyIndicatorFigure[];
  /** The 党内统计 form, row by row in `CountyView.partyStats.rows` order, column by column. */
  partyStats: number[][];
}

/** One 统一社会信用代码 on the active rolls of two or more townships: reported, never merged. */
export interface CountyDuplicate {
  uscc: string;
  entries: { township: string; file: string; name: string }[];
}

export interface CountyView {
  /** The date every township was counted at (统计截止日期 is each township's own setting, if set). */
  countedOn: string;
  townships: CountyTownship[];
  county: { enterprises: number; indicators: CountyIndicatorFigure[]; partyStats: number[][] };
  duplicates: CountyDuplicate[];
  /** The 党内统计 form's row labels (项目) and column headers, so the screen shows the form as exported. */
  partyStats: { rows: string[]; columns: string[] };
}

/** 最多 200 个乡镇：a county has a few dozen; the cap keeps one request from opening thousands of files. */
export const COUNTY_MAX_TOWNSHIPS = 200;

const LABELS = {
  fileRefs: '乡镇台账文件',
  password: '密码',
  target: '保存位置',
  jobId: '任务编号',
};

export const countyChannels = {
  /**
   * Opens the chosen township ledgers read-only (all or none) and counts them. `fileRefs` are the references a
   * ledger pick gave (desktop dialog or browser upload); one password serves every encrypted file. A refusal names
   * the file: not a ledger, an older or newer format, a wrong or missing password (code PASSWORD), the same file or
   * ledger twice, two ledgers of one township. Replaces any county view already open.
   */
  'county:open': channel<CountyView>()(
    z
      .object({
        fileRefs: z
          .array(fileRef, '请选择乡镇台账文件')
          .min(1, '请至少选择一个乡镇台账文件')
          .max(COUNTY_MAX_TOWNSHIPS, `一次最多汇总${COUNTY_MAX_TOWNSHIPS}个乡镇台账`),
        password: openPassword,
      })
      .strict(),
    LABELS,
  ),
  /** The open county view counted again (e.g. the next day), or null when none is open. */
  'county:current': channel<CountyView | null>()(z.object({}).strict(), LABELS),
  /**
   * 导出全县汇总表: one workbook with the indicators by township and for the county, the county's 党内统计 form and
   * the enterprises found in two townships. Desktop: `target` from the save dialog; browser: fetched by `download`.
   */
  'county:export': channel<ExportDone>()(
    z.object({ target: fileRef.optional(), jobId: jobId.optional() }).strict(),
    LABELS,
  ),
  /** Closes every township ledger of the county view. */
  'county:close': channel<null>()(z.object({}).strict(), LABELS),
};
