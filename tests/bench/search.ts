import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreContext } from '../../electron/core/app/context';
import { invoke } from '../../electron/core/invoke';
import { pinyinInitials } from '../../electron/core/search/pinyinKeys';
import { Random } from '../../electron/core/sample/random';
import { createSampleAt } from '../../electron/core/services/sample';
import { figure, percentile, type Figure } from './report';

const PAGE = 100;

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

interface Query {
  search: string;
  areaIds?: number[];
}

/**
 * 200 queries as clerks type them: name fragments of 3–4 characters, 1–2 characters, pinyin initials,
 * credit-code fragments, and a search narrowed by area.
 */
function mixedQueries(rows: { name: string; uscc: string | null; area_id: number }[], seed: number): Query[] {
  const rnd = new Random(seed);
  const fragment = (s: string, len: number) => {
    const chars = [...s];
    const start = rnd.int(0, Math.max(0, chars.length - len));
    return chars.slice(start, start + len).join('');
  };
  const any = () => rnd.pick(rows);
  const queries: Query[] = [];
  for (let i = 0; i < 50; i++) queries.push({ search: fragment(any().name, rnd.int(3, 4)) });
  for (let i = 0; i < 40; i++) queries.push({ search: fragment(any().name, rnd.int(1, 2)) });
  for (let i = 0; i < 50; i++)
    queries.push({ search: fragment(pinyinInitials(any().name).split(' ')[0]!, rnd.int(3, 5)) });
  const coded = rows.filter((r) => r.uscc);
  for (let i = 0; i < 30; i++) queries.push({ search: fragment(rnd.pick(coded).uscc!, rnd.int(4, 8)) });
  for (let i = 0; i < 30; i++) {
    const r = any();
    queries.push({ search: fragment(r.name, 2), areaIds: [r.area_id] });
  }
  return queries;
}

/**
 * The reference: the plainest search a programmer would write — LIKE over name and code on the whole table,
 * first page and count — run on the same file. It cannot find pinyin initials; the product can.
 */
function likeScan(db: Database.Database) {
  const page = db.prepare(
    `SELECT id, name, uscc FROM enterprises WHERE (name LIKE ? OR uscc LIKE ?) AND (? IS NULL OR area_id = ?)
     ORDER BY id LIMIT ${PAGE}`,
  );
  const count = db.prepare(
    'SELECT count(*) FROM enterprises WHERE (name LIKE ? OR uscc LIKE ?) AND (? IS NULL OR area_id = ?)',
  );
  return (q: Query) => {
    const like = `%${q.search}%`;
    const area = q.areaIds?.[0] ?? null;
    page.all(like, like, area, area);
    count.pluck().get(like, like, area, area);
  };
}

export async function benchSearch(size: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-search-'));
  const ctx = new CoreContext({ dataDir: join(dir, 'data') });
  try {
    const path = join(dir, 'search.yqyc');
    createSampleAt(ctx, path, { enterprises: size, seed: 3 });
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare('SELECT name, uscc, area_id FROM enterprises').all() as {
      name: string;
      uscc: string | null;
      area_id: number;
    }[];
    const queries = mixedQueries(rows, 42);

    const product = async (q: Query) => {
      const result = await invoke(ctx, 'enterprises:list', { query: q, limit: PAGE });
      if (!result.ok) throw new Error(result.error.message);
    };
    const reference = likeScan(raw);
    // Warm both: the first pass pays for reading the file into the page cache.
    for (const q of queries) {
      await product(q);
      reference(q);
    }
    const productMs: number[] = [];
    const referenceMs: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      await product(q);
      productMs.push(performance.now() - start);
      referenceMs.push(timed(() => reference(q)));
    }
    productMs.sort((a, b) => a - b);
    referenceMs.sort((a, b) => a - b);

    // The first page a clerk sees after ticking filters and sorting a column, with its total.
    const filtered = { hasMembers: true, orgSettings: ['none' as const], sizeBands: ['C' as const, 'D' as const] };
    const firstPage = [] as number[];
    const firstPageRef = [] as number[];
    const plain = raw.prepare(
      `SELECT e.*, a.name FROM enterprises e JOIN areas a ON a.id = e.area_id
       WHERE e.full_members + e.probationary_members >= 1 AND e.org_setting = 'none' AND e.size_band IN ('C', 'D')
       ORDER BY e.employees DESC LIMIT ${PAGE}`,
    );
    const plainCount = raw.prepare(
      `SELECT count(*) FROM enterprises e
       WHERE e.full_members + e.probationary_members >= 1 AND e.org_setting = 'none' AND e.size_band IN ('C', 'D')`,
    );
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      const result = await invoke(ctx, 'enterprises:list', {
        query: filtered,
        limit: PAGE,
        sortBy: 'employees',
        sortOrder: 'desc',
      });
      if (!result.ok) throw new Error(result.error.message);
      firstPage.push(performance.now() - start);
      firstPageRef.push(
        timed(() => {
          plain.all();
          plainCount.pluck().get();
        }),
      );
    }
    firstPage.sort((a, b) => a - b);
    firstPageRef.sort((a, b) => a - b);
    raw.close();

    const searchTarget = size >= 100_000 ? 20 : null;
    return [
      figure({
        id: 'search.p50',
        size,
        value: percentile(productMs, 50),
        unit: 'ms',
        target: null,
        reference: percentile(referenceMs, 50),
        ratioTarget: null,
      }),
      figure({
        id: 'search.p95',
        size,
        value: percentile(productMs, 95),
        unit: 'ms',
        target: searchTarget,
        reference: percentile(referenceMs, 95),
        ratioTarget: null,
      }),
      figure({
        id: 'ledger.firstPage',
        size,
        value: percentile(firstPage, 50),
        unit: 'ms',
        target: size >= 100_000 ? 50 : null,
        reference: percentile(firstPageRef, 50),
        ratioTarget: null,
      }),
    ];
  } finally {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
