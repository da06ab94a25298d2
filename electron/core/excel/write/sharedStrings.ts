import type { stream } from 'exceljs';

interface WorkbookInternals {
  sharedStrings: { count: number; totalRefs: number; values: string[] };
  _openStream(path: string): { write(text: string): void; end(): void };
  addSharedStrings(): Promise<void>;
}

/** Characters XML 1.0 cannot hold at all (the ledger refuses them on input; an old file might still have some). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const BATCH = 2000;

function text(s: string): string {
  const escaped = s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  // As ExcelJS writes it: leading or trailing space and line breaks are kept.
  return /^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${escaped}</t></si>` : `<si><t>${escaped}</t></si>`;
}

/**
 * The shared strings part written a batch at a time. ExcelJS builds it as one list of XML pieces and joins it at
 * the end, which for a ledger of tens of thousands of enterprises (a name, a code, an address, a phone each) costs
 * more memory at that moment than the whole export before it. The part is the same: `<sst count uniqueCount>` with
 * an `<si><t>` per string, in ExcelJS's order, so the indexes the sheet refers to hold.
 */
export function streamSharedStrings(workbook: stream.xlsx.WorkbookWriter): void {
  const wb = workbook as unknown as WorkbookInternals;
  wb.addSharedStrings = () => {
    const strings = wb.sharedStrings;
    if (strings.count === 0) return Promise.resolve();
    const part = wb._openStream('/xl/sharedStrings.xml');
    part.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.totalRefs}" uniqueCount="${strings.count}">`,
    );
    const values = strings.values;
    for (let i = 0; i < values.length; i += BATCH)
      part.write(
        values
          .slice(i, i + BATCH)
          .map(text)
          .join(''),
      );
    part.write('</sst>');
    part.end();
    return Promise.resolve();
  };
}
