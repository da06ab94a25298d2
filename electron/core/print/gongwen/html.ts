import type { PrintableDocument } from '../../../../shared/documents/model';

/** STUB — owned by the layout helper: one self-contained, print-ready HTML page set for a 公文 (gbt9704.md). */
export function gongwenHtml(doc: PrintableDocument): string {
  throw new Error(`gongwenHtml not written yet (${doc.title})`);
}
