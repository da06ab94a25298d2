import { GRADES, type Grade } from '../../../../shared/domain/assessments';
import {
  ENTERPRISE_KINDS,
  FORMATION_METHODS,
  INDUSTRY_SECTIONS,
  OPERATING_STATUSES,
  ORG_SETTINGS,
  OWNERSHIPS,
  PARTY_ORG_TYPES,
  type FormationMethod,
  type PartyOrgType,
} from '../../../../shared/domain/labels';
import { maskPhone } from '../../../../shared/domain/masking';
import { PLAN_STATUSES, type PlanStatus } from '../../../../shared/domain/plans';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { ledgerIds, ledgerRecords } from '../../reports/ledger';
import type { LedgerRecord } from '../../reports/ledgerColumns';
import type { CardField, LedgerCard, PlanSheet } from './model';
import { planSheetOf } from './planData';
import { bandOf, count, namesCut } from './text';

/** What a card shows beyond the 台账明细表's record: the organisation's type and 书记, the latest 双强 and plan. */
interface CardExtras {
  id: number;
  orgType: PartyOrgType | null;
  secretary: string | null;
  secretaryPhone: string | null;
  committee: string | null;
  grade: Grade | null;
  gradeYear: number | null;
  planStatus: PlanStatus | null;
  planMethod: FormationMethod | null;
  planYear: number | null;
}

const EXTRAS_SQL = `SELECT e.id, p.type AS orgType, p.secretary_name AS secretary, p.secretary_phone AS secretaryPhone,
    p.committee_members AS committee, s.grade, s.year AS gradeYear, pl.status AS planStatus, pl.method AS planMethod,
    pl.year AS planYear
  FROM json_each(?) j JOIN enterprises e ON e.id = j.value LEFT JOIN party_orgs p ON p.id = e.party_org_id
    LEFT JOIN assessments s ON s.id = (SELECT x.id FROM assessments x WHERE x.enterprise_id = e.id
      ORDER BY x.year DESC, x.id DESC LIMIT 1)
    LEFT JOIN plans pl ON pl.id = (SELECT y.id FROM plans y WHERE y.enterprise_id = e.id
      ORDER BY y.year DESC, y.id DESC LIMIT 1)`;

/** Enterprises read per statement, as the 台账明细表 reads them. */
const CHUNK = 500;

/**
 * The cards of an area (or of chosen enterprises, or all), in ledger order: by area as the settings list them, then
 * by name — the order of the 台账明细表, so a printed batch files beside it.
 */
export function loadLedgerCards(db: Db, scope: { areaId: number | null; enterpriseIds?: number[] }): LedgerCard[] {
  let ids = ledgerIds(db, { areaId: scope.areaId, workGroupId: null, text: '', name: null });
  if (scope.enterpriseIds) {
    const chosen = new Set(scope.enterpriseIds);
    ids = ids.filter((id) => chosen.has(id));
  }
  const cards: LedgerCard[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const extras = new Map(
      (prepared(db, 'print:cardExtras', () => EXTRAS_SQL).all(JSON.stringify(chunk)) as CardExtras[]).map((x) => [
        x.id,
        x,
      ]),
    );
    for (const record of ledgerRecords(db, chunk)) cards.push(cardOf(record, extras.get(record.id)!));
  }
  return cards;
}

export function loadPlanSheet(db: Db, planId: number, today?: string): PlanSheet {
  return planSheetOf(db, planId, today);
}

const label = <K extends string>(labels: Readonly<Record<K, string>>, v: K | null) => (v === null ? '' : labels[v]);
function organisationOf(e: LedgerRecord, x: CardExtras): string {
  if (e.orgSetting === 'none') return e.noOrgReason ? `无（未建原因：${e.noOrgReason}）` : '无';
  const parts = [`有，${ORG_SETTINGS[e.orgSetting]}`];
  if (x.orgType) parts.push(PARTY_ORG_TYPES[x.orgType]);
  if (e.partyOrgName) parts.push(e.partyOrgName);
  return parts.join('\u3000');
}

function secretaryOf(x: CardExtras): string {
  if (!x.secretary) return '';
  const phone = x.secretaryPhone ? `（${maskPhone(x.secretaryPhone)}）` : '';
  const committee = x.committee ? `；委员：${namesCut(x.committee, 6)}` : '';
  return `${x.secretary}${phone}${committee}`;
}

/** 组建方向 for an enterprise without its own organisation, and the 一企一策 plan's state when there is one. */
function directionOf(e: LedgerRecord, x: CardExtras): string {
  const parts: string[] = [];
  if (e.formationDirection) parts.push(`组建方向：${FORMATION_METHODS[e.formationDirection]}`);
  if (x.planStatus) {
    const method = x.planMethod ? `，${FORMATION_METHODS[x.planMethod]}` : '';
    parts.push(`一企一策（${x.planYear}年）：${PLAN_STATUSES[x.planStatus]}${method}`);
  }
  return parts.join('；');
}

function cardOf(e: LedgerRecord, x: CardExtras): LedgerCard {
  const owner = [e.ownerName, e.ownerIsMember ? '（党员）' : ''].join('');
  const contact = [e.contactName, e.contactPhone ? maskPhone(e.contactPhone) : ''].filter(Boolean).join('\u3000');
  const fields: CardField[] = [
    { label: '企业名称', value: e.name, wide: true },
    { label: '统一社会信用代码', value: e.uscc ?? '' },
    { label: '单位类型', value: ENTERPRISE_KINDS[e.kind] },
    { label: '法定代表人/负责人', value: owner },
    { label: '联系人及电话', value: contact },
    { label: '地址', value: e.address, wide: true },
    { label: '行业', value: label(INDUSTRY_SECTIONS, e.industry) },
    { label: '企业性质', value: label(OWNERSHIPS, e.ownership) },
    { label: '经营状况', value: OPERATING_STATUSES[e.operatingStatus] },
    { label: '从业人员', value: e.employees === null ? '不详' : `${e.employees}人` },
    { label: '规模类别', value: bandOf(e), wide: true },
    {
      label: '党员',
      value: `正式${e.fullMembers}名\u3000预备${e.probationaryMembers}名\u3000流动${count(e.membersFloating)}名\u3000入党积极分子${e.activists}名`,
      wide: true,
    },
    { label: '党组织', value: organisationOf(e, x), wide: true },
    { label: '党组织书记', value: secretaryOf(x), wide: true },
    { label: '组织设置', value: ORG_SETTINGS[e.orgSetting] },
    { label: '隶属关系', value: e.superiorOrgName ?? '' },
    { label: '党建工作指导员', value: e.instructorName ?? '' },
    { label: '联系领导', value: e.leaderName ?? '' },
    { label: '推进组', value: e.workGroupName ?? '未分组' },
    { label: '双强评价', value: x.grade ? `${x.gradeYear}年\u3000${GRADES[x.grade]}` : '未评价' },
    { label: '组建方向/一企一策', value: directionOf(e, x), wide: true },
  ];
  return { enterpriseId: e.id, name: e.name, uscc: e.uscc ?? '', areaName: e.areaName, fields, note: e.note };
}
