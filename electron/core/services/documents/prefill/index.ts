import type { LedgerSettings } from '../../../../../shared/domain/ledger';
import type { DraftRequest } from '../../../../../shared/ipc/documents';
import type { Db } from '../../../db/open';
import { approvalDraft } from './approval';
import { campaignNoticeDraft } from './campaignNotice';
import type { DocContact, Prefilled } from './common';
import { blankDraft, instructorNoticeDraft, tableNoticeDraft } from './notices';

export type { DocContact, Prefilled } from './common';

/** A DraftRequest as parsed, or as a caller (the command line) builds it with the references left out. */
export type DraftInput = Omit<DraftRequest, 'enterpriseId' | 'campaignId' | 'areaId'> &
  Partial<Pick<DraftRequest, 'enterpriseId' | 'campaignId' | 'areaId'>>;

/**
 * A document's content made from the ledger and the settings, not yet saved: `documents:draft` stores it, the
 * command line prints it as it is. `today` (YYYY-MM-DD) is its 成文日期 and 印发日期 until the clerk changes them;
 * `contact` (本机设置) goes into the 附注 of the kinds that carry one.
 */
export function draftContent(
  db: Db,
  settings: LedgerSettings,
  request: DraftInput,
  today: string,
  contact?: DocContact,
): Prefilled {
  const ctx = { db, settings, today, contact };
  const areaId = request.areaId ?? null;
  switch (request.source) {
    case 'approval':
      return approvalDraft(ctx, request.enterpriseId ?? null);
    case 'instructor-notice':
      return instructorNoticeDraft(ctx, areaId);
    case 'campaign-notice':
      return campaignNoticeDraft(ctx, request.campaignId ?? null, areaId);
    case 'table-notice':
      return tableNoticeDraft(ctx, request.table, areaId);
    case 'blank':
      return blankDraft(ctx, request.kind);
  }
}
