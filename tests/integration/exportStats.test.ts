import { describe, expect, test } from 'vitest';
import type { StatsReport } from '../../shared/domain/indicators';
import type { Lookups } from '../../shared/domain/lookups';
import { cell, col, firstSheet, grid, readBook, rowOf, useExportLedger } from './exportSetup';

/**
 * The statistics tables read back cell by cell: every number is the statistics module's (stats:report, the
 * dashboard's figures) or, where no indicator carries it, the same definition worked out here from the ledger
 * file's raw rows in plain code.
 */
const t = useExportLedger(300, 11);

interface Raw {
  id: number;
  kind: string;
  status: string;
  employees: number | null;
  band: string;
  area: number;
  org: string;
  orgType: string | null;
  partyOrg: number | null;
  full: number;
  prob: number;
  instructor: number | null;
  ownerMember: number;
  ownerSecretary: number;
  control: string | null;
}

const raw = () =>
  t
    .query<Raw>(
      `SELECT e.id, e.kind, e.operating_status AS status, e.employees, e.size_band AS band, e.area_id AS area,
         e.org_setting AS org, p.type AS orgType, e.party_org_id AS partyOrg, e.full_members AS full,
         e.probationary_members AS prob, e.instructor_id AS instructor, e.owner_is_member AS ownerMember,
         e.owner_is_secretary AS ownerSecretary, e.control_type AS control
       FROM enterprises e LEFT JOIN party_orgs p ON p.id = e.party_org_id`,
    )
    .filter((e) => e.status !== 'deregistered' && e.status !== 'moved-out');

describe('非公有制企业党组织覆盖情况统计表', () => {
  test('a row per area in the ledger order with counts, members and rates equal to the statistics; 合计 as SUM formulas', async () => {
    const { path, done } = await t.exportReport('coverage');
    const sheet = firstSheet(readBook(path));
    const rows = grid(sheet);
    const areas = (await t.call<Lookups>('settings:lookups')).areas;
    const report = await t.call<StatsReport>('stats:report');
    expect(done.rows).toBe(areas.length);
    expect(rows[0]![0]).toBe('非公有制企业党组织覆盖情况统计表');
    expect(String(rows[1]![0])).toBe('填报单位：中共长乐镇委员会');

    const head = rows.slice(2, 5);
    const first = 6;
    expect(rows.slice(first - 1, first - 1 + areas.length).map((r) => r[0])).toEqual(areas.map((a) => a.name));
    const totalRow = rowOf(sheet, '合计');
    expect(totalRow).toBe(first + areas.length);

    // Counts over the enterprises the indicators count: 企业 and 个体工商户, not 注销/迁出.
    const counted = raw().filter((e) => e.kind === 'enterprise' || e.kind === 'individual');
    const columnOf = (label: string) => {
      const c = head.map((r) => r.indexOf(label)).find((i) => i >= 0) ?? -1;
      expect(c, label).toBeGreaterThanOrEqual(0);
      return c + 1;
    };
    const expectations: [string, (e: Raw) => boolean | number][] = [
      ['企业总数', () => true],
      ['A类', (e) => e.band === 'A'],
      ['D类', (e) => e.band === 'D'],
      ['人数不详', (e) => e.band === 'unknown'],
      ['单独建立', (e) => e.org === 'standalone'],
      ['联合建立', (e) => e.org === 'joint'],
      ['挂靠', (e) => e.org === 'attached'],
      ['有党员的企业', (e) => e.full + e.prob >= 1],
      ['有党员未建党组织的企业', (e) => e.full + e.prob >= 1 && e.org === 'none'],
      ['正式党员', (e) => e.full],
      ['预备党员', (e) => e.prob],
    ];
    for (const [label, value] of expectations) {
      const c = columnOf(label);
      areas.forEach((a, i) => {
        const want = counted.filter((e) => e.area === a.id).reduce((s, e) => s + Number(value(e)), 0);
        expect(cell(sheet, `${col(c)}${first + i}`)?.v, `${label} ${a.name}`).toBe(want);
      });
      const total = cell(sheet, `${col(c)}${totalRow}`)!;
      expect(total.f).toBe(`SUM(${col(c)}${first}:${col(c)}${totalRow - 1})`);
      expect(total.v).toBe(counted.reduce((s, e) => s + Number(value(e)), 0));
    }

    // Each enabled indicator: 应覆盖, 已覆盖 and the rate, per area and in total, as the dashboard has them.
    for (const ind of report.indicators) {
      const c = head[0]!.indexOf(ind.name) + 1;
      expect(c, ind.name).toBeGreaterThan(0);
      areas.forEach((a, i) => {
        const b = ind.breakdowns.area.find((x) => x.key === String(a.id));
        const r = first + i;
        expect(cell(sheet, `${col(c)}${r}`)?.v).toBe(b?.denominator ?? 0);
        expect(cell(sheet, `${col(c + 1)}${r}`)?.v).toBe(b?.numerator ?? 0);
        const rate = cell(sheet, `${col(c + 2)}${r}`)!;
        expect(rate.f).toBe(`IF(${col(c)}${r}=0,"",${col(c + 1)}${r}/${col(c)}${r})`);
        if (b && b.rate !== null) expect(rate.v as number).toBeCloseTo(b.rate, 4);
        else expect(rate.v ?? '').toBe('');
        expect(rate.z).toBe('0.0%');
      });
      expect(cell(sheet, `${col(c)}${totalRow}`)?.v).toBe(ind.denominator);
      expect(cell(sheet, `${col(c + 1)}${totalRow}`)?.v).toBe(ind.numerator);
      if (ind.rate !== null) expect(cell(sheet, `${col(c + 2)}${totalRow}`)!.v as number).toBeCloseTo(ind.rate, 4);
    }
  });
});

describe('非公有经济控制的企业法人单位建立党的基层组织情况 (党内统计)', () => {
  const LINES = [
    '单位数',
    '其中：党建工作指导员联系的',
    '已单独建立党组织的',
    '其中：建立党委的',
    '建立党总支部的',
    '建立党支部的',
    '已建立联合党支部的',
    '其中：具有3名以上党员的',
    '联合党支部数',
    '未建立党组织的',
    '其中：应建尚未建立的',
    '仅有个别党员的',
    '没有党员的',
    '补充：党建工作指导员人数',
    '在岗职工数',
    '其中：已建立党组织的',
    '未建党组织但有党建工作指导员的',
    '党员数',
    '其中：已建立党组织的',
    '未建党组织但有党建工作指导员的',
  ];
  const COLUMNS: [string, (e: Raw) => boolean][] = [
    ['总数', () => true],
    ['从业人员50人以上的', (e) => (e.employees ?? -1) >= 50],
    ['从业人员100人以上的', (e) => (e.employees ?? -1) >= 100],
    ['法定代表人是党员的', (e) => e.ownerMember === 1],
    ['其中：兼任企业党组织书记的', (e) => e.ownerMember === 1 && e.ownerSecretary === 1],
    ['私营独资', (e) => e.control === 'private-sole'],
    ['港澳台商投资', (e) => e.control === 'private-hmt-invested'],
    ['外商投资', (e) => e.control === 'private-foreign-invested'],
    ['港澳台商独资', (e) => e.control === 'hmt-sole'],
    ['外商独资', (e) => e.control === 'foreign-sole'],
  ];
  /** The form's rows written out again from the raw rows: what each line counts, sums or counts once. */
  function expected(list: Raw[]): number[] {
    const n = (p: (e: Raw) => boolean) => list.filter(p).length;
    const sum = (p: (e: Raw) => boolean, v: (e: Raw) => number) => list.filter(p).reduce((s, e) => s + v(e), 0);
    const distinct = (p: (e: Raw) => boolean, v: (e: Raw) => number | null) => new Set(list.filter(p).map(v)).size;
    const members = (e: Raw) => e.full + e.prob;
    const hasOrg = (e: Raw) => e.org !== 'none';
    const standalone = (e: Raw) => e.org === 'standalone';
    const jointly = (e: Raw) => e.org === 'joint' || e.org === 'attached';
    const none = (e: Raw) => e.org === 'none';
    const guided = (e: Raw) => e.instructor !== null;
    return [
      list.length,
      n(guided),
      n(standalone),
      n((e) => standalone(e) && e.orgType === 'committee'),
      n((e) => standalone(e) && e.orgType === 'general-branch'),
      n((e) => standalone(e) && (e.orgType === 'branch' || e.orgType === 'floating-branch')),
      n(jointly),
      n((e) => jointly(e) && e.full >= 3),
      distinct(
        (e) => e.org === 'joint',
        (e) => e.partyOrg,
      ),
      n(none),
      n((e) => none(e) && e.full >= 3),
      n((e) => none(e) && members(e) >= 1 && e.full <= 2),
      n((e) => none(e) && members(e) === 0),
      distinct(guided, (e) => e.instructor),
      sum(
        () => true,
        (e) => e.employees ?? 0,
      ),
      sum(hasOrg, (e) => e.employees ?? 0),
      sum(
        (e) => !hasOrg(e) && guided(e),
        (e) => e.employees ?? 0,
      ),
      sum(() => true, members),
      sum(hasOrg, members),
      sum((e) => !hasOrg(e) && guided(e), members),
    ];
  }

  test('the fixed matrix: every line in every column as the form defines it, over active 企业 only', async () => {
    const { path, done } = await t.exportReport('party-stats');
    const sheet = firstSheet(readBook(path));
    const rows = grid(sheet);
    expect(rows[0]![0]).toBe('非公有经济控制的企业法人单位建立党的基层组织情况');
    const head = rows.slice(2, 5);
    expect(head[0]!.slice(0, 4)).toEqual(['项目', '行次', '总数', '其中']);
    expect(head[0]).toContain('按经济控制类型分');
    expect(head[1]).toEqual(expect.arrayContaining(['私有经济控制', '港澳台商经济控制', '外商经济控制']));
    const body = rows.slice(5, 5 + LINES.length);
    expect(done.rows).toBe(LINES.length);
    expect(body.map((r) => String(r[0]).trim())).toEqual(LINES);
    expect(body.map((r) => r[1])).toEqual(LINES.map((_, i) => i + 1));

    const enterprises = raw().filter((e) => e.kind === 'enterprise');
    expect(enterprises.some((e) => e.org === 'attached')).toBe(true);
    for (const [label, inColumn] of COLUMNS) {
      const c = head.map((r) => r.indexOf(label)).find((x) => x >= 0)!;
      expect(c, label).toBeGreaterThan(1);
      expect(
        body.map((r) => r[c]),
        label,
      ).toEqual(expected(enterprises.filter(inColumn)));
      // The form's own checks: 单独 + 联合 + 未建 = 单位数; 党委 + 总支 + 支部 = 单独; the three kinds of 未建 = 未建.
      const v = body.map((r) => r[c] as number);
      expect(v[2]! + v[6]! + v[9]!, label).toBe(v[0]);
      expect(v[3]! + v[4]! + v[5]!, label).toBe(v[2]);
      expect(v[10]! + v[11]! + v[12]!, label).toBe(v[9]);
    }
    // Where a line's definition is a reading of the form, the sheet says so in a comment on it.
    const note = cell(sheet, `A${5 + LINES.indexOf('已建立联合党支部的') + 1}`) as { c?: { t: string }[] };
    expect(note.c?.[0]?.t).toContain('挂靠');
    expect(rows.some((r) => String(r[0] ?? '').startsWith('说明：'))).toBe(true);
  });
});
