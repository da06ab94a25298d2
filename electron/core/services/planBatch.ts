import { PLAN_STATUSES } from '../../../shared/domain/plans';
import type { BatchResult } from '../../../shared/ipc/plans';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { campaignName } from '../db/repos/campaigns';
import { getEnterprise } from '../db/repos/enterprises';
import { formationCandidates } from '../db/repos/formation';
import { openPlanOf } from '../db/repos/plans';
import { milestonesTable, plansTable } from '../db/tables';
import { AppError } from '../errors';
import { prefillOf } from './planPrefill';

export interface BatchRequest {
  campaignId: number | null;
  year: number;
  startOn: string;
  /** Absent: every enterprise of the 有党员未建党组织企业名册. */
  enterpriseIds?: number[] | undefined;
}

/**
 * One pre-filled 草拟 plan per enterprise — the named ones, or the whole 有党员未建党组织 list (the same candidates as
 * the formation register) — all in one step, so one 撤销 takes the batch back. An enterprise that already has an
 * open plan in this campaign (or this year, outside campaigns) is left out and listed with why.
 */
export function batchCreatePlans(db: Db, writer: Writer, req: BatchRequest): BatchResult {
  const campaign = req.campaignId === null ? null : campaignName(db, req.campaignId);
  if (req.campaignId !== null && campaign === null) {
    throw new AppError('VALIDATION', '所选专项行动已不存在，请重新选择', 'campaignId');
  }
  const ids = req.enterpriseIds
    ? [...new Set(req.enterpriseIds)]
    : formationCandidates(db, 'members-no-org', {}).map((c) => c.id);
  const skipped: BatchResult['skipped'] = [];
  const todo = ids.flatMap((id) => {
    const e = getEnterprise(db, id);
    if (!e) {
      skipped.push({ enterpriseId: id, name: `编号${id}`, reason: '企业已不存在（可能已被删除）' });
      return [];
    }
    const open = openPlanOf(db, id, req.campaignId, req.year, null);
    if (open) {
      const scope = campaign === null ? `${req.year}年度` : '本专项行动中';
      const reason = `${scope}已有未完成的方案（编号${open.id}，${PLAN_STATUSES[open.status]}）`;
      skipped.push({ enterpriseId: id, name: e.name, reason });
      return [];
    }
    return [{ enterprise: e, prefill: prefillOf(e, req.startOn) }];
  });
  if (todo.length > 0) {
    const scope = campaign === null ? `${req.year}年度` : `专项行动“${campaign}”`;
    write(db, writer, `批量生成${scope}方案（${todo.length}家）`, (tx) => {
      for (const { enterprise, prefill } of todo) {
        const planId = tx.insert(plansTable, {
          enterpriseId: enterprise.id,
          campaignId: req.campaignId,
          year: req.year,
          status: 'draft',
          situation: prefill.situation,
          problems: '',
          method: prefill.method,
          measures: '[]',
          workGroupId: prefill.workGroupId,
          responsible: '',
          startOn: req.startOn,
          approvedOn: null,
          doneOn: null,
          shelvedReason: '',
          note: '',
          createdAt: tx.at,
          updatedAt: tx.at,
        });
        prefill.milestones.forEach((m, sortOrder) =>
          tx.insert(milestonesTable, { planId, name: m.name, dueOn: m.dueOn, doneOn: null, sortOrder }),
        );
      }
    });
  }
  return { created: todo.length, skipped };
}
