import type { DocAttachment } from '../../../../../shared/documents/model';
import { ATTACHABLE_TABLES, type AttachableTable } from '../../../../../shared/ipc/documents';
import type { ReportId } from '../../../../../shared/excel/kinds';
import { REPORT_BUILDERS } from '../../../reports/index';
import {
  areaNameOf,
  attachmentReportInput,
  SEQ,
  tableFromReport,
  type PickedColumn,
  type PrefillContext,
} from './common';

/**
 * Each attachable ledger table is a few columns of the Excel report of the same name, so a 名册 attached to a notice
 * lists the same enterprises in the same order as the workbook sent up. Never an ID number; phones are left out
 * (the reports mask them anyway).
 */
const TABLES: Record<AttachableTable, { report: ReportId; columns: PickedColumn[] }> = {
  'members-no-org': {
    report: 'unorganised',
    columns: [
      { title: '序号', width: 1, from: SEQ },
      { title: '企业名称', width: 5, from: 'name' },
      { title: '所在区域', width: 2.2, from: 'area' },
      { title: '职工人数', width: 1.4, from: 'employees' },
      {
        title: '党员人数',
        width: 1.4,
        from: (cell) => Number(cell('full') ?? 0) + Number(cell('probationary') ?? 0),
      },
      { title: '建议组建方式', width: 2.2, from: 'suggested' },
      { title: '推进组', width: 2.6, from: 'group' },
    ],
  },
  instructors: {
    report: 'instructors',
    columns: [
      { title: '序号', width: 1, from: SEQ },
      { title: '姓名', width: 1.6, from: 'name' },
      { title: '工作单位及职务', width: 4, from: 'position' },
      { title: '联系企业', width: 6, from: 'enterprises' },
    ],
  },
  leaders: {
    report: 'contacts',
    columns: [
      { title: '序号', width: 1, from: SEQ },
      { title: '联系领导', width: 1.6, from: 'name' },
      { title: '职务', width: 3, from: 'position' },
      { title: '联系企业', width: 5, from: 'enterprise' },
      { title: '所在区域', width: 2, from: 'area' },
      { title: '组织设置', width: 1.8, from: 'orgSetting' },
      { title: '党员数', width: 1.2, from: 'members' },
    ],
  },
  ledger: {
    report: 'ledger',
    columns: [
      { title: '序号', width: 1, from: SEQ },
      { title: '企业名称', width: 5, from: 'name' },
      { title: '所在区域', width: 2, from: 'areaId' },
      { title: '从业人员', width: 1.4, from: 'employees' },
      { title: '正式党员', width: 1.4, from: 'fullMembers' },
      { title: '预备党员', width: 1.4, from: 'probationaryMembers' },
      { title: '组织设置', width: 1.8, from: 'orgSetting' },
      { title: '所属党组织', width: 4, from: 'partyOrgId' },
    ],
  },
};

/** The ledger table as a document's 附件, narrowed to an area when one is given. */
export function ledgerAttachment(ctx: PrefillContext, table: AttachableTable, areaId: number | null): DocAttachment {
  const { report, columns } = TABLES[table];
  const model = REPORT_BUILDERS[report](attachmentReportInput(ctx, areaId, areaNameOf(ctx.db, areaId)));
  return { title: ATTACHABLE_TABLES[table], table: tableFromReport(model, columns), text: '' };
}
