import type { AttachmentTable, DocAttachment } from '../../../../shared/documents/model';
import { paragraphsOf } from '../../../../shared/documents/body';
import { paragraphHtml } from './body';
import { esc } from './escape';

/** A ledger table: its header row repeats on every page (thead) and no row is split across pages. */
function tableHtml(table: AttachmentTable): string {
  const total = table.columns.reduce((sum, c) => sum + Math.max(c.width, 0), 0) || 1;
  const cols = table.columns
    .map((c) => `<col style="width:${((Math.max(c.width, 0) / total) * 100).toFixed(3)}%">`)
    .join('');
  const head = table.columns.map((c) => `<th>${esc(c.title)}</th>`).join('');
  const rows = table.rows
    .map((row) => `<tr>${table.columns.map((_, i) => `<td>${esc(row[i] ?? '')}</td>`).join('')}</tr>`)
    .join('');
  return (
    `<table class="annex-table" data-flow="table"><colgroup>${cols}</colgroup>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

/**
 * Each 附件 on a new page (GB/T 9704 8): “附件1” (“附件” when there is only one) in 黑体 on the first line, its
 * title centred on the third, then the table or the text. Page numbers run on.
 */
export function annexesHtml(attachments: DocAttachment[]): string {
  return attachments
    .map((a, i) => {
      const label = attachments.length === 1 ? '附件' : `附件${i + 1}`;
      const content = a.table ? tableHtml(a.table) : paragraphsOf(a.text).map(paragraphHtml).join('');
      return (
        `<div class="annex-label annex-start" data-flow="lines" data-break="page">${label}</div>` +
        `<div class="blank" data-flow="lines"></div>` +
        `<div class="annex-title" data-flow="lines">${esc(a.title.trim())}</div>` +
        `<div class="blank" data-flow="lines"></div>${content}`
      );
    })
    .join('');
}
