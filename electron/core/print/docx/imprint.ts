import { HeightRule, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { chineseDate } from '../../../../shared/documents/dates';
import type { PrintableDocument } from '../../../../shared/documents/model';
import { IMPRINT_INNER, IMPRINT_OUTER, LINE, SMALL_PT, TEXT_WIDTH } from './metrics';
import { exactly, noBorder, para, rightTab, rule } from './parts';

/** 4号 characters: the 版记's insets are one of them. */
const INSET = SMALL_PT * 20;

/**
 * 版记 (GB/T 9704 7.4): 抄送 (left out with its rule when empty) and 印发机关/印发日期 between full-width rules, the
 * first and last 0.35 mm, the one between 0.25 mm. It follows the text as a table: Writer does not float a table to
 * the page foot (it spilled onto a page of its own there), so in the .docx the 版记 sits under the last text and the
 * clerk moves it down if the page has room; the page count stays the PDF's.
 */
const WIDTH = TEXT_WIDTH;

export function imprintTable(doc: PrintableDocument): Table {
  const cc = doc.cc.trim().replace(/[。．.，,；;、]+$/, '');
  const row = (paragraph: Paragraph, top: number, bottom: number) =>
    new TableRow({
      cantSplit: true,
      // A little under one grid line: the rules' widths are added to the row in Writer, and the 版记 must still fit
      // the lines the print HTML gives it.
      height: { value: LINE - 30, rule: HeightRule.EXACT },
      children: [
        new TableCell({
          width: { size: WIDTH, type: WidthType.DXA },
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          borders: { top: rule(top), bottom: rule(bottom), left: noBorder, right: noBorder },
          children: [paragraph],
        }),
      ],
    });
  const issued = para(
    [
      { text: doc.printedBy.trim(), pt: SMALL_PT, offGrid: true },
      { text: `\t${chineseDate(doc.printedOn)}印发`, pt: SMALL_PT, offGrid: true },
    ],
    { ...rightTab(WIDTH - INSET), indent: { left: INSET }, spacing: exactly(LINE) },
  );
  const rows = cc
    ? [
        row(
          para([{ text: `抄送：${cc}。`, pt: SMALL_PT, offGrid: true }], {
            indent: { left: 4 * INSET, hanging: 3 * INSET, right: INSET },
            spacing: exactly(LINE),
          }),
          IMPRINT_OUTER,
          IMPRINT_INNER,
        ),
        row(issued, IMPRINT_INNER, IMPRINT_OUTER),
      ]
    : [row(issued, IMPRINT_OUTER, IMPRINT_OUTER)];
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [WIDTH],
    rows,
  });
}
