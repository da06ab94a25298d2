import type { EnterpriseFields } from './enterpriseInput';

/** A problem tied to one field, so a screen can show it beside that field. */
export interface FieldIssue {
  field: keyof EnterpriseFields;
  message: string;
}

export interface EnterpriseCheck {
  /** Saving is refused while any of these stand. */
  errors: FieldIssue[];
  /** Shown to the clerk, who decides: the record may still be saved. */
  warnings: FieldIssue[];
}

type Checked = Pick<
  EnterpriseFields,
  | 'foundedOn'
  | 'statusSince'
  | 'surveyedOn'
  | 'operatingStatus'
  | 'employees'
  | 'youngEmployees'
  | 'fullMembers'
  | 'probationaryMembers'
  | 'membersInEnterprise'
  | 'membersInTalentAgency'
  | 'membersAtOrigin'
  | 'membersTemporary'
  | 'membersFloating'
  | 'hasVenue'
  | 'venueArea'
>;

const BREAKDOWN = [
  'membersInEnterprise',
  'membersInTalentAgency',
  'membersAtOrigin',
  'membersTemporary',
  'membersFloating',
] as const;

/**
 * The rules across fields of one enterprise, the same on the screen, in the core and in imports.
 * `today` is YYYY-MM-DD in the clerk's time zone: no date of the survey lies in the future.
 */
export function checkEnterprise(e: Checked, today: string): EnterpriseCheck {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  for (const [field, label] of [
    ['foundedOn', '成立日期'],
    ['statusSince', '状况起始日期'],
    ['surveyedOn', '摸底核实日期'],
  ] as const) {
    const value = e[field];
    if (value && value > today) errors.push({ field, message: `${label}不能晚于今天（${today}）` });
  }
  if (e.foundedOn && e.statusSince && e.statusSince < e.foundedOn) {
    errors.push({ field: 'statusSince', message: `状况起始日期不能早于成立日期（${e.foundedOn}）` });
  }
  if (e.foundedOn && e.surveyedOn && e.surveyedOn < e.foundedOn) {
    errors.push({ field: 'surveyedOn', message: `摸底核实日期不能早于成立日期（${e.foundedOn}）` });
  }
  if (e.statusSince && e.operatingStatus === 'normal') {
    warnings.push({ field: 'statusSince', message: '经营状况为“正常”时一般不填状况起始日期' });
  }

  if (e.youngEmployees !== null && e.employees !== null && e.youngEmployees > e.employees) {
    errors.push({
      field: 'youngEmployees',
      message: `35岁以下职工数（${e.youngEmployees}）不能多于从业人员数（${e.employees}）`,
    });
  }

  const members = e.fullMembers + e.probationaryMembers;
  if (e.membersFloating !== null && e.membersFloating > members) {
    warnings.push({
      field: 'membersFloating',
      message: `亮身份/流动党员（${e.membersFloating}名）多于正式与预备党员合计（${members}名），请核实`,
    });
  }
  const located = BREAKDOWN.reduce((sum, f) => sum + (e[f] ?? 0), 0);
  if (located > members) {
    warnings.push({
      field: 'membersInEnterprise',
      message: `按组织关系所在分列的党员合计${located}名，多于正式与预备党员合计${members}名，请核实`,
    });
  }
  if (e.employees !== null && members > e.employees && e.employees > 0) {
    warnings.push({
      field: 'fullMembers',
      message: `党员（${members}名）多于从业人员数（${e.employees}人），请核实`,
    });
  }

  if (!e.hasVenue && e.venueArea !== null && e.venueArea > 0) {
    warnings.push({ field: 'venueArea', message: '已填活动场所面积，但“有活动场所”未勾选' });
  }
  return { errors, warnings };
}

/** Today as YYYY-MM-DD in local time (the clerk's calendar, not UTC). */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
