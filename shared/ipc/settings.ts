import { z } from '../zod';
import { isoDate, phoneNumber, requiredText } from '../domain/fieldSchemas';
import { AREA_TYPES, idsOf, INSTRUCTOR_SOURCES } from '../domain/labels';
import type { LedgerSettings } from '../domain/ledger';
import type { AreaItem, InstructorItem, Lookups, WorkGroupItem, ZoneItem } from '../domain/lookups';
import { channel } from './channel';
import { ledgerSettingsInput } from './ledgers';

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).default('');

const id = z.number().int().positive();

export const areaInput = z
  .object({
    id: id.optional(),
    name: requiredText('区域名称', 40),
    type: z.enum(idsOf(AREA_TYPES), '请选择区域类型'),
    zoneId: id.nullish().transform((v) => v ?? null),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

export const zoneInput = z.object({ id: id.optional(), name: requiredText('工作片名称', 40) }).strict();

export const workGroupInput = z
  .object({ id: id.optional(), name: requiredText('推进组名称', 40), leaderName: optionalText('组长', 30) })
  .strict();

export const instructorInput = z
  .object({
    id: id.optional(),
    name: requiredText('指导员姓名', 30),
    position: optionalText('单位职务', 60),
    phone: phoneNumber('电话'),
    fullTime: z.boolean().default(false),
    source: z.enum(idsOf(INSTRUCTOR_SOURCES), '请选择指导员来源').default('government-cadre'),
    appointedOn: isoDate('派驻日期'),
  })
  .strict();

export type AreaInput = z.input<typeof areaInput>;
export type ZoneInput = z.input<typeof zoneInput>;
export type WorkGroupInput = z.input<typeof workGroupInput>;
export type InstructorInput = z.input<typeof instructorInput>;

const LABELS: Readonly<Record<string, string>> = {
  settings: '台账设置',
  township: '乡镇名称',
  committee: '党委全称',
  docCode: '发文机关代字',
  docBanner: '发文机关标志',
  docPrintedBy: '印发机关',
  superiorUnit: '上级单位',
  id: '编号',
  name: '名称',
  type: '区域类型',
  zoneId: '工作片',
  sortOrder: '排列顺序',
  leaderName: '组长',
  position: '单位职务',
  phone: '电话',
  fullTime: '专职',
  source: '来源',
  appointedOn: '派驻日期',
};

const byId = z.object({ id }).strict();

export const settingsChannels = {
  /** The ledger's lists (areas, 工作片, 推进组, 指导员) with how many enterprises use each. */
  'settings:lookups': channel<Lookups>()(z.object({}).strict(), LABELS),
  'settings:update': channel<LedgerSettings>()(z.object({ settings: ledgerSettingsInput }).strict(), LABELS),
  'areas:save': channel<AreaItem>()(areaInput, LABELS),
  'areas:delete': channel<null>()(byId, LABELS),
  'zones:save': channel<ZoneItem>()(zoneInput, LABELS),
  'zones:delete': channel<null>()(byId, LABELS),
  'workGroups:save': channel<WorkGroupItem>()(workGroupInput, LABELS),
  /** Its enterprises become 未分组 in the same step. */
  'workGroups:delete': channel<null>()(byId, LABELS),
  'instructors:save': channel<InstructorItem>()(instructorInput, LABELS),
  /** Its enterprises are left without an instructor in the same step. */
  'instructors:delete': channel<null>()(byId, LABELS),
};
