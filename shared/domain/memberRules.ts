import { checkIdNumber } from './idNumber';
import { GENDERS, type Gender } from './labels';

/** A problem with one field of a member, named by the field's key. */
export interface MemberIssue {
  field: 'joinedOn' | 'birthMonth' | 'gender' | 'idNumber';
  message: string;
}

/**
 * The rules across a member's fields, the same on the form and in an import: no date after today, 入党 not before
 * birth (errors); a 身份证号 that disagrees with the 出生年月 or 性别 typed beside it (warnings, the clerk decides).
 * `today` is YYYY-MM-DD in the clerk's calendar.
 */
export function checkMemberFields(
  m: { joinedOn: string | null; birthMonth: string | null; gender: Gender | null; idNumber: string | null },
  today: string,
): { errors: MemberIssue[]; warnings: MemberIssue[] } {
  const errors: MemberIssue[] = [];
  const warnings: MemberIssue[] = [];
  if (m.joinedOn && m.joinedOn > today) errors.push({ field: 'joinedOn', message: `入党时间不能晚于今天（${today}）` });
  if (m.birthMonth && m.birthMonth > today.slice(0, 7)) {
    errors.push({ field: 'birthMonth', message: `出生年月不能晚于本月（${today.slice(0, 7)}）` });
  }
  if (m.birthMonth && m.joinedOn && m.joinedOn.slice(0, 7) < m.birthMonth) {
    errors.push({ field: 'joinedOn', message: `入党时间不能早于出生年月（${m.birthMonth}）` });
  }
  const checked = m.idNumber ? checkIdNumber(m.idNumber) : null;
  if (checked?.ok) {
    if (m.birthMonth && checked.birthDate.slice(0, 7) !== m.birthMonth) {
      warnings.push({
        field: 'birthMonth',
        message: `出生年月（${m.birthMonth}）与身份证号中的出生日期（${checked.birthDate}）不一致，请核实`,
      });
    }
    if (m.gender && checked.gender !== m.gender) {
      warnings.push({
        field: 'gender',
        message: `性别（${GENDERS[m.gender]}）与身份证号显示的性别（${GENDERS[checked.gender]}）不一致，请核实`,
      });
    }
  }
  return { errors, warnings };
}
