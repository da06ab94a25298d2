import type { Enterprise } from '../../../shared/domain/enterprise';
import type { Area, LedgerSettings } from '../../../shared/domain/ledger';
import type { Instructor } from '../../../shared/domain/lookups';
import { sizeBand } from '../../../shared/domain/sizeBand';
import { nameGrams } from '../search/nameGrams';
import { pinyinInitials } from '../search/pinyinKeys';
import type { TableSpec } from './tableSpec';

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
    orgSetting: t('org_setting'),
    partyOrgName: t('party_org_name'),
    superiorOrgName: t('superior_org_name'),
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
};

/** Every table the change log writes, by the entity name it logs: undo finds its way back through this. */
export const TABLES_BY_ENTITY: Readonly<Record<string, TableSpec<{ id: number }>>> = Object.fromEntries(
  [settingsTable, zonesTable, areasTable, workGroupsTable, enterprisesTable, instructorsTable].map((spec) => [
    spec.entity,
    spec as unknown as TableSpec<{ id: number }>,
  ]),
);
