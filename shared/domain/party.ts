import type {
  AttachmentOwner,
  Education,
  FormationMethod,
  FormationStepKind,
  Gender,
  MemberLocation,
  MemberStatus,
  OrgHost,
  OrgSetting,
  PartyOrgType,
  WorkLogKind,
} from './labels';

/** 党组织: a record of its own that enterprises link to; an enterprise's 组织设置 and 隶属关系 follow from it. */
export interface PartyOrg {
  id: number;
  name: string;
  type: PartyOrgType;
  host: OrgHost;
  /** For a 属地 organisation: the village, community or park it belongs to. */
  areaId: number | null;
  formationMethod: FormationMethod | null;
  /** 成立日期, YYYY-MM-DD. */
  foundedOn: string | null;
  /** 批准文号, e.g. 长委〔2011〕45号. */
  approvalNo: string;
  secretaryName: string;
  /** 书记来源, e.g. 企业出资人, 选派. */
  secretarySource: string;
  /** 书记在企业中的身份, e.g. 副总经理. */
  secretaryRole: string;
  secretaryPhone: string;
  /** 委员, one name per line. */
  committeeMembers: string;
  /** 专/兼职党务工作者. */
  partyWorkers: string;
  superiorOrgId: number | null;
  /** 本届委员会（书记）选举日期: the term runs from here. */
  termStartedOn: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface PartyOrgItem {
  id: number;
  name: string;
  type: PartyOrgType;
  host: OrgHost;
  areaName: string | null;
  superiorName: string | null;
  secretaryName: string;
  foundedOn: string | null;
  /** Enterprises it covers. */
  enterprises: number;
  /** 正式 and 预备 members of the enterprises it covers. */
  fullMembers: number;
  probationaryMembers: number;
  /** When the current term ends (null without an election date). */
  termEndsOn: string | null;
  /** Organisations that report to it. */
  subordinates: number;
}

export interface OrgEnterprise {
  id: number;
  name: string;
  orgSetting: OrgSetting;
  fullMembers: number;
  probationaryMembers: number;
  employees: number | null;
}

export interface AttachmentMeta {
  id: number;
  ownerType: AttachmentOwner;
  ownerId: number;
  fileName: string;
  mime: AttachmentMime;
  size: number;
  addedAt: string;
}

export const ATTACHMENT_MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];
/** A scan of a 请示 or a photo of a 挂牌 fits easily; a ledger file is not a photo album. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_OWNER_MAX = 20;

export interface FormationStep {
  id: number;
  orgId: number;
  step: FormationStepKind;
  doneOn: string | null;
  docNo: string;
  note: string;
}

export interface FormationStepItem extends FormationStep {
  attachments: AttachmentMeta[];
}

export interface PartyOrgDetail extends PartyOrg {
  areaName: string | null;
  superiorName: string | null;
  enterprises: OrgEnterprise[];
  subordinates: { id: number; name: string; type: PartyOrgType }[];
  /** Recorded steps in the order of FORMATION_STEPS. */
  steps: FormationStepItem[];
  termEndsOn: string | null;
}

/** 党员 on an enterprise's roster. */
export interface Member {
  id: number;
  enterpriseId: number;
  name: string;
  gender: Gender | null;
  /** 出生年月, YYYY-MM. */
  birthMonth: string | null;
  education: Education | null;
  /** 入党时间 (for a 预备党员, the day of admission), YYYY-MM-DD. */
  joinedOn: string | null;
  status: MemberStatus;
  location: MemberLocation;
  position: string;
  phone: string;
  /** 身份证号: only `members:get` returns it, for its own edit field; everything else sees idNumberMasked. */
  idNumber: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemberListRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  name: string;
  gender: Gender | null;
  birthMonth: string | null;
  education: Education | null;
  joinedOn: string | null;
  status: MemberStatus;
  /** When a 预备党员 is due for 转正 (one year after joining). */
  probationEndsOn: string | null;
  location: MemberLocation;
  position: string;
  phone: string;
  idNumberMasked: string | null;
}

/** 一人一企 / 一人多企 follow from how many enterprises an instructor covers now. */
export interface InstructorAssignment {
  id: number;
  instructorId: number;
  enterpriseId: number;
  startedOn: string;
  endedOn: string | null;
  note: string;
}

export interface AssignmentRow extends InstructorAssignment {
  instructorName: string;
  enterpriseName: string;
  /** The last 走访 this instructor logged at the enterprise. */
  lastVisitOn: string | null;
  visits: number;
}

export interface Training {
  id: number;
  instructorId: number;
  heldOn: string;
  title: string;
  organiser: string;
  hours: number | null;
  note: string;
}

/** 领导联系点: a township leader and the enterprises they keep contact with. */
export interface Leader {
  id: number;
  name: string;
  position: string;
  phone: string;
  note: string;
}

export interface LeaderItem extends Leader {
  /** Pinyin initials of the name, for searching the list. */
  nameInitials: string;
  enterprises: number;
}

export interface WorkGroupMember {
  id: number;
  workGroupId: number;
  name: string;
  position: string;
  phone: string;
}

/** 工作记录: a visit, meeting, activity, help given or training at one enterprise. */
export interface WorkLog {
  id: number;
  enterpriseId: number;
  heldOn: string;
  kind: WorkLogKind;
  /** The 指导员 whose visit this was, if any. */
  instructorId: number | null;
  participants: string;
  content: string;
  /** 反映问题 */
  problems: string;
  /** 解决情况 */
  resolution: string;
  /** 献计献策 (条) */
  suggestions: number;
  /** 解决实际问题 (个) */
  problemsSolved: number;
  /** 跟进期限 */
  followUpOn: string | null;
  followUpDone: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WorkLogRow extends WorkLog {
  enterpriseName: string;
  instructorName: string | null;
  attachments: number;
}

export interface WorkLogDetail extends WorkLogRow {
  attachmentList: AttachmentMeta[];
}
