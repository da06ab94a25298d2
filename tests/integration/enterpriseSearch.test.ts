import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EnterpriseListRow } from '../../shared/domain/enterprise';
import { sizeBand } from '../../shared/domain/sizeBand';
import type { EnterprisePage, EnterpriseQuery } from '../../shared/ipc/enterprises';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { pinyinInitials } from '../../electron/core/search/pinyinKeys';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3-multiple-ciphers';
import { FIXED_NOW, valueOf } from './helpers';

/**
 * Search and filters on a generated ledger of 3,000 enterprises, each checked against an oracle: every row
 * read straight from the file and matched in plain JavaScript.
 */
let dir: string;
let core: CoreClient;
let all: Raw[];

interface Raw {
  id: number;
  name: string;
  uscc: string | null;
  area_id: number;
  kind: string;
  employees: number | null;
  revenue: number | null;
  full_members: number;
  probationary_members: number;
  org_setting: string;
  operating_status: string;
  work_group_id: number | null;
  key_cultivation: number;
}

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function matching(query: EnterpriseQuery): Promise<number[]> {
  return call<number[]>('enterprises:ids', { query });
}

function oracle(pred: (r: Raw) => boolean): number[] {
  return all.filter(pred).map((r) => r.id);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yiqiyice-search-'));
  core = inProcessCore({ dataDir: dir, now: () => FIXED_NOW });
  const target = await core.grant(join(dir, 'search.yqyc'), 'create');
  await call('ledgers:createSample', { target, enterprises: 3000, seed: 7 });
  const raw = new Database(join(dir, 'search.yqyc'), { readonly: true });
  all = raw.prepare('SELECT * FROM enterprises ORDER BY id').all() as Raw[];
  raw.close();
}, 60_000);

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the search box', () => {
  test('a fragment of a name (3+ characters) finds exactly the names containing it', async () => {
    const sample = all[1234]!.name;
    const fragment = [...sample].slice(3, 7).join('');
    const found = await matching({ search: fragment });
    expect(found).toEqual(oracle((r) => r.name.includes(fragment) || (r.uscc ?? '').includes(fragment)));
    expect(found).toContain(all[1234]!.id);
  });

  test('pinyin initials find the name: the initials of a whole name find it', async () => {
    const target = all.find((r) => r.name.startsWith('嵊州市') && r.name.endsWith('有限公司'))!;
    const keys = pinyinInitials(target.name).split(' ')[0]!;
    const found = await matching({ search: keys.slice(3, 7) });
    expect(found).toContain(target.id);
    expect(found).toEqual(
      oracle(
        (r) =>
          pinyinInitials(r.name).includes(keys.slice(3, 7)) || (r.uscc ?? '').toLowerCase().includes(keys.slice(3, 7)),
      ),
    );
  });

  test('"cljx" finds an enterprise named 长乐机械… added by the clerk', async () => {
    const { areas } = await call<{ areas: { id: number }[] }>('settings:lookups');
    const { id } = await call<{ id: number }>('enterprises:create', {
      input: { name: '长乐机械配件厂', areaId: areas[0]!.id },
    });
    expect(await matching({ search: 'cljx' })).toContain(id);
    expect(await matching({ search: 'CLJX' })).toContain(id);
    await call('enterprises:delete', { id });
    all = all.filter((r) => r.id !== id);
  });

  test('part of a credit code finds it, also typed in full-width digits', async () => {
    const withCode = all.filter((r) => r.uscc)[500]!;
    const fragment = withCode.uscc!.slice(8, 14);
    const found = await matching({ search: fragment });
    expect(found).toContain(withCode.id);
    expect(found).toEqual(oracle((r) => (r.uscc ?? '').includes(fragment) || r.name.includes(fragment)));
    const fullWidth = fragment.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await matching({ search: fullWidth })).toEqual(found);
  });

  test.each(['长', '长乐', '厂', '司'])('a 1–2 character query "%s" finds every name containing it', async (q) => {
    const found = await matching({ search: q });
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(oracle((r) => r.name.includes(q)));
  });

  test('1–2 letters match initials and codes too, case-insensitively', async () => {
    const found = await matching({ search: 'Sz' });
    expect(found).toEqual(
      oracle(
        (r) =>
          r.name.toLowerCase().includes('sz') ||
          pinyinInitials(r.name).includes('sz') ||
          (r.uscc ?? '').toLowerCase().includes('sz'),
      ),
    );
  });

  test('several words must all match', async () => {
    const found = await matching({ search: '嵊州市 机械' });
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(oracle((r) => r.name.includes('嵊州市') && r.name.includes('机械')));
  });

  test('LIKE and FTS special characters are taken literally', async () => {
    for (const q of ['%', '_', '"', '100%', 'a"b', '*', 'NEAR(', ') OR (']) {
      expect(await matching({ search: q }), q).toEqual(oracle((r) => r.name.includes(q) || (r.uscc ?? '').includes(q)));
    }
  });

  test('nothing found is an empty page with total 0, not an error', async () => {
    const page = await call<EnterprisePage>('enterprises:list', { query: { search: '不存在的企业名称' } });
    expect(page).toEqual({ total: 0, rows: [] });
  });
});

describe('filters', () => {
  test('area, size band, kind, 组织设置, 经营状况, members and 重点培育 each narrow exactly', async () => {
    const areaId = all[0]!.area_id;
    expect(await matching({ areaIds: [areaId] })).toEqual(oracle((r) => r.area_id === areaId));
    expect(await matching({ sizeBands: ['C', 'unknown'] })).toEqual(
      oracle((r) => ['C', 'unknown'].includes(sizeBand(r.employees, r.revenue))),
    );
    expect(await matching({ kinds: ['individual'] })).toEqual(oracle((r) => r.kind === 'individual'));
    expect(await matching({ orgSettings: ['joint', 'attached'] })).toEqual(
      oracle((r) => r.org_setting === 'joint' || r.org_setting === 'attached'),
    );
    expect(await matching({ operatingStatuses: ['suspended'] })).toEqual(
      oracle((r) => r.operating_status === 'suspended'),
    );
    expect(await matching({ hasMembers: true })).toEqual(oracle((r) => r.full_members + r.probationary_members >= 1));
    expect(await matching({ hasMembers: false })).toEqual(oracle((r) => r.full_members + r.probationary_members === 0));
    expect(await matching({ keyCultivation: true })).toEqual(oracle((r) => r.key_cultivation === 1));
  });

  test('work group 0 means 未分组, and can be combined with a group', async () => {
    const group = all.find((r) => r.work_group_id !== null)!.work_group_id!;
    expect(await matching({ workGroupIds: [0] })).toEqual(oracle((r) => r.work_group_id === null));
    expect(await matching({ workGroupIds: [0, group] })).toEqual(
      oracle((r) => r.work_group_id === null || r.work_group_id === group),
    );
  });

  test('filters and search combine; the list total and rows agree with the ids', async () => {
    const query: EnterpriseQuery = { search: '有限公司', hasMembers: true, sizeBands: ['D'] };
    const ids = await matching(query);
    expect(ids).toEqual(
      oracle(
        (r) =>
          r.name.includes('有限公司') &&
          r.full_members + r.probationary_members >= 1 &&
          sizeBand(r.employees, r.revenue) === 'D',
      ),
    );
    const page = await call<EnterprisePage>('enterprises:list', {
      query,
      limit: 500,
      sortBy: 'employees',
      sortOrder: 'desc',
    });
    expect(page.total).toBe(ids.length);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids.slice(0, 500));
    const employees = page.rows.map((r) => r.employees ?? -1);
    expect(employees).toEqual([...employees].sort((a, b) => b - a));
  });

  test('an empty list of choices means no filter', async () => {
    expect((await matching({ areaIds: [], kinds: [] })).length).toBe(all.length);
  });
});

describe('sorting and paging', () => {
  // In id order a single full-text lookup is read from its index in that order (enterpriseFilter.ts, byText):
  // each page, either way, must be exactly the oracle's rows at that place.
  const code = () => all.filter((r) => r.uscc)[700]!.uscc!.slice(2, 8);
  test.each([
    ['a name fragment', () => ({ search: '有限公司' }), (r: Raw) => r.name.includes('有限公司')],
    [
      'a code fragment',
      () => ({ search: code() }),
      (r: Raw) => (r.uscc ?? '').includes(code()) || r.name.includes(code()),
    ],
    [
      'one character and no party members',
      () => ({ search: '司', hasMembers: false }),
      (r: Raw) => r.name.includes('司') && r.full_members + r.probationary_members === 0,
    ],
    [
      'two characters in two areas',
      () => ({ search: '有限', areaIds: [all[0]!.area_id, all[1]!.area_id] }),
      (r: Raw) => r.name.includes('有限') && (r.area_id === all[0]!.area_id || r.area_id === all[1]!.area_id),
    ],
  ] as const)('a search for %s, in id order, pages exactly as the oracle both ways', async (_, query, pred) => {
    const want = oracle(pred);
    expect(want.length).toBeGreaterThan(150);
    for (const sortOrder of ['asc', 'desc'] as const) {
      const ordered = sortOrder === 'asc' ? want : [...want].reverse();
      for (const offset of [0, 100, ordered.length - 30]) {
        const page = await call<EnterprisePage>('enterprises:list', {
          query: query(),
          offset,
          limit: 100,
          sortBy: 'id',
          sortOrder,
        });
        expect(page.total).toBe(want.length);
        expect(
          page.rows.map((r) => r.id),
          `${sortOrder} @${offset}`,
        ).toEqual(ordered.slice(offset, offset + 100));
      }
    }
  });

  test.each(['employees', 'revenue', 'areaName', 'sizeBand', 'workGroupName', 'instructorName', 'updatedAt'] as const)(
    'pages sorted by %s cover every enterprise exactly once, blanks last',
    async (sortBy) => {
      const seen: EnterpriseListRow[] = [];
      for (let offset = 0; offset < all.length; offset += 500) {
        seen.push(...(await call<EnterprisePage>('enterprises:list', { offset, limit: 500, sortBy })).rows);
      }
      expect(seen.map((r) => r.id).sort((a, b) => a - b)).toEqual(all.map((r) => r.id));
      if (sortBy === 'employees') {
        const values = seen.map((r) => r.employees);
        const firstNull = values.indexOf(null);
        expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        const known = values.slice(0, firstNull) as number[];
        expect(known).toEqual([...known].sort((a, b) => a - b));
      }
    },
  );
});
