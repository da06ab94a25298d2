import { loadPdfLib } from '../../lazyLibs';

/**
 * Several documents printed separately and joined into one file, so each keeps its own page numbers (第1页 restarts
 * on each document's first page).
 */
export async function mergePdfs(parts: Uint8Array[]): Promise<Uint8Array> {
  if (parts.length === 1) return parts[0]!;
  const { PDFDocument } = await loadPdfLib();
  const merged = await PDFDocument.create();
  for (const part of parts) {
    const doc = await PDFDocument.load(part);
    const pages = await merged.copyPages(doc, doc.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save();
}

export async function pageCount(pdf: Uint8Array): Promise<number> {
  const { PDFDocument } = await loadPdfLib();
  return (await PDFDocument.load(pdf)).getPageCount();
}
