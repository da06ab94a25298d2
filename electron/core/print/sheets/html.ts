import { fontFamily } from '../fonts';
import type { CardField } from './model';

/** Pieces the card and the plan sheet share: escaping, the faces, and the four-column table of labelled fields. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The faces as CSS variables. Never bold: a CJK face without a bold weight would be emboldened synthetically, which
 * Chromium embeds as a Type 3 font (gbt9704.md).
 */
export const FACES_CSS = `:root { --fang: ${fontFamily('仿宋')}; --song: ${fontFamily('宋体')}; --hei: ${fontFamily('黑体')};
  --kai: ${fontFamily('楷体')}; --title: ${fontFamily('小标宋')}; }
* { box-sizing: border-box; font-weight: normal; font-synthesis: none; }
html, body { margin: 0; padding: 0; }
body { font-family: var(--fang); color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; vertical-align: middle; overflow-wrap: anywhere; }
th, td.k { font-family: var(--hei); text-align: center; }`;

/**
 * A value's size class by its length against the room it has: long values shrink before they are clamped, so a
 * card keeps to its page whatever the ledger holds.
 */
export function fitClass(value: string, wide: boolean): string {
  const room = wide ? 38 : 13;
  if (value.length <= room) return '';
  if (value.length <= room * 2) return 's';
  return 'xs';
}

/** Fields in rows of two (label, value, label, value); a wide field takes a row of its own. */
export function fieldRows(fields: CardField[]): string {
  const rows: string[] = [];
  let pending: CardField | null = null;
  const cell = (f: CardField, span: number) =>
    `<td class="k">${esc(f.label)}</td><td${span > 1 ? ` colspan="${span}"` : ''} class="v ${fitClass(f.value, span > 1)}"><div>${esc(f.value)}</div></td>`;
  for (const f of fields) {
    if (f.wide) {
      if (pending) rows.push(`<tr>${cell(pending, 3)}</tr>`);
      pending = null;
      rows.push(`<tr>${cell(f, 3)}</tr>`);
    } else if (pending) {
      rows.push(`<tr>${cell(pending, 1)}${cell(f, 1)}</tr>`);
      pending = null;
    } else {
      pending = f;
    }
  }
  if (pending) rows.push(`<tr>${cell(pending, 3)}</tr>`);
  return rows.join('');
}
