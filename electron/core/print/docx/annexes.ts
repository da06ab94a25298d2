import { Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { paragraphsOf } from '../../../../shared/documents/body';
import type { AttachmentTable, DocAttachment } from '../../../../shared/documents/model';
import { bodyParagraph } from './main';
import { LINE, TEXT_WIDTH, TITLE_PT } from './metrics';
import { blank, centred, exactly, para, rule } from './parts';

/** Table text: 宋体 小四 on 18 pt lines with 1 mm above and below, as the print HTML sets its 名册. */
const TABLE_PT = 12;
const TABLE_LINE = 360;
const CELL_MARGIN = { top: 57, bottom: 57, left: 85, right: 85 };

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      para([{ text, role: header ? '黑体' : '宋体', pt: TABLE_PT, offGrid: true }], {
        ...centred,
        spacing: exactly(TABLE_LINE),
      }),
    ],
  });
}

/** A 名册 filling the 版心: relative widths to twips, the header row repeated on every page, rows never split. */
function annexTable(table: AttachmentTable): Table {
  const total = table.columns.reduce((sum, c) => sum + Math.max(c.width, 0), 0) || 1;
  const widths = table.columns.map((c) => Math.floor((Math.max(c.width, 0) / total) * TEXT_WIDTH));
  const line = rule(4);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.columns.map((c, i) => cell(c.title, widths[i]!, true)),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: table.columns.map((_, i) => cell(row[i] ?? '', widths[i]!, false)),
          }),
      ),
    ],
  });
}

/**
 * Each 附件 on a new page (GB/T 9704 8): “附件1” (“附件” when there is only one) in 黑体 on the first line, its title
 * centred on the third, a blank line, then the table or the text.
 */
export function annexBlocks(attachments: DocAttachment[]): (Paragraph | Table)[] {
  return attachments.flatMap((a, i) => {
    const label = attachments.length === 1 ? '附件' : `附件${i + 1}`;
    const content = a.table ? [annexTable(a.table)] : paragraphsOf(a.text).map(bodyParagraph);
    return [
      para([{ text: label, role: '黑体' }], { pageBreakBefore: true }),
      blank(),
      para([{ text: a.title.trim(), role: '小标宋', pt: TITLE_PT, offGrid: true }], {
        ...centred,
        spacing: exactly(LINE),
      }),
      blank(),
      ...content,
    ];
  });
}
