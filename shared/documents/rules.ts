import { isCalendarDate } from '../domain/fieldSchemas';
import { isUpward, type GongwenContent } from './model';

/** Chinese names of the content's fields, for messages that name the field at fault. */
export const CONTENT_LABELS: Record<keyof GongwenContent, string> = {
  kind: '文种',
  urgency: '紧急程度',
  banner: '发文机关标志',
  signer: '签发人',
  title: '标题',
  addressees: '主送机关',
  body: '正文',
  attachments: '附件',
  issuer: '发文机关署名',
  date: '成文日期',
  sealed: '加盖印章',
  note: '附注',
  cc: '抄送机关',
  printedBy: '印发机关',
  printedOn: '印发日期',
};

/**
 * A 2号 title line holds 20 characters across the 版心; three lines are the most a title may take before it reads
 * as a paragraph (GB/T 9704 7.3.1 arranges long titles as a trapezoid or diamond of a few lines).
 */
export const TITLE_MAX = 60;

export interface ContentProblem {
  field: keyof GongwenContent;
  message: string;
}

/**
 * What must be true before a document is issued (a draft may be saved with any of it missing). Each problem names
 * its field; issuing refuses while any remain, so no number is taken for a document that cannot be printed right.
 */
export function issueProblems(c: GongwenContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const need = (field: keyof GongwenContent, ok: boolean, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  need('banner', c.banner.trim() !== '', '请填写发文机关标志（可在“台账设置”中设定）');
  need('title', c.title.trim() !== '', '请填写标题');
  need('title', [...c.title].length <= TITLE_MAX, `标题不能超过${TITLE_MAX}个字（排版后最多三行）`);
  need('title', !/[。.]$/.test(c.title.trim()), '标题末尾不加句号');
  need('addressees', c.addressees.trim() !== '', '请填写主送机关');
  need('body', c.body.trim() !== '', '请填写正文');
  need('issuer', c.issuer.trim() !== '', '请填写发文机关署名');
  need('date', isCalendarDate(c.date), '请填写成文日期');
  need('signer', !isUpward(c.kind) || c.signer.trim() !== '', '请示、报告为上行文，请填写签发人');
  need('printedBy', c.printedBy.trim() !== '', '请填写印发机关（可在“台账设置”中设定默认值）');
  need('printedOn', isCalendarDate(c.printedOn), '请填写印发日期');
  need(
    'printedOn',
    !isCalendarDate(c.date) || !isCalendarDate(c.printedOn) || c.printedOn >= c.date,
    '印发日期不能早于成文日期',
  );
  c.attachments.forEach((a, i) => {
    if (a.title.trim() === '') problems.push({ field: 'attachments', message: `附件${i + 1}缺少标题` });
    else if (/[。.；;，,]$/.test(a.title.trim())) {
      problems.push({ field: 'attachments', message: `附件${i + 1}的标题末尾不加标点` });
    }
  });
  return problems;
}
