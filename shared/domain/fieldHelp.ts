import type { Condition, PartyWorkRule } from './indicators';
import { describeCondition } from './indicators';

const MEMBERS_ELSEWHERE =
  '组织关系不在本企业：在人才职介机构、在原单位或街道社区，或只转了临时组织关系的党员。他们仍计入本企业的党员人数，' +
  '是正式与预备党员合计的分列。';

/**
 * What the fields of the ledger mean, in the clerk's words (domain.md §2–§5). Pure data: the form's tooltips, the
 * detail's labels and later the command line or a printed 填表说明 read the same sentences. Keyed by field id; the
 * enterprise's own fields use their EnterpriseFields names, the rest a name of their own.
 */
export const FIELD_HELP = {
  kind:
    '企业、个体工商户、民办非企业单位、社会团体、社会中介组织。默认的覆盖率指标只统计“企业”和“个体工商户”，' +
    '社会组织三类不计入，除非另设指标。',
  operatingStatus:
    '正常、困难、停产、注销、迁出。注销、迁出的企业不再计入任何统计，但保留在台账历史中；' +
    '已注销或迁出的请改经营状况，不要删除。',
  aboveScale: '统计部门认定的规模以上企业（“规上企业”），按统计部门的名录填写。可作为指标条件。',
  sizeBand:
    '按从业人员和年营业收入自动计算：A 类30人以下；B 类30–49人；C 类50–79人且年营业收入500万元以下；' +
    'D 类80人以上，或50–79人且年营业收入500万元以上（含边界）。人数不详为“不详”；50–79人而营收不详的暂按C类，请核实。',
  employees: '在本企业工作的全部从业人员。不详可不填（规模类别为“不详”）；“约50”之类不是数字，请核实后填写。',
  ownerIsMember:
    '业主（出资人、法定代表人）本人是否中共党员。指标条件中的“出资人是党员”即此项；党内统计表“法定代表人是党员的”也按此项统计。',
  fullMembers: '在本企业工作的全部正式党员，不论组织关系在哪里。“有党员”指正式与预备党员合计至少1名。',
  probationaryMembers: '在本企业工作的全部预备党员，不论组织关系在哪里。预备期满一年应讨论转正。',
  membersInEnterprise:
    '组织关系在本企业党组织的党员人数。组织关系所在的五项（在本企业、在人才职介机构、在原单位或街道社区、临时组织关系、' +
    '亮身份/流动）是正式与预备党员合计的分列，合计不应超过党员总数。',
  membersInTalentAgency: MEMBERS_ELSEWHERE,
  membersAtOrigin: MEMBERS_ELSEWHERE,
  membersTemporary: MEMBERS_ELSEWHERE,
  membersFloating:
    '亮明党员身份、但组织关系不在本企业的流动党员。是正式与预备党员合计的一部分，不能多于合计（多于时提醒，由您核实）；' +
    '超过3名可成立流动党员党支部。',
  memberLocation:
    '这名党员的组织关系所在：在本企业、在人才职介机构、在原单位或街道社区、临时组织关系、亮身份/流动。' +
    '企业按组织关系分列的人数由名册按此统计。',
  partyOrgId: '本企业所在的党组织（在“党组织”页维护）。组织设置和隶属关系都随所选党组织而定，不能手填。',
  orgSetting:
    '由所在党组织决定：属于本企业自己的党组织为“单独建立”，属于联合党组织为“联合建立”，属于村、社区、园区等属地党组织为' +
    '“挂靠”，不属于任何党组织为“未建立”。“已建党组织”指单独建立、联合建立或挂靠。',
  superiorOrg:
    '本企业党组织的上级党组织，如镇两新组织党工委、工业园区党总支、村党委；挂靠的即所挂靠的党组织。随所选党组织而定。',
  formationDirection:
    '尚未单独建立党组织的企业计划采用的组建方式（七种之一）。建议的方式及理由显示在旁边，您的选择与建议不同时标明“与建议不同”。',
  formationMethod:
    '按顺序判断：正式党员3名以上单独组建（在联合党组织中的应剥离）、流动党员超过3名可建流动党员党支部；' +
    'D 类企业正式党员恰为2名派员帮建；工业园区内园区联建；属于商会/行业协会的行业统建；龙头企业已建党组织的龙头领建；' +
    '专业市场、商务楼宇、特色街区内区域合建；其余村企联建。',
  associationId: '本企业加入的商会或行业协会（台账中单位类型为“社会团体”的单位），组建建议中的“行业统建”据此判断。',
  leadEnterpriseId: '同一产业链或附近、可带动本企业的龙头企业；它已建党组织时，组建建议可为“龙头领建”。',
  workCoverage:
    '未建党组织的企业实现“党的工作覆盖”：默认为已选派党建工作指导员，且统计截止日期前12个月内有工作记录；' +
    '月数和是否需要指导员在“覆盖概览 → 指标设置”的统计设置中设定。',
  instructorId:
    '选派到本企业的党建工作指导员（“一人一企”或“一人多企”），负责指导组建和开展工作。更换时自动结束原派驻、从当天开始新派驻。',
  leaderId: '把本企业作为联系点的镇领导（领导联系点）。',
  workGroupId: '负责推进本企业党建工作的推进组；一家企业至多属于一个推进组，没有的在分项统计中列为“未分组”。',
  keyCultivation: '列为“双强”（党建强、发展强）重点培育对象。可在“双强评价”中按评价结果批量设置或取消。',
  surveyedOn: '最近一次调查摸底、核实“八清”的日期。不能晚于今天，也不能早于成立日期。',
  eightClear:
    '调查摸底要做到“八清”：企业性质清、经营状况清、职工人数清、业主身份清、党员数量清、组织设置清、隶属关系清、组建方向清。' +
    '表单各节即按此排列。',
  termStartedOn:
    '本届委员会（或书记）选举产生的日期。届满日期由此自动算出：党支部、党总支3年，党委5年；届满前90天起提醒换届。',
  termEndsOn: '由本届选举日期算出：党支部、党总支3年，党委（含联合党委）5年。已届满或90天内届满的列入“提醒”。',
  formationSteps: '企业请示 → 镇党委批准 → 候选人报告 → 党员大会选举 → 选举结果报告 → 批复 → 挂牌，每步记日期和文号。',
} as const satisfies Record<string, string>;

export type FieldHelpId = keyof typeof FIELD_HELP;

export function isFieldHelpId(id: string): id is FieldHelpId {
  return Object.hasOwn(FIELD_HELP, id);
}

/** The definition behind a field, or undefined for a field whose label says enough. */
export function fieldHelp(id: string): string | undefined {
  return isFieldHelpId(id) ? FIELD_HELP[id] : undefined;
}

/** The 党的工作覆盖 rule as this ledger sets it, in the words the indicator's 计算方法 uses. */
export function partyWorkRuleText(rule: PartyWorkRule): string {
  const log = `统计截止日期前${rule.months}个月内有工作记录`;
  return `党的工作覆盖：${rule.needsInstructor ? `已选派党建工作指导员，且${log}` : log}`;
}

/** Said where each township counts by its own rule (全县汇总). */
export const PARTY_WORK_EACH_OWN = '党的工作覆盖按各乡镇台账自己的认定规则';

const usesPartyWork = (c: Condition) => c.some((clause) => clause.fact === 'partyWork');

/**
 * How an indicator is computed, in one sentence: its denominator and numerator conditions, and — when either uses
 * 党的工作覆盖 — the rule in force: this ledger's, 'each-own' where every township keeps its own (全县汇总), or
 * nothing while the ledger's rule is not yet read.
 */
export function methodText(
  definition: { denominator: Condition; numerator: Condition },
  partyWork: PartyWorkRule | 'each-own' | null,
): string {
  const base =
    `计算方法：分母为“${describeCondition(definition.denominator)}”的企业，` +
    `分子为其中“${describeCondition(definition.numerator)}”的企业。`;
  if (!usesPartyWork(definition.denominator) && !usesPartyWork(definition.numerator)) return base;
  if (partyWork === null) return base;
  return `${base}${partyWork === 'each-own' ? PARTY_WORK_EACH_OWN : partyWorkRuleText(partyWork)}。`;
}
