import { AlignmentType, BorderStyle, Paragraph } from 'docx';
import { headingLevel, paragraphsOf, splitHeading } from '../../../../shared/documents/body';
import { chineseDate } from '../../../../shared/documents/dates';
import { isUpward, URGENCIES, type PrintableDocument } from '../../../../shared/documents/model';
import { BANNER_TOP, bannerPt, BODY_PT, cells, HEAD_LINES, LINE, RED, TEXT_WIDTH, TITLE_PT } from './metrics';
import { blank, centred, exactly, indented, para, rightTab, widthInChars, type Span } from './parts';

/** The red 分隔线 as a border under the 发文字号's line: 0.35 mm (1 pt), about 4 mm under the glyphs' foot. */
const RULE_SIZE = 8;
/** Border space is in points: the line's foot lies (LINE − 16 pt) / 2 under the glyphs, so 4 mm less that. */
const RULE_SPACE_PT = Math.max(0, Math.round((4 * 72) / 25.4 - (LINE / 20 - BODY_PT) / 2));

/**
 * 版头: 紧急程度 on the first line, the red 标志 with its top 35 mm down, the 发文字号 two lines under it (with the
 * 签发人 for 上行文), the red rule, and room so the title starts on the same grid line as in the print HTML.
 */
export function headParagraphs(doc: PrintableDocument): { paragraphs: Paragraph[]; titleBefore: number } {
  const out: Paragraph[] = [];
  let used = 0;
  if (doc.urgency !== 'none') {
    out.push(para([{ text: URGENCIES[doc.urgency], role: '黑体' }]));
    used += LINE;
  }
  const bannerSize = bannerPt(doc.banner.trim());
  const bannerLine = Math.round(bannerSize * 20);
  out.push(
    para([{ text: doc.banner.trim(), role: '小标宋', pt: bannerSize, color: RED, offGrid: true }], {
      ...centred,
      spacing: exactly(bannerLine, BANNER_TOP - used),
    }),
  );
  used = BANNER_TOP + bannerLine;
  const number = doc.number ?? '';
  const upward = isUpward(doc.kind);
  const signer = doc.signer.trim();
  const spans: Span[] = upward
    ? [
        { text: `\u3000${number}\t` },
        ...(signer ? [{ text: '签发人：' }, { text: signer, role: '楷体' as const }] : []),
      ]
    : [{ text: number }];
  out.push(
    para(spans, {
      ...(upward ? rightTab(TEXT_WIDTH - cells(1)) : centred),
      spacing: exactly(LINE, 2 * LINE),
      border: { bottom: { style: BorderStyle.SINGLE, size: RULE_SIZE, color: RED, space: RULE_SPACE_PT } },
    }),
  );
  used += 3 * LINE + RULE_SPACE_PT * 20 + Math.ceil((RULE_SIZE / 8) * 20);
  // The title's own paragraph carries what is left of the head block as space before.
  return { paragraphs: out, titleBefore: Math.max(HEAD_LINES * LINE - used, 0) };
}

/** A 正文 paragraph: level-1 headings in 黑体, level-2 in 楷体, the run-on text and levels 3 and 4 in 仿宋. */
export function bodyParagraph(text: string): Paragraph {
  const level = headingLevel(text);
  if (level === 1 || level === 2) {
    const { heading, rest } = splitHeading(text);
    return para([{ text: heading, role: level === 1 ? '黑体' : '楷体' }, { text: rest }], indented);
  }
  return para([{ text }], indented);
}

function annexNote(doc: PrintableDocument): Paragraph[] {
  if (doc.attachments.length === 0) return [];
  const bare = (t: string) => t.trim().replace(/[。．.，,；;]+$/, '');
  const label = '附件：';
  // Later items align under the first: 2 characters in, then the label's 3.
  const hanging = { indent: { left: cells(5), hanging: cells(3) } };
  const aligned = { indent: { left: cells(5) } };
  if (doc.attachments.length === 1) {
    return [blank(), para([{ text: `${label}${bare(doc.attachments[0]!.title)}` }], hanging)];
  }
  return [
    blank(),
    ...doc.attachments.map((a, i) =>
      para([{ text: `${i === 0 ? label : ''}${i + 1}. ${bare(a.title)}` }], i === 0 ? hanging : aligned),
    ),
  ];
}

/**
 * 署名 and 成文日期 (GB/T 9704 7.3.5), placed as the print HTML places them. With a seal: two blank lines, the date
 * 4 characters in from the right and the 署名 centred over it. Without: one blank line, the 署名 2 characters in,
 * the date under it 2 further right — or, when the date is the longer, the date 2 in and the 署名 2 left of it.
 */
function signature(doc: PrintableDocument): Paragraph[] {
  const issuer = doc.issuer.trim();
  const date = chineseDate(doc.date);
  const [wi, wd] = [widthInChars(issuer), widthInChars(date)];
  let issuerRight: number;
  let dateRight: number;
  if (doc.sealed) {
    dateRight = 4;
    issuerRight = Math.max(0, 4 + (wd - wi) / 2);
  } else {
    // One box right-aligned 2 characters in: the 署名 at its left edge, the date 2 characters further right.
    const box = Math.max(wi, wd + 2);
    issuerRight = 2 + box - wi;
    dateRight = 2 + box - (wd + 2);
  }
  const right = (chars: number) => ({ alignment: AlignmentType.RIGHT, indent: { right: cells(chars) } });
  const out = [
    ...(doc.sealed ? [blank(), blank()] : [blank()]),
    para([{ text: issuer }], right(issuerRight)),
    para([{ text: date }], right(dateRight)),
  ];
  const note = doc.note.trim().replace(/^[（(]|[）)]$/g, '');
  if (note) out.push(para([{ text: `（${note}）` }], indented));
  return out;
}

/** 主体: title two lines under the rule, 主送 one line under the title, the 正文, 附件说明, 署名, date and 附注. */
export function mainParagraphs(doc: PrintableDocument, titleBefore: number): Paragraph[] {
  const addressees = doc.addressees.trim().replace(/[：:]+$/, '');
  return [
    para([{ text: doc.title.trim(), role: '小标宋', pt: TITLE_PT, offGrid: true }], {
      ...centred,
      spacing: exactly(LINE, titleBefore),
    }),
    ...(addressees ? [blank(), para([{ text: `${addressees}：` }])] : []),
    ...paragraphsOf(doc.body).map(bodyParagraph),
    ...annexNote(doc),
    ...signature(doc),
  ];
}
