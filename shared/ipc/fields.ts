import { z } from '../zod';
import { isCalendarDate } from '../domain/fieldSchemas';
import { idsOf, type LabelMap } from '../domain/labels';

/** Request pieces every record contract uses; each message names its field in Chinese. */

export const recordId = z.number().int().positive();

export const byId = z.object({ id: recordId }).strict();

/** Free text, trimmed; line breaks allowed (a 内容 or 备注 has paragraphs), other control characters not. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${label}含有不允许的控制字符`)
    .default('');

/** A date that must be given, YYYY-MM-DD. */
export const requiredDate = (label: string) =>
  z
    .string(`请填写${label}`)
    .trim()
    .min(1, `请填写${label}`)
    .refine(isCalendarDate, `${label}应为有效日期，例如 2011-08-09`);

/** A pick from one of the ledger's lists; blank is none. */
export const optionalRef = (label: string) =>
  z
    .number(`请选择${label}`)
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .nullish()
    .transform((v) => v ?? null);

export const requiredRef = (label: string) =>
  z.number(`请选择${label}`).int(`请选择${label}`).positive(`请选择${label}`);

export const choiceOf = <K extends string>(label: string, labels: LabelMap<K>) =>
  z.enum(idsOf(labels), `请从列表中选择${label}`);

export const optionalChoiceOf = <K extends string>(label: string, labels: LabelMap<K>) =>
  choiceOf(label, labels)
    .nullish()
    .transform((v) => v ?? null);

export const countOf = (label: string, max = 10_000) =>
  z
    .number(`${label}应填数字`)
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`)
    .default(0);

export const listSearch = z.string().trim().max(50, '搜索内容不能超过50个字').optional();

/** A page of a list that may be long (members, work logs across a township). */
export const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export interface Page<Row> {
  total: number;
  rows: Row[];
}

export interface Saved {
  id: number;
  /** Warnings the clerk accepted by saving, for the screen to show after the save. */
  warnings: { field: string; message: string }[];
}
