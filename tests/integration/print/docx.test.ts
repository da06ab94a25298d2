import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintableDocument } from '../../../shared/documents/model';
import { gongwenDocx } from '../../../electron/core/print/docx/gongwenDocx';
import { gongwenHtml } from '../../../electron/core/print/gongwen/html';
import { convertAll, pdfPageCount, sofficeMissing } from '../../support/libreoffice';
import { pageSizesMm, pageTexts } from '../../support/pdf';
import { closeRenderer, renderPdf } from '../../support/renderPdf';
import { useTestFonts } from '../../support/testFonts';

/**
 * The .docx a clerk finishes in WPS or Word: its page setup and faces read straight from the package, and the page
 * count LibreOffice Writer prints it to compared with the count Chromium prints the same 公文 to.
 */

const BASE: PrintableDocument = {
  kind: 'notice',
  urgency: 'none',
  banner: '中共长乐镇委员会文件',
  signer: '',
  number: '长委〔2026〕12号',
  title: '关于开展非公有制企业党建工作集中攻坚月活动的通知',
  addressees: '各村（社区）党组织，镇机关各支部',
  body: [
    '为进一步扩大党的组织覆盖和工作覆盖，经镇党委研究，决定开展集中攻坚月活动。',
    '一、时间安排。2026年12月31日前完成。',
  ].join('\n'),
  attachments: [],
  issuer: '中共长乐镇委员会',
  date: '2026-11-21',
  sealed: false,
  note: '',
  cc: '市委组织部，市委两新工委',
  printedBy: '中共长乐镇委员会办公室',
  printedOn: '2026-11-21',
};

/** One page: 版头, title, 主送, three body lines, 署名 and date, 版记 at the foot. */
const ONE_PAGE = BASE;

const paragraph = (n: number) =>
  `（${'一二三四五六'[n]}）加强组织领导。各村（社区）党组织要把非公有制企业党建工作摆上重要位置，书记亲自抓，落实专人负责，逐企摸清党员底数和组建条件，确保按期完成各项任务。`;

/** Two pages of 正文, then a 40-row 名册 attachment from page 3 on, its header row repeated, and the 版记 last. */
const MULTI_PAGE: PrintableDocument = {
  ...BASE,
  number: '长委〔2026〕13号',
  title: '关于印发有党员未建党组织企业名册并推进组建工作的通知',
  body: ['一、工作要求', ...Array.from({ length: 6 }, (_, i) => paragraph(i))].join('\n'),
  attachments: [
    {
      title: '有党员未建党组织企业名册',
      text: '',
      table: {
        columns: [
          { title: '序号', width: 2 },
          { title: '企业名称', width: 10 },
          { title: '所在区域', width: 5 },
          { title: '党员数', width: 3 },
          { title: '组建对策', width: 5 },
        ],
        rows: Array.from({ length: 40 }, (_, i) => [
          String(i + 1),
          `长乐镇第${i + 1}精密机械有限公司`,
          '长乐镇工业园区',
          String((i % 2) + 1),
          '园区联建',
        ]),
      },
    },
  ],
};

const work = mkdtempSync(join(tmpdir(), 'yqyc-docx-'));
const packages = new Map<PrintableDocument, Uint8Array>();

async function zipOf(doc: PrintableDocument) {
  let bytes = packages.get(doc);
  if (!bytes) packages.set(doc, (bytes = await gongwenDocx(doc)));
  return JSZip.loadAsync(bytes);
}

async function part(doc: PrintableDocument, name: string): Promise<string> {
  const file = (await zipOf(doc)).file(name);
  if (!file) throw new Error(`${name} is not in the package`);
  return file.async('string');
}

/** Writer's PDF of each document, converted in one soffice run. */
async function writerPdfs(docs: PrintableDocument[]): Promise<Uint8Array[]> {
  const files = await Promise.all(
    docs.map(async (doc, i) => {
      const path = join(work, `doc${i}.docx`);
      writeFileSync(path, await gongwenDocx(doc));
      return path;
    }),
  );
  const pdfs = await convertAll(files, 'writer-pdf', work);
  return pdfs.map((pdf) => {
    expect(pdfPageCount(pdf), `${pdf} has pages`).toBeGreaterThan(0);
    return new Uint8Array(readFileSync(pdf));
  });
}

beforeAll(() => useTestFonts());

afterAll(async () => {
  await closeRenderer();
  rmSync(work, { recursive: true, force: true });
});

const attr = (xml: string, element: string, name: string) =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('公文 .docx', () => {
  it('sets A4 with the 37/26/35/28 mm margins and the 22 × 28 document grid', async () => {
    const xml = await part(ONE_PAGE, 'word/document.xml');
    expect(attr(xml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(xml, 'w:pgSz', 'w:h')).toBe('16838');
    // mm × 1440 / 25.4, rounded: 37 → 2098, 26 → 1474, 35 → 1984, 28 → 1587.
    expect(attr(xml, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(xml, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(xml, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(xml, 'w:pgMar', 'w:left')).toBe('1587');
    // A line grid of 28.95 pt; the 28 characters come from the body's −0.25 pt character spacing, which Word, WPS
    // and Writer all honour alike (Writer breaks a linesAndChars grid's lines after half their characters).
    expect(attr(xml, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(xml, 'w:docGrid', 'w:linePitch')).toBe('579');
    const bodyText = xml.indexOf('为进一步');
    expect(xml.slice(xml.lastIndexOf('<w:r>', bodyText), bodyText)).toContain('<w:spacing w:val="-5"/>');
    // 28 characters of 16 − 0.25 pt fit the 156 mm 版心 (8835 twips); a 29th does not.
    expect(28 * (16 - 0.25) * 20).toBeLessThanOrEqual(8835);
    expect(29 * (16 - 0.25) * 20).toBeGreaterThan(8835);
    // 22 lines of 579 twips fill the 225 mm 版心 (12756 twips) to within a line's fraction.
    expect(16838 - 2098 - 1984 - 22 * 579).toBeGreaterThanOrEqual(0);
    expect(16838 - 2098 - 1984 - 22 * 579).toBeLessThan(579);
  });

  it('sets the body in 仿宋_GB2312 3号 and the title in 方正小标宋简体 2号, centred, with a red banner', async () => {
    const styles = await part(ONE_PAGE, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');

    const xml = await part(ONE_PAGE, 'word/document.xml');
    const paragraphs = xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)!;
    const title = paragraphs.find((p) => p.includes(`>${ONE_PAGE.title}<`))!;
    expect(title).toBeDefined();
    expect(attr(title, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    expect(title).not.toMatch(/<w:b\/>|<w:b /);

    const banner = paragraphs.find((p) => p.includes(`>${ONE_PAGE.banner}<`))!;
    expect(attr(banner, 'w:color', 'w:val')).toBe('FF3333');
    expect(attr(banner, 'w:jc', 'w:val')).toBe('center');
    const number = paragraphs.find((p) => p.includes('长委〔2026〕12号'))!;
    expect(attr(number, 'w:jc', 'w:val')).toBe('center');
    expect(number).toMatch(/<w:bottom [^>]*w:color="FF3333"/);

    const body = paragraphs.find((p) => p.includes('为进一步扩大'))!;
    expect(attr(body, 'w:ind', 'w:firstLineChars')).toBe('200');
    const heading = paragraphs.find((p) => p.includes('一、时间安排。'))!;
    expect(attr(heading, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(xml).toContain(`>${ONE_PAGE.addressees}：<`);
  });

  it('numbers pages “— N —” in 4号宋体, odd pages right and even pages left', async () => {
    const zip = await zipOf(ONE_PAGE);
    const settings = await part(ONE_PAGE, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders');
    const xml = await part(ONE_PAGE, 'word/document.xml');
    const rels = await part(ONE_PAGE, 'word/_rels/document.xml.rels');
    const footerOf = async (type: string) => {
      const id = new RegExp(
        `<w:footerReference [^>]*w:type="${type}"[^>]*r:id="([^"]+)"|<w:footerReference [^>]*r:id="([^"]+)"[^>]*w:type="${type}"`,
      ).exec(xml);
      expect(id, `${type} footer`).not.toBeNull();
      const target = new RegExp(`Id="${id![1] ?? id![2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      return zip.file(`word/${target}`)!.async('string');
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = await footerOf(type);
      expect(footer).toMatch(/PAGE/);
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(attr(footer, 'w:jc', 'w:val')).toBe(side);
      expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
  });

  it('puts each 附件 on a new page with its table header repeated, the 版记 at the end, and no 主题词', async () => {
    const xml = await part(MULTI_PAGE, 'word/document.xml');
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('>附件：有党员未建党组织企业名册<');
    const imprint = xml.lastIndexOf('印发<');
    expect(imprint).toBeGreaterThan(xml.lastIndexOf('长乐镇第40精密机械有限公司'));
    expect(xml).toContain('抄送：市委组织部，市委两新工委。');
    for (const doc of [ONE_PAGE, MULTI_PAGE]) {
      const zip = await zipOf(doc);
      for (const name of Object.keys(zip.files)) {
        if (name.endsWith('.xml')) expect(await zip.file(name)!.async('string')).not.toContain('主题词');
      }
    }
    const core = await part(MULTI_PAGE, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${MULTI_PAGE.title}</dc:title>`);
    expect(core).toContain('<dc:creator>中共长乐镇委员会</dc:creator>');
  });

  it.skipIf(sofficeMissing() !== null)(
    'prints in LibreOffice Writer to as many pages as Chromium prints the same 公文 to',
    async () => {
      const docs = [ONE_PAGE, MULTI_PAGE];
      const expected = [1, 6];
      const writer = await writerPdfs(docs);
      for (const [i, doc] of docs.entries()) {
        const chromium = (await pageSizesMm(await renderPdf(gongwenHtml(doc)))).length;
        const texts = pageTexts(writer[i]!);
        const flat = texts.join('').replace(/\s+/g, '');
        expect(flat).toContain(doc.title);
        expect({ writer: texts.length, chromium }).toEqual({ writer: expected[i], chromium: expected[i] });
        expect(flat).not.toContain('主题词');
      }
    },
    300_000,
  );
});
