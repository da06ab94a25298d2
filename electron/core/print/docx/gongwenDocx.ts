import type { PrintableDocument } from '../../../../shared/documents/model';

/** STUB — owned by the printables helper: the same 公文 as a .docx (the docx library), to finish in WPS or Word. */
export async function gongwenDocx(doc: PrintableDocument): Promise<Uint8Array> {
  throw new Error(`gongwenDocx not written yet (${doc.title})`);
}
