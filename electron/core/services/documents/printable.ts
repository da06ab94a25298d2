import type { PrintableDocument } from '../../../../shared/documents/model';
import type { Db } from '../../db/open';

/** STUB — owned by the documents helper: a stored document as it prints (its number once issued). */
export function printableDocument(db: Db, id: number): PrintableDocument {
  throw new Error(`printableDocument not written yet ${String(db.name)} ${id}`);
}

/** STUB — the document whose 发文字号 is this (parsed leniently); NOT_FOUND with a Chinese message otherwise. */
export function documentIdByNumber(db: Db, number: string): number {
  throw new Error(`documentIdByNumber not written yet ${String(db.name)} ${number}`);
}
