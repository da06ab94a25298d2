import { chineseDate } from '../../../../shared/documents/dates';
import { AppError } from '../../errors';
import { esc, FACES_CSS, fieldRows } from './html';
import type { LedgerCard } from './model';

export { planSheetHtml } from './planSheetHtml';

/**
 * Each card is a box of fixed height on its own page, with overflow cut: values shrink first (fitClass), then are
 * clamped to three lines, and 备注 takes whatever room is left. So one enterprise is one sheet of paper whatever its
 * record holds. No script: 500 cards lay out in one pass, and <html data-ready> is set statically.
 */
const CARD_CSS = `${FACES_CSS}
@page { size: A4; margin: 15mm 18mm 14mm 18mm; }
.card { height: 267mm; overflow: hidden; display: flex; flex-direction: column; font-size: 12pt; line-height: 1.35; }
.card + .card { break-before: page; }
h1 { font-family: var(--title); font-size: 20pt; text-align: center; margin: 2mm 0 3mm; line-height: 1.3; }
.sub { display: flex; justify-content: space-between; margin-bottom: 2mm; font-size: 12pt; }
.sub span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sub .area { flex: 1; margin-left: 8mm; }
col.k { width: 36mm; }
td.k { font-size: 10.5pt; height: 10.5mm; }
td.v div { max-height: 4.05em; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; }
td.v.s { font-size: 10.5pt; }
td.v.xs { font-size: 9pt; }
.note { flex: 1; min-height: 0; display: flex; border: 0.6pt solid #000; border-top: none; overflow: hidden; }
.note .k { width: 36mm; flex: none; border-right: 0.6pt solid #000; font-family: var(--hei); font-size: 10.5pt;
  display: flex; align-items: center; justify-content: center; }
.note .v { flex: 1; padding: 1.6mm; overflow: hidden; white-space: pre-wrap; overflow-wrap: anywhere; }
.foot { display: flex; justify-content: space-between; margin-top: 2mm; font-size: 11pt; flex: none; }`;

/** A long note keeps its start: the box shows what fits, the rest is cut rather than printed on a second page. */
const NOTE_LIMIT = 900;

function cardHtml(card: LedgerCard, township: string, page: number, filledOn: string): string {
  const note = card.note.length > NOTE_LIMIT ? `${card.note.slice(0, NOTE_LIMIT)}……` : card.note;
  return `<section class="card">
<h1>企业党建工作台账卡</h1>
<div class="sub"><span>乡镇（街道）：${esc(township)}</span><span class="area">区域：${esc(card.areaName)}</span><span>卡号：${card.enterpriseId}</span></div>
<table><colgroup><col class="k"><col><col class="k"><col></colgroup>${fieldRows(card.fields)}</table>
<div class="note"><div class="k">备\u3000注</div><div class="v">${esc(note)}</div></div>
<div class="foot"><span>填卡日期：${filledOn}</span><span>填卡人：\u3000\u3000\u3000\u3000\u3000</span><span>第${page}页</span></div>
</section>`;
}

/**
 * 企业台账卡: one A4 page per enterprise, in the order given. `filledOn` (YYYY-MM-DD) prints as the 填卡日期; without
 * it the date is left blank to be written by hand.
 */
export function ledgerCardsHtml(cards: LedgerCard[], township: string, filledOn?: string): string {
  if (cards.length === 0) throw new AppError('VALIDATION', '所选范围内没有企业，没有可打印的台账卡', 'areaId');
  const date = filledOn ? chineseDate(filledOn) : '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  const body = cards.map((c, i) => cardHtml(c, township, i + 1, date)).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN" data-ready="1"><head><meta charset="utf-8"><title>企业党建工作台账卡</title>
<style>${CARD_CSS}</style></head><body>
${body}
</body></html>`;
}
