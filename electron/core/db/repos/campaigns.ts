import { OPEN_PLAN_STATUSES, type Campaign, type CampaignPhase } from '../../../../shared/domain/plans';
import type { Db } from '../open';
import { prepared } from '../statements';
import { rowFromDb } from '../tableSpec';
import { campaignPhasesTable, type CampaignRow } from '../tables';

type CampaignHead = CampaignRow & { plans: number; openPlans: number };

const HEAD = `SELECT c.id, c.name, c.start_on AS startOn, c.end_on AS endOn, c.note, c.targets,
    (SELECT count(*) FROM plans p WHERE p.campaign_id = c.id) AS plans,
    (SELECT count(*) FROM plans p WHERE p.campaign_id = c.id AND p.status IN (SELECT value FROM json_each(?)))
      AS openPlans
  FROM campaigns c`;

/** Every campaign with its phases and plan counts, the newest (latest start) first. */
export function listCampaigns(db: Db): Campaign[] {
  const heads = prepared(db, 'campaigns:list', () => `${HEAD} ORDER BY c.start_on DESC, c.id DESC`).all(
    JSON.stringify(OPEN_PLAN_STATUSES),
  ) as CampaignHead[];
  const phases = allPhases(db);
  return heads.map((h) => ({ ...withTargets(h), phases: phases.filter((p) => p.campaignId === h.id) }));
}

export function getCampaign(db: Db, id: number): Campaign | null {
  const head = prepared(db, 'campaigns:get', () => `${HEAD} WHERE c.id = ?`).get(
    JSON.stringify(OPEN_PLAN_STATUSES),
    id,
  ) as CampaignHead | undefined;
  return head ? { ...withTargets(head), phases: phasesOf(db, id) } : null;
}

function withTargets(head: CampaignHead): Omit<Campaign, 'phases'> {
  return { ...head, targets: JSON.parse(head.targets) as Record<string, number> };
}

export function phasesOf(db: Db, campaignId: number): CampaignPhase[] {
  const rows = prepared(
    db,
    'campaigns:phases',
    () => 'SELECT * FROM campaign_phases WHERE campaign_id = ? ORDER BY sort_order, id',
  ).all(campaignId) as Record<string, unknown>[];
  return rows.map((r) => rowFromDb(campaignPhasesTable, r));
}

function allPhases(db: Db): CampaignPhase[] {
  const rows = prepared(
    db,
    'campaigns:allPhases',
    () => 'SELECT * FROM campaign_phases ORDER BY campaign_id, sort_order, id',
  ).all() as Record<string, unknown>[];
  return rows.map((r) => rowFromDb(campaignPhasesTable, r));
}

/** The campaign called `name`, other than `exceptId`: names are unique. */
export function campaignIdByName(db: Db, name: string, exceptId: number | null = null): number | null {
  const id = prepared(db, 'campaigns:byName', () => 'SELECT id FROM campaigns WHERE name = ? AND id IS NOT ?')
    .pluck()
    .get(name, exceptId) as number | undefined;
  return id ?? null;
}

export function campaignName(db: Db, id: number): string | null {
  const name = prepared(db, 'campaigns:name', () => 'SELECT name FROM campaigns WHERE id = ?')
    .pluck()
    .get(id) as string | undefined;
  return name ?? null;
}

/** The plans a campaign names, with what detaching them would need to know. */
export function plansInCampaign(
  db: Db,
  campaignId: number,
): { id: number; enterpriseId: number; enterpriseName: string; year: number; status: string }[] {
  return prepared(
    db,
    'campaigns:plans',
    () => `SELECT p.id, p.enterprise_id AS enterpriseId, e.name AS enterpriseName, p.year, p.status
           FROM plans p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.campaign_id = ? ORDER BY p.id`,
  ).all(campaignId) as { id: number; enterpriseId: number; enterpriseName: string; year: number; status: string }[];
}
