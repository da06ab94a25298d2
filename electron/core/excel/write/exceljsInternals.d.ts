/**
 * ExcelJS's streaming worksheet class, which its typings do not export. The writer extends it for one thing its
 * public API lacks: the sheet's <dimension> (engineering.md §6 asks for explicit dimensions; some readers size the
 * sheet from it).
 */
declare module 'exceljs/lib/stream/xlsx/worksheet-writer.js' {
  import type { stream, Worksheet } from 'exceljs';

  interface XmlBuffer {
    addText(text: string): void;
  }

  interface WorksheetWriterOptions {
    id: number;
    name: string;
    workbook: stream.xlsx.WorkbookWriter;
    useSharedStrings: boolean;
    properties?: Partial<Worksheet['properties']>;
    state?: Worksheet['state'];
    pageSetup?: Partial<Worksheet['pageSetup']>;
    views?: Partial<Worksheet['views'][number]>[];
    headerFooter?: Partial<Worksheet['headerFooter']>;
  }

  class WorksheetWriter {
    constructor(options: WorksheetWriterOptions);
    protected _writeSheetProperties(buffer: XmlBuffer, properties: unknown, pageSetup: unknown): void;
  }
  export default WorksheetWriter;
}
