import { chineseDate } from '../../../../shared/documents/dates';
import { headingLevel, paragraphsOf, splitHeading } from '../../../../shared/documents/body';
import type { PrintableDocument } from '../../../../shared/documents/model';
import { esc } from './escape';

const BLANK = '<div class="blank" data-flow="lines"></div>';

/** A body paragraph: 一、 headings in 黑体 and （一） in 楷体 for the heading sentence only; 1. and （1） stay 仿宋. */
export function paragraphHtml(text: string): string {
  const level = headingLevel(text);
  if (level === 1 || level === 2) {
    const { heading, rest } = splitHeading(text);
    const face = level === 1 ? 'hei' : 'kai';
    return `<p data-flow="lines"><span class="${face}">${esc(heading)}</span>${esc(rest)}</p>`;
  }
  return `<p data-flow="lines">${esc(text)}</p>`;
}

/** 附件说明: “附件：1. ××” with later items under the first, no trailing punctuation (GB/T 9704 7.3.4). */
function annexNoteHtml(doc: PrintableDocument): string {
  if (doc.attachments.length === 0) return '';
  const bare = (t: string) => esc(t.trim().replace(/[。．.，,；;：:、]+$/, ''));
  const items =
    doc.attachments.length === 1
      ? `<div>${bare(doc.attachments[0]!.title)}</div>`
      : doc.attachments.map((a, i) => `<div>${i + 1}. ${bare(a.title)}</div>`).join('');
  return `${BLANK}<div class="annex-note" data-flow="lines"><span class="label">附件：</span><div class="items">${items}</div></div>`;
}

/**
 * 署名 and 成文日期 (GB/T 9704 7.3.5). With a seal: the date 4 characters in from the right, the 署名 centred over
 * it (the finishing script centres it once both are measured) and two blank lines above, so the seal's top lies
 * within one line of the text above. Without: one blank line, the 署名 2 characters in, the date under it 2 further
 * right — or, when the date is the longer, the date 2 in and the 署名 2 left of it (one left-aligned box does both).
 */
function signatureHtml(doc: PrintableDocument): string {
  const date = esc(chineseDate(doc.date));
  const issuer = esc(doc.issuer.trim());
  const note = doc.note.trim() ? `<p class="note">（${esc(doc.note.trim().replace(/^[（(]|[）)]$/g, ''))}）</p>` : '';
  if (doc.sealed) {
    return (
      `${BLANK}${BLANK}<div class="sign sealed" data-flow="solid">` +
      `<div class="issuer"><span>${issuer}</span></div><div class="date"><span>${date}</span></div>${note}</div>`
    );
  }
  return (
    `${BLANK}<div class="sign plain" data-flow="solid"><div class="box">` +
    `<div class="issuer">${issuer}</div><div class="date">${date}</div></div>${note}</div>`
  );
}

/** 主体 up to the 附注: title two lines under the rule, 主送 one line under the title, then the 正文. */
export function mainHtml(doc: PrintableDocument): string {
  const addressees = doc.addressees.trim().replace(/[：:]+$/, '');
  const paragraphs = paragraphsOf(doc.body).map(paragraphHtml).join('');
  return (
    `<div class="title" data-flow="lines">${esc(doc.title.trim())}</div>${BLANK}` +
    (addressees ? `<div class="addressees" data-flow="lines">${esc(addressees)}：</div>` : '') +
    paragraphs +
    annexNoteHtml(doc) +
    signatureHtml(doc)
  );
}
