import type { Enterprise } from '../../../shared/domain/enterprise';
import type { EnterpriseFields } from '../../../shared/domain/enterpriseInput';
import { enterpriseFieldText } from '../../../shared/domain/fieldText';
import type { Condition, SetClause } from '../../../shared/domain/indicators';
import { INACTIVE_STATUSES } from '../../../shared/domain/labels';
import { maskPhone } from '../../../shared/domain/masking';
import { SIZE_BANDS, sizeBand, type SizeBand } from '../../../shared/domain/sizeBand';
import type { TemplateOrder, TemplateScope } from '../../../shared/ipc/exports';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { rowFromDb } from '../db/tableSpec';
import { enterprisesTable } from '../db/tables';
import type { FillValue } from '../excel/template/fill';
import { aggregate } from '../reports/aggregate';
import { countIndicators, type CountedIndicator } from '../stats/report';
import { liveSource } from '../stats/source';
import { liveContext, liveIndicators } from './stats';

/**
 * The ledger's figures as a template's columns ask for them: per enterprise (fields in words, names of linked
 * records) or per area (counts from the statistics module, the same numbers as the dashboard and the coverage
 * table). Values are keyed by the sources of shared/excel/templateSources.ts.
 */

/** 企业 and 个体工商户: what the coverage indicators count. */
const COUNTED: SetClause = { fact: 'kind', in: ['enterprise', 'individual'] };
const scopeCondition = (scope: TemplateScope): Condition => (scope === 'enterprises' ? [COUNTED] : []);

interface Names {
  area: string;
  partyOrg: string | null;
  superiorOrg: string | null;
  workGroup: string | null;
  instructor: string | null;
  leader: string | null;
  association: string | null;
  leadEnterprise: string | null;
}

export interface TemplateEnterprise {
  record: Enterprise;
  names: Names;
}

const ENTERPRISE_SQL = (order: string) => `SELECT e.*, a.name AS t_area, p.name AS t_org,
    CASE WHEN p.host = 'locality' THEN p.name ELSE sp.name END AS t_superior, g.name AS t_group,
    i.name AS t_instructor, l.name AS t_leader, ae.name AS t_association, le.name AS t_lead
  FROM enterprises e JOIN areas a ON a.id = e.area_id
    LEFT JOIN party_orgs p ON p.id = e.party_org_id LEFT JOIN party_orgs sp ON sp.id = p.superior_org_id
    LEFT JOIN work_groups g ON g.id = e.work_group_id LEFT JOIN instructors i ON i.id = e.instructor_id
    LEFT JOIN leaders l ON l.id = e.leader_id LEFT JOIN enterprises ae ON ae.id = e.association_id
    LEFT JOIN enterprises le ON le.id = e.lead_enterprise_id
  WHERE e.operating_status NOT IN (SELECT value FROM json_each(?))
    AND (? = 'all' OR e.kind IN ('enterprise', 'individual'))
  ORDER BY ${order}`;

const ORDERS: Record<TemplateOrder, string> = {
  area: 'a.sort_order, a.id, e.name_initials, e.name, e.id',
  ledger: 'e.id',
};

/** The operating enterprises (not 注销/迁出) of the scope, in the chosen order. */
export function templateEnterprises(db: Db, scope: TemplateScope, order: TemplateOrder): TemplateEnterprise[] {
  const sql = ENTERPRISE_SQL(ORDERS[order]);
  const rows = prepared(db, `templates:enterprises:${order}`, () => sql).all(
    JSON.stringify(INACTIVE_STATUSES),
    scope,
  ) as Record<string, unknown>[];
  return rows.map((row) => ({
    record: rowFromDb(enterprisesTable, row),
    names: {
      area: row.t_area as string,
      partyOrg: row.t_org as string | null,
      superiorOrg: row.t_superior as string | null,
      workGroup: row.t_group as string | null,
      instructor: row.t_instructor as string | null,
      leader: row.t_leader as string | null,
      association: row.t_association as string | null,
      leadEnterprise: row.t_lead as string | null,
    },
  }));
}

/** A stored YYYY-MM-DD as a date cell (midnight UTC: ExcelJS writes dates as UTC serials). */
function dateCell(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const DERIVED: Record<string, (e: TemplateEnterprise) => FillValue> = {
  'derived.areaName': (e) => e.names.area,
  'derived.sizeBand': (e) => SIZE_BANDS[sizeBand(e.record.employees, e.record.revenue)],
  'derived.partyOrgName': (e) => e.names.partyOrg,
  'derived.superiorOrgName': (e) => e.names.superiorOrg,
  'derived.workGroup': (e) => e.names.workGroup ?? '未分组',
  'derived.instructor': (e) => e.names.instructor,
  'derived.leader': (e) => e.names.leader,
  'derived.association': (e) => e.names.association,
  'derived.leadEnterprise': (e) => e.names.leadEnterprise,
  'derived.members': (e) => e.record.fullMembers + e.record.probationaryMembers,
};

const DATE_FIELDS = new Set(['foundedOn', 'statusSince', 'surveyedOn']);

/** One enterprise's value for a source key; phones masked (templates have no unmask option). */
export function enterpriseValue(key: string, e: TemplateEnterprise, rowNo: number): FillValue {
  if (key === 'rowNo') return rowNo;
  const derived = Object.hasOwn(DERIVED, key) ? DERIVED[key] : undefined;
  if (derived) return derived(e);
  if (!key.startsWith('field.')) return null;
  const field = key.slice('field.'.length) as keyof EnterpriseFields;
  const value = e.record[field];
  if (value === null || value === undefined || value === '') return null;
  if (field === 'contactPhone') return maskPhone(String(value));
  if (DATE_FIELDS.has(field)) return dateCell(String(value));
  if (typeof value === 'number') return value;
  // Labels for codes, 是/否 for flags; references are offered as derived.* sources, not here.
  return enterpriseFieldText(field, value, () => null);
}

/** Every area's figures and the township's, by source key. */
export interface AreaFigures {
  areas: { id: number; name: string }[];
  byArea: Map<number, Map<string, number | null>>;
  total: Map<string, number | null>;
}

const BANDS = Object.keys(SIZE_BANDS) as SizeBand[];

function countColumns(scope: TemplateScope): CountedIndicator[] {
  const base = scopeCondition(scope);
  const withMembers: Condition = [...base, { fact: 'members', min: 1, max: null }];
  const columns: [string, Condition][] = [
    ['stat.enterprises', base],
    ...BANDS.map((b): [string, Condition] => [`stat.band.${b}`, [...base, { fact: 'sizeBand', in: [b] }]]),
    ['stat.orgs', [...base, { fact: 'hasOrg', is: true }]],
    ...(['standalone', 'joint', 'attached'] as const).map((s): [string, Condition] => [
      `stat.orgs.${s}`,
      [...base, { fact: 'orgSetting', in: [s] }],
    ]),
    ['stat.noOrg', [...base, { fact: 'hasOrg', is: false }]],
    ['stat.withMembers', withMembers],
    ['stat.membersNoOrg', [...withMembers, { fact: 'hasOrg', is: false }]],
  ];
  return columns.map(([key, condition]) => ({
    key,
    name: key,
    denominator: condition,
    numerator: [],
    target: null,
    note: '',
  }));
}

/**
 * The per-area figures: counts through countIndicators (each count an indicator whose denominator is its
 * condition), member sums through the statistics compiler, and each enabled indicator's breakdown by area.
 */
export function templateAreaFigures(db: Db, scope: TemplateScope, today: string): AreaFigures {
  const ctx = liveContext(db, today);
  const counted = countIndicators(db, liveSource, countColumns(scope), ctx);
  const indicators = countIndicators(db, liveSource, liveIndicators(db), ctx);
  const base = scopeCondition(scope);
  const sumKeys = ['stat.fullMembers', 'stat.probationaryMembers', 'stat.members'];
  const sums = aggregate(
    db,
    (['fullMembers', 'probationaryMembers', 'members'] as const).map((sum) => ({ condition: base, measure: { sum } })),
    ctx,
    'area',
  );
  const areas = liveSource.labels(db).areas.map((a) => ({ id: Number(a.key), name: a.label }));
  const byArea = new Map<number, Map<string, number | null>>();
  const total = new Map<string, number | null>();
  for (const a of areas) byArea.set(a.id, new Map());
  const put = (areaKey: string, key: string, value: number | null) => byArea.get(Number(areaKey))?.set(key, value);
  for (const c of counted) {
    total.set(c.key, c.denominator);
    for (const a of areas) put(String(a.id), c.key, 0);
    for (const b of c.breakdowns.area) put(b.key, c.key, b.denominator);
  }
  sumKeys.forEach((key, i) => {
    let sum = 0;
    for (const a of areas) {
      const v = sums.get(String(a.id))?.[i] ?? 0;
      put(String(a.id), key, v);
      sum += v;
    }
    total.set(key, sum);
  });
  for (const ind of indicators) {
    const k = `indicator.${ind.key}`;
    total.set(`${k}.denominator`, ind.denominator).set(`${k}.numerator`, ind.numerator).set(`${k}.rate`, ind.rate);
    for (const a of areas) {
      const b = ind.breakdowns.area.find((x) => x.key === String(a.id));
      put(String(a.id), `${k}.denominator`, b?.denominator ?? 0);
      put(String(a.id), `${k}.numerator`, b?.numerator ?? 0);
      put(String(a.id), `${k}.rate`, b?.rate ?? null);
    }
  }
  return { areas, byArea, total };
}
