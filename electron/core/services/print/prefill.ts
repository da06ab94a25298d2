import { localDate } from '../../../../shared/domain/enterpriseRules';
import type { PrintableDocument } from '../../../../shared/documents/model';
import { getSettings } from '../../db/repos/settings';
import type { Db } from '../../db/open';
import { draftContent, type DraftInput } from '../documents/prefill';

/**
 * A pre-filled document as it would be drafted, unnumbered and not saved: the command line prints one when no
 * document was issued yet (a 批复 for an enterprise, a notice), dated today.
 */
export function prefilledDocument(db: Db, now: Date, request: DraftInput): PrintableDocument {
  const { content } = draftContent(db, getSettings(db), request, localDate(now));
  return { ...content, number: null };
}
