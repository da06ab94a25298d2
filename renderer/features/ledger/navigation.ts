import { createContext, useContext } from 'react';
import type { IndicatorSelection } from '../../../shared/ipc/stats';

/** The ledger screen's tabs. */
export type LedgerTab =
  | 'dashboard'
  | 'list'
  | 'formation'
  | 'plans'
  | 'campaigns'
  | 'assessments'
  | 'reminders'
  | 'orgs'
  | 'members'
  | 'instructors'
  | 'leaders'
  | 'workGroups'
  | 'workLogs'
  | 'excel'
  | 'documents'
  | 'settings';

/**
 * The live enterprises behind one number of the dashboard, with the words that say which: the ledger list shows them
 * under a closable tag such as 「指标：有党员企业的组织覆盖率 · 未覆盖企业 · 长乐村」. A number of the dashboard scoped
 * to a 专项行动 carries its `campaignId` in the selection and names the campaign in the words
 * (「… · 未覆盖企业 · 专项行动“非公企业党建集中攻坚月”」).
 */
export interface IndicatorFilter {
  selection: IndicatorSelection;
  label: string;
}

/** Records a screen can open from anywhere (a reminder, a link in a detail): the ledger screen switches tab. */
export type OpenTarget =
  | { kind: 'enterprise'; id: number }
  | { kind: 'org'; id: number }
  | { kind: 'member'; id: number }
  | { kind: 'instructor'; id: number }
  | { kind: 'leader'; id: number }
  | { kind: 'workGroup'; id: number }
  | { kind: 'workLog'; id: number }
  | { kind: 'plan'; id: number };

/** 新建方案 for a given enterprise (from its detail): the 一企一策 tab opens a new plan already filled for it. */
export type NewPlanTarget = { kind: 'newPlan'; enterpriseId: number; enterpriseName: string };

/**
 * The 企业台账 tab, narrowed to the enterprises behind a dashboard number (and nothing else). Kept apart from
 * OpenTarget, whose every kind is one record by id.
 */
export type IndicatorTarget = { kind: 'indicator' } & IndicatorFilter;

export interface LedgerNav {
  open(target: OpenTarget | IndicatorTarget | NewPlanTarget): void;
  /** Every change to the ledger's data moves this on; lists and counts re-read when it does. */
  generation: number;
  /** Call after any write so every screen re-reads. */
  changed(): void;
  readOnly: boolean;
}

export const LedgerNavContext = createContext<LedgerNav | null>(null);

export function useLedgerNav(): LedgerNav {
  const nav = useContext(LedgerNavContext);
  if (!nav) throw new Error('useLedgerNav outside the ledger screen');
  return nav;
}
