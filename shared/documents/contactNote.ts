import type { DocKind } from './model';

/**
 * The kinds whose 附注 names who to call: a 请示 must (党政机关公文处理工作条例: 请示应当在附注处注明联系人的姓名和电话),
 * and the committee's notices and letters ask the villages and enterprises for replies. A 批复 or a 报告 answers or
 * reports and carries none.
 */
export const CONTACT_NOTE_KINDS: ReadonlySet<DocKind> = new Set<DocKind>(['notice', 'request', 'letter']);

/**
 * 附注 of a new document: 联系人：张三，联系电话：0571-83012345 (the print adds the （）), or '' when this PC has no
 * contact set or the kind carries none.
 */
export function contactNote(kind: DocKind, contact: { name: string; tel: string }): string {
  if (!CONTACT_NOTE_KINDS.has(kind)) return '';
  const parts = [
    ...(contact.name.trim() ? [`联系人：${contact.name.trim()}`] : []),
    ...(contact.tel.trim() ? [`联系电话：${contact.tel.trim()}`] : []),
  ];
  return parts.join('，');
}
