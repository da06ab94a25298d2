/**
 * A 公文 as the product holds it (GB/T 9704-2012, domain.md §6): the fields a clerk fills in, in the order the
 * standard places them. One model feeds every output — the print HTML (and so the PDF), the .docx and the editor —
 * so the three never disagree about what a document says.
 */

/** The kinds of document a township committee writes in this work. 请示 and 报告 go upward (上行文). */
export const DOC_KINDS = { notice: '通知', reply: '批复', request: '请示', report: '报告', letter: '函' } as const;
export type DocKind = keyof typeof DOC_KINDS;

/** 上行文 carry a 签发人 in the 版头 (GB/T 9704 7.2.5). */
export function isUpward(kind: DocKind): boolean {
  return kind === 'request' || kind === 'report';
}

/** 紧急程度. The product never holds classified material, so 密级 is not offered (gbt9704.md). */
export const URGENCIES = { none: '无', urgent: '加急', 'very-urgent': '特急' } as const;
export type Urgency = keyof typeof URGENCIES;

/** A ledger table attached to a document: a 名册 or a 名单, paginated with its header repeated on each page. */
export interface AttachmentTable {
  columns: { title: string; /** Relative width; the table fills the 版心. */ width: number }[];
  rows: string[][];
}

export interface DocAttachment {
  /** 附件说明 and the attachment's own title: “有党员未建党组织企业名册”. */
  title: string;
  /** Either a table or free text (paragraphs separated by line breaks). */
  table: AttachmentTable | null;
  text: string;
}

export interface GongwenContent {
  kind: DocKind;
  urgency: Urgency;
  /** 发文机关标志, e.g. 中共长乐镇委员会文件 (from the ledger settings). */
  banner: string;
  /** 签发人, 上行文 only. */
  signer: string;
  /** 标题, without a trailing full stop; may run to three lines. */
  title: string;
  /** 主送机关, printed with a full-width colon after it. */
  addressees: string;
  /**
   * 正文: paragraphs separated by line breaks. A paragraph starting 一、 is a level-1 heading (黑体), （一） level 2
   * (楷体), 1. and （1） levels 3 and 4 (仿宋); see headingLevel in ./body.
   */
  body: string;
  attachments: DocAttachment[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期, YYYY-MM-DD; printed 2011年8月9日. */
  date: string;
  /** Whether the document will carry the seal (印章): the 署名 and date are placed for it (GB/T 9704 7.3.5). */
  sealed: boolean;
  /** 附注, printed in （） under the date. */
  note: string;
  /** 抄送机关. */
  cc: string;
  /** 印发机关, e.g. 中共长乐镇委员会办公室. */
  printedBy: string;
  /** 印发日期, YYYY-MM-DD. */
  printedOn: string;
}

/** A document ready to print: the content and its 发文字号 (null for a draft, which prints without one). */
export interface PrintableDocument extends GongwenContent {
  number: string | null;
}

/** What a document was made from: a blank form or one of the ledger's pre-filled kinds. */
export const DOC_SOURCES = {
  blank: '空白公文',
  approval: '成立党组织的批复',
  'instructor-notice': '选派党建工作指导员的通知',
  'campaign-notice': '专项行动通知（附有党员未建党组织企业名册）',
  'table-notice': '附台账表格的通知',
} as const;
export type DocSource = keyof typeof DOC_SOURCES;

export const DOC_STATUSES = { draft: '草稿', issued: '已发文', withdrawn: '已撤回' } as const;
export type DocStatus = keyof typeof DOC_STATUSES;
