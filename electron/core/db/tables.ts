import type { Enterprise } from '../../../shared/domain/enterprise';
import type { Area, LedgerSettings } from '../../../shared/domain/ledger';
import type { Instructor } from '../../../shared/domain/lookups';
import type {
  AttachmentMime,
  FormationStep,
  InstructorAssignment,
  Leader,
  Member,
  PartyOrg,
  Training,
  WorkGroupMember,
  WorkLog,
} from '../../../shared/domain/party';
import type { Grade, HardChecks, Scores } from '../../../shared/domain/assessments';
import type { CampaignPhase, Milestone, Plan } from '../../../shared/domain/plans';
import { sizeBand } from '../../../shared/domain/sizeBand';
import type { DocKind, DocSource, DocStatus } from '../../../shared/documents/model';
import { nameGrams } from '../search/nameGrams';
import { pinyinInitials } from '../search/pinyinKeys';
import type { TableSpec } from './tableSpec';

/** Lists a clerk searches by pinyin initials keep them beside the name. */
const initialsOfName = {
  columns: ['name_initials'],
  compute: (row: { name: string }) => [pinyinInitials(row.name)],
} as const;

export interface SettingsRow extends LedgerSettings {
  id: number;
  ledgerUid: string;
  createdAt: string;
}

export const settingsTable: TableSpec<SettingsRow> = {
  entity: 'settings',
  table: 'ledger_settings',
  columns: {
    township: { column: 'township', kind: 'text' },
    committee: { column: 'committee', kind: 'text' },
    docCode: { column: 'doc_code', kind: 'text' },
    docBanner: { column: 'doc_banner', kind: 'text' },
    superiorUnit: { column: 'superior_unit', kind: 'text' },
    docPrintedBy: { column: 'doc_printed_by', kind: 'text' },
    ledgerUid: { column: 'ledger_uid', kind: 'text' },
    createdAt: { column: 'created_at', kind: 'text' },
  },
  touch: { created: 'createdAt' },
};

export interface ZoneRow {
  id: number;
  name: string;
}

/** 工作片: a grouping of areas. */
export const zonesTable: TableSpec<ZoneRow> = {
  entity: 'zone',
  table: 'zones',
  columns: { name: { column: 'name', kind: 'text' } },
};

export interface AreaRow extends Area {
  zoneId: number | null;
  sortOrder: number;
}

export const areasTable: TableSpec<AreaRow> = {
  entity: 'area',
  table: 'areas',
  columns: {
    name: { column: 'name', kind: 'text' },
    type: { column: 'type', kind: 'text' },
    zoneId: { column: 'zone_id', kind: 'int' },
    sortOrder: { column: 'sort_order', kind: 'int' },
  },
};

export interface WorkGroupRow {
  id: number;
  name: string;
  leaderName: string;
}

export const workGroupsTable: TableSpec<WorkGroupRow> = {
  entity: 'workGroup',
  table: 'work_groups',
  columns: {
    name: { column: 'name', kind: 'text' },
    leaderName: { column: 'leader_name', kind: 'text' },
  },
  derived: initialsOfName,
};

export type InstructorRow = Instructor;

const t = (column: string) => ({ column, kind: 'text' }) as const;
const i = (column: string) => ({ column, kind: 'int' }) as const;
const r = (column: string) => ({ column, kind: 'real' }) as const;
const b = (column: string) => ({ column, kind: 'bool' }) as const;

export const enterprisesTable: TableSpec<Enterprise> = {
  entity: 'enterprise',
  table: 'enterprises',
  columns: {
    name: t('name'),
    uscc: t('uscc'),
    regNo: t('reg_no'),
    kind: t('kind'),
    ownership: t('ownership'),
    ownershipNote: t('ownership_note'),
    industry: t('industry'),
    aboveScale: b('above_scale'),
    controlType: t('control_type'),
    areaId: i('area_id'),
    address: t('address'),
    foundedOn: t('founded_on'),
    operatingStatus: t('operating_status'),
    statusSince: t('status_since'),
    revenue: r('revenue'),
    payroll: r('payroll'),
    employees: i('employees'),
    youngEmployees: i('young_employees'),
    ownerName: t('owner_name'),
    ownerIsMember: b('owner_is_member'),
    ownerIsSecretary: b('owner_is_secretary'),
    ownerIsDeputy: b('owner_is_deputy'),
    contactName: t('contact_name'),
    contactPhone: t('contact_phone'),
    fullMembers: i('full_members'),
    probationaryMembers: i('probationary_members'),
    activists: i('activists'),
    membersInEnterprise: i('members_in_enterprise'),
    membersInTalentAgency: i('members_in_talent_agency'),
    membersAtOrigin: i('members_at_origin'),
    membersTemporary: i('members_temporary'),
    membersFloating: i('members_floating'),
    rosterKept: b('roster_kept'),
    partyOrgId: i('party_org_id'),
    orgSetting: t('org_setting'),
    noOrgReason: t('no_org_reason'),
    formationDirection: t('formation_direction'),
    hasVenue: b('has_venue'),
    venueArea: r('venue_area'),
    fundingInBudget: b('funding_in_budget'),
    hasUnion: b('has_union'),
    hasYouthLeague: b('has_youth_league'),
    hasWomenFederation: b('has_women_federation'),
    workGroupId: i('work_group_id'),
    instructorId: i('instructor_id'),
    leaderId: i('leader_id'),
    associationId: i('association_id'),
    leadEnterpriseId: i('lead_enterprise_id'),
    keyCultivation: b('key_cultivation'),
    starRating: i('star_rating'),
    note: t('note'),
    surveyedOn: t('surveyed_on'),
    createdAt: t('created_at'),
    updatedAt: t('updated_at'),
  },
  touch: { created: 'createdAt', updated: 'updatedAt' },
  derived: {
    columns: ['name_initials', 'name_grams', 'size_band'],
    compute: (e) => [pinyinInitials(e.name), nameGrams(e.name), sizeBand(e.employees, e.revenue)],
  },
};

export const instructorsTable: TableSpec<InstructorRow> = {
  entity: 'instructor',
  table: 'instructors',
  columns: {
    name: t('name'),
    position: t('position'),
    phone: t('phone'),
    fullTime: b('full_time'),
    source: t('source'),
    appointedOn: t('appointed_on'),
  },
  derived: initialsOfName,
};

export const partyOrgsTable: TableSpec<PartyOrg> = {
  entity: 'partyOrg',
  table: 'party_orgs',
  columns: {
    name: t('name'),
    type: t('type'),
    host: t('host'),
    areaId: i('area_id'),
    formationMethod: t('formation_method'),
    foundedOn: t('founded_on'),
    approvalNo: t('approval_no'),
    secretaryName: t('secretary_name'),
    secretarySource: t('secretary_source'),
    secretaryRole: t('secretary_role'),
    secretaryPhone: t('secretary_phone'),
    committeeMembers: t('committee_members'),
    partyWorkers: t('party_workers'),
    superiorOrgId: i('superior_org_id'),
    termStartedOn: t('term_started_on'),
    note: t('note'),
    createdAt: t('created_at'),
    updatedAt: t('updated_at'),
  },
  touch: { created: 'createdAt', updated: 'updatedAt' },
  derived: initialsOfName,
};

export const formationStepsTable: TableSpec<FormationStep> = {
  entity: 'formationStep',
  table: 'formation_steps',
  columns: { orgId: i('org_id'), step: t('step'), doneOn: t('done_on'), docNo: t('doc_no'), note: t('note') },
};

/** An attachment's description; its content lives in attachment_blobs under its SHA-256 and is never logged. */
export interface AttachmentRow {
  id: number;
  formationStepId: number | null;
  workLogId: number | null;
  fileName: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  addedAt: string;
}

export const attachmentsTable: TableSpec<AttachmentRow> = {
  entity: 'attachment',
  table: 'attachments',
  columns: {
    formationStepId: i('formation_step_id'),
    workLogId: i('work_log_id'),
    fileName: t('file_name'),
    mime: t('mime'),
    size: i('size'),
    sha256: t('sha256'),
    addedAt: t('added_at'),
  },
  touch: { created: 'addedAt' },
};

export const membersTable: TableSpec<Member> = {
  entity: 'member',
  table: 'party_members',
  columns: {
    enterpriseId: i('enterprise_id'),
    name: t('name'),
    gender: t('gender'),
    birthMonth: t('birth_month'),
    education: t('education'),
    joinedOn: t('joined_on'),
    status: t('status'),
    location: t('location'),
    position: t('position'),
    phone: t('phone'),
    idNumber: t('id_number'),
    note: t('note'),
    createdAt: t('created_at'),
    updatedAt: t('updated_at'),
  },
  touch: { created: 'createdAt', updated: 'updatedAt' },
  derived: initialsOfName,
};

export const assignmentsTable: TableSpec<InstructorAssignment> = {
  entity: 'assignment',
  table: 'instructor_assignments',
  columns: {
    instructorId: i('instructor_id'),
    enterpriseId: i('enterprise_id'),
    startedOn: t('started_on'),
    endedOn: t('ended_on'),
    note: t('note'),
  },
};

export const trainingsTable: TableSpec<Training> = {
  entity: 'training',
  table: 'instructor_trainings',
  columns: {
    instructorId: i('instructor_id'),
    heldOn: t('held_on'),
    title: t('title'),
    organiser: t('organiser'),
    hours: r('hours'),
    note: t('note'),
  },
};

export const leadersTable: TableSpec<Leader> = {
  entity: 'leader',
  table: 'leaders',
  columns: { name: t('name'), position: t('position'), phone: t('phone'), note: t('note') },
  derived: initialsOfName,
};

export const workGroupMembersTable: TableSpec<WorkGroupMember> = {
  entity: 'workGroupMember',
  table: 'work_group_members',
  columns: { workGroupId: i('work_group_id'), name: t('name'), position: t('position'), phone: t('phone') },
};

export const workLogsTable: TableSpec<WorkLog> = {
  entity: 'workLog',
  table: 'work_logs',
  columns: {
    enterpriseId: i('enterprise_id'),
    heldOn: t('held_on'),
    kind: t('kind'),
    instructorId: i('instructor_id'),
    participants: t('participants'),
    content: t('content'),
    problems: t('problems'),
    resolution: t('resolution'),
    suggestions: i('suggestions'),
    problemsSolved: i('problems_solved'),
    followUpOn: t('follow_up_on'),
    followUpDone: b('follow_up_done'),
    createdAt: t('created_at'),
    updatedAt: t('updated_at'),
  },
  touch: { created: 'createdAt', updated: 'updatedAt' },
};

/** Every table the change log writes, by the entity name it logs: undo finds its way back through this. */
/** The 工作覆盖 rule and the reporting date live in the settings row, edited apart from the township's names. */
export interface StatsSettingsRow {
  id: number;
  partyWorkMonths: number;
  partyWorkNeedsInstructor: boolean;
  reportingOn: string | null;
}

export const statsSettingsTable: TableSpec<StatsSettingsRow> = {
  entity: 'statsSettings',
  table: 'ledger_settings',
  columns: {
    partyWorkMonths: i('party_work_months'),
    partyWorkNeedsInstructor: b('party_work_needs_instructor'),
    reportingOn: t('reporting_on'),
  },
};

/** Conditions are stored as JSON text, which is also how the change log shows an edit to them. */
export interface IndicatorRow {
  id: number;
  key: string;
  name: string;
  denominator: string;
  numerator: string;
  target: number | null;
  note: string;
  enabled: boolean;
  builtin: boolean;
  sortOrder: number;
}

export const indicatorsTable: TableSpec<IndicatorRow> = {
  entity: 'indicator',
  table: 'indicators',
  columns: {
    key: t('key'),
    name: t('name'),
    denominator: t('denominator'),
    numerator: t('numerator'),
    target: r('target'),
    note: t('note'),
    enabled: b('enabled'),
    builtin: b('builtin'),
    sortOrder: i('sort_order'),
  },
};

export interface CampaignRow {
  id: number;
  name: string;
  startOn: string;
  endOn: string;
  note: string;
  /** JSON object: indicator key → target rate. */
  targets: string;
}

export const campaignsTable: TableSpec<CampaignRow> = {
  entity: 'campaign',
  table: 'campaigns',
  columns: { name: t('name'), startOn: t('start_on'), endOn: t('end_on'), note: t('note'), targets: t('targets') },
};

export const campaignPhasesTable: TableSpec<CampaignPhase> = {
  entity: 'campaignPhase',
  table: 'campaign_phases',
  columns: {
    campaignId: i('campaign_id'),
    name: t('name'),
    startOn: t('start_on'),
    endOn: t('end_on'),
    sortOrder: i('sort_order'),
  },
};

/** 具体措施 are stored as a JSON array of strings, which is also how the change log shows an edit to them. */
export type PlanRow = Omit<Plan, 'measures'> & { measures: string };

export const plansTable: TableSpec<PlanRow> = {
  entity: 'plan',
  table: 'plans',
  columns: {
    enterpriseId: i('enterprise_id'),
    campaignId: i('campaign_id'),
    year: i('year'),
    status: t('status'),
    situation: t('situation'),
    problems: t('problems'),
    method: t('method'),
    measures: t('measures'),
    workGroupId: i('work_group_id'),
    responsible: t('responsible'),
    startOn: t('start_on'),
    approvedOn: t('approved_on'),
    doneOn: t('done_on'),
    shelvedReason: t('shelved_reason'),
    note: t('note'),
    createdAt: t('created_at'),
    updatedAt: t('updated_at'),
  },
  touch: { created: 'createdAt', updated: 'updatedAt' },
};

export const milestonesTable: TableSpec<Milestone> = {
  entity: 'milestone',
  table: 'plan_milestones',
  columns: {
    planId: i('plan_id'),
    name: t('name'),
    dueOn: t('due_on'),
    doneOn: t('done_on'),
    sortOrder: i('sort_order'),
  },
};

/** Scores and hard indicators flat, one column each; total and grade derived by the service and stored to sort. */
export interface AssessmentRecord extends Scores, HardChecks {
  id: number;
  enterpriseId: number;
  year: number;
  total: number;
  grade: Grade;
  assessedOn: string | null;
  note: string;
}

export const assessmentsTable: TableSpec<AssessmentRecord> = {
  entity: 'assessment',
  table: 'assessments',
  columns: {
    enterpriseId: i('enterprise_id'),
    year: i('year'),
    production: r('production'),
    growth: r('growth'),
    ecology: r('ecology'),
    labour: r('labour'),
    culture: r('culture'),
    responsibility: r('responsibility'),
    partyBuilding: r('party_building'),
    hasOrg: b('has_org'),
    hasVenue: b('has_venue'),
    fundingInBudget: b('funding_in_budget'),
    noViolation: b('no_violation'),
    total: r('total'),
    grade: t('grade'),
    assessedOn: t('assessed_on'),
    note: t('note'),
  },
};

/** A 公文 as stored: its content is GongwenContent JSON (validated by the contract on the way in and out). */
export interface DocumentRecord {
  id: number;
  source: DocSource;
  kind: DocKind;
  content: string;
  title: string;
  docCode: string | null;
  year: number | null;
  seq: number | null;
  number: string | null;
  issuedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string;
  status: DocStatus;
  enterpriseId: number | null;
  planId: number | null;
  campaignId: number | null;
  actor: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The order of the columns matters: the change log writes a record's fields in this order and undoes them in the
 * reverse, and the table's CHECKs hold after every single write — so the number and the withdrawal come before the
 * status they justify.
 */
export const documentsTable: TableSpec<DocumentRecord> = {
  entity: 'document',
  table: 'documents',
  columns: {
    source: t('source'),
    kind: t('kind'),
    content: t('content'),
    title: t('title'),
    docCode: t('doc_code'),
    year: i('year'),
    seq: i('seq'),
    number: t('number'),
    issuedAt: t('issued_at'),
    withdrawnAt: t('withdrawn_at'),
    withdrawReason: t('withdraw_reason'),
    status: t('status'),
    enterpriseId: i('enterprise_id'),
    planId: i('plan_id'),
    campaignId: i('campaign_id'),
    actor: t('actor'),
    createdAt: t('created_at'),
    updatedAt: t('updated_at'),
  },
  touch: { created: 'createdAt', updated: 'updatedAt' },
};

export const TABLES_BY_ENTITY: Readonly<Record<string, TableSpec<{ id: number }>>> = Object.fromEntries(
  [
    settingsTable,
    statsSettingsTable,
    indicatorsTable,
    campaignsTable,
    campaignPhasesTable,
    plansTable,
    milestonesTable,
    assessmentsTable,
    zonesTable,
    areasTable,
    workGroupsTable,
    enterprisesTable,
    instructorsTable,
    partyOrgsTable,
    formationStepsTable,
    attachmentsTable,
    membersTable,
    assignmentsTable,
    trainingsTable,
    leadersTable,
    workGroupMembersTable,
    workLogsTable,
    documentsTable,
  ].map((spec) => [spec.entity, spec as unknown as TableSpec<{ id: number }>]),
);
