import type { ImportKind } from './kinds';
import { IMPORT_FIELDS, type ImportField } from './importFields';

/** A column (0-based) sent to a field of the kind being imported. */
export interface GuessedColumn {
  column: number;
  field: string;
}

// A bracketed part that only gives a unit or a filling hint: 职工人数（人）, 营业收入(万元), 是否党员（是/否）.
const UNIT =
  /^(单位[:：]?)?(万元|元|千元|亿元|万|人|个|名|家|户|平方米|平米|㎡|m2|m²|岁|%|年|月|日|年月日|年月|是\/否|是或否|有\/无|有或无|√|必填|选填|填是或否|填"是"或"否"|yyyy-mm-dd)$/i;

/**
 * A header as matching and saved layouts compare it: full-width to half-width, no spaces or line breaks, no marks
 * (*必填, ※), no bracketed units, brackets themselves gone but their words kept (企业（单位）名称 → 企业单位名称),
 * a leading 其中 dropped from each part, lower case. Parts of a two-row header stay joined by “/”.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[*※△▲★☆#]/g, '')
    .replace(/^\d{1,2}[、.](?=\D)/, '')
    .replace(/[(（[【]([^()（）[\]【】]*)[)）\]】]/g, (whole, inner: string) => (UNIT.test(inner) ? '' : inner))
    .replace(/[()（）[\]【】“”"'‘’:：]/g, '')
    .split('/')
    .map((part) => part.replace(/^其中/, ''))
    .filter((part) => part !== '')
    .join('/')
    .toLowerCase();
}

interface Synonym {
  field: string;
  word: string;
  exactOnly: boolean;
}

const indexes = new WeakMap<readonly ImportField[], { exact: Map<string, string>; contains: Synonym[] }>();

function indexOf(fields: readonly ImportField[]) {
  let index = indexes.get(fields);
  if (!index) {
    const exact = new Map<string, string>();
    const contains: Synonym[] = [];
    for (const field of fields) {
      for (const raw of [field.label, ...field.synonyms]) {
        const exactOnly = raw.startsWith('=');
        const word = normalizeHeader(exactOnly ? raw.slice(1) : raw).replaceAll('/', '');
        // The first field to claim a word keeps it: the catalog lists the likelier meaning first.
        if (!exact.has(word)) exact.set(word, field.key);
        if (!exactOnly && word.length >= 2) contains.push({ field: field.key, word, exactOnly });
      }
    }
    // Longest first: 联系人电话 is a phone before it is a 联系人.
    contains.sort((a, b) => b.word.length - a.word.length);
    indexes.set(fields, (index = { exact, contains }));
  }
  return index;
}

const PHONE_WORDS = /电话|手机|联系方式/;

/**
 * Which field each header means, for the kind being imported: first every header that is exactly a field's label
 * or synonym (the whole header, then its last part: 党员人数/正式 is 正式), then headers containing one (longest
 * word wins; a header about a phone only goes to a phone field). A field takes at most one column, the first; a
 * header nothing matches stays unmapped.
 */
export function guessMapping(kind: ImportKind, headers: readonly string[]): GuessedColumn[] {
  const fields = IMPORT_FIELDS[kind];
  const { exact, contains } = indexOf(fields);
  const phoneFields = new Set(fields.filter((f) => f.type === 'phone').map((f) => f.key));
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<string>();
  const byColumn = new Map<number, string>();
  const assign = (column: number, field: string | undefined) => {
    if (field === undefined || taken.has(field) || byColumn.has(column)) return;
    taken.add(field);
    byColumn.set(column, field);
  };

  normalized.forEach((h, column) => h && assign(column, exact.get(h.replaceAll('/', ''))));
  normalized.forEach((h, column) => {
    const parts = h.split('/');
    if (parts.length > 1) assign(column, exact.get(parts.at(-1)!));
  });
  normalized.forEach((h, column) => {
    if (!h || byColumn.has(column)) return;
    const flat = h.replaceAll('/', '');
    const phone = PHONE_WORDS.test(flat);
    const hit = contains.find(
      (s) => !taken.has(s.field) && flat.includes(s.word) && (!phone || phoneFields.has(s.field)),
    );
    if (hit) assign(column, hit.field);
  });
  return [...byColumn].map(([column, field]) => ({ column, field })).sort((a, b) => a.column - b.column);
}

/**
 * The layout a saved mapping is kept under: the kind and the normalised headers in order (trailing blank columns
 * left out), so next year's copy of the same spreadsheet finds it even with other widths, spaces or units.
 */
export function layoutSignature(kind: ImportKind, headers: readonly string[]): string {
  const normalized = headers.map(normalizeHeader);
  while (normalized.length > 0 && normalized.at(-1) === '') normalized.pop();
  return `${kind}|${normalized.join('|')}`;
}
