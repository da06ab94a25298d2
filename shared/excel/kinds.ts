/**
 * What can come in from a spreadsheet and what goes out, with the Chinese names the screens and the messages use.
 * Identifiers are what the command line and the contract accept (`--kind members`, `export coverage`).
 */

export const IMPORT_KINDS = {
  enterprises: '企业台账',
  members: '党员名册',
  instructors: '党建工作指导员',
  contacts: '领导联系点',
  /** A 调查表 the app wrote, filled in and sent back: rows carry the record id, updates only. */
  survey: '调查表回收',
} as const;
export type ImportKind = keyof typeof IMPORT_KINDS;

export const IMPORT_FORMATS = {
  xlsx: 'Excel 工作簿 (.xlsx)',
  xls: 'Excel 97-2003 (.xls)',
  et: 'WPS 表格 (.et)',
  csv: 'CSV 文本',
} as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;

/** What happens when a row matches an enterprise already in the ledger (domain.md §9): the clerk's choice. */
export const ON_MATCH = { skip: '跳过，不覆盖', update: '用表格内容更新' } as const;
export type OnMatch = keyof typeof ON_MATCH;

export const REPORTS = {
  ledger: '台账明细表',
  coverage: '非公有制企业党组织覆盖情况统计表',
  'party-stats': '非公有经济控制的企业法人单位建立党的基层组织情况',
  unorganised: '有党员未建党组织企业名册',
  instructors: '党建工作指导员名册',
  contacts: '领导联系点名册',
  plans: '一企一策推进情况表',
  assessments: '双强评价汇总表',
  survey: '企业情况调查表',
} as const;
export type ReportId = keyof typeof REPORTS;

/**
 * The personal data a report carries when the clerk ticks 显示完整个人信息; the tick box says exactly this.
 * Reports not listed carry none, and the box is not offered.
 */
export const REPORT_PERSONAL_DATA: Partial<Readonly<Record<ReportId, string>>> = {
  ledger: '企业联系人的联系电话',
  unorganised: '企业联系人的联系电话',
  instructors: '指导员的联系电话',
  contacts: '联系领导的联系电话',
  survey: '企业联系人的联系电话',
};
