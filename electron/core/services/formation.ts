import type { z } from 'zod';
import type { Page } from '../../../shared/ipc/fields';
import type { FormationRow, formationListRequest } from '../../../shared/ipc/stats';
import type { Db } from '../db/open';
import { formationCandidates, formationSuggestionOf } from '../db/repos/formation';

/**
 * 有党员未建党组织企业名册 (members-no-org) and the enterprises whose 组建方向 is not what the rule suggests
 * (differs), each row with the suggestion the enterprise's detail shows. The rule is TypeScript (shared, pure), so
 * it is applied to the candidates here and the page cut afterwards: the candidates are the few enterprises without
 * an organisation that have members or a planned direction, not the whole ledger.
 */
export function listFormation(db: Db, req: z.output<typeof formationListRequest>): Page<FormationRow> {
  const candidates = formationCandidates(db, req.list, { search: req.search, areaIds: req.areaIds });
  const rows: FormationRow[] = [];
  for (const c of candidates) {
    // Candidates never hold a 单独建立 enterprise, so there is always a suggestion.
    const suggestion = formationSuggestionOf(c, c)!;
    const differs = c.formationDirection !== null && c.formationDirection !== suggestion.method;
    if (req.list === 'differs' && !differs) continue;
    if (req.method !== undefined && suggestion.method !== req.method) continue;
    rows.push({
      id: c.id,
      name: c.name,
      areaName: c.area_name,
      fullMembers: c.fullMembers,
      probationaryMembers: c.probationaryMembers,
      employees: c.employees,
      orgSetting: c.orgSetting,
      suggestion,
      formationDirection: c.formationDirection,
      differs,
    });
  }
  return { total: rows.length, rows: rows.slice(req.offset, req.offset + req.limit) };
}
