import { createHash } from 'node:crypto';
import type { AttachmentOwner } from '../../../shared/domain/labels';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_OWNER_MAX,
  type AttachmentMeta,
  type AttachmentMime,
} from '../../../shared/domain/party';
import { write, type Tx, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import {
  attachmentIdsOf,
  attachmentMeta,
  blobData,
  countAttachmentsOf,
  ownerLabel,
  ownerRef,
  storeBlob,
  type AttachmentOwnerRef,
} from '../db/repos/attachments';
import { attachmentsTable } from '../db/tables';
import { AppError } from '../errors';

/** The first bytes each accepted kind of file starts with: a renamed text file is not a PDF. */
const SIGNATURES: readonly { mime: AttachmentMime; bytes: readonly number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function detectMime(data: Buffer): AttachmentMime | null {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b));
  return found?.mime ?? null;
}

const MB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export interface NewAttachment {
  ownerType: AttachmentOwner;
  ownerId: number;
  fileName: string;
  data: Buffer;
}

/**
 * Stores a scan or photo inside the ledger as one step: its description is logged (so undo takes it back),
 * its content goes into attachment_blobs once per SHA-256 and stays there.
 */
export function addAttachment(db: Db, writer: Writer, file: NewAttachment): AttachmentMeta {
  const owner = ownerRef(file.ownerType, file.ownerId);
  const label = ownerLabel(db, owner);
  if (label === null) throw new AppError('NOT_FOUND', '附件所属的记录已不存在（可能已被删除），请刷新后重试');
  if (file.data.length === 0) throw new AppError('VALIDATION', `附件“${file.fileName}”是空文件`, 'data');
  if (file.data.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError(
      'VALIDATION',
      `附件“${file.fileName}”大小为${sizeText(file.data.length)}，超过${ATTACHMENT_MAX_BYTES / MB} MB的上限，请压缩或分页扫描后再添加`,
      'data',
    );
  }
  const mime = detectMime(file.data);
  if (mime === null) {
    throw new AppError(
      'VALIDATION',
      `附件“${file.fileName}”不是PDF、JPG或PNG文件（按文件内容判断，与扩展名无关），只能添加扫描件（PDF）或照片（JPG、PNG）`,
      'data',
    );
  }
  if (countAttachmentsOf(db, owner) >= ATTACHMENTS_PER_OWNER_MAX) {
    throw new AppError(
      'VALIDATION',
      `附件：每条记录最多${ATTACHMENTS_PER_OWNER_MAX}个附件，“${label}”已有${ATTACHMENTS_PER_OWNER_MAX}个，请先删除不需要的附件`,
      'data',
    );
  }
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const id = write(db, writer, `添加附件“${file.fileName}”（${label}）`, (tx) => {
    storeBlob(tx.db, sha256, file.data);
    return tx.insert(attachmentsTable, {
      formationStepId: 'formationStepId' in owner ? owner.formationStepId : null,
      workLogId: 'workLogId' in owner ? owner.workLogId : null,
      fileName: file.fileName,
      mime,
      size: file.data.length,
      sha256,
      addedAt: tx.at,
    });
  });
  return requireMeta(db, id);
}

export function getAttachment(db: Db, id: number): { meta: AttachmentMeta; mime: AttachmentMime; data: string } {
  const { sha256, ...meta } = requireFull(db, id);
  const data = blobData(db, sha256);
  if (data === null) throw new AppError('NOT_FOUND', `附件“${meta.fileName}”的内容在台账中找不到`);
  return { meta, mime: meta.mime, data: data.toString('base64') };
}

export function deleteAttachment(db: Db, writer: Writer, id: number): void {
  const meta = requireFull(db, id);
  write(db, writer, `删除附件“${meta.fileName}”`, (tx) => tx.remove(attachmentsTable, id));
}

/**
 * Removes every attachment of a step or a work log inside the caller's step (deleting the owner deletes
 * them with it, and one undo puts all back). Content stays in attachment_blobs for that undo.
 */
export function removeAttachmentsOf(tx: Tx, owner: AttachmentOwnerRef): void {
  for (const id of attachmentIdsOf(tx.db, owner)) tx.remove(attachmentsTable, id);
}

function requireFull(db: Db, id: number): AttachmentMeta & { sha256: string } {
  const meta = attachmentMeta(db, id);
  if (!meta) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的附件，可能已被删除`);
  return meta;
}

function requireMeta(db: Db, id: number): AttachmentMeta {
  const { sha256: _sha256, ...meta } = requireFull(db, id);
  return meta;
}
