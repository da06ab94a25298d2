/**
 * The heavy file-format libraries, loaded on first use: together they take the core worker about half a second to
 * import, and most sessions open a ledger and search long before (if ever) they read a spreadsheet or print.
 * Each loader runs its import once; `import type` elsewhere stays static. The .docx writer, whose modules use docx
 * throughout, is loaded whole instead (services/print.ts imports it where a .docx is made).
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

export const loadExcelJS = once(async () => (await import('exceljs')).default);

/** ExcelJS's streaming sheet class, which its typings do not export (see excel/write/exceljsInternals.d.ts). */
export const loadWorksheetWriter = once(
  async () => (await import('exceljs/lib/stream/xlsx/worksheet-writer.js')).default,
);

export const loadXlsx = once(async () => {
  const [xlsx, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
  // BIFF files from Chinese Excel and WPS carry GBK text (codepage 936); SheetJS needs the tables to decode it.
  xlsx.set_cptable(cptable);
  return xlsx;
});

export const loadPdfLib = once(() => import('pdf-lib'));
