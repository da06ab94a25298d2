import type { FormationMethod } from '../../../shared/domain/labels';
import type { PlanDetail } from '../../../shared/domain/plans';
import type { PlanInput } from '../../../shared/ipc/plans';
import { today } from './planLabels';

/** One 节点 as the form holds it: a new one has no id and may have blank dates while typed. */
export interface MilestoneValue {
  id?: number;
  name: string;
  dueOn: string | null;
  doneOn: string | null;
}

export interface PlanFormValues {
  enterpriseId?: number;
  campaignId: number | null;
  year: number | null;
  startOn?: string;
  situation: string;
  problems: string;
  method: FormationMethod | null;
  measures: string[];
  workGroupId: number | null;
  responsible: string;
  note: string;
  milestones: MilestoneValue[];
}

type FieldName = keyof PlanFormValues;

const FIELDS: FieldName[] = [
  'enterpriseId',
  'campaignId',
  'year',
  'startOn',
  'situation',
  'problems',
  'method',
  'measures',
  'workGroupId',
  'responsible',
  'note',
  'milestones',
];

export function blankPlan(enterpriseId?: number): PlanFormValues {
  return {
    enterpriseId,
    campaignId: null,
    year: new Date().getFullYear(),
    startOn: today(),
    situation: '',
    problems: '',
    method: null,
    measures: [],
    workGroupId: null,
    responsible: '',
    note: '',
    milestones: [],
  };
}

export function valuesOf(p: PlanDetail): PlanFormValues {
  return {
    enterpriseId: p.enterpriseId,
    campaignId: p.campaignId,
    year: p.year,
    startOn: p.startOn,
    situation: p.situation,
    problems: p.problems,
    method: p.method,
    measures: [...p.measures],
    workGroupId: p.workGroupId,
    responsible: p.responsible,
    note: p.note,
    milestones: p.milestones.map((m) => ({ id: m.id, name: m.name, dueOn: m.dueOn, doneOn: m.doneOn })),
  };
}

/**
 * What plans:save is sent. A measure line left blank is dropped rather than refused: the clerk added a line and
 * did not need it. Everything else goes as typed, for the contract to judge.
 */
export function inputOf(v: PlanFormValues): PlanInput {
  return {
    enterpriseId: v.enterpriseId as number,
    campaignId: v.campaignId ?? null,
    year: v.year as number,
    startOn: v.startOn as string,
    situation: v.situation ?? '',
    problems: v.problems ?? '',
    method: v.method ?? null,
    measures: (v.measures ?? []).map((m) => m.trim()).filter((m) => m !== ''),
    workGroupId: v.workGroupId ?? null,
    responsible: v.responsible ?? '',
    note: v.note ?? '',
    milestones: (v.milestones ?? []).map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      name: m.name,
      dueOn: m.dueOn as string,
      doneOn: m.doneOn ?? null,
    })),
  };
}

/**
 * The form field a refusal of the core belongs to: `input.milestones.2.dueOn` → `milestones` (the table shows the
 * message under itself), `measures` as plans:transition names it → `measures`; null when the form has none.
 */
export function fieldOf(apiField: string | undefined): FieldName | null {
  const name = apiField?.replace(/^input\./, '').split('.')[0] as FieldName | undefined;
  return name && FIELDS.includes(name) ? name : null;
}
