import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintableDocument } from '../../../shared/documents/model';
import { gongwenHtml } from '../../../electron/core/print/gongwen/html';
import { closeRenderer, renderPdf } from '../../support/renderPdf';
import { pdfFonts, PT_PER_MM } from '../../support/pdf';
import { horizontalRules, pageNumbers, textLines, type TextLine } from '../../support/pdfLayout';

/**
 * The parts of a 公文 that only some documents have, printed through Chromium and measured: a 上行文's 签发人, 附件
 * (one a 300-row 名册 across many pages), no 抄送, no seal, a draft without a number, an overlong 标志.
 */

const LINE = 28.95 / PT_PER_MM;
const CELL = 156 / 28;
const TOP = 37;
const LEFT = 28;
const RIGHT = 28 + 156;
const BOTTOM = 297 - 35;
const BODY_BOX = (28.95 - 16) / 2 / PT_PER_MM;

function doc(over: Partial<PrintableDocument>): PrintableDocument {
  return {
    kind: 'notice',
    urgency: 'none',
    banner: '中共长乐镇委员会文件',
    signer: '',
    title: '关于开展专项行动的通知',
    addressees: '各村（社区）党组织',
    body: '为推动非公有制企业党建工作高质量发展，经镇党委研究，决定开展专项行动。\n现将有关事项通知如下。',
    attachments: [],
    issuer: '中共长乐镇委员会',
    date: '2011-08-09',
    sealed: true,
    note: '',
    cc: '县委组织部',
    printedBy: '中共长乐镇委员会办公室',
    printedOn: '2011-08-09',
    number: '长委〔2011〕44号',
    ...over,
  };
}

const ROWS = 300;
const roster = {
  columns: [
    { title: '序号', width: 1 },
    { title: '企业名称', width: 4 },
    { title: '党员人数', width: 1.5 },
    { title: '所在村（社区）', width: 2 },
  ],
  rows: Array.from({ length: ROWS }, (_, i) => [
    `${i + 1}`,
    `长乐镇第${i + 1}号企业有限公司`,
    `${(i % 5) + 1}`,
    '长乐村',
  ]),
};

const upward = doc({
  kind: 'request',
  banner: '中共长乐镇委员会文件',
  signer: '张镕堃',
  title: '关于成立党支部的请示',
  addressees: '县委组织部',
  number: '长委〔2011〕45号',
});
const withAnnexes = doc({
  attachments: [
    { title: '有党员未建党组织企业名册', table: roster, text: '' },
    { title: '专项行动工作安排', table: null, text: '一、排查阶段。全面摸清底数。\n二、整改阶段。逐一建立组织。' },
  ],
});
/** The 名册 last, so the 版记 follows a table that ran over several pages with its header repeated. */
const tableLast = doc({
  cc: '',
  attachments: [
    { title: '专项行动工作安排', table: null, text: '一、排查阶段。全面摸清底数。' },
    { title: '有党员未建党组织企业名册', table: { ...roster, rows: roster.rows.slice(0, 137) }, text: '' },
  ],
});
/**
 * Ten 版头 lines, title, blank, 主送, five full body lines, blank, 署名 and date: 21 lines, one short of the 版记's
 * two, so the 版记 moves to a page of its own, still on the 版心 bottom.
 */
const FIVE_LINES = '党的组织和工作覆盖推动非公有制企业党建工作高质量发展经镇党委研究决定在全镇范围内开展专项行动'
  .repeat(3)
  .slice(0, 26 + 4 * 28);
const noRoom = doc({ sealed: false, body: FIVE_LINES });
const bare = doc({
  banner: '长乐镇人民政府办公室关于企业党建工作文件',
  title: '关于<b>“两新”</b>组织 & 党建的通知',
  number: null,
  sealed: false,
  cc: '',
});

const pdfs = new Map<string, Uint8Array>();
const lines = new Map<string, TextLine[]>();

beforeAll(async () => {
  const docs = { upward, withAnnexes, tableLast, noRoom, bare };
  await Promise.all(
    Object.entries(docs).map(async ([name, d]) => {
      const pdf = await renderPdf(gongwenHtml(d));
      pdfs.set(name, pdf);
      lines.set(name, textLines(pdf));
    }),
  );
}, 60_000);
afterAll(closeRenderer);

const pageCount = (name: string) => Math.max(...lines.get(name)!.map((l) => l.page));
const find = (name: string, text: string) => {
  const found = lines.get(name)!.find((l) => l.text.includes(text));
  if (!found) throw new Error(`“${text}” not printed`);
  return found;
};
const gridLine = (l: TextLine) => (l.top - BODY_BOX - TOP) / LINE;

describe('the print HTML', () => {
  it('is one self-contained document that loads nothing and escapes what the clerk typed', () => {
    const html = gongwenHtml(bare);
    expect(html).not.toMatch(/<link|\ssrc=|url\(|@import|https?:/i);
    expect(html).toContain('关于&lt;b&gt;“两新”&lt;/b&gt;组织 &amp; 党建的通知');
    expect(html).not.toContain('主题词');
  });
});

describe('a 上行文', () => {
  it('puts the 发文字号 1 character in at the left and the 签发人 1 character in at the right, on one line', () => {
    const number = find('upward', '长委〔2011〕45号');
    const signer = find('upward', '签发人：');
    expect(Math.abs(number.left - (LEFT + CELL))).toBeLessThanOrEqual(1);
    expect(Math.abs(number.top - signer.top)).toBeLessThanOrEqual(0.5);
    const whole = lines.get('upward')!.filter((l) => Math.abs(l.top - number.top) < 0.5 && l.left > 100);
    expect(whole.map((l) => l.text).join('')).toBe('签发人：张镕堃');
    expect(Math.abs(Math.max(...whole.map((l) => l.right)) - (RIGHT - CELL))).toBeLessThanOrEqual(1);
    expect(pdfFonts(pdfs.get('upward')!).filter((f) => f.type === 'Type 3')).toEqual([]);
  });

  it('breaks a party organ’s red rule for the ★ in its middle', () => {
    const pdf = pdfs.get('upward')!;
    const [rule] = horizontalRules(pdf, 1, 'red');
    expect(Math.abs(rule!.right - rule!.left - 156)).toBeLessThanOrEqual(1);
    expect(horizontalRules(pdf, 1, 'red', { minRunMm: 100 })).toEqual([]);
  });
});

describe('a notice with two attachments, one a 300-row 名册', () => {
  it('lists the attachments after the body, later items aligned under the first', () => {
    const first = find('withAnnexes', '附件：1.有党员未建党组织企业名册');
    const second = find('withAnnexes', '2.专项行动工作安排');
    expect(first.left).toBeCloseTo(LEFT + 2 * CELL, 0);
    expect(Math.abs(second.left - (first.left + 3 * CELL))).toBeLessThanOrEqual(0.6);
    expect(second.top - first.top).toBeCloseTo(LINE, 0);
  });

  it('starts each attachment on a new page with 附件N flush left and its title on the third line', () => {
    for (const [label, title] of [
      ['附件1', '有党员未建党组织企业名册'],
      ['附件2', '专项行动工作安排'],
    ] as const) {
      const head = lines.get('withAnnexes')!.find((l) => l.text === label)!;
      expect(head.left).toBeCloseTo(LEFT, 0);
      expect(gridLine(head)).toBeCloseTo(0, 1);
      const titleLine = lines.get('withAnnexes')!.find((l) => l.page === head.page && l.text === title)!;
      expect(Math.abs((titleLine.left + titleLine.right) / 2 - 106)).toBeLessThanOrEqual(1);
      expect((titleLine.top - TOP) / LINE).toBeGreaterThan(1.9);
      expect((titleLine.top - TOP) / LINE).toBeLessThan(3);
    }
  });

  it('repeats the table header on every page and never splits a row', () => {
    const all = lines.get('withAnnexes')!;
    const start = all.find((l) => l.text === '附件1')!.page;
    const end = all.find((l) => l.text === '附件2')!.page - 1;
    expect(end - start).toBeGreaterThanOrEqual(5);
    const seen: number[] = [];
    for (let page = start; page <= end; page++) {
      const onPage = all.filter((l) => l.page === page && l.top < BOTTOM);
      const header = onPage.filter((l) => /企业名称/.test(l.text));
      expect(header, `page ${page}`).toHaveLength(1);
      for (const l of onPage) {
        const m = /^长乐镇第(\d+)号企业有限公司$/.exec(l.text);
        if (m) seen.push(Number(m[1]));
        expect(l.bottom).toBeLessThanOrEqual(BOTTOM + 0.5);
      }
    }
    expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  });

  it('numbers pages on through the attachments and ends with the 版记 on the last page only', () => {
    const pages = pageCount('withAnnexes');
    expect(pageNumbers(lines.get('withAnnexes')!).map((n) => n.number)).toEqual(
      Array.from({ length: pages }, (_, i) => i + 1),
    );
    const last = horizontalRules(pdfs.get('withAnnexes')!, pages, 'black');
    expect(last).toHaveLength(3);
    expect(Math.abs(last[2]!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
    expect(find('withAnnexes', '抄送：').page).toBe(pages);
    expect(find('withAnnexes', '二、整改阶段').page).toBe(pages);
  });
});

describe('a notice whose last attachment is a table', () => {
  it('puts the 版记 after the table on the last page’s 版心 bottom, without a 抄送 rule', () => {
    const pages = pageCount('tableLast');
    const all = lines.get('tableLast')!;
    const lastRow = all.find((l) => l.text === '长乐镇第137号企业有限公司')!;
    expect(lastRow.page).toBe(pages);
    const rules = horizontalRules(pdfs.get('tableLast')!, pages, 'black');
    const imprint = rules.filter((r) => r.top > lastRow.bottom + 2);
    expect(imprint).toHaveLength(2);
    for (const r of imprint) expect(Math.abs(r.thickness - 0.35)).toBeLessThanOrEqual(0.08);
    expect(Math.abs(imprint.at(-1)!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
    expect(all.filter((l) => l.text.includes('印发')).map((l) => l.page)).toEqual([pages]);
    expect(all.some((l) => l.text.includes('抄送'))).toBe(false);
  });
});

describe('a notice that leaves no room for the 版记 on its last page', () => {
  it('moves the 版记 to a new page, onto its 版心 bottom', () => {
    const all = lines.get('noRoom')!;
    const date = all.find((l) => l.text === '2011年8月9日')!;
    expect(date.page).toBe(1);
    expect(Math.round(gridLine(date))).toBe(20);
    expect(pageCount('noRoom')).toBe(2);
    expect(find('noRoom', '抄送：').page).toBe(2);
    const rules = horizontalRules(pdfs.get('noRoom')!, 2, 'black');
    expect(rules).toHaveLength(3);
    expect(Math.abs(rules[2]!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
    expect(pageNumbers(all).map((n) => [n.number, n.side])).toEqual([
      [1, 'right'],
      [2, 'left'],
    ]);
  });
});

describe('a draft without 抄送 and without a seal, under an overlong 标志', () => {
  it('keeps an empty number line, so the title stands where a numbered one would', () => {
    // pdftotext splits words at spaces; the lines here join them without.
    const title = find('bare', '组织&党建的通知');
    expect(title.text).toBe('关于<b>“两新”</b>组织&党建的通知');
    const titleLineTop = title.top - (28.95 - 22) / 2 / PT_PER_MM;
    expect((titleLineTop - TOP) / LINE).toBeCloseTo(10, 1);
    expect(lines.get('bare')!.some((l) => l.text.includes('〔'))).toBe(false);
  });

  it('squeezes the 标志 into the 版心', () => {
    const banner = find('bare', '长乐镇人民政府办公室关于企业党建工作文件');
    expect(banner.left).toBeGreaterThanOrEqual(LEFT - 1);
    expect(banner.right).toBeLessThanOrEqual(RIGHT + 1);
    // A government organ's rule has no ★: one unbroken red run.
    const [rule] = horizontalRules(pdfs.get('bare')!, 1, 'red', { minRunMm: 150 });
    expect(rule).toBeDefined();
  });

  it('prints the 署名 2 characters in and the date 2 further right, and a 版记 of two 0.35 mm rules', () => {
    const issuer = lines.get('bare')!.find((l) => l.text === '中共长乐镇委员会')!;
    const date = lines.get('bare')!.find((l) => l.text === '2011年8月9日')!;
    expect(Math.abs(issuer.right - (RIGHT - 2 * CELL))).toBeLessThanOrEqual(1);
    expect(Math.abs(date.left - (issuer.left + 2 * CELL))).toBeLessThanOrEqual(1);
    const rules = horizontalRules(pdfs.get('bare')!, pageCount('bare'), 'black');
    expect(rules).toHaveLength(2);
    for (const r of rules) expect(Math.abs(r.thickness - 0.35)).toBeLessThanOrEqual(0.08);
    expect(Math.abs(rules[1]!.bottom - BOTTOM)).toBeLessThanOrEqual(1);
    expect(lines.get('bare')!.some((l) => l.text.includes('抄送'))).toBe(false);
  });
});
