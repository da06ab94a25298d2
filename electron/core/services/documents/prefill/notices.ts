import { ATTACHABLE_TABLES, type AttachableTable } from '../../../../../shared/ipc/documents';
import type { DocKind } from '../../../../../shared/documents/model';
import { AppError } from '../../../errors';
import { frame, type PrefillContext, type Prefilled } from './common';
import { ledgerAttachment } from './tables';

/** To whom the committee's notices in this work go. */
const NOTICE_ADDRESSEES = '各工作片、各行政村（社区）党组织，镇级机关各部门，各非公有制企业党组织';

/** 关于选派非公企业党建工作指导员的通知 with the 名单 (the instructors and the enterprises each one works with). */
export function instructorNoticeDraft(ctx: PrefillContext, areaId: number | null): Prefilled {
  const list = ledgerAttachment(ctx, 'instructors', areaId);
  const count = list.table?.rows.length ?? 0;
  const body = [
    `为加强对非公有制企业党建工作的指导，推动党的组织和工作覆盖，经镇党委研究，决定选派${count > 0 ? `${count}名同志` : ''}担任非公企业党建工作指导员（名单见附件）。现将有关事项通知如下：`,
    '一、指导员的职责',
    '党建工作指导员主要负责宣传党的路线方针政策，了解掌握所联系企业的生产经营和党员队伍情况，帮助符合条件的企业建立党组织，指导已建党组织的企业规范开展组织生活，协调解决企业党建工作中的困难和问题。',
    '二、工作要求',
    '（一）落实联系制度。指导员每月到所联系企业走访不少于一次，及时记录工作情况，重要情况随时向镇党委报告。',
    '（二）注重工作实效。指导员要结合企业实际，一企一策推进党组织组建和党的工作覆盖，做到不干预企业正常生产经营。',
    '（三）加强管理考核。镇党委对指导员履职情况进行年度考核，考核结果作为评先评优的重要依据。',
    '各有关单位要支持指导员开展工作，为其履职提供必要条件。',
  ].join('\n');
  return {
    content: {
      ...frame(ctx, 'notice'),
      title: '关于选派非公企业党建工作指导员的通知',
      addressees: NOTICE_ADDRESSEES,
      body,
      attachments: [list],
    },
    enterpriseId: null,
    planId: null,
    campaignId: null,
  };
}

/** A notice carrying one ledger table as its 附件, for the clerk to word. */
export function tableNoticeDraft(
  ctx: PrefillContext,
  table: AttachableTable | undefined,
  areaId: number | null,
): Prefilled {
  if (table === undefined) throw new AppError('VALIDATION', '请选择要附上的台账表格', 'table');
  const title = ATTACHABLE_TABLES[table];
  const body = [
    `现将${title}印发给你们，请结合工作实际认真核对，抓好相关工作落实。`,
    '名单中的情况如有变动，请及时报镇党委，以便更新台账。',
  ].join('\n');
  return {
    content: {
      ...frame(ctx, 'notice'),
      title: `关于印发${title}的通知`,
      addressees: NOTICE_ADDRESSEES,
      body,
      attachments: [ledgerAttachment(ctx, table, areaId)],
    },
    enterpriseId: null,
    planId: null,
    campaignId: null,
  };
}

/** An empty document of the chosen kind (a 通知 by default) with the settings' 版头 and 版记. */
export function blankDraft(ctx: PrefillContext, kind: DocKind | undefined): Prefilled {
  return { content: frame(ctx, kind ?? 'notice'), enterpriseId: null, planId: null, campaignId: null };
}
