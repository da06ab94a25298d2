import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { PrintableDocument } from '../../../../shared/documents/model';
import { annexBlocks } from './annexes';
import { imprintTable } from './imprint';
import { headParagraphs, mainParagraphs } from './main';
import { BODY_PT, cells, FOOTER_DISTANCE, LINE, MARGIN, PAGE, PAGE_NO_LINE, SMALL_PT } from './metrics';
import { exactly, face, OFF_GRID, offGridStyles } from './parts';

/**
 * 页码 “— 1 —” in 4号宋体 (GB/T 9704 7.5): odd pages at the right, even pages at the left, one character in. Word's
 * “different odd and even pages” carries the two footers; the PAGE field numbers on through the 附件.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = { font: face('宋体'), size: SMALL_PT * 2, snapToGrid: false };
  return new Footer({
    children: [
      new Paragraph({
        style: OFF_GRID,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: cells(1) } : { left: cells(1) },
        spacing: exactly(PAGE_NO_LINE),
        children: [
          new TextRun({ ...font, text: '— ' }),
          new TextRun({ ...font, children: [PageNumber.CURRENT] }),
          new TextRun({ ...font, text: ' —' }),
        ],
      }),
    ],
  });
}

/**
 * The 公文 as a .docx to finish in WPS or Word, laid out to the standard as the print HTML is: A4, the 版心 of
 * 156 × 225 mm on a 22 × 28 document grid, 仿宋_GB2312 3号 body, and the same 版头, 主体, 附件 and 版记. It never
 * carries a 主题词 line (the 1999 format's), and names no author but the issuing committee.
 */
export async function gongwenDocx(doc: PrintableDocument): Promise<Uint8Array> {
  const head = headParagraphs(doc);
  const document = new Document({
    title: doc.title.trim(),
    creator: doc.issuer.trim(),
    lastModifiedBy: doc.issuer.trim(),
    description: doc.number ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: face('仿宋'), size: BODY_PT * 2 },
          paragraph: { spacing: exactly(LINE) },
        },
      },
      // LibreOffice sizes the character grid from Normal's East Asian size: 3号, as Word's default is here.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: face('仿宋'), size: BODY_PT * 2 },
          paragraph: { spacing: exactly(LINE) },
        },
        {
          id: OFF_GRID,
          name: '公文（不对齐字符网格）',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { spacing: exactly(LINE) },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...head.paragraphs,
          ...mainParagraphs(doc, head.titleBefore),
          ...annexBlocks(doc.attachments),
          imprintTable(doc),
          // Word wants a paragraph after a table; a hidden hairline one, so the 版记 ending on the 版心's foot never
          // pushes it onto a blank page of its own.
          new Paragraph({ style: OFF_GRID, spacing: exactly(2), run: { vanish: true, size: 2 } }),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const styles = zip.file('word/styles.xml')!;
  zip.file('word/styles.xml', offGridStyles(await styles.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
