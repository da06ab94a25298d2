import { FORMATION_STEPS, type AttachmentOwner, type FormationStepKind } from '../../../../shared/domain/labels';
import type { AttachmentMeta } from '../../../../shared/domain/party';
import type { Db } from '../open';
import { prepared } from '../statements';

/** What an attachment hangs off: one formation step or one work log (the table allows exactly one). */
export type AttachmentOwnerRef = { formationStepId: number } | { workLogId: number };

export function ownerRef(ownerType: AttachmentOwner, ownerId: number): AttachmentOwnerRef {
  return ownerType === 'formation-step' ? { formationStepId: ownerId } : { workLogId: ownerId };
}

const ownerColumn = (owner: AttachmentOwnerRef) =>
  'formationStepId' in owner ? 'formation_step_id' : ('work_log_id' as const);
const ownerId = (owner: AttachmentOwnerRef) => ('formationStepId' in owner ? owner.formationStepId : owner.workLogId);

const META_COLUMNS = `a.id, CASE WHEN a.formation_step_id IS NOT NULL THEN 'formation-step' ELSE 'work-log' END AS ownerType,
  coalesce(a.formation_step_id, a.work_log_id) AS ownerId, a.file_name AS fileName, a.mime, a.size, a.added_at AS addedAt`;

/** The attachments of one owner, oldest first. */
export function attachmentsOf(db: Db, owner: AttachmentOwnerRef): AttachmentMeta[] {
  const column = ownerColumn(owner);
  return prepared(
    db,
    `attachments:of:${column}`,
    () => `SELECT ${META_COLUMNS} FROM attachments a WHERE a.${column} = ? ORDER BY a.id`,
  ).all(ownerId(owner)) as AttachmentMeta[];
}

/** The attachments of many formation steps at once, by step id (an organisation's detail shows all its steps). */
export function attachmentsOfSteps(db: Db, orgId: number): Map<number, AttachmentMeta[]> {
  const rows = prepared(
    db,
    'attachments:ofOrgSteps',
    () => `SELECT ${META_COLUMNS} FROM attachments a JOIN formation_steps s ON s.id = a.formation_step_id
           WHERE s.org_id = ? ORDER BY a.id`,
  ).all(orgId) as AttachmentMeta[];
  const byStep = new Map<number, AttachmentMeta[]>();
  for (const r of rows) {
    const list = byStep.get(r.ownerId) ?? [];
    list.push(r);
    byStep.set(r.ownerId, list);
  }
  return byStep;
}

export function attachmentIdsOf(db: Db, owner: AttachmentOwnerRef): number[] {
  const column = ownerColumn(owner);
  return prepared(db, `attachments:ids:${column}`, () => `SELECT id FROM attachments WHERE ${column} = ? ORDER BY id`)
    .pluck()
    .all(ownerId(owner)) as number[];
}

export function countAttachmentsOf(db: Db, owner: AttachmentOwnerRef): number {
  const column = ownerColumn(owner);
  return prepared(db, `attachments:count:${column}`, () => `SELECT count(*) FROM attachments WHERE ${column} = ?`)
    .pluck()
    .get(ownerId(owner)) as number;
}

export function attachmentMeta(db: Db, id: number): (AttachmentMeta & { sha256: string }) | null {
  const row = prepared(
    db,
    'attachments:meta',
    () => `SELECT ${META_COLUMNS}, a.sha256 FROM attachments a WHERE a.id = ?`,
  ).get(id) as (AttachmentMeta & { sha256: string }) | undefined;
  return row ?? null;
}

export function blobData(db: Db, sha256: string): Buffer | null {
  const data = prepared(db, 'attachments:blob', () => 'SELECT data FROM attachment_blobs WHERE sha256 = ?')
    .pluck()
    .get(sha256) as Buffer | undefined;
  return data ?? null;
}

/** Content is stored once however many attachments name it; it is not part of the change log. */
export function storeBlob(db: Db, sha256: string, data: Buffer): void {
  prepared(
    db,
    'attachments:storeBlob',
    () => 'INSERT OR IGNORE INTO attachment_blobs (sha256, data) VALUES (?, ?)',
  ).run(sha256, data);
}

/** A label for the owner in messages and change-log actions, or null when it does not exist. */
export function ownerLabel(db: Db, owner: AttachmentOwnerRef): string | null {
  if ('formationStepId' in owner) {
    const row = prepared(
      db,
      'attachments:stepOwner',
      () =>
        `SELECT o.name AS orgName, s.step FROM formation_steps s JOIN party_orgs o ON o.id = s.org_id WHERE s.id = ?`,
    ).get(owner.formationStepId) as { orgName: string; step: FormationStepKind } | undefined;
    return row ? `${row.orgName}·${FORMATION_STEPS[row.step]}` : null;
  }
  const row = prepared(
    db,
    'attachments:logOwner',
    () => `SELECT e.name AS enterpriseName, w.held_on AS heldOn FROM work_logs w
           JOIN enterprises e ON e.id = w.enterprise_id WHERE w.id = ?`,
  ).get(owner.workLogId) as { enterpriseName: string; heldOn: string } | undefined;
  return row ? `${row.enterpriseName} ${row.heldOn}工作记录` : null;
}
