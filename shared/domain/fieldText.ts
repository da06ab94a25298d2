import type { EnterpriseFields } from './enterpriseInput';
import {
  CONTROL_TYPES,
  ENTERPRISE_KINDS,
  FORMATION_METHODS,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  ORG_SETTINGS,
  OWNERSHIPS,
} from './labels';

const ENUM_LABELS: Partial<Record<keyof EnterpriseFields, Readonly<Record<string, string>>>> = {
  kind: ENTERPRISE_KINDS,
  ownership: OWNERSHIPS,
  industry: INDUSTRY_SECTIONS,
  controlType: CONTROL_TYPES,
  operatingStatus: OPERATING_STATUSES,
  orgSetting: ORG_SETTINGS,
  formationDirection: FORMATION_METHODS,
};

const UNITS: Partial<Record<keyof EnterpriseFields, string>> = {
  revenue: '万元',
  payroll: '万元',
  employees: '人',
  youngEmployees: '人',
  venueArea: '平方米',
  starRating: '星',
};

/** Fields that hold another record's id; the history shows that record's name. */
export type RefField =
  'areaId' | 'workGroupId' | 'instructorId' | 'leaderId' | 'partyOrgId' | 'associationId' | 'leadEnterpriseId';

const REF_FIELDS: ReadonlySet<string> = new Set<RefField>([
  'areaId',
  'workGroupId',
  'instructorId',
  'leaderId',
  'partyOrgId',
  'associationId',
  'leadEnterpriseId',
]);

/**
 * How one stored value of an enterprise field reads to a clerk in its history: labels for codes, 是/否,
 * units, and names for references (looked up by the caller, who knows the ledger). Blank is null.
 */
export function enterpriseFieldText(
  field: keyof EnterpriseFields,
  value: unknown,
  nameOf: (field: RefField, id: number) => string | null,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (REF_FIELDS.has(field)) {
    return nameOf(field as RefField, Number(value)) ?? `（已删除，编号${String(value)}）`;
  }
  const labels = ENUM_LABELS[field];
  if (labels) return labels[String(value)] ?? String(value);
  return `${String(value)}${UNITS[field] ?? ''}`;
}

/**
 * Fields the ledger once had and the change log still names: 党组织名称 and 上级党组织 were typed text until
 * party organisations became records (migration 3). Their history still reads in words.
 */
export const RETIRED_ENTERPRISE_FIELD_LABELS: Readonly<Record<string, string>> = {
  partyOrgName: '所在党组织名称（旧）',
  superiorOrgName: '上级党组织（旧）',
};
