import type { SampleAssessment } from './assessments';
import type { Enterprise } from '../../../shared/domain/enterprise';
import type { AreaType, InstructorSource } from '../../../shared/domain/labels';
import type { LedgerSettings } from '../../../shared/domain/ledger';
import type {
  FormationStep,
  InstructorAssignment,
  Leader,
  Member,
  PartyOrg,
  Training,
  WorkGroupMember,
  WorkLog,
} from '../../../shared/domain/party';
import type { Milestone, Plan } from '../../../shared/domain/plans';

/** A generated township: records point at each other by their index in these lists, ids come on insert. */

export type SampleEnterprise = Omit<
  Enterprise,
  | 'id'
  | 'areaId'
  | 'workGroupId'
  | 'instructorId'
  | 'leaderId'
  | 'partyOrgId'
  | 'associationId'
  | 'leadEnterpriseId'
  | 'createdAt'
  | 'updatedAt'
> & {
  areaIndex: number;
  workGroupIndex: number | null;
  /** The instructor of the enterprise's current assignment. */
  instructorIndex: number | null;
  leaderIndex: number | null;
  partyOrgIndex: number | null;
  /** 所属商会/行业协会 and 龙头企业: always enterprises earlier in the list, so one pass in order stores them. */
  associationIndex: number | null;
  leadEnterpriseIndex: number | null;
};

export interface SampleInstructor {
  name: string;
  position: string;
  phone: string;
  fullTime: boolean;
  source: InstructorSource;
  appointedOn: string;
}

export type SamplePartyOrg = Omit<PartyOrg, 'id' | 'areaId' | 'superiorOrgId' | 'createdAt' | 'updatedAt'> & {
  areaIndex: number | null;
  superiorIndex: number | null;
};

export type SampleFormationStep = Omit<FormationStep, 'id' | 'orgId'> & { orgIndex: number };

export type SampleMember = Omit<Member, 'id' | 'enterpriseId' | 'createdAt' | 'updatedAt'> & {
  enterpriseIndex: number;
};

export type SampleAssignment = Omit<InstructorAssignment, 'id' | 'instructorId' | 'enterpriseId'> & {
  instructorIndex: number;
  enterpriseIndex: number;
};

export type SampleTraining = Omit<Training, 'id' | 'instructorId'> & { instructorIndex: number };

export type SampleLeader = Omit<Leader, 'id'>;

export type SampleWorkGroupMember = Omit<WorkGroupMember, 'id' | 'workGroupId'> & { workGroupIndex: number };

export type SampleWorkLog = Omit<WorkLog, 'id' | 'enterpriseId' | 'instructorId' | 'createdAt' | 'updatedAt'> & {
  enterpriseIndex: number;
  instructorIndex: number | null;
};

export interface SampleCampaign {
  name: string;
  startOn: string;
  endOn: string;
  note: string;
  phases: { name: string; startOn: string; endOn: string }[];
}

export type SamplePlan = Omit<
  Plan,
  'id' | 'enterpriseId' | 'campaignId' | 'workGroupId' | 'createdAt' | 'updatedAt'
> & {
  enterpriseIndex: number;
  campaignIndex: number | null;
  workGroupIndex: number | null;
  milestones: Pick<Milestone, 'name' | 'dueOn' | 'doneOn'>[];
};

export interface SampleLedger {
  /** The day the township is drawn for: dates lie before it, and each reminder falls due around it. */
  today: string;
  settings: LedgerSettings;
  zones: string[];
  areas: { name: string; type: AreaType; zoneIndex: number | null }[];
  workGroups: { name: string; leaderName: string }[];
  workGroupMembers: SampleWorkGroupMember[];
  instructors: SampleInstructor[];
  assignments: SampleAssignment[];
  trainings: SampleTraining[];
  leaders: SampleLeader[];
  partyOrgs: SamplePartyOrg[];
  formationSteps: SampleFormationStep[];
  enterprises: SampleEnterprise[];
  members: SampleMember[];
  workLogs: SampleWorkLog[];
  /** The 集中攻坚月 with its six phases, and plans in it in every state. */
  campaigns: SampleCampaign[];
  plans: SamplePlan[];
  /** 双强评价 of the larger enterprises, last year and this. */
  assessments: SampleAssessment[];
}
