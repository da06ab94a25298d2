import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintableDocument } from '../../../shared/documents/model';
import { gongwenHtml } from '../../../electron/core/print/gongwen/html';
import { closeRenderer, renderPdf } from '../../support/renderPdf';
import { hasKangxiRadicals, pageSizesMm, pageTexts, pdfFonts, PT_PER_MM } from '../../support/pdf';
import { horizontalRules, inkTop, pageNumbers, textLines, type TextLine } from '../../support/pdfLayout';

/**
 * A 公文 printed through Chromium and measured with a ruler (poppler): the 版心, the 28 × 22 grid, the 版头's
 * distances, the 版记 on the last page's 版心 bottom and the page numbers (GB/T 9704-2012, gbt9704.md).
 */

const LINE = 28.95 / PT_PER_MM; // one grid line in mm
const CELL = 156 / 28; // one grid character in mm
const TOP = 37; // 版心 top
const LEFT = 28;
const RIGHT = 28 + 156;
const BOTTOM = 297 - 35;
/** pdftotext boxes a 16 pt line from its ascent: the box starts half a leading below the grid line. */
const BODY_BOX = (28.95 - 16) / 2 / PT_PER_MM;

const PLAIN = '党的组织和工作覆盖推动非公有制企业党建工作高质量发展经镇党委研究决定在全镇范围内开展专项行动';
const PARA = '为深入贯彻落实党的二十大精神，进一步扩大党的组织和工作覆盖，推动非公有制企业党建工作高质量发展。';

function notice(over: Partial<PrintableDocument> = {}): PrintableDocument {
  return {
    kind: 'notice',
    urgency: 'none',
    banner: '中共长乐镇委员会文件',
    signer: '',
    title: '关于开展专项行动的通知',
    addressees: '各村（社区）党组织，镇直各单位',
    body: `${PARA}\n现将有关事项通知如下。`,
    attachments: [],
    issuer: '中共长乐镇委员会',
    date: '2011-08-09',
    sealed: false,
    note: '',
    cc: '县委组织部，县委两新工委',
    printedBy: '中共长乐镇委员会办公室',
    printedOn: '2011-08-09',
    number: '长委〔2011〕44号',
    ...over,
  };
}

const onePage = notice({ urgency: 'very-urgent' });
const threePages = notice({
  title: '关于在全镇非公有制企业和社会组织中深入开展有党员未建党组织企业专项排查整治行动并建立健全长效工作机制的通知',
  body: [
    `一、总体要求。${PARA}`,
    ...Array.from({ length: 9 }, () => PARA + PARA),
    '（一）摸清底数。由张镕堃、王喆、李赟同志负责全面排查。',
  ].join('\n'),
  sealed: true,
  note: '联系人：王喆，电话：12345678',
});
const longBody = notice({
  body: Array.from({ length: 110 }, (_, i) => (i % 2 === 0 ? PLAIN.repeat(2) : PARA)).join('\n'),
});

const pdfs = new Map<string, Uint8Array>();
const lines = new Map<string, TextLine[]>();

beforeAll(async () => {
  const docs = { onePage, threePages, longBody };
  await Promise.all(
    Object.entries(docs).map(async ([name, doc]) => {
      const pdf = await renderPdf(gongwenHtml(doc));
      pdfs.set(name, pdf);
      lines.set(name, textLines(pdf));
    }),
  );
}, 60_000);
afterAll(closeRenderer);

const pageCount = (name: string) => Math.max(...lines.get(name)!.map((l) => l.page));
const onPage = (name: string, page: number) => lines.get(name)!.filter((l) => l.page === page && l.top < BOTTOM);
const find = (name: string, text: string) => {
  const found = lines.get(name)!.find((l) => l.text.includes(text));
  if (!found) throw new Error(`“${text}” not printed`);
  return found;
};
const centre = (l: TextLine) => (l.left + l.right) / 2;
/** The grid line (from 0) a 16 pt text line sits on. */
const gridLine = (l: TextLine) => (l.top - BODY_BOX - TOP) / LINE;

describe('a one-page notice', () => {
  it('is one A4 page with its text in the 版心', async () => {
    const sizes = await pageSizesMm(pdfs.get('onePage')!);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.width).toBeCloseTo(210, 0);
    expect(sizes[0]!.height).toBeCloseTo(297, 0);
    for (const l of onPage('onePage', 1)) {
      expect(l.left).toBeGreaterThanOrEqual(LEFT - 0.5);
      expect(l.right).toBeLessThanOrEqual(RIGHT + 0.5);
      expect(l.top).toBeGreaterThanOrEqual(TOP - 0.5);
    }
  });

  it('prints the 紧急程度 in the 版心’s first line, flush left', () => {
    const urgency = find('onePage', '特急');
    expect(urgency.left).toBeCloseTo(LEFT, 0);
    expect(gridLine(urgency)).toBeCloseTo(0, 1);
  });

  it('puts the red 标志 35 mm down, centred, the 发文字号 two lines under it and the red rule 4 mm under that', () => {
    const pdf = pdfs.get('onePage')!;
    const banner = find('onePage', '中共长乐镇委员会文件');
    expect(Math.abs(inkTop(pdf, 1, 'red')! - (TOP + 35))).toBeLessThanOrEqual(1);
    expect(Math.abs(centre(banner) - 106)).toBeLessThanOrEqual(1);

    const number = find('onePage', '长委〔2011〕44号');
    const numberLineTop = TOP + 35 + 15 + 2 * LINE;
    expect(Math.abs((number.top + number.bottom) / 2 - (numberLineTop + LINE / 2))).toBeLessThanOrEqual(1);
    expect(Math.abs(centre(number) - 106)).toBeLessThanOrEqual(1);

    const [rule, ...others] = horizontalRules(pdf, 1, 'red');
    expect(others).toEqual([]);
    const numberInkBottom = numberLineTop + (LINE + 16 / PT_PER_MM) / 2;
    expect(Math.abs(rule!.top - (numberInkBottom + 4))).toBeLessThanOrEqual(1);
    expect(Math.abs(rule!.right - rule!.left - 156)).toBeLessThanOrEqual(1);
    expect(Math.abs(rule!.left - LEFT)).toBeLessThanOrEqual(1);
  });

  it('centres the title two lines under the rule and the 主送 one line under the title, on the grid', () => {
    const pdf = pdfs.get('onePage')!;
    const rule = horizontalRules(pdf, 1, 'red')[0]!;
    const title = find('onePage', '关于开展专项行动的通知');
    const titleLineTop = title.top - (28.95 - 22) / 2 / PT_PER_MM;
    expect(Math.abs(titleLineTop - rule.bottom - 2 * LINE)).toBeLessThanOrEqual(LINE / 2);
    expect(Math.abs(centre(title) - 106)).toBeLessThanOrEqual(1);
    const addressees = find('onePage', '各村（社区）党组织');
    expect(addressees.text.endsWith('：')).toBe(true);
    expect(addressees.left).toBeCloseTo(LEFT, 0);
    expect(addressees.top - BODY_BOX - titleLineTop).toBeCloseTo(2 * LINE, 0);
    expect(Math.abs(gridLine(addressees) - Math.round(gridLine(addressees)))).toBeLessThan(0.1);
  });

  it('indents paragraphs two characters and prints the 署名 and date of an unsealed document', () => {
    const first = find('onePage', '为深入贯彻落实');
    expect(first.left).toBeCloseTo(LEFT + 2 * CELL, 0);
    const issuer = lines.get('onePage')!.find((l) => l.text === '中共长乐镇委员会')!;
    const date = find('onePage', '2011年8月9日');
    expect(Math.abs(issuer.right - (RIGHT - 2 * CELL))).toBeLessThanOrEqual(1);
    expect(Math.abs(date.left - (issuer.left + 2 * CELL))).toBeLessThanOrEqual(1);
    expect(date.top - issuer.top).toBeCloseTo(LINE, 0);
  });

  it('puts the 版记 on the 版心 bottom with rules of 0.35, 0.25 and 0.35 mm', () => {
    const rules = horizontalRules(pdfs.get('onePage')!, 1, 'black');
    expect(rules.map((r) => r.thickness)).toHaveLength(3);
    rules.forEach((r, i) => {
      expect(Math.abs(r.thickness - (i === 1 ? 0.25 : 0.35))).toBeLessThanOrEqual(0.08);
      expect(Math.abs(r.right - r.left - 156)).toBeLessThanOrEqual(1);
    });
    expect(Math.abs(rules[2]!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
    const cc = find('onePage', '抄送：');
    expect(cc.text).toBe('抄送：县委组织部，县委两新工委。');
    expect(cc.left).toBeCloseTo(LEFT + 14 / PT_PER_MM, 0);
    expect(cc.top).toBeGreaterThan(rules[0]!.bottom);
    expect(cc.bottom).toBeLessThan(rules[1]!.top);
    const printedBy = find('onePage', '中共长乐镇委员会办公室');
    const printedOn = find('onePage', '2011年8月9日印发');
    expect(printedBy.left).toBeCloseTo(LEFT + 14 / PT_PER_MM, 0);
    expect(Math.abs(printedOn.right - (RIGHT - 14 / PT_PER_MM))).toBeLessThanOrEqual(1);
    expect(printedOn.top).toBeGreaterThan(rules[1]!.bottom);
    expect(printedOn.bottom).toBeLessThan(rules[2]!.top);
  });

  it('numbers the page “— 1 —” at the right, 7 mm under the 版心, and prints no 主题词', () => {
    const [number] = pageNumbers(lines.get('onePage')!);
    expect(number).toMatchObject({ page: 1, number: 1, side: 'right' });
    expect(Math.abs(number!.line.right - (RIGHT - 14 / PT_PER_MM))).toBeLessThanOrEqual(1);
    expect(Math.abs((number!.line.top + number!.line.bottom) / 2 - (BOTTOM + 7))).toBeLessThanOrEqual(1.5);
    expect(pageTexts(pdfs.get('onePage')!).join('')).not.toContain('主题词');
  });
});

describe('a three-page notice with a three-line title, a seal and rare name characters', () => {
  it('balances the title into three lines and keeps the body on the grid after it', () => {
    const titleLines = onPage('threePages', 1).filter(
      (l) => l.top > 130 && l.top < 175 && centre(l) > 100 && centre(l) < 112,
    );
    expect(titleLines.length).toBe(3);
    const lengths = titleLines.map((l) => l.text.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(3);
    const addressees = find('threePages', '各村（社区）党组织');
    expect(gridLine(addressees)).toBeCloseTo(10 + 3 + 1, 1);
    // Page 1 carries body text (GB/T 9704 7.3.3).
    expect(find('threePages', '一、总体要求').page).toBe(1);
  });

  it('numbers the pages on alternate sides and puts the 版记 only on the last page', () => {
    expect(pageCount('threePages')).toBe(3);
    expect(pageNumbers(lines.get('threePages')!).map((n) => [n.page, n.number, n.side])).toEqual([
      [1, 1, 'right'],
      [2, 2, 'left'],
      [3, 3, 'right'],
    ]);
    const pdf = pdfs.get('threePages')!;
    expect(horizontalRules(pdf, 2, 'black')).toEqual([]);
    const rules = horizontalRules(pdf, 3, 'black');
    expect(rules).toHaveLength(3);
    expect(Math.abs(rules[2]!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
  });

  it('places a sealed date 4 characters in, the 署名 centred over it and the 附注 under it', () => {
    const issuer = lines.get('threePages')!.find((l) => l.text === '中共长乐镇委员会')!;
    const date = lines.get('threePages')!.find((l) => l.text === '2011年8月9日')!;
    expect(Math.abs(date.right - (RIGHT - 4 * CELL))).toBeLessThanOrEqual(1);
    expect(Math.abs(centre(issuer) - centre(date))).toBeLessThanOrEqual(1);
    expect(date.top - issuer.top).toBeCloseTo(LINE, 0);
    // Rare characters drawn from a fallback face do not stretch their lines: the 署名 is still on the grid.
    expect(Math.abs(gridLine(date) - Math.round(gridLine(date)))).toBeLessThan(0.1);
    const note = find('threePages', '（联系人：王喆，电话：12345678）');
    expect(note.left).toBeCloseTo(LEFT + 2 * CELL, 0);
    expect(note.top - date.top).toBeCloseTo(LINE, 0);
  });

  it('embeds every face as a named font and keeps rare characters searchable', () => {
    const fonts = pdfFonts(pdfs.get('threePages')!);
    expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const text = pageTexts(pdfs.get('threePages')!).join('');
    for (const c of '镕堃喆赟') expect(text).toContain(c);
    expect(hasKangxiRadicals(text)).toBe(false);
  });
});

describe('a notice of about twenty pages', () => {
  it('fills every full page with 22 lines of at most 28 characters, edge to edge', () => {
    const pages = pageCount('longBody');
    expect(pages).toBeGreaterThanOrEqual(15);
    for (const page of [3, 8, pages - 2]) {
      const body = onPage('longBody', page);
      expect(body).toHaveLength(22);
      expect(gridLine(body[0]!)).toBeCloseTo(0, 1);
      expect(gridLine(body[21]!)).toBeCloseTo(21, 1);
      for (const l of body) {
        expect(l.text.length).toBeLessThanOrEqual(28);
        expect([LEFT, LEFT + 2 * CELL].some((x) => Math.abs(l.left - x) < 0.5)).toBe(true);
      }
      // A line followed by a flush-left one is not its paragraph's last: it runs edge to edge.
      const full = body.filter((l, i) => i < 21 && Math.abs(body[i + 1]!.left - LEFT) < 0.5);
      for (const l of full) expect(Math.abs(l.right - RIGHT)).toBeLessThanOrEqual(0.5);
      // Lines of plain characters (no punctuation to keep off a line start) hold exactly 28, as typed.
      const plain = full.filter((l) => Math.abs(l.left - LEFT) < 0.5 && PLAIN.repeat(3).includes(l.text));
      expect(plain.length).toBeGreaterThan(0);
      for (const l of plain) expect(l.text).toHaveLength(28);
    }
  });

  it('numbers every page on its side and ends with the 版记 on the last page’s 版心 bottom', () => {
    const pages = pageCount('longBody');
    const numbers = pageNumbers(lines.get('longBody')!);
    expect(numbers.map((n) => n.number)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    for (const n of numbers) {
      expect(n.side).toBe(n.page % 2 === 1 ? 'right' : 'left');
      const inset = n.side === 'right' ? RIGHT - n.line.right : n.line.left - LEFT;
      expect(Math.abs(inset - 14 / PT_PER_MM)).toBeLessThanOrEqual(1);
      expect(Math.abs((n.line.top + n.line.bottom) / 2 - (BOTTOM + 7))).toBeLessThanOrEqual(1.5);
    }
    const rules = horizontalRules(pdfs.get('longBody')!, pages, 'black');
    expect(rules).toHaveLength(3);
    expect(Math.abs(rules[2]!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
  });
});
