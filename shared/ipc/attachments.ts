import { z } from '../zod';
import { ATTACHMENT_OWNERS } from '../domain/labels';
import { ATTACHMENT_MAX_BYTES, type AttachmentMeta, type AttachmentMime } from '../domain/party';
import { channel } from './channel';
import { byId, choiceOf, recordId } from './fields';

/** Base64 of the largest allowed file, with room for padding. */
const BASE64_MAX = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4;

export const attachmentChannels = {
  /**
   * Stores a scan or photo inside the ledger. The core checks the content itself (PDF, JPEG or PNG by its
   * first bytes, not by its name) and the size; anything else is refused with the reason.
   */
  'attachments:add': channel<AttachmentMeta>()(
    z
      .object({
        ownerType: choiceOf('附件所属', ATTACHMENT_OWNERS),
        ownerId: recordId,
        fileName: z
          .string('请提供文件名')
          .trim()
          .min(1, '请提供文件名')
          .max(120, '文件名不能超过120个字')
          .refine((s) => !/[\u0000-\u001f<>:"/\\|?*]/.test(s), '文件名含有不允许的字符'),
        data: z
          .string('附件内容无效')
          .max(BASE64_MAX, `附件不能超过${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, '附件内容无效'),
      })
      .strict(),
    { ownerType: '附件所属', ownerId: '附件所属记录', fileName: '文件名', data: '附件' },
  ),
  /** The file's content (base64) for viewing or saving. */
  'attachments:get': channel<{ meta: AttachmentMeta; mime: AttachmentMime; data: string }>()(byId, {
    id: '附件编号',
  }),
  'attachments:delete': channel<null>()(byId, { id: '附件编号' }),
};
