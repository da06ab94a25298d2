import type { PlanAction, PlanStatus } from '../../shared/domain/plans';

/** The kinds of work the crash harness interrupts. */
export const KINDS = ['import', 'bulk', 'plan', 'backup', 'migration'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  import: '导入',
  bulk: '批量修改',
  plan: '方案流转',
  backup: '备份',
  migration: '升级旧台账',
};

/** What the parent prepared for a trial, written as setup.json beside the ledger and read by the child. */
export interface Setup {
  kind: Kind;
  ledger: string;
  /** bulk: every enterprise is moved between these areas, all at once. */
  areaIds: number[];
  enterpriseIds: number[];
  /** import: the village named in every imported row. */
  areaName: string;
  /** plan: the one plan taken round its workflow. */
  planId: number;
  /** migration: a pristine version-3 ledger the child copies and opens, again and again. */
  oldLedger: string;
}

/**
 * One line the child prints on stdout after an operation's handler returned ok — that is, after its transaction
 * committed with synchronous=FULL. Every acknowledged change must survive the kill.
 */
export type Ack =
  | { op: 'import'; seq: number; names: string[] }
  | { op: 'bulk'; seq: number; areaId: number }
  | { op: 'plan'; seq: number; status: PlanStatus }
  /** A bulk edit to bulkArea(seq), then a backup (`file`, its name in the backup folder) holding it. */
  | { op: 'backup'; seq: number; areaId: number; file: string }
  | { op: 'migration'; seq: number; file: string };

/** Rows per imported batch; each batch is one import, so one transaction. */
export const IMPORT_ROWS = 40;

export const importName = (seq: number, row: number): string => `断电批次${seq}第${row}号机械有限公司`;
/** A LIKE pattern matching exactly the names of batch `seq`. */
export const importPattern = (seq: number): string => `断电批次${seq}第%号机械有限公司`;

/** bulk: operation `seq` (from 1) moves everyone to areaIds[seq % 3]; before the first, all are in areaIds[0]. */
export const bulkArea = (areaIds: number[], seq: number): number => areaIds[seq % areaIds.length]!;

/** plan: the workflow round the plan is taken, and where each step leaves it. It starts as 草拟. */
export const PLAN_CYCLE: { action: PlanAction; to: PlanStatus }[] = [
  { action: 'submit', to: 'submitted' },
  { action: 'approve', to: 'approved' },
  { action: 'start', to: 'in_progress' },
  { action: 'shelve', to: 'shelved' },
  { action: 'resume', to: 'draft' },
];

export const planStatusAfter = (seq: number): PlanStatus =>
  seq === 0 ? 'draft' : PLAN_CYCLE[(seq - 1) % PLAN_CYCLE.length]!.to;

export const migrationFile = (seq: number): string => `升级${seq}.yqyc`;
