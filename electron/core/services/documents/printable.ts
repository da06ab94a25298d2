import type { PrintableDocument } from '../../../../shared/documents/model';
import { formatDocNumber, parseDocNumber } from '../../../../shared/documents/number';
import { contentOf, documentIdHolding, requireDocument } from '../../db/repos/documents';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';

/** A stored document as it prints: its content and, once issued, its 发文字号 (a draft prints without one). */
export function printableDocument(db: Db, id: number): PrintableDocument {
  const r = requireDocument(db, id);
  return { ...contentOf(r.content), number: r.number };
}

/** The document whose 发文字号 is this (typed as a clerk may: 长委[2026]3号, 长委〔2026〕第03号). */
export function documentIdByNumber(db: Db, text: string): number {
  const parsed = parseDocNumber(text);
  if (!parsed) throw new AppError('NOT_FOUND', `“${text}”不是发文字号，应写作“长委〔2026〕3号”的形式`, 'number');
  const number = formatDocNumber(parsed);
  const id = documentIdHolding(db, number);
  if (id === null) throw new AppError('NOT_FOUND', `台账中没有发文字号为${number}的公文`, 'number');
  return id;
}
