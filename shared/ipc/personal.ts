import { z } from '../zod';
import { channel } from './channel';

/**
 * Personal data (身份证号 and phone numbers) leaves the core masked: lists, details, edit forms, prints and exports
 * (domain.md §2, issue 10). The full value of one field of one record is sent only through `personal:reveal`, and
 * every reveal is written to the change log under the record, so its history shows who saw it and when. A masked
 * value sent back in an update (one containing *) means "unchanged", as in an import (domain.md §9).
 */
export const PERSONAL_FIELDS = {
  enterprise: ['contactPhone'],
  member: ['idNumber', 'phone'],
  partyOrg: ['secretaryPhone'],
  instructor: ['phone'],
  leader: ['phone'],
  workGroupMember: ['phone'],
} as const;

export type PersonalEntity = keyof typeof PERSONAL_FIELDS;
export type PersonalField = (typeof PERSONAL_FIELDS)[PersonalEntity][number];

export const PERSONAL_FIELD_LABELS: Readonly<Record<PersonalField, string>> = {
  contactPhone: '联系电话',
  idNumber: '身份证号',
  phone: '电话',
  secretaryPhone: '书记电话',
};

const entities = Object.keys(PERSONAL_FIELDS) as [PersonalEntity, ...PersonalEntity[]];

const revealRequest = z
  .object({
    entity: z.enum(entities, '记录类型无效'),
    id: z.number('记录编号应为数字').int('记录编号应为整数').positive('记录编号无效'),
    field: z.string('字段应为文字'),
  })
  .strict()
  .refine((r) => (PERSONAL_FIELDS[r.entity] as readonly string[]).includes(r.field), {
    message: '该字段不是可显示的个人信息',
    path: ['field'],
  });

export interface RevealedValue {
  /** The full value; '' when the field is blank. */
  value: string;
}

const LABELS: Readonly<Record<string, string>> = { entity: '记录类型', id: '记录编号', field: '字段' };

export const personalChannels = {
  /** 显示完整信息: one field of one record in full; recorded in the change log (op 'reveal'), never undone. */
  'personal:reveal': channel<RevealedValue>()(revealRequest, LABELS),
};
