import { z } from '../zod';
import { isoDate } from '../domain/fieldSchemas';
import { WORK_LOG_KINDS } from '../domain/labels';
import type { WorkLogDetail, WorkLogRow } from '../domain/party';
import type { Reminder } from '../domain/reminders';
import { channel } from './channel';
import {
  byId,
  choiceOf,
  countOf,
  listSearch,
  optionalRef,
  optionalText,
  paging,
  recordId,
  requiredDate,
  requiredRef,
  type Page,
  type Saved,
} from './fields';

export const workLogInput = z
  .object({
    enterpriseId: requiredRef('企业'),
    heldOn: requiredDate('日期'),
    kind: choiceOf('记录类型', WORK_LOG_KINDS).default('visit'),
    instructorId: optionalRef('党建工作指导员'),
    participants: optionalText('参加人', 200),
    content: optionalText('内容', 4000),
    problems: optionalText('反映问题', 2000),
    resolution: optionalText('解决情况', 2000),
    suggestions: countOf('献计献策条数'),
    problemsSolved: countOf('解决实际问题个数'),
    followUpOn: isoDate('跟进期限'),
    followUpDone: z.boolean().default(false),
  })
  .strict();
export type WorkLogInput = z.input<typeof workLogInput>;
export type WorkLogValues = z.output<typeof workLogInput>;

export const workLogQuery = z
  .object({
    enterpriseId: recordId.optional(),
    instructorId: recordId.optional(),
    kinds: z.array(choiceOf('记录类型', WORK_LOG_KINDS)).optional(),
    search: listSearch,
    from: isoDate('起始日期'),
    to: isoDate('截止日期'),
    /** Only logs whose follow-up is still open. */
    openFollowUps: z.boolean().optional(),
  })
  .strict();
export type WorkLogQuery = z.input<typeof workLogQuery>;

const LABELS: Readonly<Record<string, string>> = {
  id: '记录编号',
  offset: '起始行',
  limit: '每页行数',
  input: '工作记录',
  enterpriseId: '企业',
  heldOn: '日期',
  kind: '记录类型',
  instructorId: '党建工作指导员',
  participants: '参加人',
  content: '内容',
  problems: '反映问题',
  resolution: '解决情况',
  suggestions: '献计献策条数',
  problemsSolved: '解决实际问题个数',
  followUpOn: '跟进期限',
  followUpDone: '已跟进',
  query: '筛选条件',
  kinds: '记录类型',
  search: '搜索内容',
  from: '起始日期',
  to: '截止日期',
};

export const workLogChannels = {
  /** Newest first. */
  'workLogs:list': channel<Page<WorkLogRow>>()(
    z.object({ query: workLogQuery.prefault({}), ...paging }).strict(),
    LABELS,
  ),
  'workLogs:get': channel<WorkLogDetail>()(byId, LABELS),
  'workLogs:save': channel<Saved>()(z.object({ id: recordId.optional(), input: workLogInput }).strict(), LABELS),
  /** Removes the log with its attachments. */
  'workLogs:delete': channel<null>()(byId, LABELS),
  /** Every reminder due now (the same list the command line prints). */
  'reminders:list': channel<Reminder[]>()(z.object({}).strict()),
};
