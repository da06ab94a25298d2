import { z } from '../zod';
import { isoDate, phoneNumber, requiredText } from '../domain/fieldSchemas';
import { FORMATION_METHODS, FORMATION_STEPS, ORG_HOSTS, PARTY_ORG_TYPES } from '../domain/labels';
import type { FormationStep, PartyOrgDetail, PartyOrgItem } from '../domain/party';
import { channel } from './channel';
import {
  byId,
  choiceOf,
  listSearch,
  optionalChoiceOf,
  optionalRef,
  optionalText,
  recordId,
  requiredRef,
  type Saved,
} from './fields';

export const partyOrgInput = z
  .object({
    name: requiredText('党组织名称', 100),
    type: choiceOf('党组织类型', PARTY_ORG_TYPES),
    host: choiceOf('党组织所在', ORG_HOSTS).default('enterprise'),
    areaId: optionalRef('所属村（社区、园区）'),
    formationMethod: optionalChoiceOf('组建方式', FORMATION_METHODS),
    foundedOn: isoDate('成立日期'),
    approvalNo: optionalText('批准文号', 40),
    secretaryName: optionalText('书记姓名', 30),
    secretarySource: optionalText('书记来源', 30),
    secretaryRole: optionalText('书记在企业中的身份', 30),
    secretaryPhone: phoneNumber('书记电话'),
    committeeMembers: optionalText('委员', 500),
    partyWorkers: optionalText('专/兼职党务工作者', 300),
    superiorOrgId: optionalRef('上级党组织'),
    termStartedOn: isoDate('本届选举日期'),
    note: optionalText('备注', 1000),
  })
  .strict();
export type PartyOrgInput = z.input<typeof partyOrgInput>;
export type PartyOrgValues = z.output<typeof partyOrgInput>;

/**
 * What happens to the enterprises of an organisation being deleted: left without one (未建立) or moved to
 * another organisation. Required when it covers any: deleting never silently unlinks.
 */
export const orgDeleteChoice = z.union([
  z.object({ kind: z.literal('unlink') }).strict(),
  z.object({ kind: z.literal('move'), orgId: requiredRef('转入的党组织') }).strict(),
]);
export type OrgDeleteChoice = z.infer<typeof orgDeleteChoice>;

export const formationStepInput = z
  .object({
    orgId: recordId,
    step: choiceOf('组建步骤', FORMATION_STEPS),
    doneOn: isoDate('办理日期'),
    docNo: optionalText('文号', 40),
    note: optionalText('说明', 500),
  })
  .strict();
export type FormationStepInput = z.input<typeof formationStepInput>;

const LABELS: Readonly<Record<string, string>> = {
  id: '党组织编号',
  input: '党组织信息',
  name: '党组织名称',
  type: '党组织类型',
  host: '党组织所在',
  areaId: '所属村（社区、园区）',
  formationMethod: '组建方式',
  foundedOn: '成立日期',
  approvalNo: '批准文号',
  secretaryName: '书记姓名',
  secretarySource: '书记来源',
  secretaryRole: '书记在企业中的身份',
  secretaryPhone: '书记电话',
  committeeMembers: '委员',
  partyWorkers: '专/兼职党务工作者',
  superiorOrgId: '上级党组织',
  termStartedOn: '本届选举日期',
  note: '备注',
  enterpriseIds: '覆盖企业',
  enterprises: '所属企业的去向',
  orgId: '党组织',
  step: '组建步骤',
  doneOn: '办理日期',
  docNo: '文号',
  search: '搜索内容',
  types: '党组织类型',
  hosts: '党组织所在',
};

export const partyOrgChannels = {
  /** Every organisation (a township has at most a few hundred), narrowed by name or pinyin initials. */
  'partyOrgs:list': channel<PartyOrgItem[]>()(
    z
      .object({
        search: listSearch,
        types: z.array(choiceOf('党组织类型', PARTY_ORG_TYPES)).optional(),
        hosts: z.array(choiceOf('党组织所在', ORG_HOSTS)).optional(),
      })
      .strict(),
    LABELS,
  ),
  /** 书记电话 masked (full only through `personal:reveal`); sent back masked, the stored number is kept. */
  'partyOrgs:get': channel<PartyOrgDetail>()(byId, LABELS),
  /**
   * Creates (no id) or updates an organisation and sets exactly which enterprises it covers: enterprises
   * added take this organisation (leaving any other), enterprises dropped become 未建立. Their 组织设置 follows.
   */
  'partyOrgs:save': channel<Saved>()(
    z
      .object({
        id: recordId.optional(),
        input: partyOrgInput,
        enterpriseIds: z.array(recordId).max(2000, '一个党组织最多覆盖2000家企业'),
      })
      .strict(),
    LABELS,
  ),
  'partyOrgs:delete': channel<null>()(
    z.object({ id: recordId, enterprises: orgDeleteChoice.optional() }).strict(),
    LABELS,
  ),
  /** Records one step of forming the organisation (one record per step; saving again updates it). */
  'formationSteps:save': channel<FormationStep>()(formationStepInput, LABELS),
  /** Removes the step with its attachments. */
  'formationSteps:delete': channel<null>()(byId, LABELS),
};
