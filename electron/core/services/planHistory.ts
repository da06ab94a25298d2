import { FORMATION_METHODS } from '../../../shared/domain/labels';
import { PLAN_STATUSES, type Milestone, type Plan } from '../../../shared/domain/plans';
import type { HistoryEntry } from '../../../shared/ipc/enterprises';
import type { ChangeEntry } from '../db/changeLog';
import type { Db } from '../db/open';
import { campaignName } from '../db/repos/campaigns';
import { nameOf } from '../db/repos/lookups';
import { currentMilestones, milestoneIdsEver, planChanges } from '../db/repos/plans';

/** How a plan's fields read in its history. */
export const PLAN_FIELD_LABELS: Readonly<Record<Exclude<keyof Plan, 'id' | 'createdAt' | 'updatedAt'>, string>> = {
  enterpriseId: '企业',
  campaignId: '专项行动',
  year: '年度',
  status: '状态',
  situation: '现状',
  problems: '存在问题',
  method: '组建对策',
  measures: '具体措施',
  workGroupId: '责任推进组',
  responsible: '责任人',
  startOn: '开始日期',
  approvedOn: '审批日期',
  doneOn: '完成日期',
  shelvedReason: '搁置原因',
  note: '备注',
};

const MILESTONE_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '名称',
  dueOn: '期限',
  doneOn: '完成日期',
  sortOrder: '顺序',
};

const blank = (v: unknown) => v === null || v === undefined || v === '';

function planValueText(db: Db, field: string, value: unknown): string | null {
  if (blank(value)) return null;
  switch (field) {
    case 'status':
      return PLAN_STATUSES[value as keyof typeof PLAN_STATUSES] ?? String(value);
    case 'method':
      return FORMATION_METHODS[value as keyof typeof FORMATION_METHODS] ?? String(value);
    case 'measures': {
      // Stored as JSON text; each measure on its own numbered line reads like the plan sheet.
      const list = JSON.parse(String(value)) as string[];
      return list.length === 0 ? null : list.map((m, i) => `${i + 1}. ${m}`).join('\n');
    }
    case 'workGroupId':
      return nameOf(db, 'work_groups', Number(value)) ?? `（已删除，编号${String(value)}）`;
    case 'enterpriseId':
      return nameOf(db, 'enterprises', Number(value)) ?? `（已删除，编号${String(value)}）`;
    case 'campaignId':
      return campaignName(db, Number(value)) ?? `（已删除，编号${String(value)}）`;
    default:
      return String(value);
  }
}

/**
 * The milestone entries that are this plan's, each with the milestone's name. SQLite gives a deleted row's id to
 * the next row when it was the highest, so one milestone id may have served several plans in turn: its log is cut
 * into lives, each ending at a delete (whose logged record names the plan) or running on to the row as it is now.
 */
function ownMilestoneEntries(db: Db, planId: number, entries: ChangeEntry[]): Map<ChangeEntry, string> {
  const now = new Map(currentMilestones(db, [...new Set(entries.map((e) => e.entityId))]).map((m) => [m.id, m]));
  const byId = new Map<number, ChangeEntry[]>();
  // Oldest first, to walk each milestone's lives in order.
  for (const c of [...entries].reverse()) byId.set(c.entityId, [...(byId.get(c.entityId) ?? []), c]);
  const own = new Map<ChangeEntry, string>();
  for (const [id, log] of byId) {
    let life: ChangeEntry[] = [];
    const close = (owner: number | undefined, lastName: string | undefined) => {
      if (owner === planId) {
        // The name it had at the end of that life (or has now), which is how the clerk knows it.
        for (const c of life) own.set(c, lastName ?? String(id));
      }
      life = [];
    };
    for (const c of log) {
      life.push(c);
      if (c.op === 'delete') {
        const was = c.oldValue as Milestone;
        close(was.planId, was.name);
      }
    }
    if (life.length > 0) close(now.get(id)?.planId, now.get(id)?.name);
  }
  return own;
}

/** A plan's history and its milestones' (also deleted ones), newest first, in words. */
export function planHistory(db: Db, id: number): HistoryEntry[] {
  const changes = planChanges(db, id, milestoneIdsEver(db, id));
  const milestones = ownMilestoneEntries(
    db,
    id,
    changes.filter((c) => c.entity === 'milestone'),
  );
  return changes.flatMap((c): HistoryEntry[] => {
    const base = { batchId: c.batchId, at: c.at, actor: c.actor, action: c.action, op: c.op, field: c.field };
    if (c.entity === 'milestone') {
      const name = milestones.get(c);
      if (name === undefined) return [];
      const node = `节点“${name}”`;
      const text = (v: unknown) => (blank(v) ? null : String(v));
      return [
        {
          ...base,
          fieldLabel: c.field === null ? node : `${node}${MILESTONE_FIELD_LABELS[c.field] ?? c.field}`,
          oldText: c.op === 'update' ? text(c.oldValue) : null,
          newText: c.op === 'update' ? text(c.newValue) : null,
        },
      ];
    }
    return [
      {
        ...base,
        fieldLabel: c.field === null ? null : (PLAN_FIELD_LABELS[c.field as keyof typeof PLAN_FIELD_LABELS] ?? c.field),
        oldText: c.op === 'update' && c.field ? planValueText(db, c.field, c.oldValue) : null,
        newText: c.op === 'update' && c.field ? planValueText(db, c.field, c.newValue) : null,
      },
    ];
  });
}
