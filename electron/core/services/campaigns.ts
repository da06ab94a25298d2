import type { z } from 'zod';
import { isOpen, type Campaign, type PlanStatus } from '../../../shared/domain/plans';
import type { campaignInput } from '../../../shared/ipc/plans';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { campaignIdByName, getCampaign, phasesOf, plansInCampaign } from '../db/repos/campaigns';
import { openPlanOf } from '../db/repos/plans';
import { campaignPhasesTable, campaignsTable, plansTable } from '../db/tables';
import { AppError } from '../errors';

export type CampaignValues = z.output<typeof campaignInput>;

const fieldError = (field: string, message: string) => new AppError('VALIDATION', message, `input.${field}`);

function requireCampaign(db: Db, id: number): Campaign {
  const found = getCampaign(db, id);
  if (!found) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的专项行动，可能已被删除`);
  return found;
}

/** The period holds together and every phase lies inside it; refusals name the phase. */
function validate(db: Db, values: CampaignValues, id: number | null): void {
  if (campaignIdByName(db, values.name, id) !== null) {
    throw fieldError('name', `已有名为“${values.name}”的专项行动，请换一个名称`);
  }
  if (values.endOn < values.startOn) {
    throw fieldError('endOn', `结束日期（${values.endOn}）不能早于开始日期（${values.startOn}）`);
  }
  const own = new Set(id === null ? [] : phasesOf(db, id).map((p) => p.id));
  values.phases.forEach((p, i) => {
    const at = (f: string) => `phases.${i}.${f}`;
    if (p.id !== undefined && !own.has(p.id)) {
      throw fieldError(at('id'), `阶段“${p.name}”已不在本专项行动中（可能已被删除），请刷新后重试`);
    }
    if (p.endOn < p.startOn) {
      throw fieldError(at('endOn'), `阶段“${p.name}”的结束日期（${p.endOn}）不能早于其开始日期（${p.startOn}）`);
    }
    if (p.startOn < values.startOn) {
      throw fieldError(
        at('startOn'),
        `阶段“${p.name}”的开始日期（${p.startOn}）不能早于专项行动的开始日期（${values.startOn}）`,
      );
    }
    if (p.endOn > values.endOn) {
      throw fieldError(
        at('endOn'),
        `阶段“${p.name}”的结束日期（${p.endOn}）不能晚于专项行动的结束日期（${values.endOn}）`,
      );
    }
  });
}

/** A campaign with its phases in one step: kept phases updated, new ones added, missing ones deleted. */
export function saveCampaign(db: Db, writer: Writer, id: number | undefined, values: CampaignValues): Campaign {
  const current = id === undefined ? null : requireCampaign(db, id);
  validate(db, values, current?.id ?? null);
  const { phases, targets, ...rest } = values;
  // Keys in a fixed order, so saving the same targets again changes nothing in the log.
  const head = { ...rest, targets: JSON.stringify(Object.fromEntries(Object.entries(targets).sort())) };
  const action = current ? `修改专项行动“${values.name}”` : `新建专项行动“${values.name}”`;
  const campaignId = write(db, writer, action, (tx) => {
    const cid = current ? current.id : tx.insert(campaignsTable, head);
    if (current) tx.update(campaignsTable, cid, head);
    const kept = new Set(phases.flatMap((p) => (p.id === undefined ? [] : [p.id])));
    for (const p of current?.phases ?? []) if (!kept.has(p.id)) tx.remove(campaignPhasesTable, p.id);
    phases.forEach((p, sortOrder) => {
      const row = { name: p.name, startOn: p.startOn, endOn: p.endOn, sortOrder };
      if (p.id === undefined) tx.insert(campaignPhasesTable, { campaignId: cid, ...row });
      else tx.update(campaignPhasesTable, p.id, row);
    });
    return cid;
  });
  return getCampaign(db, campaignId)!;
}

/**
 * Never takes plans with it. While plans name the campaign it is refused, unless the clerk chose to detach them:
 * they then stay as plans of their own year — which is refused, naming the enterprise, where that would give an
 * enterprise two open plans in one year.
 */
export function deleteCampaign(db: Db, writer: Writer, id: number, plans: 'detach' | undefined): void {
  const campaign = requireCampaign(db, id);
  const named = plansInCampaign(db, id);
  if (named.length > 0 && plans !== 'detach') {
    throw new AppError(
      'CONFLICT',
      `专项行动“${campaign.name}”中有${named.length}个方案，不能直接删除；可选择将这些方案移出专项行动（方案保留为各自年度的方案）后再删除`,
      'plans',
    );
  }
  for (const p of named) {
    if (!isOpen(p.status as PlanStatus)) continue;
    const clash = openPlanOf(db, p.enterpriseId, null, p.year, null);
    if (clash) {
      throw new AppError(
        'CONFLICT',
        `“${p.enterpriseName}”在${p.year}年度已有另一个未完成的方案（编号${clash.id}），移出后将重复；请先完成、搁置或删除其中一个`,
        'plans',
      );
    }
  }
  const moved = named.length > 0 ? `（${named.length}个方案移出）` : '';
  write(db, writer, `删除专项行动“${campaign.name}”${moved}`, (tx) => {
    for (const p of named) tx.update(plansTable, p.id, { campaignId: null });
    for (const p of campaign.phases) tx.remove(campaignPhasesTable, p.id);
    tx.remove(campaignsTable, id);
  });
}
