import {
  cellText,
  halfWidth,
  normalizeText,
  numberText,
  parseAmount,
  parseCount,
  parseDate,
  parseMonth,
  parseYesNo,
  type NumberParse,
} from '../../../../shared/excel/cells';
import type { ImportField } from '../../../../shared/excel/importFields';
import type { CellValue } from '../../excel/read/types';

/**
 * What one cell gives one field, before the record's own schema and rules look at it: a value, nothing (blank),
 * 不详 (unknown), a masked display value (contains *), or an error with its reason in Chinese.
 */
export type FieldRead =
  | { kind: 'blank' }
  | { kind: 'unknown'; text: string }
  | { kind: 'masked'; text: string }
  | {
      kind: 'value';
      value: string | number | boolean | null;
      /** How the value reads in the preview. */
      text: string;
      /** Free text that was read through synonyms, or kept because nothing matched (`kept`). */
      free?: { mappedTo: string; kept: boolean };
    }
  | { kind: 'error'; text: string; reason: string };

const MASK = /[*＊]/;

/** Credit codes, 注册号 and phone numbers typed as numbers arrive as numbers: their digits are the text. */
function codeText(v: CellValue): string {
  return typeof v === 'number' ? numberText(v) : cellText(v);
}

function numberRead(field: ImportField, parsed: NumberParse, text: string): FieldRead {
  switch (parsed.kind) {
    case 'value':
      return { kind: 'value', value: parsed.value, text: numberText(parsed.value) };
    case 'blank':
      return { kind: 'blank' };
    case 'unknown':
      return { kind: 'unknown', text };
    case 'approximate':
      return {
        kind: 'error',
        text,
        reason: `${field.label}“${parsed.text}”是估计数，不能作为确切数字导入，请填写确切的数字`,
      };
    case 'invalid':
      return { kind: 'error', text, reason: `${field.label}应填数字，“${parsed.text || text}”不是数字` };
  }
}

/** `text` is cellText(cell), which the caller has already worked out. */
export function readField(field: ImportField, cell: CellValue, text: string = cellText(cell)): FieldRead {
  if (text === '') return { kind: 'blank' };
  switch (field.type) {
    case 'count':
      return numberRead(field, parseCount(cell), text);
    case 'amount':
      return numberRead(field, parseAmount(cell), text);
    case 'date':
    case 'month': {
      const parsed = field.type === 'month' ? parseMonth(cell) : parseDate(cell);
      if (parsed.kind === 'value') return { kind: 'value', value: parsed.value, text: parsed.value };
      if (parsed.kind === 'blank') return { kind: 'blank' };
      if (parsed.kind === 'unknown') return { kind: 'unknown', text };
      if (parsed.kind === 'partial') {
        return { kind: 'error', text, reason: `${field.label}“${text}”缺少日，请填写完整日期，例如 2011-08-09` };
      }
      return { kind: 'error', text, reason: `${field.label}“${text}”${parsed.reason}` };
    }
    case 'yesNo': {
      const via = field.choices?.match(text);
      if (via) return { kind: 'value', value: via.value === 'yes', text: field.choices!.labels[via.value]! };
      const parsed = parseYesNo(cell);
      if (parsed.kind === 'value') return { kind: 'value', value: parsed.value, text: parsed.value ? '是' : '否' };
      if (parsed.kind === 'unknown') return { kind: 'unknown', text };
      if (parsed.kind === 'blank') return { kind: 'blank' };
      return { kind: 'error', text, reason: `${field.label}应填“是”或“否”，“${text}”无法识别` };
    }
    case 'choice':
      return choiceRead(field, text);
    case 'recordId': {
      const t = halfWidth(codeText(cell));
      if (/^\d{1,15}$/.test(t) && Number(t) > 0) return { kind: 'value', value: Number(t), text: t };
      return { kind: 'error', text, reason: `${field.label}“${text}”不是本台账导出的记录编号，请勿修改该列` };
    }
    case 'idNumber':
      // An 18-digit number has lost its last digits to floating point before it ever reached us.
      if (typeof cell === 'number') {
        return {
          kind: 'error',
          text,
          reason: '身份证号被存成了数字，末尾几位已经丢失，请把该列设为“文本”格式后重新填写',
        };
      }
      return MASK.test(text) ? { kind: 'masked', text } : { kind: 'value', value: text, text };
    case 'uscc':
    case 'regNo':
    case 'enterpriseUscc':
    case 'phone': {
      const t = codeText(cell);
      return MASK.test(t) ? { kind: 'masked', text: t } : { kind: 'value', value: t, text: t };
    }
    case 'enterpriseList': {
      // Split before normalising: normalising joins the lines of 甲公司⏎乙公司 into one name.
      const names = splitNames(typeof cell === 'string' ? cell : text);
      return { kind: 'value', value: names.join('、'), text: names.join('、') };
    }
    default:
      if (!field.prose && MASK.test(text)) return { kind: 'masked', text };
      return { kind: 'value', value: text, text };
  }
}

function choiceRead(field: ImportField, text: string): FieldRead {
  const reader = field.choices!;
  const hit = reader.match(text);
  if (hit) {
    const label = reader.labels[hit.value]!;
    return hit.exact
      ? { kind: 'value', value: hit.value, text: label }
      : { kind: 'value', value: hit.value, text: label, free: { mappedTo: label, kept: false } };
  }
  if (field.unknownChoice === 'other') {
    return { kind: 'value', value: 'other', text: '其他', free: { mappedTo: '其他（保留原文）', kept: true } };
  }
  if (field.unknownChoice === 'note') {
    return { kind: 'value', value: null, text: '', free: { mappedTo: '未识别（原文记入备注）', kept: true } };
  }
  const options = Object.values(reader.labels).join('、');
  return { kind: 'error', text, reason: `${field.label}“${text}”无法识别，应为：${options}` };
}

/** Enterprise names listed in one cell: 甲公司、乙公司；丙公司 (any of 、，,；; or a line break). */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;\n\r]+/)
    .map((s) => normalizeText(s))
    .filter((s) => s !== '');
}
