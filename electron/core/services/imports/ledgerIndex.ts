import { normalizeText } from '../../../../shared/excel/cells';
import type { OrgHost, PartyOrgType } from '../../../../shared/domain/labels';
import type { Db } from '../../db/open';

/**
 * The ledger's names and codes read once before the rows, so fifty thousand rows are matched against Maps instead
 * of fifty thousand queries each. Records the import itself creates are added as it goes, so a later row finds
 * what an earlier one made (an area, a 联合 organisation, an enterprise).
 */
export interface OrgEntry {
  id: number;
  name: string;
  type: PartyOrgType;
  host: OrgHost;
  /** Enterprises it covers now, including those this import has linked. */
  covers: Set<number>;
}

/** Names compare after trimming and collapsing ASCII and full-width spaces (cellText does the same to cells). */
export const nameKey = (name: string) => normalizeText(name);

export class LedgerIndex {
  readonly enterpriseByUscc = new Map<string, number>();
  readonly enterprisesByName = new Map<string, number[]>();
  readonly enterpriseName = new Map<number, string>();
  readonly enterpriseUscc = new Map<number, string | null>();
  readonly areas = new Map<string, number>();
  /** Areas this import adds (by name key): still listed as unknown to the ledger in the preview. */
  readonly addedAreas = new Set<string>();
  readonly orgs = new Map<string, OrgEntry>();
  readonly orgById = new Map<number, OrgEntry>();
  readonly workGroups = new Map<string, number[]>();
  readonly instructors = new Map<string, number[]>();
  readonly leaders = new Map<string, number[]>();

  constructor(db: Db) {
    const enterprises = db.prepare('SELECT id, name, uscc, party_org_id AS orgId FROM enterprises').all() as {
      id: number;
      name: string;
      uscc: string | null;
      orgId: number | null;
    }[];
    for (const e of enterprises) this.addEnterprise(e.id, e.name, e.uscc);
    for (const a of db.prepare('SELECT id, name FROM areas').all() as { id: number; name: string }[]) {
      this.areas.set(nameKey(a.name), a.id);
    }
    const orgs = db.prepare('SELECT id, name, type, host FROM party_orgs').all() as Omit<OrgEntry, 'covers'>[];
    for (const o of orgs) this.addOrg({ ...o, covers: new Set() });
    for (const e of enterprises) if (e.orgId !== null) this.orgById.get(e.orgId)?.covers.add(e.id);
    const named = (sql: string, into: Map<string, number[]>) => {
      for (const r of db.prepare(sql).all() as { id: number; name: string }[]) push(into, nameKey(r.name), r.id);
    };
    named('SELECT id, name FROM work_groups ORDER BY id', this.workGroups);
    named('SELECT id, name FROM instructors ORDER BY id', this.instructors);
    named('SELECT id, name FROM leaders ORDER BY id', this.leaders);
  }

  addEnterprise(id: number, name: string, uscc: string | null): void {
    if (uscc) this.enterpriseByUscc.set(uscc, id);
    push(this.enterprisesByName, nameKey(name), id);
    this.enterpriseName.set(id, name);
    this.enterpriseUscc.set(id, uscc);
  }

  /** Keeps the Maps right when an update changes a name or a credit code. */
  renameEnterprise(id: number, from: { name: string; uscc: string | null }, to: { name: string; uscc: string | null }) {
    if (from.uscc !== to.uscc) {
      if (from.uscc && this.enterpriseByUscc.get(from.uscc) === id) this.enterpriseByUscc.delete(from.uscc);
      if (to.uscc) this.enterpriseByUscc.set(to.uscc, id);
    }
    if (nameKey(from.name) !== nameKey(to.name)) {
      const list = this.enterprisesByName.get(nameKey(from.name))?.filter((x) => x !== id) ?? [];
      if (list.length > 0) this.enterprisesByName.set(nameKey(from.name), list);
      else this.enterprisesByName.delete(nameKey(from.name));
      push(this.enterprisesByName, nameKey(to.name), id);
    }
    this.enterpriseName.set(id, to.name);
    this.enterpriseUscc.set(id, to.uscc);
  }

  addOrg(org: OrgEntry): void {
    this.orgs.set(nameKey(org.name), org);
    this.orgById.set(org.id, org);
  }

  /** Moves an enterprise's coverage from one organisation to another (either may be none). */
  relink(enterpriseId: number, fromOrg: number | null, toOrg: number | null): void {
    if (fromOrg !== null) this.orgById.get(fromOrg)?.covers.delete(enterpriseId);
    if (toOrg !== null) this.orgById.get(toOrg)?.covers.add(enterpriseId);
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/**
 * The one record a name points at, or why not: none, or several (names of 指导员, 领导 and enterprises need not be
 * unique, and the import never guesses between two).
 */
export function onlyOne(
  list: readonly number[] | undefined,
): { kind: 'one'; id: number } | { kind: 'none' } | { kind: 'many'; count: number } {
  if (!list || list.length === 0) return { kind: 'none' };
  if (list.length > 1) return { kind: 'many', count: list.length };
  return { kind: 'one', id: list[0]! };
}
