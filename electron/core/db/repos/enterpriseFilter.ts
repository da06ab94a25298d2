import type { ParsedEnterpriseQuery } from '../../../../shared/ipc/enterprises';

/** A condition on the row alias `e` made elsewhere (an indicator's enterprises), with its values bound. */
export interface Condition {
  sql: string;
  params: (string | number)[];
}

/** A WHERE clause made only of literal fragments, with every value bound. */
export interface Where {
  sql: string;
  params: (string | number)[];
  /** A cheaper statement giving the same count, when the search box alone narrows the list. */
  count?: Where;
  /** The same rows read from the one full-text index the search box used, when it used exactly one. */
  byText?: TextDriven;
}

/**
 * The rows joined from a full-text index (alias `f`, the enterprise `e`) instead of looked up in it: the index
 * yields its rows in id order, so a list in id order stops after its page instead of first collecting every
 * match (55,000 for a common fragment of a credit code at 100,000 enterprises).
 */
export interface TextDriven {
  from: string;
  /** The match and the other filters, bound in that order. */
  sql: string;
  params: (string | number)[];
}

const json = (values: readonly unknown[]) => JSON.stringify(values);

/**
 * The one place the ledger list's search box and filters become SQL, so the screen, the command line and
 * "select all results" always agree. `extra` is the query's indicator selection, compiled by the statistics module. Lists are bound as one JSON parameter: the statement's shape does not
 * depend on how many areas are ticked, so it is prepared once.
 */
export function enterpriseWhere(query: ParsedEnterpriseQuery, extra?: Condition): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const inList = (column: string, values: readonly (string | number)[] | undefined) => {
    if (!values || values.length === 0) return;
    parts.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(json(values));
  };

  const search = searchParts(searchTerms(query.search ?? ''));
  parts.push(...search.parts);
  params.push(...search.params);
  const searchOnly = parts.length;

  inList('e.area_id', query.areaIds);
  inList('e.size_band', query.sizeBands);
  inList('e.kind', query.kinds);
  inList('e.org_setting', query.orgSettings);
  inList('e.operating_status', query.operatingStatuses);
  if (query.workGroupIds && query.workGroupIds.length > 0) {
    const grouped = query.workGroupIds.filter((id) => id > 0);
    const ungrouped = query.workGroupIds.includes(0) ? 1 : 0;
    parts.push('(e.work_group_id IN (SELECT value FROM json_each(?)) OR (? = 1 AND e.work_group_id IS NULL))');
    params.push(json(grouped), ungrouped);
  }
  if (query.hasMembers !== undefined) {
    parts.push(
      query.hasMembers ? 'e.full_members + e.probationary_members >= 1' : 'e.full_members + e.probationary_members = 0',
    );
  }
  if (query.keyCultivation !== undefined) {
    parts.push('e.key_cultivation = ?');
    params.push(query.keyCultivation ? 1 : 0);
  }
  if (extra) {
    parts.push(`(${extra.sql})`);
    params.push(...extra.params);
  }
  return {
    sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '',
    params,
    count: parts.length === searchOnly ? search.count : undefined,
    byText: search.text && textDriven(search.text, parts.slice(searchOnly), params.slice(search.params.length)),
  };
}

/** `filters`: the WHERE's parts past the search box's, with their values. */
function textDriven(text: TextIndexMatch, filters: string[], params: (string | number)[]): TextDriven {
  return {
    from: `${text.table} f JOIN enterprises e ON e.id = f.rowid`,
    sql: `WHERE ${[`f.${text.table} MATCH ?`, ...filters].join(' AND ')}`,
    params: [text.match, ...params],
  };
}

/** The search box's one full-text lookup: which index and the query given to it. */
interface TextIndexMatch {
  table: 'enterprise_search' | 'enterprise_grams';
  match: string;
}

const LETTERS_OR_DIGITS = /[\p{L}\p{N}]/u;
const ASCII_WORD = /^[a-z0-9]+$/i;
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Each word of the search box becomes one lookup: 3+ characters in the trigram index (name, initials, code);
 * 1–2 characters in the index of single characters and pairs; 1–2 letters or digits also against initials and
 * codes (a short scan of one narrow index). Words of the same kind are joined into one full-text query.
 */
function searchParts(terms: string[]): { parts: string[]; params: string[]; count?: Where; text?: TextIndexMatch } {
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const parts: string[] = [];
  const params: string[] = [];
  if (long.length > 0) {
    parts.push('e.id IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)');
    params.push(long.map(phrase).join(' AND '));
  }
  const grams = short.filter((t) => LETTERS_OR_DIGITS.test(t) && !/[^\p{L}\p{N}]/u.test(t));
  for (const term of short) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (!grams.includes(term)) {
      // Punctuation is not indexed: the rare search for it reads the names themselves.
      parts.push("e.name LIKE ? ESCAPE '\\'");
      params.push(like);
    } else if (ASCII_WORD.test(term)) {
      parts.push(
        `(e.id IN (SELECT rowid FROM enterprise_grams WHERE enterprise_grams MATCH ?)
          OR e.id IN (SELECT id FROM enterprises INDEXED BY enterprises_search_keys
                      WHERE name_initials LIKE ? ESCAPE '\\' OR uscc LIKE ? ESCAPE '\\'))`,
      );
      params.push(phrase(term), like, like);
    }
  }
  const cjkGrams = grams.filter((t) => !ASCII_WORD.test(t));
  if (cjkGrams.length > 0) {
    parts.push('e.id IN (SELECT rowid FROM enterprise_grams WHERE enterprise_grams MATCH ?)');
    params.push(cjkGrams.map(phrase).join(' AND '));
  }
  if (parts.length !== 1 || (long.length === 0 && cjkGrams.length === 0)) return { parts, params };
  const text: TextIndexMatch = { table: long.length > 0 ? 'enterprise_search' : 'enterprise_grams', match: params[0]! };
  // Counting straight from one index skips reading tens of thousands of rows for a common word ("有限公司").
  const count = { sql: `SELECT count(*) FROM ${text.table} WHERE ${text.table} MATCH ?`, params: [text.match] };
  return { parts, params, count, text };
}

/**
 * Words of the search box, each of which must match. Full-width letters and digits typed with a Chinese
 * input method become ASCII (NFKC), so "９１３３" finds a credit code.
 */
export function searchTerms(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 5);
}
