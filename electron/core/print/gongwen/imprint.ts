import { chineseDate } from '../../../../shared/documents/dates';
import type { PrintableDocument } from '../../../../shared/documents/model';
import { esc } from './escape';
import { IMPRINT_INNER_MM, IMPRINT_OUTER_MM } from './metrics';
import { ruleSvg } from './rules';

/**
 * 版记 (GB/T 9704 7.4): 抄送 (omitted with its rule when empty) and 印发机关/印发日期 between full-width rules, the
 * first and last 0.35 mm, the one between 0.25 mm. The last rule is the block's bottom edge; the finishing script
 * pushes the block down until that edge is the 版心's bottom on the last page.
 */
export function imprintHtml(doc: PrintableDocument): string {
  const cc = doc.cc.trim().replace(/[。．.，,；;、]+$/, '');
  const first = ruleSvg(IMPRINT_OUTER_MM, 'top');
  const last = ruleSvg(IMPRINT_OUTER_MM, 'bottom');
  const between = ruleSvg(IMPRINT_INNER_MM, 'between');
  const issued = (rule: string) =>
    `<div class="row issued">${rule}<span>${esc(doc.printedBy.trim())}</span>` +
    `<span>${esc(chineseDate(doc.printedOn))}印发</span>${last}</div>`;
  const rows = cc ? `<div class="row cc">${first}抄送：${esc(cc)}。</div>${issued(between)}` : issued(first);
  return `<div class="imprint-spacer"></div><footer class="imprint">${rows}</footer>`;
}
