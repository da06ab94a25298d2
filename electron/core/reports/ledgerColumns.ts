import type { Enterprise } from '../../../shared/domain/enterprise';
import { ENTERPRISE_FIELD_LABELS as L, type EnterpriseFields } from '../../../shared/domain/enterpriseInput';
import {
  CONTROL_TYPES,
  ENTERPRISE_KINDS,
  FORMATION_METHODS,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  ORG_SETTINGS,
  OWNERSHIPS,
} from '../../../shared/domain/labels';
import { maskPhone } from '../../../shared/domain/masking';
import { SIZE_BANDS, sizeBand } from '../../../shared/domain/sizeBand';
import type { CellValue, ColumnKind, HeaderNode, ReportColumn } from '../../../shared/excel/reportModel';
import { yesNo } from './context';

/** An enterprise with the names of what it points at, as the 台账明细表 reads it. */
export interface LedgerRecord extends Enterprise {
  areaName: string;
  workGroupName: string | null;
  instructorName: string | null;
  leaderName: string | null;
  partyOrgName: string | null;
  superiorOrgName: string | null;
  associationName: string | null;
  leadName: string | null;
}

interface LedgerColumn {
  key: string;
  header: string;
  width: number;
  kind: ColumnKind;
  value: (e: LedgerRecord, unmask: boolean) => CellValue;
}

const label = (labels: Readonly<Record<string, string>>, v: string | null) => (v === null ? null : (labels[v] ?? v));

/** A field's column, headed by the field's own label so the table imports back as it is. */
function field<F extends keyof EnterpriseFields>(
  f: F,
  width: number,
  kind: ColumnKind,
  value?: (e: LedgerRecord) => CellValue,
  unit?: string,
): LedgerColumn {
  return {
    key: f,
    header: unit ? `${L[f]}（${unit}）` : L[f],
    width,
    kind,
    value: value ?? ((e) => e[f] as CellValue),
  };
}

const bool = (f: keyof EnterpriseFields, width = 3) => field(f, width, 'text', (e) => yesNo(e[f] as boolean));

const COLUMNS: LedgerColumn[] = [
  { key: 'no', header: '序号', width: 2, kind: 'int', value: () => null },
  field('name', 12, 'text'),
  field('uscc', 10, 'text'),
  field('regNo', 8, 'text'),
  field('kind', 5, 'text', (e) => ENTERPRISE_KINDS[e.kind]),
  field('ownership', 7, 'text', (e) => label(OWNERSHIPS, e.ownership)),
  field('ownershipNote', 5, 'text'),
  field('industry', 8, 'text', (e) => label(INDUSTRY_SECTIONS, e.industry)),
  bool('aboveScale'),
  field('controlType', 9, 'text', (e) => label(CONTROL_TYPES, e.controlType)),
  field('areaId', 5, 'text', (e) => e.areaName),
  field('address', 12, 'text'),
  field('foundedOn', 5, 'date'),
  field('operatingStatus', 3, 'text', (e) => OPERATING_STATUSES[e.operatingStatus]),
  field('statusSince', 5, 'date'),
  field('employees', 3, 'int'),
  field('youngEmployees', 3, 'int'),
  field('revenue', 4, 'amount', undefined, '万元'),
  field('payroll', 4, 'amount', undefined, '万元'),
  {
    key: 'sizeBand',
    header: '规模类别',
    width: 6,
    kind: 'text',
    value: (e) => {
      const band = sizeBand(e.employees, e.revenue);
      return band === 'unknown' ? SIZE_BANDS.unknown : `${band}类`;
    },
  },
  field('ownerName', 4, 'text'),
  bool('ownerIsMember'),
  bool('ownerIsSecretary'),
  bool('ownerIsDeputy'),
  field('contactName', 4, 'text'),
  {
    key: 'contactPhone',
    header: L.contactPhone,
    width: 6,
    kind: 'text',
    value: (e, unmask) => (unmask ? e.contactPhone : maskPhone(e.contactPhone)),
  },
  field('fullMembers', 3, 'int'),
  field('probationaryMembers', 3, 'int'),
  field('activists', 3, 'int'),
  field('membersInEnterprise', 3, 'int'),
  field('membersInTalentAgency', 3, 'int'),
  field('membersAtOrigin', 3, 'int'),
  field('membersTemporary', 3, 'int'),
  field('membersFloating', 3, 'int'),
  bool('rosterKept'),
  field('orgSetting', 4, 'text', (e) => ORG_SETTINGS[e.orgSetting]),
  field('partyOrgId', 10, 'text', (e) => e.partyOrgName),
  { key: 'superiorOrg', header: '上级党组织', width: 10, kind: 'text', value: (e) => e.superiorOrgName },
  field('noOrgReason', 8, 'text'),
  field('formationDirection', 5, 'text', (e) => label(FORMATION_METHODS, e.formationDirection)),
  bool('hasVenue'),
  field('venueArea', 3, 'amount', undefined, '平方米'),
  bool('fundingInBudget'),
  bool('hasUnion'),
  bool('hasYouthLeague'),
  bool('hasWomenFederation'),
  field('workGroupId', 7, 'text', (e) => e.workGroupName),
  field('instructorId', 4, 'text', (e) => e.instructorName),
  field('leaderId', 4, 'text', (e) => e.leaderName),
  field('associationId', 9, 'text', (e) => e.associationName),
  field('leadEnterpriseId', 9, 'text', (e) => e.leadName),
  bool('keyCultivation'),
  field('starRating', 2, 'int'),
  field('surveyedOn', 5, 'date'),
  field('note', 10, 'text'),
];

export const LEDGER_COLUMNS: ReportColumn[] = COLUMNS.map(({ key, header, width, kind }) => ({
  key,
  header,
  width,
  kind,
}));

const keys = (...k: string[]) => k;

/** 八清 grouped as a clerk reads a survey form: who, how it runs, the owner, the members, the organisation, … */
export const LEDGER_HEADER: HeaderNode[] = [
  'no',
  {
    label: '基本情况',
    children: keys(
      'name',
      'uscc',
      'regNo',
      'kind',
      'ownership',
      'ownershipNote',
      'industry',
      'aboveScale',
      'controlType',
      'areaId',
      'address',
      'foundedOn',
    ),
  },
  {
    label: '经营情况',
    children: keys('operatingStatus', 'statusSince', 'employees', 'youngEmployees', 'revenue', 'payroll', 'sizeBand'),
  },
  {
    label: '业主情况',
    children: keys('ownerName', 'ownerIsMember', 'ownerIsSecretary', 'ownerIsDeputy', 'contactName', 'contactPhone'),
  },
  {
    label: '党员情况',
    children: [
      'fullMembers',
      'probationaryMembers',
      'activists',
      {
        label: '组织关系所在',
        children: keys(
          'membersInEnterprise',
          'membersInTalentAgency',
          'membersAtOrigin',
          'membersTemporary',
          'membersFloating',
        ),
      },
      'rosterKept',
    ],
  },
  {
    label: '党组织情况',
    children: keys(
      'orgSetting',
      'partyOrgId',
      'superiorOrg',
      'noOrgReason',
      'formationDirection',
      'hasVenue',
      'venueArea',
      'fundingInBudget',
    ),
  },
  { label: '群团组织', children: keys('hasUnion', 'hasYouthLeague', 'hasWomenFederation') },
  { label: '工作力量', children: keys('workGroupId', 'instructorId', 'leaderId') },
  {
    label: '其他',
    children: keys('associationId', 'leadEnterpriseId', 'keyCultivation', 'starRating', 'surveyedOn', 'note'),
  },
];

export function ledgerCells(e: LedgerRecord, no: number, unmask: boolean): CellValue[] {
  const cells = COLUMNS.map((c) => c.value(e, unmask));
  cells[0] = no;
  return cells;
}
