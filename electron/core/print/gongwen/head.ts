import type { PrintableDocument } from '../../../../shared/documents/model';
import { URGENCIES, isUpward } from '../../../../shared/documents/model';
import { esc } from './escape';
import { redRuleSvg } from './rules';

/** Party organs (中共…委员会, 党委, 党组 …) put a ★ in the 分隔线; government organs do not. */
export function isPartyOrgan(banner: string): boolean {
  return /^中共|中国共产党|党委|党组|党工委|党支部|党总支|纪委|纪律检查委员会/.test(banner);
}

function numberLine(doc: PrintableDocument): string {
  const number = esc(doc.number ?? '');
  if (!isUpward(doc.kind)) return `<div class="number">${number}</div>`;
  // 上行文: the 发文字号 moves left (1 character in) and the 签发人 takes the right (GB/T 9704 7.2.5).
  const signer = doc.signer.trim() ? `签发人：<span class="kai">${esc(doc.signer.trim())}</span>` : '';
  return `<div class="number upward"><span>${number}</span><span>${signer}</span></div>`;
}

/**
 * 版头: 紧急程度 on the first line, the red 发文机关标志 35 mm down, the 发文字号 two lines under it and the red 分隔线
 * 4 mm under that. A draft keeps an empty number line, so nothing below it moves when it is numbered.
 */
export function headHtml(doc: PrintableDocument): string {
  const urgency = doc.urgency === 'none' ? '' : `<div class="urgency">${URGENCIES[doc.urgency]}</div>`;
  return (
    `<header class="head" data-flow="solid">${urgency}` +
    `<div class="banner"><span>${esc(doc.banner)}</span></div>` +
    `${numberLine(doc)}${redRuleSvg(isPartyOrgan(doc.banner))}</header>`
  );
}
