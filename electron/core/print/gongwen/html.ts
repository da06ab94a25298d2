import type { PrintableDocument } from '../../../../shared/documents/model';
import { annexesHtml } from './annexes';
import { mainHtml } from './body';
import { gongwenCss } from './css';
import { esc } from './escape';
import { FINISH_SCRIPT } from './finish';
import { headHtml } from './head';
import { imprintHtml } from './imprint';

/**
 * One self-contained, print-ready HTML document for a 公文 in GB/T 9704-2012 (gbt9704.md): inline style sheet, an
 * inline finishing script, no external resources. The script sets <html data-ready> once the 版记 sits on the last
 * page's 版心 bottom; print only then. No 主题词 line: the 2012 format has none.
 */
export function gongwenHtml(doc: PrintableDocument): string {
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>` +
    `<style>${gongwenCss()}</style></head><body><main class="flow">` +
    headHtml(doc) +
    mainHtml(doc) +
    annexesHtml(doc.attachments) +
    imprintHtml(doc) +
    `</main><script>${FINISH_SCRIPT}</script></body></html>`
  );
}
