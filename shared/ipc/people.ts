import { z } from '../zod';
import { isoDate, phoneNumber, requiredText } from '../domain/fieldSchemas';
import type { OrgSetting } from '../domain/labels';
import type { InstructorItem, WorkGroupItem } from '../domain/lookups';
import type {
  AssignmentRow,
  InstructorAssignment,
  Leader,
  LeaderItem,
  Training,
  WorkGroupMember,
} from '../domain/party';
import { channel } from './channel';
import { byId, optionalText, recordId, requiredDate, requiredRef } from './fields';

/** Instructors' assignments and training, 领导联系点 and 推进组 members: the people around the enterprises. */

export const assignmentInput = z
  .object({
    id: recordId.optional(),
    instructorId: requiredRef('党建工作指导员'),
    enterpriseId: requiredRef('联系企业'),
    startedOn: requiredDate('派驻日期'),
    endedOn: isoDate('结束日期'),
    note: optionalText('备注', 300),
  })
  .strict()
  .refine((a) => a.endedOn === null || a.endedOn >= a.startedOn, {
    message: '结束日期不能早于派驻日期',
    path: ['endedOn'],
  });
export type AssignmentInput = z.input<typeof assignmentInput>;

export const trainingInput = z
  .object({
    id: recordId.optional(),
    instructorId: requiredRef('党建工作指导员'),
    heldOn: requiredDate('培训日期'),
    title: requiredText('培训内容', 100),
    organiser: optionalText('举办单位', 60),
    hours: z
      .number('学时应填数字')
      .min(0, '学时不能为负数')
      .max(1000, '学时不能超过1000')
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText('备注', 300),
  })
  .strict();
export type TrainingInput = z.input<typeof trainingInput>;

export const leaderInput = z
  .object({
    id: recordId.optional(),
    name: requiredText('领导姓名', 30),
    position: optionalText('职务', 40),
    phone: phoneNumber('电话'),
    note: optionalText('备注', 300),
  })
  .strict();
export type LeaderInput = z.input<typeof leaderInput>;

export const workGroupMemberInput = z
  .object({
    id: recordId.optional(),
    workGroupId: requiredRef('推进组'),
    name: requiredText('成员姓名', 30),
    position: optionalText('单位职务', 40),
    phone: phoneNumber('电话'),
  })
  .strict();
export type WorkGroupMemberInput = z.input<typeof workGroupMemberInput>;

/** An enterprise as the people pages list it. */
export interface LinkedEnterprise {
  id: number;
  name: string;
  areaName: string;
  orgSetting: OrgSetting;
  fullMembers: number;
  probationaryMembers: number;
  lastVisitOn: string | null;
}

export interface InstructorDetail {
  instructor: InstructorItem;
  /** 一人一企 when one current assignment, 一人多企 when several, null when none. */
  mode: 'one' | 'many' | null;
  /** Current assignments first, then ended ones, newest first. */
  assignments: AssignmentRow[];
  trainings: Training[];
}

export interface LeaderDetail {
  leader: LeaderItem;
  enterprises: LinkedEnterprise[];
}

export interface WorkGroupDetail {
  group: WorkGroupItem;
  members: WorkGroupMember[];
  enterprises: LinkedEnterprise[];
}

const LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  instructorId: '党建工作指导员',
  enterpriseId: '联系企业',
  startedOn: '派驻日期',
  endedOn: '结束日期',
  heldOn: '培训日期',
  title: '培训内容',
  organiser: '举办单位',
  hours: '学时',
  name: '姓名',
  position: '职务',
  phone: '电话',
  note: '备注',
  workGroupId: '推进组',
  enterpriseIds: '联系企业',
};

export const peopleChannels = {
  /**
   * An instructor with every enterprise they cover (and covered), the last visit at each, and training. Phones here,
   * on leaders and on 推进组 members are masked (full only through `personal:reveal`).
   */
  'instructors:detail': channel<InstructorDetail>()(byId, LABELS),
  /**
   * Assigns an instructor to an enterprise from a date, or corrects an assignment. An enterprise has one
   * current instructor: a new current assignment ends the previous one the day it starts.
   */
  'assignments:save': channel<InstructorAssignment>()(assignmentInput, LABELS),
  'assignments:delete': channel<null>()(byId, LABELS),
  'trainings:save': channel<Training>()(trainingInput, LABELS),
  'trainings:delete': channel<null>()(byId, LABELS),

  'leaders:save': channel<Leader>()(leaderInput, LABELS),
  /** Its enterprises are left without a contact leader in the same step. */
  'leaders:delete': channel<null>()(byId, LABELS),
  'leaders:detail': channel<LeaderDetail>()(byId, LABELS),
  /** Sets exactly which enterprises are this leader's 联系点. */
  'leaders:setEnterprises': channel<null>()(
    z.object({ id: recordId, enterpriseIds: z.array(recordId).max(500) }).strict(),
    LABELS,
  ),

  'workGroups:detail': channel<WorkGroupDetail>()(byId, LABELS),
  'workGroupMembers:save': channel<WorkGroupMember>()(workGroupMemberInput, LABELS),
  'workGroupMembers:delete': channel<null>()(byId, LABELS),
};
