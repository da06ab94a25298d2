import { ENTERPRISE_FIELD_LABELS, type EnterpriseFields } from '../domain/enterpriseInput';
import { ORG_SETTINGS } from '../domain/labels';
import { SIZE_BANDS, type SizeBand } from '../domain/sizeBand';
import type { TemplateRowUnit, TemplateSourceOption } from '../ipc/exports';

/**
 * What a column of a county template can be filled with. A template sent from above has its own headers; the
 * clerk maps each column once to one of these, and the guess below proposes the mapping from the header texts.
 * Keys are what a saved mapping stores: `rowNo`, `field.<name>`, `derived.<name>`, `stat.<name>`,
 * `indicator.<key>.<part>`.
 */

export type TemplateSourceKind = TemplateSourceOption['kind'];

export interface TemplateSource extends TemplateSourceOption {
  /** Header texts that mean this source, besides the label itself. */
  synonyms: readonly string[];
  /** A 合计 row may add this column up (a count or an amount, not a 序号 or a 星级). */
  summable: boolean;
  /**
   * For a sub-header that alone says little (应覆盖 under 有党员企业组织覆盖): the bare sub-header, and the words
   * the header above it must contain for the two to mean this source.
   */
  under?: { part: string; parent: readonly string[] };
}

/** Fields that point at another record: filled with that record's name, offered as `derived.*` sources. */
const REF_FIELDS = new Set<keyof EnterpriseFields>([
  'areaId',
  'partyOrgId',
  'workGroupId',
  'instructorId',
  'leaderId',
  'associationId',
  'leadEnterpriseId',
]);

const FIELD_KINDS: Partial<Record<keyof EnterpriseFields, TemplateSourceKind>> = {
  foundedOn: 'date',
  statusSince: 'date',
  surveyedOn: 'date',
  revenue: 'amount',
  payroll: 'amount',
  venueArea: 'amount',
  employees: 'int',
  youngEmployees: 'int',
  fullMembers: 'int',
  probationaryMembers: 'int',
  activists: 'int',
  membersInEnterprise: 'int',
  membersInTalentAgency: 'int',
  membersAtOrigin: 'int',
  membersTemporary: 'int',
  membersFloating: 'int',
  starRating: 'int',
};

/** Phones leave the app masked in a filled template: there is no option to unmask them here. */
export const MASKED_PHONE_NOTE = '（中间四位隐去）';

const FIELD_SYNONYMS: Partial<Record<keyof EnterpriseFields, readonly string[]>> = {
  name: ['企业名称', '单位名称', '名称', '企业（单位）名称', '企业全称', '非公企业名称', '组织名称'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '组织机构代码'],
  regNo: ['工商注册号', '注册号', '营业执照注册号'],
  kind: ['单位类型', '类型', '组织类型', '单位类别'],
  ownership: ['企业性质', '经济类型', '企业类型', '登记注册类型'],
  industry: ['行业', '所属行业', '行业类别', '行业门类'],
  aboveScale: ['规模以上', '是否规上企业', '是否规模以上企业', '规上企业'],
  controlType: ['经济控制类型', '控股情况', '控制类型'],
  address: ['地址', '企业地址', '详细地址', '经营地址', '注册地址'],
  foundedOn: ['成立日期', '成立时间', '注册时间', '成立年月'],
  operatingStatus: ['经营状况', '经营状态', '生产经营状况'],
  revenue: ['年营业收入', '营业收入', '年销售收入', '营收', '主营业务收入', '年产值'],
  payroll: ['工资总额', '年工资总额'],
  employees: ['从业人员数', '从业人员', '职工人数', '职工数', '员工人数', '在岗职工数', '从业人数', '员工数'],
  youngEmployees: ['35岁以下职工数', '35岁以下', '35岁以下人数', '青年职工数'],
  ownerName: ['业主/法定代表人', '法定代表人', '法人代表', '负责人', '业主', '出资人', '企业负责人', '法人'],
  ownerIsMember: ['业主是否党员', '法定代表人是否党员', '出资人是否党员', '负责人是否党员'],
  ownerIsSecretary: ['兼任党组织书记', '是否兼任书记', '出资人兼任书记'],
  ownerIsDeputy: ['两代表一委员', '是否两代表一委员'],
  contactName: ['联系人', '企业联系人'],
  contactPhone: ['联系电话', '电话', '手机', '手机号码', '联系方式'],
  fullMembers: ['正式党员', '正式党员数', '正式'],
  probationaryMembers: ['预备党员', '预备党员数', '预备'],
  activists: ['入党积极分子', '积极分子', '入党积极分子数'],
  membersFloating: ['流动党员', '亮身份党员'],
  orgSetting: ['组织设置', '党组织建立情况', '建立方式', '组建方式', '党组织设置', '是否建立党组织'],
  noOrgReason: ['未建原因', '未建立党组织原因', '党组织未建原因'],
  formationDirection: ['组建方向', '拟组建方式', '组建对策'],
  hasVenue: ['活动场所', '有无活动场所', '是否有活动场所'],
  venueArea: ['活动场所面积', '场所面积'],
  fundingInBudget: ['党建经费', '经费纳入预算', '党建经费纳入预算'],
  hasUnion: ['工会', '是否建立工会', '建立工会'],
  hasYouthLeague: ['共青团', '团组织', '是否建立团组织'],
  hasWomenFederation: ['妇联', '妇女组织', '是否建立妇联'],
  keyCultivation: ['重点培育', '是否重点培育'],
  starRating: ['星级', '星级评定'],
  note: ['备注', '说明'],
  surveyedOn: ['核实日期', '摸底日期', '摸底核实日期'],
};

function fieldSource(field: keyof EnterpriseFields): TemplateSource {
  const kind = FIELD_KINDS[field] ?? 'text';
  const label = ENTERPRISE_FIELD_LABELS[field] + (field === 'contactPhone' ? MASKED_PHONE_NOTE : '');
  return {
    key: `field.${field}`,
    label,
    kind,
    synonyms: FIELD_SYNONYMS[field] ?? [ENTERPRISE_FIELD_LABELS[field]],
    summable: (kind === 'int' || kind === 'amount') && field !== 'starRating',
  };
}

const ROW_NO: TemplateSource = {
  key: 'rowNo',
  label: '序号',
  kind: 'int',
  synonyms: ['序号', '编号', '序', 'NO', '顺序号'],
  summable: false,
};

const text = (key: string, label: string, synonyms: readonly string[]): TemplateSource => ({
  key,
  label,
  kind: 'text',
  synonyms,
  summable: false,
});
const int = (key: string, label: string, synonyms: readonly string[]): TemplateSource => ({
  key,
  label,
  kind: 'int',
  synonyms,
  summable: true,
});

/** Per-enterprise facts that are not a stored field: names of linked records and figures derived from fields. */
const DERIVED_SOURCES: readonly TemplateSource[] = [
  text('derived.areaName', '所在区域名称', [
    '所在区域',
    '所在村（社区）',
    '所在村社区',
    '所属村（社区）',
    '村（社区）',
    '所在村',
    '所属村',
    '区域',
    '所在地',
  ]),
  text('derived.sizeBand', '规模', ['规模', '规模类别', '企业规模', '规模类型']),
  text('derived.partyOrgName', '党组织名称', ['党组织名称', '所在党组织', '所属党组织', '党组织']),
  text('derived.superiorOrgName', '上级党组织', ['上级党组织', '隶属关系', '隶属党组织']),
  text('derived.workGroup', '推进组', ['推进组', '责任推进组', '工作组']),
  text('derived.instructor', '指导员', ['党建工作指导员', '指导员', '党建指导员']),
  text('derived.leader', '联系领导', ['联系领导', '挂联领导', '联系点领导', '包联领导']),
  text('derived.association', '所属商会/行业协会', ['所属商会', '所属行业协会', '商会', '行业协会']),
  text('derived.leadEnterprise', '龙头企业', ['龙头企业', '所属龙头企业']),
  int('derived.members', '党员合计', ['党员合计', '党员总数', '党员人数', '党员数', '党员数量', '合计党员', '党员']),
];

export const ENTERPRISE_SOURCES: readonly TemplateSource[] = [
  ROW_NO,
  ...(Object.keys(ENTERPRISE_FIELD_LABELS) as (keyof EnterpriseFields)[])
    .filter((f) => !REF_FIELDS.has(f))
    .map(fieldSource),
  ...DERIVED_SOURCES,
];

/** Counted size bands as a template's columns name them. */
const BAND_SYNONYMS: Readonly<Record<SizeBand, readonly string[]>> = {
  A: ['30人以下', '30人以下企业', '30人以下企业数', '不足30人'],
  B: ['30-49人', '30至49人', '30－49人', '30~49人'],
  C: ['50-79人', '50至79人', '50－79人', '50~79人', '50-79人且营收500万元以下'],
  D: ['80人以上', '80人及以上', '80人以上企业'],
  unknown: ['人数不详'],
};

/** One row per area: the area's counts, from the statistics module. */
export const AREA_SOURCES: readonly TemplateSource[] = [
  ROW_NO,
  text('stat.areaName', '区域名称', [
    '区域名称',
    '区域',
    '村（社区）',
    '村社区',
    '村、社区',
    '村（社区）名称',
    '单位',
    '村名',
    '社区',
    '乡镇（街道）',
    '名称',
  ]),
  int('stat.enterprises', '企业数', [
    '企业数',
    '企业总数',
    '非公企业数',
    '企业数量',
    '总数',
    '非公有制企业数',
    '企业（户）数',
  ]),
  ...(Object.keys(SIZE_BANDS) as SizeBand[]).map((band) =>
    int(`stat.band.${band}`, `规模：${SIZE_BANDS[band]}`, BAND_SYNONYMS[band]),
  ),
  int('stat.orgs', '已建党组织企业数', ['已建党组织企业数', '已建党组织', '已建立党组织', '建立党组织企业数', '已建']),
  int('stat.orgs.standalone', `已建党组织：${ORG_SETTINGS.standalone}`, [
    '单独建立',
    '单独组建',
    '单建',
    '单独建立党组织',
  ]),
  int('stat.orgs.joint', `已建党组织：${ORG_SETTINGS.joint}`, ['联合建立', '联合组建', '联建', '联合建立党组织']),
  int('stat.orgs.attached', `已建党组织：${ORG_SETTINGS.attached}`, ['挂靠', '挂靠建立', '挂靠组建']),
  int('stat.noOrg', '未建党组织企业数', ['未建党组织企业数', '未建党组织', '未建立党组织']),
  int('stat.withMembers', '有党员企业数', ['有党员企业数', '有党员企业', '有党员的企业']),
  int('stat.membersNoOrg', '有党员未建组织企业数', [
    '有党员未建组织企业数',
    '有党员未建党组织',
    '有党员未建立党组织企业数',
    '有党员未建组织',
  ]),
  int('stat.fullMembers', '正式党员数', ['正式党员数', '正式党员', '正式']),
  int('stat.probationaryMembers', '预备党员数', ['预备党员数', '预备党员', '预备']),
  int('stat.members', '党员合计', ['党员合计', '党员总数', '党员人数', '党员数', '合计党员']),
];

export const INDICATOR_PARTS_OF_TEMPLATE = { denominator: '应覆盖', numerator: '已覆盖', rate: '覆盖率' } as const;
export type IndicatorPartKey = keyof typeof INDICATOR_PARTS_OF_TEMPLATE;

/** Each enabled coverage indicator's 应覆盖 / 已覆盖 / 覆盖率, per area. */
export function indicatorSources(indicators: readonly { key: string; name: string }[]): TemplateSource[] {
  return indicators.flatMap((ind) =>
    (Object.keys(INDICATOR_PARTS_OF_TEMPLATE) as IndicatorPartKey[]).map((part) => {
      const partLabel = INDICATOR_PARTS_OF_TEMPLATE[part];
      const label = `${ind.name}：${partLabel}`;
      // 有党员企业的组织覆盖率 → 有党员企业 is what a header usually says.
      const stem = ind.name.replace(/的?(组织)?覆盖率$|率$/, '');
      const synonyms = part === 'rate' ? [ind.name, `${stem}覆盖率`] : [`${stem}${partLabel}`, `${partLabel}${stem}`];
      return {
        key: `indicator.${ind.key}.${part}`,
        label,
        kind: part === 'rate' ? 'percent' : 'int',
        synonyms,
        summable: part !== 'rate',
        under: { part: partLabel, parent: [stem, ind.name] },
      } satisfies TemplateSource;
    }),
  );
}

export function templateSourcesFor(
  unit: TemplateRowUnit,
  indicators: readonly { key: string; name: string }[],
): TemplateSource[] {
  return unit === 'enterprise' ? [...ENTERPRISE_SOURCES] : [...AREA_SOURCES, ...indicatorSources(indicators)];
}

/** Full-width to half-width, no blanks, no units in brackets, no punctuation that clerks vary. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（(][^（()）]*(人|名|个|户|万元|元|%|％|平方米|㎡|家)[)）]/g, '')
    .replace(/[“”"'‘’、：:·.\-－—–~～_]/g, '')
    .toUpperCase();
}

/** A sub-header that only says "the total of the group above" (党员数 / 合计). */
const GENERIC_PART = /^(合计|小计|总计|总数|计|数量|人数)$/;

function scoreOf(header: string, source: TemplateSource): number {
  const whole = normalizeHeader(header);
  if (!whole) return 0;
  const parts = header.split('/').map(normalizeHeader).filter(Boolean);
  const last = parts[parts.length - 1] ?? whole;
  const parent = parts.length > 1 && GENERIC_PART.test(last) ? parts[parts.length - 2]! : null;
  const names = [source.label, ...source.synonyms].map(normalizeHeader).filter(Boolean);
  let best = 0;
  const above = parts.length > 1 ? parts[parts.length - 2]! : null;
  if (source.under && above !== null && last === normalizeHeader(source.under.part)) {
    const context = source.under.parent.map(normalizeHeader).filter((p) => p.length >= 2);
    if (context.some((p) => above.includes(p) || p.includes(above))) best = 78;
  }
  for (const name of names) {
    if (name === whole.replace(/\//g, '')) best = Math.max(best, 100);
    else if (name === last) best = Math.max(best, 80);
    else if (parent !== null && name === parent) best = Math.max(best, 75);
    // A long synonym inside the header (规模以上企业 in 是否规模以上企业) still says a lot; a short one little.
    else if (name.length >= 3 && last.includes(name)) best = Math.max(best, 20 + name.length * 5);
  }
  return best;
}

/**
 * The mapping a header row suggests: each column to the source its text best names, each source used once, the
 * stronger matches first. Columns whose header says nothing known stay unmapped.
 */
export function guessTemplateColumns(
  headers: readonly string[],
  sources: readonly TemplateSource[],
): { column: number; source: string }[] {
  const candidates: { column: number; source: string; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const source of sources) {
      const score = scoreOf(header, source);
      if (score >= 30) candidates.push({ column, source: source.key, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const usedColumns = new Set<number>();
  const usedSources = new Set<string>();
  const chosen: { column: number; source: string }[] = [];
  for (const c of candidates) {
    if (usedColumns.has(c.column) || usedSources.has(c.source)) continue;
    usedColumns.add(c.column);
    usedSources.add(c.source);
    chosen.push({ column: c.column, source: c.source });
  }
  return chosen.sort((a, b) => a.column - b.column);
}

/** One row per enterprise unless the headers name areas and counts but no enterprise. */
export function guessRowUnit(headers: readonly string[]): TemplateRowUnit {
  const named = (source: TemplateSource) => headers.some((h) => scoreOf(h, source) >= 80);
  const enterpriseName = ENTERPRISE_SOURCES.find((s) => s.key === 'field.name')!;
  const areaName = AREA_SOURCES.find((s) => s.key === 'stat.areaName')!;
  const enterprises = AREA_SOURCES.find((s) => s.key === 'stat.enterprises')!;
  if (named(enterpriseName)) return 'enterprise';
  return named(areaName) || named(enterprises) ? 'area' : 'enterprise';
}

/**
 * The text a template is recognised by next year: its sheet name and header texts, normalised so that a changed
 * space or bracket does not lose the saved mapping. The core hashes it.
 */
export function templateSignatureText(sheet: string, headers: readonly string[]): string {
  const texts = headers.map(normalizeHeader);
  // Trailing blank columns come and go with whatever a clerk typed beside the table: they are not the form.
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return JSON.stringify([sheet.normalize('NFKC').trim(), texts]);
}

export function sourceByKey(sources: readonly TemplateSource[], key: string): TemplateSource | undefined {
  return sources.find((s) => s.key === key);
}

/** A row that can be part of a header block: two or more distinct texts, none a "填报单位：" kind of label. */
function headerLike(cells: readonly string[]): boolean {
  const texts = new Set(cells.filter((c) => c !== ''));
  return texts.size >= 2 && ![...texts].some((t) => /[:：]/.test(t));
}

/**
 * Each column's header text when `headerRow` (1-based) is the last header row: the texts of up to two header rows
 * above it joined with “/” (党员数（名）/正式党员), a merged cell's text counted once. `grid[r - 1]` is sheet row
 * r with merged cells' text repeated over the cells they cover, as TemplateSheet.head gives it.
 */
export function templateColumnHeaders(grid: readonly string[][], headerRow: number, width?: number): string[] {
  let top = headerRow;
  while (top > 1 && top > headerRow - 2 && headerLike(grid[top - 2] ?? [])) top--;
  const rows = grid.slice(top - 1, headerRow);
  const columns = width ?? Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => {
    const parts: string[] = [];
    for (const row of rows) {
      const text = (row[c] ?? '').trim();
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts.join('/');
  });
}
