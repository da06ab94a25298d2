import ExcelJS from 'exceljs';
import type { SampleLedger } from '../../electron/core/sample/types';

type SampleEnterprise = SampleLedger['enterprises'][number];

/** The columns of the benchmark's workbook: a plain clerk's table, header in row 1, one enterprise per row. */
export const BENCH_COLUMNS: {
  header: string;
  field: string;
  value: (e: SampleEnterprise, s: SampleLedger) => unknown;
}[] = [
  { header: '企业名称', field: 'name', value: (e) => e.name },
  { header: '统一社会信用代码', field: 'uscc', value: (e) => e.uscc },
  { header: '所在区域', field: 'areaId', value: (e, s) => s.areas[e.areaIndex]!.name },
  { header: '地址', field: 'address', value: (e) => e.address },
  { header: '从业人员数', field: 'employees', value: (e) => e.employees },
  { header: '年营业收入（万元）', field: 'revenue', value: (e) => e.revenue },
  { header: '正式党员', field: 'fullMembers', value: (e) => e.fullMembers },
  { header: '预备党员', field: 'probationaryMembers', value: (e) => e.probationaryMembers },
  { header: '业主/法定代表人', field: 'ownerName', value: (e) => e.ownerName },
  { header: '联系电话', field: 'contactPhone', value: (e) => e.contactPhone },
];

/** Writes the sample's enterprises as that workbook (streamed, shared strings, as a clerk's Excel would hold them). */
export async function writeBenchWorkbook(path: string, sample: SampleLedger): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('企业台账');
  sheet.addRow(BENCH_COLUMNS.map((c) => c.header)).commit();
  for (const e of sample.enterprises) sheet.addRow(BENCH_COLUMNS.map((c) => c.value(e, sample) ?? null)).commit();
  sheet.commit();
  await book.commit();
}
