import type { ParsedEnterpriseQuery } from '../../../../shared/ipc/enterprises';

/** A WHERE clause made only of literal fragments, with every value bound. */
export interface Where {
  sql: string;
  params: (string | number)[];
}

const json = (values: readonly unknown[]) => JSON.stringify(values);

/**
 * The one place the ledger list's search box and filters become SQL, so the screen, the command line and
 * "select all results" always agree. Lists are bound as one JSON parameter: the statement's shape does not
 * depend on how many areas are ticked, so it is prepared once.
 */
export function enterpriseWhere(query: ParsedEnterpriseQuery): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const inList = (column: string, values: readonly (string | number)[] | undefined) => {
    if (!values || values.length === 0) return;
    parts.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(json(values));
  };

  for (const term of searchTerms(query.search ?? '')) {
    if ([...term].length >= 3) {
      parts.push('e.id IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)');
      params.push(`"${term.replaceAll('"', '""')}"`);
    } else {
      // Trigrams cannot look up 1–2 characters: scan the narrow search-key index instead.
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      parts.push(
        `e.id IN (SELECT id FROM enterprises INDEXED BY enterprises_search_keys
           WHERE name LIKE ? ESCAPE '\\' OR name_initials LIKE ? ESCAPE '\\' OR uscc LIKE ? ESCAPE '\\')`,
      );
      params.push(like, like, like);
    }
  }

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
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
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
