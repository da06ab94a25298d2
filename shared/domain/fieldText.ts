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

export type RefField = 'areaId' | 'workGroupId' | 'instructorId';

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
  if (field === 'areaId' || field === 'workGroupId' || field === 'instructorId') {
    return nameOf(field, Number(value)) ?? `（已删除，编号${String(value)}）`;
  }
  const labels = ENUM_LABELS[field];
  if (labels) return labels[String(value)] ?? String(value);
  return `${String(value)}${UNITS[field] ?? ''}`;
}
