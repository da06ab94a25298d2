import { INDUSTRY_SECTIONS, ORG_SETTINGS, OWNERSHIPS } from '../../../../shared/domain/labels';
import { loadExcelJS } from '../../lazyLibs';
import { generateSample, type SampleEnterprise } from '../../sample/generate';
import { Random } from '../../sample/random';

/**
 * A township's spreadsheet as clerks really keep one, for the user guide and for trying the import: a title row,
 * a 填报单位 line, a merged two-row header in the clerk's own words, blank rows, numbers typed as text and in
 * full-width digits, dates written three ways, 不详 and 约50, one credit code twice, one with a wrong check
 * character, a village the ledger does not know, a 合计 row and a 填表人 row. Drawn from the sample township's
 * vocabulary, so every name looks real. Deterministic for a size and seed.
 */
export interface MessySample {
  rows: number;
  /** What was planted, so a guide (or a test) can point at it: sheet row numbers. */
  planted: {
    duplicateCode: [number, number];
    badCheckCharacter: number;
    unknownVillage: number;
    approximate: number[];
    unknown: number[];
  };
}

const HEADER_TOP = [
  '序号',
  '单位名称',
  '统一社会信用代码',
  '所在村（社区）',
  '企业类型',
  '所属行业',
  '职工情况',
  '',
  '年营业收入（万元）',
  '成立时间',
  '法定代表人',
  '是否党员',
  '联系电话',
  '党员情况',
  '',
  '党组织设置',
  '党组织名称',
  '备注',
];
const HEADER_SUB = [
  '',
  '',
  '',
  '',
  '',
  '',
  '职工人数',
  '其中35岁以下',
  '',
  '',
  '',
  '',
  '',
  '正式党员',
  '预备党员',
  '',
  '',
  '',
];
const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** How clerks write these in their own sheets: synonyms and shortenings the import maps. */
const ORG_WORDS: Record<string, string[]> = {
  standalone: ['单独建立', '单建', '独立建立'],
  joint: ['联合建立', '联建'],
  attached: ['挂靠'],
  none: ['未建立', '无', ''],
};
const OWNERSHIP_WORDS: Record<string, string[]> = {
  'private-llc': ['私营有限责任公司', '有限公司', '私营企业'],
  'joint-stock': ['股份有限公司(非上市)', '股份制'],
  individual: ['个体工商户', '个体'],
};

export async function writeMessySample(
  path: string,
  options: { enterprises?: number; seed?: number; today?: string } = {},
): Promise<MessySample> {
  const count = Math.max(12, options.enterprises ?? 120);
  const seed = options.seed ?? 20110809;
  const township = generateSample({ enterprises: count, seed, today: options.today });
  const rnd = new Random(seed ^ 0x3e55);
  const excel = await loadExcelJS();
  const workbook = new excel.Workbook();
  workbook.creator = township.settings.committee;
  const sheet = workbook.addWorksheet('Sheet1');
  const width = HEADER_TOP.length;
  sheet.addRow([`${township.settings.township}非公有制企业基本情况统计表`]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).font = { name: '黑体', size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow([
    `填报单位（盖章）：${township.settings.committee}`,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '填报时间：2026年11月',
  ]);
  sheet.addRow(HEADER_TOP);
  sheet.addRow(HEADER_SUB);
  for (let c = 1; c <= width; c++) {
    if (HEADER_SUB[c - 1] === '' && HEADER_TOP[c - 1] !== '') sheet.mergeCells(3, c, 4, c);
  }
  sheet.mergeCells(3, 7, 3, 8);
  sheet.mergeCells(3, 14, 3, 15);

  const planted: MessySample['planted'] = {
    duplicateCode: [0, 0],
    badCheckCharacter: 0,
    unknownVillage: 0,
    approximate: [],
    unknown: [],
  };
  const enterprises = township.enterprises.filter((e) => e.kind === 'enterprise' || e.kind === 'individual');
  let employeesTotal = 0;
  let badAt = -1;
  let firstDataRow = 0;
  enterprises.forEach((e, i) => {
    if (i > 0 && i % 17 === 0) sheet.addRow([]);
    const cells = rowOf(e, i, township.areas, township.partyOrgs, rnd);
    const row = sheet.addRow(cells);
    if (firstDataRow === 0) firstDataRow = row.number;
    if (cells[9] instanceof Date) row.getCell(10).numFmt = 'yyyy-m-d';
    if (typeof e.employees === 'number') employeesTotal += e.employees;
    // Planted problems, each once, at fixed places so the guide can name them.
    if (i === 3) {
      row.getCell(7).value = '不详';
      planted.unknown.push(row.number);
    }
    if (i === 5) {
      row.getCell(7).value = '约50';
      planted.approximate.push(row.number);
    }
    if (i === 9) {
      row.getCell(9).value = '300左右';
      planted.approximate.push(row.number);
    }
    if (i === 7) {
      row.getCell(4).value = '新建村';
      planted.unknownVillage = row.number;
    }
    if (badAt === -1 && i >= 11 && e.uscc) {
      badAt = i;
      row.getCell(3).value = e.uscc.slice(0, 17) + (e.uscc.endsWith('0') ? '1' : '0');
      planted.badCheckCharacter = row.number;
    }
  });
  // The same credit code typed for two enterprises: the second is a duplicate.
  const withCode = enterprises.map((e, i) => ({ e, i })).filter(({ e, i }) => e.uscc && i !== badAt);
  const [a, b] = [withCode[1], withCode[withCode.length - 2]];
  if (a && b) {
    const rowA = dataRowOf(firstDataRow, a.i);
    const rowB = dataRowOf(firstDataRow, b.i);
    sheet.getCell(rowB, 3).value = a.e.uscc;
    planted.duplicateCode = [rowA, rowB];
  }
  const last = sheet.lastRow!.number;
  const total = sheet.addRow(['合计', '', '', '', '', '']);
  total.getCell(7).value = { formula: `SUM(G${firstDataRow}:G${last})`, result: employeesTotal };
  sheet.addRow([]);
  sheet.addRow(['填表人：李芳', '', '', '', '审核人：王建国', '', '', '', '联系电话：0575-83012345']);
  sheet.columns.forEach(
    (c, i) => (c.width = [5, 30, 22, 10, 14, 18, 8, 8, 10, 12, 8, 6, 14, 6, 6, 10, 24, 12][i] ?? 10),
  );
  await workbook.xlsx.writeFile(path);
  return { rows: enterprises.length, planted };
}

/** Sheet row of the i-th enterprise, counting the blank row after every 17. */
function dataRowOf(first: number, i: number): number {
  return first + i + Math.floor(i / 17);
}

function rowOf(
  e: SampleEnterprise,
  i: number,
  areas: { name: string }[],
  orgs: { name: string }[],
  rnd: Random,
): (string | number | Date | null)[] {
  const pick = <T>(list: readonly T[]) => rnd.pick(list);
  const asText = rnd.chance(0.3);
  const number = (n: number | null): string | number | null => {
    if (n === null) return rnd.chance(0.5) ? '' : '不详';
    if (rnd.chance(0.1)) return FULL_WIDTH(String(n));
    return asText ? String(n) : n;
  };
  return [
    i + 1,
    e.name,
    e.uscc ?? '',
    areas[e.areaIndex]!.name,
    e.ownership ? pick(OWNERSHIP_WORDS[e.ownership] ?? [OWNERSHIPS[e.ownership]]) : '',
    e.industry ? INDUSTRY_SECTIONS[e.industry] : '',
    number(e.employees),
    number(e.youngEmployees),
    number(e.revenue),
    dateOf(e.foundedOn, i),
    e.ownerName,
    e.ownerIsMember ? '是' : pick(['否', '', '否']),
    e.contactPhone,
    number(e.fullMembers),
    e.probationaryMembers === 0 ? '' : number(e.probationaryMembers),
    pick(ORG_WORDS[e.orgSetting] ?? [ORG_SETTINGS[e.orgSetting]]),
    e.partyOrgIndex === null ? '' : orgs[e.partyOrgIndex]!.name,
    e.note,
  ];
}

/** 2011.8.9, 2011年8月9日, or a real date cell (an Excel serial), in turn. */
function dateOf(iso: string | null, i: number): string | Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (i % 3) {
    case 0:
      return `${y}.${m}.${d}`;
    case 1:
      return `${y}年${m}月${d}日`;
    default:
      return new Date(Date.UTC(y, m - 1, d));
  }
}
