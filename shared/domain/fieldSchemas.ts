import { z } from '../zod';

/** Field schemas shared by every form and import: how a date and a phone number must look. */

/** A name or title that must be filled in: trimmed, at most `max` characters, no control characters or markup. */
export const requiredText = (label: string, max: number) =>
  z
    .string(`请填写${label}`)
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => !/[\u0000-\u001f<>]/.test(s), `${label}含有不允许的字符`);

/** A calendar date typed as YYYY-MM-DD; blank becomes null. */
export const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCalendarDate(v), `${label}应为有效日期，例如 2011-08-09`);

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Mobile (11 digits from 1), or a landline with or without its area code and extension; blank allowed. */
export const phoneNumber = (label: string) =>
  z
    .string()
    .trim()
    // Full-width digits and hyphens typed with a Chinese input method become ASCII.
    .transform((v) => v.normalize('NFKC'))
    .refine(
      // A masked value (138****5678) is what the form was shown: sent back, it means "unchanged" (the core keeps the
      // stored number), so it passes here.
      (v) => v === '' || v.includes('*') || /^1\d{10}$/.test(v) || /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/.test(v),
      `${label}应为11位手机号，或带区号的固定电话，例如 0575-83012345`,
    )
    .default('');
